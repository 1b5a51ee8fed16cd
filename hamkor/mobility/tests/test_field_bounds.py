"""Values no one means to type are refused beside their field: a birth in the future, a
passport that ran out decades ago, a negative amount, a note the length of a book."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hamkor.core.validators import PASSPORT_YEARS
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.tests.test_mobility_edits import field_block, mobility_data
from hamkor.mobility.tests.world import ADD, D, world  # noqa: F401  (a fixture)

TODAY = timezone.localdate()


def person_data(**changes) -> dict:
    return {
        "category": "staff",
        "last_name": "Yusupov",
        "first_name": "Bekzod",
        "citizenship": "UZ",
        "language": "uz",
        **changes,
    }


def add_person(client, **changes):
    return client.post(reverse("mobility:person_add"), person_data(**changes))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "date_of_birth",
            TODAY + datetime.timedelta(days=1),
            "A date of birth cannot be in the future.",
        ),
        ("date_of_birth", D(1905, 5, 1), "A date of birth more than 120 years ago"),
        (
            "passport_valid_to",
            D(TODAY.year - PASSPORT_YEARS - 1, 1, 1),
            f"A passport expiry date must be within {PASSPORT_YEARS} years of today.",
        ),
        (
            "passport_valid_to",
            D(TODAY.year + PASSPORT_YEARS + 1, 12, 31),
            f"A passport expiry date must be within {PASSPORT_YEARS} years of today.",
        ),
    ],
)
def test_person_form_refuses_implausible_document_dates(as_user, home, field, value, message):
    response = add_person(as_user("officer"), **{field: value.isoformat()})
    assert response.status_code == 400
    assert message in field_block(response.text, field)
    assert not Person.objects.filter(last_name="Yusupov").exists()


def test_person_form_accepts_plausible_dates(as_user, faculty_a):
    response = add_person(
        as_user("officer"),
        org_unit=faculty_a.pk,
        date_of_birth="1985-04-12",
        passport_valid_to=(TODAY + datetime.timedelta(days=900)).isoformat(),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Person.objects.get(last_name="Yusupov").date_of_birth == D(1985, 4, 12)


def test_mobility_form_refuses_a_negative_funding_amount_and_a_long_note(as_user, world):  # noqa: F811
    client = as_user("officer")
    data = mobility_data(person=world["karimov"].pk, receiving_institution=world["seoul"].pk)
    response = client.post(ADD, {**data, "funding_amount": "-500", "notes": "y" * 200_000})
    assert response.status_code == 400
    assert "An amount cannot be negative." in field_block(response.text, "funding_amount")
    assert "at most 10000 characters" in field_block(response.text, "notes").replace(",", "")
    assert not Mobility.objects.filter(planned_start=D(2026, 3, 2)).exists()


def test_mobility_form_refuses_a_date_in_another_millennium(as_user, world):  # noqa: F811
    data = mobility_data(person=world["karimov"].pk, receiving_institution=world["seoul"].pk)
    response = as_user("officer").post(ADD, {**data, "planned_end": "9026-03-08"})
    assert response.status_code == 400
    assert "Enter a date between 1900 and 2100." in field_block(response.text, "planned_end")


def test_the_model_refuses_the_same_values_for_imports_and_the_api(world):  # noqa: F811
    person = world["karimov"]
    person.date_of_birth = TODAY + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "date_of_birth" in refused.value.message_dict
    mobility = world["teaching"]
    mobility.funding_amount = -1
    with pytest.raises(ValidationError) as refused:
        mobility.full_clean()
    assert "funding_amount" in refused.value.message_dict
