"""Every message a person reads exists in Uzbek (Latin and Cyrillic) and Russian.

English is the source language: its text is the msgid itself.
"""

from __future__ import annotations

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.test import Client
from django.utils import translation

PACKAGE = Path(__file__).resolve().parent.parent / "hamkor"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("uz", "uz_Cyrl", "ru")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_message(language):
    po = catalogue(language)
    missing = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not missing, f"{language}: untranslated: {missing[:20]}"
    assert not fuzzy, f"{language}: fuzzy: {fuzzy[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in po.translated_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            got = compiled.ngettext(key, entry.msgid_plural, 1)
            want = entry.msgstr_plural[0]
        else:
            got, want = compiled.gettext(key), entry.msgstr
        if got != want:
            stale.append(entry.msgid)
    assert not stale, f"{language}: run `make messages`; stale in the .mo: {stale[:10]}"


def test_uzbek_cyrillic_catalogue_is_the_transliteration_of_the_latin_one():
    result = subprocess.run(
        [sys.executable, "-m", "hamkor.cli", "make-cyrillic", "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("xgettext") is None,
    reason="GNU gettext (xgettext) not installed: cannot collect strings",
)
def test_makemessages_finds_no_string_missing_from_the_catalogues(tmp_path):
    # Collect the strings of a copy of the package, so the tree under test is not touched.
    copy = tmp_path / "hamkor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("vendor", "__pycache__", "*.mo"))
    # -P: the copy's own celery.py must not shadow the celery package.
    result = subprocess.run(
        [sys.executable, "-P", "-m", "hamkor.cli", "collect-messages"],
        cwd=copy,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    fresh = polib.pofile(str(copy / "locale" / "uz" / "LC_MESSAGES" / "django.po"))
    known = {(e.msgctxt, e.msgid) for e in catalogue("uz").translated_entries()}
    new = sorted(e.msgid for e in fresh if (e.msgctxt, e.msgid) not in known)
    assert not new, f"strings without a translation (run `make messages`): {new[:20]}"


@pytest.mark.parametrize(
    ("language", "word"),
    [("uz", "Kirish"), ("uz-cyrl", "Кириш"), ("ru", "Войти"), ("en", "Log in")],
)
def test_login_page_speaks_the_visitors_language(db, language, word):
    response = Client(headers={"accept-language": language}).get("/account/login/")
    assert f'lang="{language}"' in response.text
    assert word in response.text


def test_uzbek_cyrillic_dates_and_numbers_use_their_own_format():
    import datetime

    from django.utils.formats import date_format, number_format

    with translation.override("uz-cyrl"):
        assert date_format(datetime.date(2025, 10, 25), "SHORT_DATE_FORMAT") == "25.10.2025"
        assert number_format(1234567.5, 1, force_grouping=True) == "1\xa0234\xa0567,5"
        assert "октябр" in date_format(datetime.date(2025, 10, 25)).lower()


@pytest.mark.parametrize(
    ("language", "word"), [("uz", "Kirish"), ("uz-cyrl", "Кириш"), ("ru", "Войти")]
)
def test_login_reached_from_a_public_page_speaks_that_pages_language(db, language, word):
    # The browser asks for English; the visitor chose another language on the public site.
    visitor = Client(headers={"accept-language": "en"})
    assert visitor.get(f"/{language}/").status_code == 200

    response = visitor.get("/account/login/")

    assert f'lang="{language}"' in response.text
    assert word in response.text


def test_login_with_a_next_address_speaks_its_language(db):
    response = Client(headers={"accept-language": "en"}).get("/account/login/?next=/ru/")
    assert 'lang="ru"' in response.text
