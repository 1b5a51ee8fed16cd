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

from hamkor import languages
from hamkor.core.tests.exports import content_of

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
    assert f'<html lang="{languages.BCP47[language]}">' in response.text
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

    assert f'<html lang="{languages.BCP47[language]}">' in response.text
    assert word in response.text


def test_login_with_a_next_address_speaks_its_language(db):
    response = Client(headers={"accept-language": "en"}).get("/account/login/?next=/ru/")
    assert 'lang="ru"' in response.text


# --- what a page, an export, a letter and an e-mail show, rendered in each language --------

PAGE_LANGUAGES = ("uz", "uz-cyrl", "ru")

# Words that are the same in every language: acronyms, codes and proper names.
SAME_IN_EVERY_LANGUAGE = {
    "QS", "PIC", "ROR id", "SCHAC", "ID", "E-mail", "Erasmus", "URL", "PDF", "CSV", "XLSX",
    "Hamkor", "№", "#", "OK", "API", "DOI",
}  # fmt: skip


def generic_list_urls() -> list[str]:
    """The addresses of the generic lists (search, filters, table, export)."""
    from django.urls import get_resolver, resolve, reverse

    from hamkor.core.views.generic import ObjectListView

    urls = []
    for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items():
        for name in resolver.reverse_dict:
            if isinstance(name, str) and name.endswith("_list"):
                try:
                    url = reverse(f"{namespace}:{name}")
                except Exception:  # a list below a parent record: needs arguments
                    continue
                view = getattr(resolve(url).func, "view_class", None)
                if view is not None and issubclass(view, ObjectListView):
                    urls.append(url)
    return sorted(set(urls))


def labels_and_headers(html: str) -> set[str]:
    """The texts of the filter form's labels and of the table's column headers."""
    import re

    texts = re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    texts += re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)
    plain = {re.sub(r"<[^>]+>|\s+", " ", text).strip() for text in texts}
    return {text for text in plain if re.search(r"[A-Za-z]{2}", text)}


def client_in(language: str, persona) -> Client:
    from conftest import login

    persona.language = language
    persona.save(update_fields=["language"])
    return login(Client(), persona)


def untranslated(english: set[str], translated: set[str]) -> set[str]:
    return {text for text in english & translated if text not in SAME_IN_EVERY_LANGUAGE}


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_list_pages_translate_every_filter_label_and_column_header(admin, language):
    urls = generic_list_urls()
    assert len(urls) >= 8, urls
    for url in urls:
        english = labels_and_headers(client_in("en", admin).get(url).text)
        translated = labels_and_headers(client_in(language, admin).get(url).text)
        assert english, url
        assert not untranslated(english, translated), f"{url} in {language}"


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_institution_filters_name_country_kind_and_partnership_in_the_language(officer, language):
    text = client_in(language, officer).get("/staff/institutions/").text
    for english in (">Country<", ">Kind<", ">Partnership<"):
        assert english not in text, (language, english)


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_list_exports_translate_every_column_header(admin, language):
    import csv
    import io

    for url in generic_list_urls():
        english_response = client_in("en", admin).get(url, {"export": "csv"})
        if english_response.status_code != 200:
            continue  # a list without export
        english = next(csv.reader(io.StringIO(content_of(english_response).decode("utf-8-sig"))))
        response = client_in(language, admin).get(url, {"export": "csv"})
        headers = next(csv.reader(io.StringIO(content_of(response).decode("utf-8-sig"))))
        assert not untranslated(set(english), set(headers)), f"{url} in {language}"


@pytest.mark.parametrize(
    ("language", "no_results"),
    [("uz", "Hech narsa topilmadi"), ("uz-cyrl", "Ҳеч нарса топилмади"),
     ("ru", "Ничего не найдено"), ("en", "No results found")],
)  # fmt: skip
def test_picker_texts_reach_the_page_scripts_in_the_language(officer, language, no_results):
    import json
    import re

    text = client_in(language, officer).get("/staff/institutions/").text
    found = re.search(r'<script id="hamkor-texts" type="application/json">(.*?)</script>', text)
    assert found, "base.html must carry the scripts' texts"
    texts = json.loads(found.group(1))
    assert texts["picker_no_results"] == no_results
    assert texts["picker_placeholder"]


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_add_pages_have_titles_in_the_language(admin, language):
    english_client, client = client_in("en", admin), None
    english = {url: english_client.get(url).text for url in add_urls()}
    client = client_in(language, admin)
    for url, english_text in english.items():
        import re

        title = re.search(r"<h1[^>]*>(.*?)</h1>", english_text, re.S).group(1).strip()
        assert title not in client.get(url).text, f"{url}: {title}"


