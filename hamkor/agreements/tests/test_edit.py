"""Creating and editing an agreement with its parties; faculty scoping; deleting a draft."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from conftest import login
from hamkor.accounts.tests.factories import UserFactory
from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory

pytestmark = pytest.mark.django_db

ADD = "/staff/agreements/add/"


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Ankara Üniversitesi", name_en="Ankara University")


def party_rows(*rows, initial: int = 0, total: int = 3) -> dict:
    """The parties formset as a browser posts it: ``rows`` filled, the others left blank."""
    data = {
        "parties-TOTAL_FORMS": str(max(total, len(rows))),
        "parties-INITIAL_FORMS": str(initial),
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"parties-{index}-{key}"] = value
        data.setdefault(f"parties-{index}-role", "partner")
    for index in range(len(rows), max(total, len(rows))):
        data[f"parties-{index}-role"] = "partner"
    return data


def agreement_data(**changes) -> dict:
    data = {
        "kind": "mou",
        "title": "Memorandum on academic cooperation",
        "signed_on": "2024-05-15",
        "valid_from": "2024-05-15",
        "valid_to": "2029-05-14",
        "notice_period_days": "90",
        "home_signatory": "Rector",
        "notes": "",
    }
    data.update(changes)
    return data


def test_officer_creates_an_agreement_with_its_parties_and_a_reference(
    as_user, officer, partner, faculty_a
):
    second = PartnerFactory(name="Gazi Üniversitesi")
    data = {
        **agreement_data(scope_units=[faculty_a.pk]),
        **party_rows(
            {"institution": partner.pk, "role": "coordinator", "signatory": "Prof. Ünüvar"},
            {"institution": second.pk},
        ),
    }
    response = as_user("officer").post(ADD, data)
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == agreement.get_absolute_url()
    assert agreement.reference == "MOU-2024-001"  # numbered in the year it was signed
    assert agreement.status == Agreement.Status.DRAFT
    assert list(agreement.scope_units.all()) == [faculty_a]
    parties = {p.institution: p for p in agreement.parties.all()}
    assert set(parties) == {partner, second}
    assert (parties[partner].role, parties[partner].signatory) == ("coordinator", "Prof. Ünüvar")
    record = agreement.history.get()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "agreements.agreement.created",
    )


def test_references_count_up_per_kind_and_year(as_user, partner):
    client = as_user("officer")
    for _n in range(2):
        client.post(ADD, {**agreement_data(), **party_rows({"institution": partner.pk})})
    client.post(
        ADD, {**agreement_data(kind="erasmus_iia"), **party_rows({"institution": partner.pk})}
    )
    assert sorted(Agreement.objects.values_list("reference", flat=True)) == [
        "IIA-2024-001",
        "MOU-2024-001",
        "MOU-2024-002",
    ]


def test_an_end_before_the_start_is_refused_beside_the_end_and_nothing_typed_is_lost(
    as_user, partner
):
    data = {
        **agreement_data(valid_from="2024-05-15", valid_to="2023-01-01", title="Lost title?"),
        **party_rows({"institution": partner.pk, "signatory": "Prof. Ünüvar"}),
    }
    response = as_user("officer").post(ADD, data)
    text = response.text
    assert response.status_code == 400
    assert not Agreement.objects.exists()
    end_field = text[text.index('id="id_valid_to"') :]
    assert "The agreement cannot end before it starts." in end_field[:600]
    assert 'value="Lost title?"' in text
    assert 'value="2023-01-01"' in text
    assert 'value="Prof. Ünüvar"' in text
    assert f'<option value="{partner.pk}" selected>' in text


def test_an_agreement_needs_at_least_one_party(as_user, partner):
    response = as_user("officer").post(ADD, {**agreement_data(), **party_rows()})
    assert response.status_code == 400
    assert "Add at least one partner institution." in response.text
    assert not Agreement.objects.exists()


def test_the_same_institution_twice_is_refused_at_the_row(as_user, partner):
    data = {
        **agreement_data(),
        **party_rows({"institution": partner.pk}, {"institution": partner.pk}),
    }
    response = as_user("officer").post(ADD, data)
    assert response.status_code == 400
    assert "Each institution can be a party to an agreement only once." in response.text


def test_a_future_signing_date_is_refused_at_the_field(as_user, partner):
    response = as_user("officer").post(
        ADD, {**agreement_data(signed_on="2099-01-01"), **party_rows({"institution": partner.pk})}
    )
    assert response.status_code == 400
    assert "The signing date cannot be in the future." in response.text


def edit_data(agreement, **changes) -> dict:
    parties = list(agreement.parties.all())
    data = {
        **agreement_data(
            kind=agreement.kind,
            title=agreement.title,
            signed_on=agreement.signed_on.isoformat(),
            valid_from=agreement.valid_from.isoformat(),
            valid_to=agreement.valid_to.isoformat(),
            scope_units=[u.pk for u in agreement.scope_units.all()],
        ),
        **party_rows(
            *({"id": p.pk, "institution": p.institution_id} for p in parties),
            initial=len(parties),
            total=len(parties) + 2,
        ),
        "_version": agreement.version,
    }
    data.update(changes)
    return data


def test_edit_replaces_a_party_and_records_the_change(as_user, faculty_a):
    agreement = AgreementFactory(units=[faculty_a])
    old = agreement.parties.get()
    new = PartnerFactory()
    data = edit_data(agreement)
    data["parties-0-DELETE"] = "on"
    data["parties-1-institution"] = new.pk
    response = as_user("officer").post(f"/staff/agreements/{agreement.pk}/edit/", data)
    assert response.status_code == 302, response.text
    assert [p.institution for p in agreement.parties.all()] == [new]
    assert not AgreementParty.objects.filter(pk=old.pk).exists()
    agreement.refresh_from_db()
    assert agreement.version == 2


def test_edit_based_on_a_stale_version_is_refused_and_input_kept(as_user, faculty_a):
    agreement = AgreementFactory(units=[faculty_a])
    url = f"/staff/agreements/{agreement.pk}/edit/"
    colleague = login(Client(), UserFactory(roles=["officer"]))
    assert colleague.post(url, edit_data(agreement, title="Their title")).status_code == 302
    response = as_user("officer").post(url, edit_data(agreement, title="My title"))
    assert response.status_code == 409
    assert "after you opened it" in response.text
    assert 'value="My title"' in response.text
    assert "Their title" in response.text
    agreement.refresh_from_db()
    assert agreement.title == "Their title"


def test_coordinator_creates_an_agreement_of_their_faculty(
    as_user, coordinator, faculty_a, partner
):
    client = as_user("coordinator")
    form = client.get(ADD).text
    # A new agreement starts scoped to the coordinator's faculty, with them responsible.
    assert re.search(rf'value="{faculty_a.pk}"[^>]*checked', form)
    assert f'<option value="{coordinator.pk}" selected>' in form
    response = client.post(
        ADD,
        {
            **agreement_data(scope_units=[faculty_a.pk], responsible=coordinator.pk),
            **party_rows({"institution": partner.pk}),
        },
    )
    assert response.status_code == 302
    assert list(Agreement.objects.get().scope_units.all()) == [faculty_a]


def test_coordinator_cannot_create_an_agreement_without_their_faculty(as_user, faculty_b, partner):
    response = as_user("coordinator").post(
        ADD,
        {**agreement_data(scope_units=[faculty_b.pk]), **party_rows({"institution": partner.pk})},
    )
    assert response.status_code == 400
    assert not Agreement.objects.exists()
    field = response.text[response.text.index("id_scope_units") :]
    assert "only record agreements that include your faculty" in field[:3000]


def test_coordinator_of_another_faculty_cannot_edit_the_agreement(as_user, faculty_a):
    agreement = AgreementFactory(units=[faculty_a], title="Kept")
    url = f"/staff/agreements/{agreement.pk}/edit/"
    client = as_user("coordinator_b")
    assert client.get(url).status_code == 404
    assert client.post(url, edit_data(agreement, title="Changed")).status_code == 404
    agreement.refresh_from_db()
    assert agreement.title == "Kept"


def test_coordinator_edits_an_agreement_of_their_faculty(as_user, faculty_a):
    agreement = AgreementFactory(units=[faculty_a])
    response = as_user("coordinator").post(
        f"/staff/agreements/{agreement.pk}/edit/", edit_data(agreement, title="Renamed")
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "Renamed"


def test_leadership_reads_but_cannot_edit(as_user, faculty_a):
    agreement = AgreementFactory(units=[faculty_a])
    client = as_user("leadership")
    assert client.get(agreement.get_absolute_url()).status_code == 200
    assert client.get(f"/staff/agreements/{agreement.pk}/edit/").status_code == 403


def test_a_draft_is_deleted_with_its_parties(as_user):
    agreement = AgreementFactory()
    response = as_user("officer").post(f"/staff/agreements/{agreement.pk}/delete/")
    assert response.status_code == 302
    assert not Agreement.objects.exists()
    assert not AgreementParty.objects.exists()


def test_an_agreement_past_its_draft_is_not_deleted(as_user):
    agreement = AgreementFactory(status=Agreement.Status.ACTIVE)
    response = as_user("officer").post(f"/staff/agreements/{agreement.pk}/delete/", follow=True)
    assert "Only a draft can be deleted" in response.text
    assert Agreement.objects.filter(pk=agreement.pk).exists()


def test_an_agreement_renewed_by_another_is_not_deleted(as_user, officer):
    agreement = AgreementFactory()
    AgreementFactory(predecessor=agreement)
    response = as_user("officer").post(f"/staff/agreements/{agreement.pk}/delete/", follow=True)
    assert "cannot be deleted while other records depend on it" in response.text
    assert Agreement.objects.filter(pk=agreement.pk).exists()
