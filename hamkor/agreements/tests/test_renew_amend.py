"""Renewing an agreement (a linked successor draft) and amending it (a version of it)."""

from __future__ import annotations

import datetime

import pytest

from hamkor.agreements.models import Agreement, Amendment
from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(faculty_a):
    agreement = AgreementFactory(
        reference="MOU-2024-001",
        status=Agreement.Status.ACTIVE,
        units=[faculty_a],
        valid_from=datetime.date(2024, 3, 1),
        valid_to=datetime.date(2029, 2, 28),
    )
    MobilityQuotaFactory(agreement=agreement, first_year=2024, last_year=2028)
    return agreement


def test_renew_form_proposes_the_next_term(as_user, agreement):
    response = as_user("officer").get(f"/staff/agreements/{agreement.pk}/renew/")
    assert response.status_code == 200
    assert 'value="2029-03-01"' in response.text
    assert 'value="2034-02-28"' in response.text


def test_renewal_creates_the_successor_draft_and_goes_to_it(as_user, agreement):
    response = as_user("officer").post(
        f"/staff/agreements/{agreement.pk}/renew/",
        {"valid_from": "2029-03-01", "valid_to": "2034-02-28"},
    )
    successor = Agreement.objects.get(predecessor=agreement)
    assert response.status_code == 302
    assert response["Location"] == successor.get_absolute_url()
    assert successor.status == Agreement.Status.DRAFT
    assert successor.reference != agreement.reference
    assert [p.institution for p in successor.parties.all()] == [
        p.institution for p in agreement.parties.all()
    ]
    assert list(successor.scope_units.all()) == list(agreement.scope_units.all())
    quota = successor.quotas.get()
    assert (quota.first_year, quota.last_year) == (2029, 2033)


def test_renewal_with_an_end_before_its_start_is_refused_at_the_end(as_user, agreement):
    response = as_user("officer").post(
        f"/staff/agreements/{agreement.pk}/renew/",
        {"valid_from": "2029-03-01", "valid_to": "2028-01-01"},
    )
    assert response.status_code == 400
    field = response.text[response.text.index('id="id_valid_to"') :]
    assert "The agreement cannot end before it starts." in field[:600]
    assert not Agreement.objects.filter(predecessor=agreement).exists()


def test_a_draft_cannot_be_renewed(as_user, faculty_a):
    draft = AgreementFactory(units=[faculty_a])
    response = as_user("officer").post(
        f"/staff/agreements/{draft.pk}/renew/", {"valid_from": "2029-03-01"}
    )
    assert response.status_code == 400
    assert "Only an active or expired agreement can be renewed." in response.text


def test_coordinator_of_another_faculty_cannot_renew(as_user, agreement):
    response = as_user("coordinator_b").post(
        f"/staff/agreements/{agreement.pk}/renew/", {"valid_from": "2029-03-01"}
    )
    assert response.status_code == 404


def test_amendment_is_recorded_and_moves_the_end(as_user, agreement, officer):
    response = as_user("officer").post(
        f"/staff/agreements/{agreement.pk}/amend/",
        {"signed_on": "2025-01-10", "summary": "Extends the term", "valid_to": "2030-02-28"},
    )
    amendment = Amendment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == amendment.get_absolute_url()
    assert (amendment.number, amendment.summary) == (1, "Extends the term")
    agreement.refresh_from_db()
    assert agreement.valid_to == datetime.date(2030, 2, 28)
    assert agreement.history.first().history_change_reason == "agreements.agreement.amended:1"


def test_amendment_needs_a_summary(as_user, agreement):
    response = as_user("officer").post(
        f"/staff/agreements/{agreement.pk}/amend/", {"signed_on": "2025-01-10", "summary": ""}
    )
    assert response.status_code == 400
    assert not Amendment.objects.exists()


def test_leadership_cannot_amend(as_user, agreement):
    assert as_user("leadership").get(f"/staff/agreements/{agreement.pk}/amend/").status_code == 403
