"""Test personas shared by every test: one fixture per role, plus the anonymous visitor.

Two coordinators of different faculties let tests show that scoping by faculty holds.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from hamkor.accounts.roles import Role


@pytest.fixture(autouse=True)
def _settings_for_tests(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = True
    # Only administrators must use two-factor, as by default; tests of it log in fully.
    settings.TWO_FACTOR_REQUIRED_ROLES = ["administrator"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A mistake in logging a security event fails the test instead of being only reported.
    settings.HAMKOR_SECURITY_LOG_STRICT = True
    # Assertions read English unless a test chooses a language; Uzbek stays the default
    # of the product itself.
    settings.LANGUAGE_CODE = "en"
    # Rate limits count in the cache: each test starts with none used.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    request, django_db_blocker, django_db_modify_db_settings_parallel_suffix
):
    """The workers of one run copy one migrated database instead of each running every
    migration (``hamkor/core/tests/template_db.py``); on PostgreSQL, the test databases' commits
    do not wait for the disk (a crash would lose a test database, never a result)."""
    from django.db import connections

    from hamkor.core.tests.template_db import clone_from_template, drop_clone

    clones = []
    for connection in connections.all():
        if connection.vendor == "postgresql":
            options = connection.settings_dict.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()
        elif connection.vendor != "sqlite" or connection.settings_dict["TEST"].get("NAME"):
            continue  # a SQLite test database in a file of one's choosing is left as it is
        worker = getattr(request.config, "workerinput", None)
        if worker is not None and not request.config.getvalue("reuse_db"):
            with django_db_blocker.unblock():
                clones.append(clone_from_template(connection, worker))
    request.config.hamkor_cloned_databases = bool(clones)
    yield
    with django_db_blocker.unblock():
        for clone in clones:
            drop_clone(*clone)


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """A worker's copy of the template is kept as it is when the session starts (it is
    already migrated) and dropped by ``django_db_modify_db_settings`` when it ends."""
    return bool(request.config.getvalue("reuse_db") or request.config.hamkor_cloned_databases)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """A transactional test leaves the database as migrated by copying back a snapshot taken
    now, instead of Django's ``flush`` (``hamkor/core/tests/fast_reset.py``)."""
    from django.db import connections

    from hamkor.core.tests import fast_reset

    baselines = {}
    with django_db_blocker.unblock():
        for connection in connections.all():
            if connection.vendor in ("postgresql", "sqlite"):
                baselines[connection.alias] = fast_reset.snapshot(connection.alias)
    with fast_reset.installed(baselines):
        yield


@pytest.fixture
def home(db):
    from hamkor.partners.tests.factories import HomeInstitutionFactory

    return HomeInstitutionFactory()


@pytest.fixture
def faculty_a(home):
    from hamkor.accounts.tests.factories import OrgUnitFactory

    return OrgUnitFactory(institution=home, code="faculty-a", name_en="Faculty A")


@pytest.fixture
def faculty_b(home):
    from hamkor.accounts.tests.factories import OrgUnitFactory

    return OrgUnitFactory(institution=home, code="faculty-b", name_en="Faculty B")


def _persona(role: str, **kwargs):
    from hamkor.accounts.tests.factories import UserFactory

    return UserFactory(roles=[role], email=f"{kwargs.pop('name', role)}@example.org", **kwargs)


@pytest.fixture
def admin(db, home):
    user = _persona(Role.ADMINISTRATOR, is_staff=True)
    return user


@pytest.fixture
def officer(db, home):
    return _persona(Role.OFFICER)


@pytest.fixture
def coordinator(faculty_a):
    return _persona(Role.COORDINATOR, org_unit=faculty_a)


@pytest.fixture
def coordinator_b(faculty_b):
    return _persona(Role.COORDINATOR, org_unit=faculty_b, name="coordinator-b")


@pytest.fixture
def leadership(db, home):
    return _persona(Role.LEADERSHIP)


@pytest.fixture
def applicant(faculty_a):
    return _persona(Role.APPLICANT, org_unit=faculty_a)


@pytest.fixture
def applicant_b(faculty_b):
    """Another applicant: what is applicant A's own is not found for them, and the reverse."""
    return _persona(Role.APPLICANT, org_unit=faculty_b, name="applicant-b")


@pytest.fixture
def foreign_student(faculty_a):
    return foreign_student_persona(faculty_a)


def foreign_student_persona(faculty):
    """An account linked to a foreign student of ``faculty`` (as the demo's foreign student:
    an applicant whose person is that student's), for the portal of foreign students."""
    from hamkor.students.tests.factories import ForeignPersonFactory, ForeignStudentFactory

    user = _persona(Role.APPLICANT, name="foreign-student")
    ForeignStudentFactory(faculty=faculty, person=ForeignPersonFactory(user=user))
    return user


