"""Fill a database for the benchmarks: ``hamkor bench-data`` after the migrations.

    DATABASE_URL=postgres://... .venv/bin/python bench/generate.py --scale 1

A thin wrapper kept for ``make bench-large`` and older notes: it migrates, then runs
``hamkor bench-data`` with the world directory of ``--directory`` (default
``$HAMKOR_DATA_DIR`` or ``../shared/data``) when that folder exists. Every other option is
the command's (``--scale``, ``--seed``, ``--with-demo``, ``--force``); see bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HAMKOR_VAR_DIR", tempfile.mkdtemp(prefix="hamkor-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.management.base import CommandError  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--directory", default=None, help="folder of the world directory lists")
    args, rest = parser.parse_known_args()
    directory = Path(
        args.directory
        or os.environ.get("HAMKOR_DATA_DIR")
        or Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    )
    call_command("migrate", verbosity=0)
    options = [*rest, *(["--directory", str(directory)] if directory.is_dir() else [])]
    try:
        call_command("bench_data", *options)
    except CommandError as error:
        sys.exit(f"bench-data: {error}")


if __name__ == "__main__":
    main()
