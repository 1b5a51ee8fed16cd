"""The authorization matrix's world (``tests/authorization_world.py``) for the modules here."""

from tests.authorization_world import in_world, world  # noqa: F401 (fixtures)


def pytest_terminal_summary(terminalreporter):
    """The authorization matrix's size, when its module ran."""
    reports = terminalreporter.stats.get("passed", ())
    if any("test_authorization_matrix" in getattr(r, "nodeid", "") for r in reports):
        from tests.test_authorization_matrix import matrix_size

        writes = any("test_api_write_answers" in getattr(r, "nodeid", "") for r in reports)
        terminalreporter.write_line(matrix_size(api_writes=writes))