@pytest.fixture
def reviewer(db):
    return reviewer_persona()


def reviewer_persona():
    """A member of the selection committee of one call under evaluation."""
    from hamkor.calls.models import Reviewer
    from hamkor.calls.tests.committee_world import call_under_evaluation

    user = _persona(Role.REVIEWER)
    Reviewer.objects.create(call=call_under_evaluation(), user=user)
    return user


def login(client, user):
    """Log ``user`` in fully: password and, for those who need it, the second factor."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    from hamkor.accounts.twofactor import is_required

    if device is None and is_required(user):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


PERSONAS = (
    "admin",
    "officer",
    "coordinator",
    "coordinator_b",
    "leadership",
    "applicant",
    "applicant_b",
    "foreign_student",
    "reviewer",
    "anonymous",
)


@pytest.fixture
def as_user(db, client, request):
    """``as_user("officer")``: a client logged in as that persona (or anonymous). It asks
    for the database itself: a persona fetched by name inside the test would come too late
    to set it up when it is the session's first test to need it."""

    def make(persona: str):
        if persona == "anonymous":
            return client
        return login(client, request.getfixturevalue(persona))

    return make


def shared_data_dir() -> Path | None:
    """The reference data beside the repository (CI, development), or None."""
    configured = os.environ.get("HAMKOR_DATA_DIR")
    path = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parent.parent / "shared" / "data"
    )
    return path if path.is_dir() else None


class _DemoLoad:
    """The demo data set's load: a transaction that stays open while tests on the demo data
    follow one another, and the test that comes next (set before each teardown)."""

    output: str | None = None
    stack: contextlib.ExitStack | None = None
    next_item: pytest.Item | None = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    _DemoLoad.next_item = nextitem


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data set, loaded inside a transaction rolled back once the tests on it are
    done (loading takes a while); the output of ``hamkor demo-data`` is the value.

    The modules on the demo data run one after the other (``pytest_collection_modifyitems``),
    so that one load serves them all: the transaction stays open from one such module to the
    next, and each test's changes are undone by its own savepoint (``demo``).
    """
    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import override_settings

    if _DemoLoad.stack is None:
        settings = {
            "MEDIA_ROOT": tmp_path_factory.mktemp("media"),
            "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        }
        stack = contextlib.ExitStack()
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(override_settings(**settings))
        stack.enter_context(transaction.atomic())
        out = io.StringIO()
        try:
            # The scans as plain PDFs: no test reads more of them than that they are PDFs.
            call_command("demo_data", plain_pdfs=True, stdout=out)
        except BaseException:
            stack.close()
            raise
        _DemoLoad.stack, _DemoLoad.output = stack, out.getvalue()
    yield _DemoLoad.output
    following = _DemoLoad.next_item
    if following is None or "demo_output" not in getattr(following, "fixturenames", ()):
        transaction.set_rollback(True)
        _DemoLoad.stack.close()
        _DemoLoad.stack = _DemoLoad.output = None


@pytest.fixture
def demo(demo_output, db):
    """Each test on the demo data runs in a savepoint within the load."""
    return demo_output


# The order the two workers take tests in (``make test`` runs ``--dist loadgroup``): the
# longest first, so that neither worker is left with a long browser test while the other has
# nothing to do. The walk over every page for every role and language leads, then the other
# browser tests, then the modules on the demo data. Those form one group that one worker runs
# from start to end (the scheduler hands out the largest group first), so that the demo data
# is loaded once per run for all of them (``demo_output``) instead of once per worker.
PHONE_WALK = "test_phone_layout.py"
DEMO_GROUP = "demo"


def _rank(item) -> int:
    if item.path.name == PHONE_WALK:
        return 0
    if "e2e" in item.path.parts:
        return 1
    if "demo_output" in getattr(item, "fixturenames", ()):
        return 2
    return 3


def _join_group(item, group: str) -> None:
    """Add ``@group`` to the test's id, as pytest-xdist does for ``--dist loadgroup``: its own
    renaming (``item._nodeid``) no longer takes since pytest 9 keeps the id as ``item._id``."""
    nodeid = f"{item.nodeid}@{group}"
    if hasattr(item, "_id"):
        from _pytest.nodeid import coerce_node_id

        item._id = coerce_node_id(nodeid)
    else:
        item._nodeid = nodeid


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    # The group is marked before pytest-xdist reads the marks; the order is set after
    # pytest-django has set its own.
    for item in items:
        if _rank(item) == 2:
            item.add_marker(pytest.mark.xdist_group(DEMO_GROUP))
    result = yield
    if getattr(config.option, "loadgroup", False):  # a worker of ``--dist loadgroup``
        for item in items:
            if _rank(item) == 2 and not item.nodeid.endswith(f"@{DEMO_GROUP}"):
                _join_group(item, DEMO_GROUP)
    items.sort(key=_rank)
    return result
