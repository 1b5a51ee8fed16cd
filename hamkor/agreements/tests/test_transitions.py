"""Status steps through the page: who may take them, and the rules they keep."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hamkor.agreements import services
from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, attach_signed_copy, put_in_status
from hamkor.core import transitions

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(faculty_a):
    return AgreementFactory(reference="MOU-2024-001", units=[faculty_a])


def step(client, agreement, name, **data):
    return client.post(f"/staff/agreements/{agreement.pk}/status/{name}/", data)


def test_officer_moves_a_draft_to_negotiation_and_the_history_says_who(as_user, agreement, officer):
    response = step(as_user("officer"), agreement, "negotiate")
    assert response.status_code == 302
    assert response["Location"] == agreement.get_absolute_url()
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.NEGOTIATION
    assert agreement.status_changed_at is not None
    record = agreement.history.first()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "agreements.agreement.negotiate",
    )


def test_activation_without_a_signed_copy_is_refused_with_the_rule(as_user, agreement):
    response = step(as_user("officer"), agreement, "activate")
    assert response.status_code == 400
    assert "attach the signed scan" in response.text
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT


def test_activation_with_a_signed_copy_puts_the_agreement_in_force(as_user, agreement, officer):
    attach_signed_copy(agreement, officer)
    assert step(as_user("officer"), agreement, "activate").status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE


def test_activation_needs_the_signing_date(as_user, agreement, officer):
    attach_signed_copy(agreement, officer)
    agreement.signed_on = None
    agreement.save()
    response = step(as_user("officer"), agreement, "activate")
    assert response.status_code == 400
    assert "Enter the date the agreement was signed" in response.text


def test_termination_without_a_reason_is_refused_at_the_reason(as_user, agreement):
    response = step(as_user("officer"), agreement, "terminate", reason="  ")
    text = response.text
    assert response.status_code == 400
    field = text[text.index('id="id_reason"') :]
    assert "Say why the agreement is terminated." in field[:800]
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT


def test_termination_with_a_reason_records_it_and_the_day(as_user, agreement, officer):
    services.agreement_transition(agreement=agreement, name="negotiate", actor=officer)
    response = step(
        as_user("officer"), agreement, "terminate", reason="The partner withdrew", on="2025-02-01"
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.TERMINATED
    assert agreement.termination_reason == "The partner withdrew"
    assert agreement.terminated_on == datetime.date(2025, 2, 1)


def test_termination_without_a_day_ends_today(as_user, agreement, officer):
    services.agreement_transition(agreement=agreement, name="negotiate", actor=officer)
    step(as_user("officer"), agreement, "terminate", reason="Abandoned")
    agreement.refresh_from_db()
    assert agreement.terminated_on == timezone.localdate()


def test_reopening_keeps_the_whole_reason_in_the_history_and_on_the_page(
    as_user, agreement, officer
):
    services.agreement_transition(agreement=agreement, name="send_for_signature", actor=officer)
    reason = "The partner's lawyers asked for a new clause on data protection. " * 4
    client = as_user("officer")
    step(client, agreement, "reopen", reason=reason)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.NEGOTIATION
    record = agreement.history.first()
    assert record.history_change_reason == "agreements.agreement.reopen"
    assert len(reason.strip()) > 100
    assert record.status_reason == reason.strip()
    page = client.get(agreement.get_absolute_url()).text
    assert reason.strip().replace("'", "&#x27;") in page


def test_a_step_the_status_does_not_allow_is_refused(as_user, agreement):
    response = step(as_user("officer"), agreement, "reopen", reason="x")
    assert response.status_code == 400
    assert "cannot take this step" in response.text


def test_expiry_and_unknown_steps_are_not_offered_to_people(as_user, agreement):
    put_in_status(agreement, Agreement.Status.ACTIVE)
    assert step(as_user("officer"), agreement, "expire").status_code == 404
    assert step(as_user("officer"), agreement, "delete").status_code == 404


def test_the_terminate_page_asks_for_the_reason(as_user, agreement):
    response = as_user("coordinator").get(f"/staff/agreements/{agreement.pk}/status/terminate/")
    assert response.status_code == 200
    assert 'name="reason"' in response.text
    assert 'name="on"' in response.text


def test_coordinator_takes_steps_on_their_faculty_agreements(as_user, agreement):
    assert step(as_user("coordinator"), agreement, "negotiate").status_code == 302


def test_coordinator_of_another_faculty_cannot_take_steps(as_user, agreement):
    assert step(as_user("coordinator_b"), agreement, "negotiate").status_code == 404
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT


def test_leadership_cannot_take_steps(as_user, agreement):
    assert step(as_user("leadership"), agreement, "negotiate").status_code == 403


def names(steps) -> list[str]:
    return [step.name for step in steps]


def test_steps_available_says_what_a_user_may_do(agreement, officer, coordinator_b):
    assert names(transitions.steps_available(agreement, officer)) == [
        "negotiate",
        "send_for_signature",
        "activate",
    ]
    assert transitions.steps_available(agreement, coordinator_b) == []


def test_a_draft_is_not_terminated_but_a_negotiation_is(agreement, officer):
    assert "terminate" not in names(transitions.steps_available(agreement, officer))
    with pytest.raises(ValidationError):
        services.agreement_transition(
            agreement=agreement, name="terminate", actor=officer, reason="Abandoned"
        )
    agreement = services.agreement_transition(agreement=agreement, name="negotiate", actor=officer)
    assert "terminate" in names(transitions.steps_available(agreement, officer))


ACTIVATE_RULE = "An agreement becomes active only with its signed copy"


def test_without_a_scan_activate_is_disabled_with_its_reason_said_once(as_user, agreement):
    client = as_user("officer")
    detail = client.get(agreement.get_absolute_url()).text
    assert detail.count(ACTIVATE_RULE) == 1
    button = detail.split("/status/activate/")[1].split("</button>")[0]
    assert "disabled" in button and 'aria-describedby="activate-rule"' in button

    page = client.get(f"/staff/agreements/{agreement.pk}/status/activate/").text
    assert page.count(ACTIVATE_RULE) == 1
    submit = page.split("edit-form")[1].split('type="submit"')[1].split(">")[0]
    assert "disabled" in submit

    refused = step(client, agreement, "activate", on="2025-01-10")
    assert refused.text.count(ACTIVATE_RULE) == 1
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT


def test_with_a_scan_activate_is_offered(as_user, agreement, officer):
    attach_signed_copy(agreement, officer)
    detail = as_user("officer").get(agreement.get_absolute_url()).text
    assert ACTIVATE_RULE not in detail
    button = detail.split("/status/activate/")[1].split("</button>")[0]
    assert "disabled" not in button
