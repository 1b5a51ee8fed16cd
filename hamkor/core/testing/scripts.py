"""Run a ``hamkor`` command as scripts run it: a process of its own, its real exit status,
reading the test's database (a copy of it on SQLite, the database itself on PostgreSQL; the
test must be transactional so that the process sees its rows)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.db import connection

PROJECT = Path(__file__).resolve().parents[3]


def database_url_for_process(tmp_path: Path) -> str:
    """The address another process reads the test's data at."""
    if connection.vendor == "sqlite":
        target = tmp_path / "copy.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{target}"
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def run_hamkor(
    database_url: str, tmp_path: Path, *args: str, timeout: int = 300
) -> subprocess.CompletedProcess:
    """``hamkor <args>`` in its own process, in English, on ``database_url``."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HAMKOR_VAR_DIR": str(tmp_path / "var"),
        "LANGUAGE_CODE": "en",
        "DJANGO_SETTINGS_MODULE": "hamkor.settings",
    }
    return subprocess.run(
        [sys.executable, "-m", "hamkor.cli", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def bench_script(name: str):
    """``bench/<name>.py`` loaded as a module (its functions called by a test)."""
    import importlib.util

    module_name = f"bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PROJECT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def migrated_sqlite_copy(tmp_path: Path, template: Path) -> Path:
    """A copy of ``template`` (a migrated SQLite file) in ``tmp_path``, for one test."""
    import shutil

    return Path(shutil.copyfile(template, tmp_path / "migrated.sqlite3"))