def add_urls() -> list[str]:
    return [url.removesuffix("/") + "/add/" for url in generic_list_urls()]


def test_russian_add_titles_agree_in_gender(admin):
    client = client_in("ru", admin)
    assert "Новый человек" in client.get("/staff/people/add/").text
    assert "Новое учреждение" in client.get("/staff/institutions/add/").text
    assert "Добавление:" not in client.get("/staff/people/add/").text


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_every_history_code_has_a_translated_label(language):
    from hamkor.core.reasons import ACTIONS

    for key, label in ACTIONS.items():
        with translation.override("en"):
            english = str(label)
        with translation.override(language):
            assert str(label) != english, (language, key)


@pytest.mark.parametrize(
    ("language", "label"),
    [("uz", "Demo maʼlumotlar yuklandi"), ("uz-cyrl", "Демо маълумотлар юкланди"),
     ("ru", "Загружены демонстрационные данные")],
)  # fmt: skip
def test_history_tab_shows_translated_labels(officer, home, language, label):
    from hamkor.agreements.tests.factories import AgreementFactory
    from hamkor.core.services import object_save

    agreement = AgreementFactory()
    object_save(instance=agreement, actor=None, reason="demo.loaded")

    text = client_in(language, officer).get(f"/staff/agreements/{agreement.pk}/history/").text

    assert label in text
    assert "demo.loaded" not in text


# What the reset e-mail's {% url %} needs; every other variable may stay empty.
EMAIL_CONTEXT = {
    "uid": "MQ", "token": "set-by-django", "protocol": "https", "domain": "x.uz",
    "days_left": 5, "days_overdue": 5, "days": 3,
    "rules": {"report_days": 5, "registration_days": 3},
}  # fmt: skip
EMAIL_TEMPLATES = sorted(
    str(path.relative_to(path.parents[2])) for path in PACKAGE.glob("*/templates/*/email/*.txt")
)


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
@pytest.mark.parametrize("template", EMAIL_TEMPLATES)
def test_every_email_template_is_translated(template, language):
    import re

    from django.template.loader import render_to_string

    def lines(lang: str) -> set[str]:
        with translation.override(lang):
            text = render_to_string(template, EMAIL_CONTEXT)
        return {
            line.strip()
            for line in text.splitlines()
            if re.search("[A-Za-z]{3}", line) and "://" not in line
        }

    english, translated = lines("en"), lines(language)
    assert english, template
    assert not (english & translated), f"{template} in {language}: {english & translated}"


@pytest.mark.parametrize("language", ("uz", "ru"))
def test_invitation_letter_pdf_has_no_english_text_on_its_translated_pages(
    as_user, home, faculty_a, language
):
    import datetime
    import io

    from django.urls import reverse
    from pypdf import PdfReader

    from hamkor.mobility.models import Mobility
    from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory

    person = PersonFactory(
        citizenship="DE", language=language, date_of_birth=datetime.date(1975, 12, 4)
    )
    mobility = MobilityFactory(incoming=True, person=person, kind=Mobility.Kind.STAFF_TEACHING)
    client = as_user("officer")
    client.post(reverse("mobility:mobility_letter_issue", kwargs={"pk": mobility.pk}))
    pdf = client.get(reverse("mobility:mobility_letter", kwargs={"pk": mobility.pk})).content
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

    for english in ("Letter of invitation", "Citizenship", "Date of birth", "Germany", "December"):
        assert english not in first_page, (language, english)
    assert {"uz": "4 dekabr 1975", "ru": "4 декабря 1975"}[language] in first_page


def test_uzbek_messages_call_the_office_by_one_name():
    for entry in catalogue("uz"):
        assert "xalqaro aloqalar" not in entry.msgstr.lower(), entry.msgid
