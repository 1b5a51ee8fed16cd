"""One migrated PostgreSQL database per test run, copied for each pytest-xdist worker.

Running every migration takes PostgreSQL a while; ``CREATE DATABASE ... TEMPLATE`` copies the
result in a moment. The first worker to take the lock migrates the template; every worker then
copies it under its own name (``test_<name>_gw0``...), and the last one to copy drops it.
A file in the temporary folder, named after the run, records who has copied it.
"""

from __future__ import annotations

import fcntl
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def _locked(name: str):
    with open(Path(tempfile.gettempdir()) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _execute(connection, sql: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(sql)


def clone_from_template(connection, worker: dict) -> tuple:
    """Give this worker its copy of the run's template; return what ``drop_clone`` needs."""
    settings = connection.settings_dict
    clone = settings["TEST"]["NAME"]  # pytest-django has added the worker's suffix
    template = f"{clone.removesuffix('_' + worker['workerid'])}_template"
    quote = connection.ops.quote_name
    record = Path(tempfile.gettempdir()) / f"{template}-{worker['testrunuid']}"
    with _locked(template):
        if not record.exists():
            name = settings["NAME"]
            settings["TEST"]["NAME"] = template
            try:
                connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            finally:
                connection.close()
                settings["NAME"], settings["TEST"]["NAME"] = name, clone
            record.write_text("")
        _execute(connection, f"DROP DATABASE IF EXISTS {quote(clone)}")
        _execute(connection, f"CREATE DATABASE {quote(clone)} TEMPLATE {quote(template)}")
        copied = [*record.read_text().split(), worker["workerid"]]
        record.write_text("\n".join(copied))
        if len(copied) >= worker["workercount"]:
            _execute(connection, f"DROP DATABASE {quote(template)}")
            record.unlink()
    return connection, clone


def drop_clone(connection, clone: str) -> None:
    from django.db import connections

    connections.close_all()
    _execute(connection, f"DROP DATABASE IF EXISTS {connection.ops.quote_name(clone)}")
