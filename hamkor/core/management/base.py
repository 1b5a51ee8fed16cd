"""A base for the commands scripts rely on: a bad argument is one line and status 2."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

BAD_INPUT = 2


class ScriptCommand(BaseCommand):
    """argparse would print its usage too; scripts expect one line on standard error and
    status 2, for a wrong option as for a value the command refuses
    (``raise CommandError(message, returncode=BAD_INPUT)``).

    Its messages are in English whatever the installation's language, as scripts and logs
    read them; what the command writes in a language of its own choice (a report in
    ``--lang``) it writes under ``translation.override``.
    """

    def execute(self, *args, **options):
        with translation.override(None):
            return super().execute(*args, **options)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message):
            if parser.called_from_command_line:
                name = subcommand.replace("_", "-")
                sys.stderr.write(f"{Path(prog_name).name} {name}: error: {message}\n")
                sys.exit(BAD_INPUT)
            raise CommandError(f"Error: {message}", returncode=BAD_INPUT)

        parser.error = error
        return parser
