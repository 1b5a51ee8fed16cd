"""Rules written once: "in force", renewal and amendment, the steps, the protected status."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from hamkor.agreements import rules, services
from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, put_in_status
from hamkor.core import transitions

pytestmark = pytest.mark.django_db

D = datetime.date


def in_force_both_ways(agreement: Agreement, start: D, end: D | None = None) -> bool:
    """The model's answer, after checking that the query gives the same one."""
    answer = agreement.in_force(start, end)
    query = Agreement.objects.in_force_during(start, end or start).filter(pk=agreement.pk)
    assert query.exists() == answer, (start, end)
    return answer


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2023, 12, 31), False),  # the day before it starts
        (D(2024, 1, 1), True),  # its first day
        (D(2024, 12, 31), True),  # its last day
        (D(2025, 1, 1), False),  # the day after it ends
    ],
)
def test_an_active_agreement_is_in_force_from_its_first_to_its_last_day(day, expected):
    agreement = AgreementFactory(
        status=Agreement.Status.ACTIVE,
        signed_on=D(2023, 11, 1),
        valid_from=D(2024, 1, 1),
        valid_to=D(2024, 12, 31),
    )
    assert in_force_both_ways(agreement, day) is expected
    assert (Agreement.objects.in_force_on(day).filter(pk=agreement.pk).exists()) is expected


def test_an_expired_agreement_still_covered_its_own_period():
    agreement = AgreementFactory(
        status=Agreement.Status.EXPIRED, valid_from=D(2020, 1, 1), valid_to=D(2023, 12, 31)
    )
    assert in_force_both_ways(agreement, D(2022, 5, 1), D(2022, 5, 30))
    assert not in_force_both_ways(agreement, D(2023, 12, 20), D(2024, 1, 5))


def test_a_terminated_agreement_is_in_force_up_to_its_termination_day():
    agreement = AgreementFactory(
        status=Agreement.Status.TERMINATED,
        valid_from=D(2024, 1, 1),
        valid_to=None,
        terminated_on=D(2024, 6, 30),
    )
    assert in_force_both_ways(agreement, D(2024, 6, 30))
    assert not in_force_both_ways(agreement, D(2024, 7, 1))


def test_without_a_start_an_agreement_is_in_force_from_its_signing():
    agreement = AgreementFactory(
        status=Agreement.Status.ACTIVE, signed_on=D(2024, 3, 1), valid_from=None, valid_to=None
    )
    assert not in_force_both_ways(agreement, D(2024, 2, 29))
    assert in_force_both_ways(agreement, D(2024, 3, 1), D(2030, 1, 1))  # open-ended


@pytest.mark.parametrize(
    "status",
    [Agreement.Status.DRAFT, Agreement.Status.NEGOTIATION, Agreement.Status.AWAITING_SIGNATURE],
)
def test_an_agreement_not_signed_yet_is_never_in_force(status):
    agreement = AgreementFactory(status=status)
    assert not in_force_both_ways(agreement, D(2025, 1, 1))


def test_an_agreement_abandoned_before_signature_was_never_in_force():
    agreement = AgreementFactory(status=Agreement.Status.TERMINATED, signed_on=None)
    assert not in_force_both_ways(agreement, D(2025, 1, 1))


@pytest.mark.parametrize("status", Agreement.Status.values)
def test_the_renew_button_and_the_service_agree(status, officer):
    agreement = AgreementFactory(status=status)
    offered = rules.can_renew(agreement, officer)
    try:
        services.agreement_renew(
            agreement=agreement, actor=officer, valid_from=D(2029, 3, 1), valid_to=None
        )
    except ValidationError:
        accepted = False
    else:
        accepted = True
    assert offered is accepted
    assert offered is (status in (Agreement.Status.ACTIVE, Agreement.Status.EXPIRED))


def test_an_agreement_renewed_once_is_not_offered_for_renewal_again(officer):
    agreement = AgreementFactory(status=Agreement.Status.ACTIVE)
    services.agreement_renew(
        agreement=agreement, actor=officer, valid_from=D(2029, 3, 1), valid_to=None
    )
    assert not rules.can_renew(agreement, officer)


def test_leadership_may_not_renew(leadership):
    assert not rules.can_renew(AgreementFactory(status=Agreement.Status.ACTIVE), leadership)


def test_steps_come_from_the_model_declaration_in_order():
    assert list(transitions.steps(Agreement)) == [
        "negotiate",
        "send_for_signature",
        "reopen",
        "activate",
        "expire",
        "terminate",
    ]
    expire = transitions.step_get(Agreement, "expire")
    assert expire.automatic and not transitions.step_get(Agreement, "terminate").automatic


def test_the_daily_expiry_is_not_offered_to_an_officer(officer):
    agreement = AgreementFactory(status=Agreement.Status.ACTIVE)
    names = [step.name for step in transitions.steps_available(agreement, officer)]
    assert names == ["terminate"]


def test_the_status_cannot_be_assigned_on_a_loaded_agreement():
    agreement = AgreementFactory()
    with pytest.raises(AttributeError):
        agreement.status = Agreement.Status.ACTIVE
    agreement.refresh_from_db()  # reloading stays possible
    assert agreement.status == Agreement.Status.DRAFT


def test_only_a_new_record_is_put_in_a_status_directly():
    agreement = AgreementFactory()
    with pytest.raises(ValueError, match="transitions only"):
        transitions.status_set_initial(agreement, Agreement.Status.ACTIVE)
    new = Agreement(kind=Agreement.Kind.MOU, title="Imported")
    transitions.status_set_initial(new, Agreement.Status.ACTIVE)
    assert new.status == Agreement.Status.ACTIVE


def test_steps_refused_by_status_name_the_status(officer):
    agreement = AgreementFactory()
    put_in_status(agreement, Agreement.Status.EXPIRED)
    with pytest.raises(ValidationError, match="“Expired” cannot take this step"):
        services.agreement_transition(agreement=agreement, name="terminate", actor=officer)
