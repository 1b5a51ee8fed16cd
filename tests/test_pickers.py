"""A picker offers exactly what its form accepts.

Each search-as-you-type picker (``/staff/pick/<source>/``) and the form field it fills take
their rows from one source (``hamkor.core.autocomplete.picker_field``): every choice the
picker offers a user is accepted by the form, and the form accepts nothing else it could
have offered. Before, the contact form's picker offered our own university (which the form
refused) and the mobility form's offered a coordinator people of other faculties.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hamkor.accounts.forms import OrgUnitForm
from hamkor.agreements.forms import AgreementForm
from hamkor.core.widgets import AutocompleteSelect
from hamkor.mobility.forms import MobilityForm, PersonForm
from hamkor.mobility.tests.world import world as mobility_world  # noqa: F401  (a fixture)
from hamkor.partners.forms import ContactForm, InteractionForm
from hamkor.partners.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

# (form, what the user may open it for): a field chosen through a picker in each.
FORMS = {
    "orgunit": (OrgUnitForm, "accounts.add_orgunit"),
    "contact": (ContactForm, "partners.add_contact"),
    "interaction": (InteractionForm, "partners.add_interaction"),
    "person": (PersonForm, "mobility.add_person"),
    "mobility": (MobilityForm, "mobility.add_mobility"),
    "agreement party": (AgreementForm, "agreements.add_agreement"),
}


def picker_fields(form):
    """``(name, field)`` of each field chosen through a picker, the party rows' included."""
    forms = [form, *([form.parties.empty_form] if hasattr(form, "parties") else [])]
    return [
        (name, field)
        for each in forms
        for name, field in each.fields.items()
        if isinstance(field.widget, AutocompleteSelect)
    ]


def offered(client, source: str) -> set[str]:
    response = client.get(reverse("core:autocomplete", args=[source]), {"q": ""})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) < 20, "a small world: every row fits in one answer"
    return {result["value"] for result in results}


@pytest.fixture
def rows(request):
    world = request.getfixturevalue("mobility_world")
    InstitutionFactory(name="Universidad de Salamanca", country="ES")  # directory only
    return world


# Who opens each form: the officer every one, a coordinator those of their faculty's records.
CASES = [("officer", name) for name in FORMS] + [
    ("coordinator", name) for name in ("person", "mobility", "agreement party")
]


@pytest.mark.parametrize(("persona", "form_name"), CASES)
def test_every_choice_the_picker_offers_is_accepted(request, as_user, rows, persona, form_name):
    form_class, permission = FORMS[form_name]
    client = as_user(persona)
    user = request.getfixturevalue(persona)
    assert user.has_perm(permission)
    form = form_class(user=user)
    fields = picker_fields(form)
    assert fields, f"the {form_name} form has no picker"
    for name, field in fields:
        values = offered(client, field.widget.source)
        assert values, f"{form_name}.{name}: the picker offers nothing"
        for value in values:
            try:
                field.clean(value)
            except ValidationError as exc:
                pytest.fail(f"{form_name}.{name} refuses {value}, which its picker offers: {exc}")
        accepted = {str(pk) for pk in field.queryset.values_list("pk", flat=True)}
        assert accepted == values, f"{form_name}.{name}"


def test_the_contact_picker_offers_partners_not_our_university(as_user, rows):
    values = offered(as_user("officer"), "partner")
    assert str(rows["home"].pk) not in values
    assert str(rows["wien"].pk) in values


def test_a_coordinator_chooses_among_their_faculty_people(as_user, rows):
    values = offered(as_user("coordinator"), "person_to_choose")
    assert str(rows["karimov"].pk) in values
    assert str(rows["tosheva"].pk) not in values  # faculty B: read, not changed
    assert str(rows["tosheva"].pk) in offered(as_user("coordinator"), "person")  # the filter
