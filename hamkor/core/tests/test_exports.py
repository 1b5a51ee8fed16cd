"""Every list's export holds plain values, neutralised formulas and a sensible file name.

The lists are found by walking the URL configuration, so that a list added later is tested
without being named here.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from hamkor.core.models import OutboxMessage
from hamkor.core.tests.exports import csv_rows, xlsx_sheet
from hamkor.core.views.generic import ObjectListView
from hamkor.mobility.models import Person
from hamkor.partners.models import Contact, Institution

PYTHON_LITERALS = re.compile(r"^(True|False|None)$")
PERSON_FORMULA = "=cmd|' /C calc'!A0"
CITY_FORMULA = '=HYPERLINK("http://x")'


def list_url_names(patterns=None, namespace: str = "") -> list[str]:
    """The names of every URL answered by a generic list view."""
    names = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += list_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None and issubclass(view_class, ObjectListView):
                names.append(f"{namespace}{pattern.name}")
    return sorted(set(names))


LISTS = list_url_names()


def test_every_list_is_found():
    assert {
        "agreements:agreement_list",
        "agreements:agreement_expiring",
        "mobility:mobility_list",
        "mobility:person_list",
        "partners:institution_list",
        "partners:dormant",
        "accounts:user_list",
    } <= set(LISTS)


@pytest.fixture
def superuser(client, demo):
    """Every list's export permission, whichever role holds it in the product."""
    from conftest import login
    from hamkor.accounts.tests.factories import UserFactory

    return login(client, UserFactory(email="root@example.org", is_superuser=True))


@pytest.fixture
def hostile(demo):
    person = Person.objects.order_by("pk").first()
    Person.objects.filter(pk=person.pk).update(last_name=PERSON_FORMULA)
    partner = Institution.objects.filter(partnership="active").order_by("pk").first()
    Institution.objects.filter(pk=partner.pk).update(city=CITY_FORMULA)
    # The lists the demo leaves empty get a row each.
    Contact.objects.create(institution=partner, full_name="@SUM(1+1)*cmd", is_primary=True)
    OutboxMessage.objects.create(
        sender="office@example.org",
        recipients="a@example.org",
        subject="-2+3 invitation",
        body="text",
        status=OutboxMessage.Status.choices[0][0],
    )
    return person, partner


def _cells(rows) -> list[str]:
    return [str(value) for row in rows for value in row if value is not None]


@pytest.mark.parametrize("name", LISTS)
def test_csv_export_holds_plain_values(superuser, hostile, name):
    response = superuser.get(reverse(name), {"export": "csv"})
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert re.fullmatch(
        rf'attachment; filename="[a-z-]+-{today}\.csv"', response["Content-Disposition"]
    )
    rows = csv_rows(response)
    assert len(rows) > 1, "the demo data fills every list"
    cells = _cells(rows)
    assert not [cell for cell in cells if "<" in cell]
    assert not [cell for cell in cells if PYTHON_LITERALS.match(cell)]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]


@pytest.mark.parametrize("name", LISTS)
def test_xlsx_export_holds_plain_values_and_no_formula(superuser, hostile, name):
    response = superuser.get(reverse(name), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'-{timezone.localdate().isoformat()}.xlsx"')
    sheet = xlsx_sheet(response)
    rows = list(sheet.iter_rows())
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value}"
            if isinstance(cell.value, str):
                assert "<" not in cell.value
                assert not PYTHON_LITERALS.match(cell.value)


def test_a_formula_in_a_name_or_city_stays_text(superuser, hostile):
    client = superuser
    people = csv_rows(client.get(reverse("mobility:person_list"), {"export": "csv"}))
    assert [cell for cell in _cells(people) if cell.startswith("'" + PERSON_FORMULA)]
    institutions = client.get(
        reverse("partners:institution_list"), {"export": "csv", "partnership": "active"}
    )
    assert "'" + CITY_FORMULA in _cells(csv_rows(institutions))

    sheet = xlsx_sheet(client.get(reverse("mobility:person_list"), {"export": "xlsx"}))
    cell = next(
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith(PERSON_FORMULA)
    )
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_mobility_export_has_real_dates_numbers_and_words(as_user, demo):
    client = as_user("officer")
    response = client.get(reverse("mobility:mobility_list"), {"export": "xlsx"})
    assert re.fullmatch(
        r'attachment; filename="mobilities-\d{4}-\d\d-\d\d\.xlsx"',
        response["Content-Disposition"],
    )
    rows = list(xlsx_sheet(response).iter_rows(values_only=True))
    header = rows[0]
    for column in ("Faculty or unit", "Agreement", "Funding", "Currency", "Country"):
        assert column in header
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert all(isinstance(r["Start"], datetime.datetime) for r in records)
    funded = [r for r in records if r["Funding"] is not None]
    assert funded and all(isinstance(r["Funding"], int | float) for r in funded)
    assert {r["Direction"] for r in records} <= {"Outgoing", "Incoming"}
    assert all(len(r["Country"]) > 2 for r in records)  # a country's name, not its code


def test_people_export_says_yes_or_no_in_the_users_language(as_user, officer, demo):
    client = as_user("officer")
    english = csv_rows(client.get(reverse("mobility:person_list"), {"export": "csv"}))
    account = english[0].index("Account")
    assert {row[account] for row in english[1:]} == {"Yes", "No"}
    officer.language = "ru"
    officer.save(update_fields=["language"])
    with translation.override("ru"):
        yes_no = {translation.gettext("Yes"), translation.gettext("No")}
    russian = csv_rows(client.get(reverse("mobility:person_list"), {"export": "csv"}))
    assert russian[0] != english[0], "the headers are translated"
    assert {row[account] for row in russian[1:]} == yes_no
