"""``hamkor collect-messages``: ``makemessages`` with the project's options, in one place.

Run from the folder of the package (``hamkor/``); ``make messages`` and the translation
tests call it. Tests and front-end libraries hold no message a person reads.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

LANGUAGES = ("uz", "ru")  # English is the source; Uzbek Cyrillic is derived from uz
IGNORE = ("static/vendor/*", "*/tests/*", "tests/*")


class Command(BaseCommand):
    help = "Collect the translatable strings of the package into its uz and ru catalogues."

    def handle(self, *args, **options):
        call_command(
            "makemessages",
            locale=list(LANGUAGES),
            ignore_patterns=list(IGNORE),
            no_location=True,
            no_obsolete=True,
            verbosity=options["verbosity"],
        )
