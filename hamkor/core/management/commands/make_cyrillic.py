"""``manage.py make_cyrillic``: derive the Uzbek Cyrillic catalogues from the Latin ones.

Translators work only on ``locale/uz/LC_MESSAGES/django.po`` (and ``djangojs.po``). This
command writes ``locale/uz_Cyrl/LC_MESSAGES/`` from them: every translated message is
transliterated with :func:`hamkor.core.translit.latin_to_cyrillic`, an untranslated one
stays untranslated, fuzzy and obsolete entries keep their flags, and the header says
``Language: uz_Cyrl``. It then compiles the ``.mo`` files next to the ``.po`` files.

``--check`` writes nothing and fails, listing the files, when the ``.po`` files on disk are
not what the command would write — so CI can tell that someone changed the Latin catalogue
without running the command, or edited the generated one by hand.
"""

from __future__ import annotations

from pathlib import Path

import polib
from django.core.management.base import BaseCommand, CommandError

import hamkor
from hamkor.core.translit import latin_to_cyrillic

SOURCE_LOCALE = "uz"
TARGET_LOCALE = "uz_Cyrl"
DOMAINS = ("django", "djangojs")

# How many differing messages --check names per file; the rest are only counted.
_SHOWN_DIFFERENCES = 10


def default_locale_dir() -> Path:
    """The project's locale directory, the one ``LOCALE_PATHS`` names."""
    return Path(hamkor.__file__).parent / "locale"


def cyrillic_catalogue(source: Path) -> polib.POFile:
    """Return the Uzbek Cyrillic catalogue derived from the Uzbek Latin one at ``source``.

    Only ``msgstr`` and ``msgstr_plural`` change, and ``Language`` in the header; the
    result depends on nothing but the source file, so comparing it with the file on disk
    tells whether that file is current.
    """
    catalogue = polib.pofile(str(source))
    catalogue.metadata["Language"] = TARGET_LOCALE
    notice = (
        f"Generated from {SOURCE_LOCALE}/LC_MESSAGES/{source.name} by `manage.py make_cyrillic`.\n"
        "Edit that file and run the command again: changes made here are lost."
    )
    catalogue.header = f"{notice}\n{catalogue.header}" if catalogue.header else notice
    for entry in catalogue:
        if entry.msgstr:
            entry.msgstr = latin_to_cyrillic(entry.msgstr)
        if entry.msgstr_plural:
            entry.msgstr_plural = {
                index: latin_to_cyrillic(text) for index, text in entry.msgstr_plural.items()
            }
    return catalogue


def _messages(catalogue: polib.POFile) -> dict[tuple, tuple]:
    return {
        (entry.msgctxt, entry.msgid, entry.obsolete): (
            entry.msgstr,
            tuple(sorted(entry.msgstr_plural.items())),
            entry.fuzzy,
        )
        for entry in catalogue
    }


def _differences(expected: polib.POFile, actual_text: str) -> list[str]:
    """Name the messages that differ, for a reader of the --check report."""
    try:
        actual = polib.pofile(actual_text)
    except (OSError, ValueError) as exc:
        return [f"cannot be read as a catalogue ({exc})"]
    wanted, found = _messages(expected), _messages(actual)
    names = []
    for key in sorted(wanted.keys() | found.keys(), key=repr):
        if wanted.get(key) != found.get(key):
            context, msgid, _obsolete = key
            names.append(f"{context}|{msgid}" if context else msgid)
    if not names:
        names.append("(the header)" if expected.metadata != actual.metadata else "(comments)")
    return names


class Command(BaseCommand):
    help = (
        "Write locale/uz_Cyrl/LC_MESSAGES/*.po and .mo by transliterating the Uzbek Latin "
        "catalogues; with --check, fail if the .po files on disk are stale."
    )
    # It reads and writes catalogue files only; leaving the system checks out lets it run
    # while other parts of the project are half-changed.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit non-zero if the uz_Cyrl .po files are not up to date.",
        )
        parser.add_argument(
            "--locale-dir",
            type=Path,
            default=None,
            help="The locale directory to work in (default: the hamkor package's locale/).",
        )

    def handle(self, *args, check: bool = False, locale_dir: Path | None = None, **options):
        locale_dir = Path(locale_dir) if locale_dir else default_locale_dir()
        source_dir = locale_dir / SOURCE_LOCALE / "LC_MESSAGES"
        target_dir = locale_dir / TARGET_LOCALE / "LC_MESSAGES"
        if not (source_dir / "django.po").is_file():
            raise CommandError(
                f"No Uzbek Latin catalogue at {source_dir / 'django.po'}; "
                f"run `manage.py makemessages -l {SOURCE_LOCALE}` first."
            )

        stale: list[str] = []
        for domain in DOMAINS:
            source = source_dir / f"{domain}.po"
            target = target_dir / f"{domain}.po"
            if not source.is_file():
                # A generated catalogue whose source is gone would keep serving old text.
                if target.exists():
                    if check:
                        stale.append(f"{target}: its source {source} no longer exists")
                    else:
                        target.unlink()
                        target.with_suffix(".mo").unlink(missing_ok=True)
                        self.stdout.write(f"Removed {target} (no {source.name} in uz)")
                continue

            catalogue = cyrillic_catalogue(source)
            text = str(catalogue)
            if check:
                if not target.is_file():
                    stale.append(f"{target}: missing")
                    continue
                current = target.read_text(encoding="utf-8")
                if current != text:
                    names = _differences(catalogue, current)
                    shown = "; ".join(names[:_SHOWN_DIFFERENCES])
                    more = len(names) - _SHOWN_DIFFERENCES
                    if more > 0:
                        shown += f"; and {more} more"
                    stale.append(f"{target}: differs from what {source.name} gives: {shown}")
                continue

            target_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
            catalogue.save_as_mofile(str(target.with_suffix(".mo")))
            self.stdout.write(
                f"Wrote {target} and its .mo "
                f"({len(catalogue.translated_entries())} translated messages)"
            )

        if stale:
            raise CommandError(
                "The Uzbek Cyrillic catalogues are stale; run `manage.py make_cyrillic`:\n"
                + "\n".join(f"  {line}" for line in stale)
            )
        if check:
            self.stdout.write("The Uzbek Cyrillic catalogues are up to date.")
