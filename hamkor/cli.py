"""The ``hamkor`` console command: Django's management commands under one name.

``hamkor serve`` is ``runserver`` (the embedded development server); every other word is
passed to Django as it is, with dashes allowed in command names (``hamkor demo-data``).
A setting that cannot be read is reported as one line, not a traceback.
"""

from __future__ import annotations

import os
import sys

ALIASES = {"serve": "runserver"}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        command = ALIASES.get(argv[1], argv[1])
        argv[1] = command.replace("-", "_")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.conf import settings
        from django.core.management import execute_from_command_line

        # Django's command runner would swallow a settings error and go on with defaults;
        # reading the settings first makes a wrong value stop here.
        settings.INSTALLED_APPS  # noqa: B018
        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"hamkor: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
