"""One migrated database per test run, copied for each pytest-xdist worker.

Running every migration takes a while (some 20 s of a core on SQLite, more on PostgreSQL);
copying the result takes a moment. The first worker to take the lock migrates the template;
every worker then copies it, and the last one to copy removes it. A file in the temporary
folder, named after the run, records who has copied it.

- PostgreSQL: the template is a database, copied by ``CREATE DATABASE ... TEMPLATE`` under the
  worker's own name (``test_<name>_gw0``...).
- SQLite: the template is a file in the temporary folder; each worker's test database stays
  in memory, as Django makes it, and is filled from the file by SQLite's backup before
  Django's ``migrate`` runs, which then finds every migration applied.
"""

from __future__ import annotations

import fcntl
import sqlite3
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


def _copied_by(record: Path, worker: dict) -> bool:
    """Note that ``worker`` has its copy; True when it is the last worker to need the template."""
    copied = [*record.read_text().split(), worker["workerid"]]
    record.write_text("\n".join(copied))
    return len(copied) >= worker["workercount"]


def clone_from_template(connection, worker: dict) -> tuple:
    """Give this worker its copy of the run's template; return what ``drop_clone`` needs."""
    if connection.vendor == "sqlite":
        return _sqlite_clone(connection, worker)
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
        if _copied_by(record, worker):
            _execute(connection, f"DROP DATABASE {quote(template)}")
            record.unlink()
    return connection, clone


def _sqlite_clone(connection, worker: dict) -> tuple:
    """Migrate the run's template file once; have this worker's in-memory test database filled
    from it when Django creates it (``_create_test_db``)."""
    settings = connection.settings_dict
    run = worker["testrunuid"]
    template = Path(tempfile.gettempdir()) / f"hamkor-test-{connection.alias}-{run}.sqlite3"
    record = template.with_suffix(".copied")
    with _locked(template.name):
        if not record.exists():
            name = settings["NAME"]
            settings["TEST"]["NAME"] = str(template)
            try:
                connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            finally:
                connection.close()
                # Back to Django's in-memory test database.
                settings["NAME"], settings["TEST"]["NAME"] = name, None
            record.write_text("")
        # Read now, while the lock is held: the last worker to get here removes the file.
        source = sqlite3.connect(template)
        copy = sqlite3.connect(":memory:")
        source.backup(copy)
        source.close()
        if _copied_by(record, worker):
            template.unlink()
            record.unlink()

    create = connection.creation._create_test_db

    def _create_test_db(verbosity, autoclobber, keepdb=False):
        name = create(verbosity, autoclobber, keepdb)
        # Connected under the in-memory name, the connection is kept open by Django (closing
        # it would lose the database) until the session ends.
        connection.close()
        settings["NAME"] = name
        connection.ensure_connection()
        copy.backup(connection.connection)
        copy.close()
        return name

    connection.creation._create_test_db = _create_test_db
    return connection, None


def drop_clone(connection, clone: str | None) -> None:
    from django.db import connections

    connections.close_all()
    if clone is None:  # SQLite in memory: gone with the connection
        return
    _execute(connection, f"DROP DATABASE IF EXISTS {connection.ops.quote_name(clone)}")
