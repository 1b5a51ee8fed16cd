"""The agreements list: search, filters, columns, a constant number of queries, export."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import (
    AgreementFactory,
    CooperationAreaFactory,
    MobilityQuotaFactory,
    PartnerFactory,
)
from hamkor.core.tests.exports import csv_rows, xlsx_rows

LIST = "/staff/agreements/"
EXPIRING = "/staff/agreements-expiring/"


@pytest.fixture
def bogazici(db):
    return PartnerFactory(name="Boğaziçi Üniversitesi", name_en="Bogazici University", country="TR")


@pytest.fixture
def sample(home, faculty_a, faculty_b, bogazici):
    """Three agreements that differ in every filtered property."""
    research = CooperationAreaFactory(code="research", name_en="Research")
    turkish = AgreementFactory(
        reference="MOU-2023-001",
        title="Academic cooperation",
        partners=[bogazici],
        units=[faculty_a],
        signed_on=datetime.date(2023, 4, 10),
        valid_from=datetime.date(2023, 4, 10),
        valid_to=datetime.date(2028, 4, 9),
        status=Agreement.Status.ACTIVE,
    )
    turkish.areas.add(research)
    korean = AgreementFactory(
        reference="IIA-2024-001",
        kind=Agreement.Kind.ERASMUS,
        title="Student exchange",
        partners=[PartnerFactory(name="Korea University", country="KR")],
        units=[faculty_b],
        signed_on=datetime.date(2024, 9, 1),
        valid_from=datetime.date(2024, 9, 1),
        valid_to=None,
        status=Agreement.Status.ACTIVE,
    )
    draft = AgreementFactory(
        reference="CA-2025-001",
        kind=Agreement.Kind.COOPERATION,
        title="Joint research centre",
        partners=[PartnerFactory(name="Tomsk State University", country="RU")],
        signed_on=None,
        valid_from=None,
        valid_to=None,
    )
    return {"turkish": turkish, "korean": korean, "draft": draft}


def references(response) -> set[str]:
    return {ref for ref in ("MOU-2023-001", "IIA-2024-001", "CA-2025-001") if ref in response.text}


def test_list_shows_the_columns_of_each_agreement(as_user, sample):
    response = as_user("officer").get(LIST)
    text = response.text
    assert response.status_code == 200
    assert "3 records" in text
    assert f'href="{sample["turkish"].get_absolute_url()}"' in text
    assert "Bogazici University" in text  # the name in the reader's language
    assert "Erasmus+ inter-institutional agreement" in text
    assert '<span class="badge text-bg-success">Active</span>' in text
    assert "open-ended" in text  # the Korean agreement has no end date


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "MOU-2023"}, {"MOU-2023-001"}),
        ({"q": "exchange"}, {"IIA-2024-001"}),
        ({"q": "Bogazici"}, {"MOU-2023-001"}),  # the partner's English name
        ({"q": "Tomsk"}, {"CA-2025-001"}),
        ({"kind": "erasmus_iia"}, {"IIA-2024-001"}),
        ({"status": "draft"}, {"CA-2025-001"}),
        ({"country": "KR"}, {"IIA-2024-001"}),
        ({"signed_year": "2023"}, {"MOU-2023-001"}),
        ({"valid_on": "2024-01-01"}, {"MOU-2023-001"}),
        ({"valid_on": "2030-01-01"}, {"IIA-2024-001"}),
    ],
)
def test_list_searches_and_filters(as_user, sample, query, expected):
    assert references(as_user("officer").get(LIST, query)) == expected


def test_list_filters_by_partner_faculty_and_area(as_user, sample, bogazici, faculty_b):
    client = as_user("officer")
    assert references(client.get(LIST, {"institution": bogazici.pk})) == {"MOU-2023-001"}
    assert references(client.get(LIST, {"faculty": faculty_b.pk})) == {"IIA-2024-001"}
    area = sample["turkish"].areas.get()
    assert references(client.get(LIST, {"area": area.pk})) == {"MOU-2023-001"}


def test_list_faculty_filter_includes_the_faculty_departments(as_user, sample, faculty_a):
    from hamkor.accounts.tests.factories import OrgUnitFactory

    chair = OrgUnitFactory(institution=faculty_a.institution, parent=faculty_a, kind="department")
    AgreementFactory(reference="RES-2024-001", units=[chair])
    response = as_user("officer").get(LIST, {"faculty": faculty_a.pk})
    assert "RES-2024-001" in response.text
    assert "MOU-2023-001" in response.text


def test_list_filters_agreements_expiring_within_days(as_user, home):
    today = timezone.localdate()
    AgreementFactory(
        reference="MOU-2024-901", status="active", valid_to=today + datetime.timedelta(20)
    )
    AgreementFactory(
        reference="MOU-2024-902", status="active", valid_to=today + datetime.timedelta(90)
    )
    response = as_user("officer").get(LIST, {"expiring_within": 30})
    assert "MOU-2024-901" in response.text
    assert "MOU-2024-902" not in response.text


def test_a_partner_in_two_rows_of_a_filter_lists_the_agreement_once(as_user, home):
    AgreementFactory(reference="MOU-2024-903", partners=[PartnerFactory(), PartnerFactory()])
    response = as_user("officer").get(LIST, {"country": "TR"})
    assert "1 record" in response.text


def test_utilisation_column_counts_places_from_the_quotas(as_user, sample):
    MobilityQuotaFactory(
        agreement=sample["turkish"], places_per_year=3, first_year=2024, last_year=2025
    )
    response = as_user("officer").get(LIST, {"q": "MOU-2023-001"})
    assert ">0/6</span>" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "valid_on=notadate",
        "expiring_within=-3",
        "expiring_within=99999999999",
        "signed_year=abc",
        "country=XX",
        "institution=abc",
        "faculty=999999",
        "sort=utilisation",
        "page=abc",
    ],
)
def test_list_answers_nonsense_in_the_address_without_an_error(as_user, sample, query):
    assert as_user("officer").get(f"{LIST}?{query}").status_code == 200


def test_list_queries_do_not_grow_with_the_page_size(
    as_user, home, faculty_a, django_assert_max_num_queries
):
    for _n in range(30):
        agreement = AgreementFactory(
            partners=[PartnerFactory(), PartnerFactory()], units=[faculty_a]
        )
        MobilityQuotaFactory(agreement=agreement)
    client = as_user("officer")
    client.get(LIST)  # warm the session and permission caches
    with django_assert_max_num_queries(17) as small:
        client.get(LIST, {"per_page": 25})
    with django_assert_max_num_queries(17) as large:
        client.get(LIST, {"per_page": 250})
    assert len(large.captured_queries) == len(small.captured_queries)


def test_export_csv_holds_the_columns_and_every_filtered_row(as_user, sample):
    response = as_user("leadership").get(LIST, {"status": "active", "export": "csv"})
    rows = csv_rows(response)
    assert rows[0][:4] == ["Reference", "Title", "Partners", "Country"]
    assert {"Valid from", "Valid to", "Status"} <= set(rows[0])
    by_reference = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_reference) == {"MOU-2023-001", "IIA-2024-001"}
    assert by_reference["MOU-2023-001"]["Partners"] == "Bogazici University"
    assert by_reference["MOU-2023-001"]["Valid to"] == "2028-04-09"
    assert by_reference["IIA-2024-001"]["Valid to"] == ""  # open-ended: no end date
    assert by_reference["IIA-2024-001"]["Status"] == "Active"


def test_export_xlsx_opens_in_a_spreadsheet(as_user, sample):
    response = as_user("officer").get(LIST, {"export": "xlsx"})
    assert sorted(row[0] for row in xlsx_rows(response)[1:]) == [
        "CA-2025-001",
        "IIA-2024-001",
        "MOU-2023-001",
    ]


def test_expiring_list_shows_active_agreements_ending_within_180_days_soonest_first(as_user, home):
    today = timezone.localdate()
    AgreementFactory(
        reference="MOU-2024-950", status="active", valid_to=today + datetime.timedelta(150)
    )
    AgreementFactory(
        reference="MOU-2024-951", status="active", valid_to=today + datetime.timedelta(10)
    )
    AgreementFactory(
        reference="MOU-2024-952", status="active", valid_to=today + datetime.timedelta(200)
    )
    AgreementFactory(
        reference="MOU-2024-953", status="draft", valid_to=today + datetime.timedelta(30)
    )
    AgreementFactory(
        reference="MOU-2024-954", status="expired", valid_to=today - datetime.timedelta(3)
    )
    response = as_user("coordinator").get(EXPIRING)
    text = response.text
    assert response.status_code == 200
    assert "Agreements expiring soon" in text
    assert text.index("MOU-2024-951") < text.index("MOU-2024-950")
    for absent in ("MOU-2024-952", "MOU-2024-953", "MOU-2024-954"):
        assert absent not in text
    rows = csv_rows(as_user("officer").get(EXPIRING, {"export": "csv"}))
    days = dict(zip(rows[0], rows[1], strict=True))
    assert (days["Reference"], days["Days left"]) == ("MOU-2024-951", "10")


def test_export_names_the_partners_countries_in_the_users_language(as_user, officer, sample):
    client = as_user("officer")
    officer.language = "uz"
    officer.save(update_fields=["language"])
    rows = csv_rows(client.get(LIST, {"export": "csv"}))
    country = rows[0].index("Mamlakat")
    assert {row[country] for row in rows[1:]} >= {"Janubiy Koreya", "Turkiya"}
