"""What depends on the reader's language: country names and their order, dates on
documents, times in the office's time zone, and readable labels for history codes."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import translation

from conftest import login
from hamkor.accounts.tests.factories import UserFactory
from hamkor.core.countries import collation_key, countries, country_name
from hamkor.core.dates import format_datetime, format_long_date, format_long_datetime
from hamkor.core.reasons import reason_label
from hamkor.core.services import object_save
from hamkor.core.tests.exports import content_of

LANGUAGES = ("uz", "uz-cyrl", "ru", "en")


def sort(words: list[str], language: str) -> list[str]:
    return sorted(words, key=lambda word: collation_key(word, language))


def test_uzbek_latin_puts_its_five_extra_letters_after_z_in_order():
    words = ["Chili", "Oʻzbekiston", "Zambiya", "Gʻana", "Shvetsiya", "Ngala", "Gana", "Oman"]
    assert sort(words, "uz") == [
        "Gana", "Oman", "Zambiya", "Oʻzbekiston", "Gʻana", "Shvetsiya", "Chili", "Ngala",
    ]  # fmt: skip


def test_uzbek_latin_collation_accepts_every_apostrophe_for_o_and_g():
    assert collation_key("Oʻzbekiston", "uz") == collation_key("O'zbekiston", "uz")
    assert collation_key("Qo‘shma", "uz") == collation_key("Qoʻshma", "uz")


def test_russian_puts_yo_after_ye_and_uzbek_cyrillic_ends_with_its_own_letters():
    assert sort(["Ёлка", "Жук", "Ель"], "ru") == ["Ель", "Ёлка", "Жук"]
    assert sort(["Ҳиндистон", "Қатар", "Ўзбекистон", "Япония", "Ғана"], "uz-cyrl") == [
        "Япония", "Ўзбекистон", "Қатар", "Ғана", "Ҳиндистон",
    ]  # fmt: skip


def test_english_collation_sorts_accented_letters_with_their_base_letter():
    assert sort(["Austria", "Åland Islands", "Albania"], "en") == [
        "Åland Islands", "Albania", "Austria",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "russia", "usa"),
    [
        ("uz", "Rossiya", "Amerika Qoʻshma Shtatlari"),
        ("uz-cyrl", "Россия", "Америка Қўшма Штатлари"),
        ("ru", "Россия", "Соединенные Штаты"),
        ("en", "Russia", "United States"),
    ],
)
def test_country_names_come_from_the_cldr_in_every_language(language, russia, usa):
    assert country_name("RU", language) == russia
    assert country_name("us", language) == usa
    with translation.override(language):
        assert country_name("RU") == russia
        choices = dict(countries)
        assert choices["RU"] == russia


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_choices_are_sorted_by_the_language_alphabet(language):
    with translation.override(language):
        names = [name for _code, name in countries]
    assert names == sort(names, language)
    assert len(names) > 240


def test_uzbek_country_choices_end_with_the_letters_after_z():
    with translation.override("uz"):
        names = [name for _code, name in countries]
    assert names.index("Oʻzbekiston") > names.index("Zambiya")
    assert names.index("Chili") > names.index("Oʻzbekiston")


def test_country_field_names_the_country_in_the_active_language(home):
    home.country = "DE"
    for language, name in (("uz", "Germaniya"), ("ru", "Германия"), ("en", "Germany")):
        with translation.override(language):
            assert home.country.name == name


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "4 December 1975"),
        ("uz", "4 dekabr 1975"),
        ("uz-cyrl", "4 декабр 1975"),
        ("ru", "4 декабря 1975"),
    ],
)
def test_long_dates_write_the_month_in_words(language, text):
    assert format_long_date(datetime.date(1975, 12, 4), language) == text
    with translation.override(language):
        assert format_long_date(datetime.date(1975, 12, 4)) == text


def test_long_date_of_a_time_is_its_date_in_tashkent():
    late_evening_utc = datetime.datetime(2026, 12, 6, 23, 4, tzinfo=datetime.UTC)
    assert format_long_date(late_evening_utc, "en") == "7 December 2026"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "7 December 2026, 04:04"),
        ("uz", "7 dekabr 2026, 04:04"),
        ("uz-cyrl", "7 декабр 2026, 04:04"),
        ("ru", "7 декабря 2026, 04:04"),
    ],
)
def test_long_times_write_the_month_in_words_in_tashkent(language, text):
    moment = datetime.datetime(2026, 12, 6, 23, 4, 13, tzinfo=datetime.UTC)
    assert format_long_datetime(moment, language) == text


@pytest.mark.parametrize("language", LANGUAGES)
def test_times_are_shown_in_tashkent_without_seconds_or_zone(language):
    moment = datetime.datetime(2026, 12, 6, 23, 4, 13, 658107, tzinfo=datetime.UTC)
    text = format_datetime(moment, language)
    assert "04:04" in text and "7" in text.replace("04:04", "")
    assert "23:04" not in text and "+00:00" not in text and "658107" not in text


@pytest.mark.parametrize(
    ("language", "code", "label"),
    [
        ("en", "agreements.agreement.activate", "Activation"),
        ("en", "demo.loaded", "Demo data loaded"),
        ("en", "agreements.agreement.reopen: they asked", "Reopened for negotiation: they asked"),
        ("en", "accounts.user.edited:coordinator", "Edited: Faculty coordinator"),
        ("en", "partners.institution.merged:12", "A duplicate merged into it: #12"),
        ("en", "mobility.mobility.start_trip", "Start of the trip"),
        ("en", "website.gallery.published_widely", "Published widely"),
        ("en", "", ""),
        ("en", "Corrected by hand", "Corrected by hand"),
    ],
)  # fmt: skip
def test_reason_label_reads_every_code_as_words(language, code, label):
    with translation.override(language):
        assert reason_label(code) == label


def staff_client(language: str) -> Client:
    return login(Client(), UserFactory(roles=["officer"], language=language))


def test_history_tab_shows_local_times_and_labels_not_codes(home, faculty_a):
    from hamkor.agreements.tests.factories import AgreementFactory

    agreement = AgreementFactory()
    agreement.status_changed_at = datetime.datetime(
        2026, 12, 6, 23, 4, 13, 658107, tzinfo=datetime.UTC
    )
    object_save(instance=agreement, actor=None, reason="demo.loaded")

    text = staff_client("en").get(f"/staff/agreements/{agreement.pk}/history/").text

    assert "Demo data loaded" in text
    assert "demo.loaded" not in text
    assert "+00:00" not in text and "658107" not in text
    assert "04:04" in text  # 23:04 UTC is 04:04 the next morning in Tashkent


def test_stale_save_message_gives_the_time_in_tashkent(home, faculty_a):
    colleague = staff_client("en")
    data = {
        "institution": faculty_a.institution_id, "kind": faculty_a.kind, "code": faculty_a.code,
        "name_uz": faculty_a.name_uz, "name_ru": faculty_a.name_ru, "name_en": "Faculty B",
        "is_active": "on", "_version": 1,
    }  # fmt: skip
    assert colleague.post(f"/staff/units/{faculty_a.pk}/edit/", data).status_code == 302
    # The colleague saved at 23:04 UTC, which is 04:04 the next morning in Tashkent.
    saved = faculty_a.history.order_by("-history_id").first()
    saved_at = datetime.datetime(2030, 12, 6, 23, 4, 13, 658107, tzinfo=datetime.UTC)
    faculty_a.history.filter(pk=saved.pk).update(history_date=saved_at)

    response = staff_client("en").post(f"/staff/units/{faculty_a.pk}/edit/", data)

    assert response.status_code == 409
    assert "at 7 Dec 2030, 04:04, after you opened it" in response.text
    assert "23:04" not in response.text


@pytest.fixture
def kazan(home):
    from hamkor.partners.models import Institution
    from hamkor.partners.tests.factories import InstitutionFactory

    return InstitutionFactory(
        name="Kazan Federal University", country="RU", partnership=Institution.Partnership.ACTIVE
    )


@pytest.mark.parametrize(
    ("language", "russia"),
    [("uz", "Rossiya"), ("uz-cyrl", "Россия"), ("ru", "Россия"), ("en", "Russia")],
)
def test_institution_page_and_export_name_the_country_in_the_language(kazan, language, russia):
    import csv
    import io

    client = staff_client(language)

    page = client.get(f"/staff/institutions/{kazan.pk}/").text
    export = content_of(client.get("/staff/institutions/", {"export": "csv"})).decode("utf-8-sig")

    assert f">{russia}<" in page
    rows = list(csv.reader(io.StringIO(export)))
    assert russia in rows[1]
    if language != "en":
        assert "Russia" not in page and "Russia" not in export


def test_country_filter_lists_countries_in_uzbek_alphabetical_order(kazan):
    text = staff_client("uz").get("/staff/institutions/").text
    assert text.index(">Zambiya<") < text.index(">Oʻzbekiston<") < text.index(">Chili<")
    assert ">Germany<" not in text


@pytest.mark.parametrize(("language", "russia"), [("uz", "Rossiya"), ("ru", "Россия")])
def test_api_gives_the_country_name_in_the_requested_language(as_user, kazan, language, russia):
    response = as_user("officer").get(
        "/api/v1/institutions/", {"q": "Kazan"}, headers={"accept-language": language}
    )
    row = response.json()["results"][0]
    assert (row["country"], row["country_name"]) == ("RU", russia)


def test_filter_labels_stay_translated_after_the_api_schema_read_the_filters(as_user, home):
    # The schema generator builds the class's form fields before any page does.
    from hamkor.partners.filters import InstitutionFilterSet

    as_user("officer").get("/api/schema/")
    for name in ("country", "kind", "partnership"):
        assert InstitutionFilterSet.base_filters[name].field is not None

    text = staff_client("uz").get("/staff/institutions/").text

    for uzbek in (">Mamlakat<", ">Turi<", ">Hamkorlik<"):
        assert uzbek in text
    for english in (">Country<", ">Kind<", ">Partnership<"):
        assert english not in text
