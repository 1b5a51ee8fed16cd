"""The rules every save of a mobility keeps, its steps, merging people, invitation numbers.

The factories at the top are shared with the other test modules of people and mobilities.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
import pytest
from django.core.exceptions import ValidationError

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.services import (
    mobility_invitation_issue,
    mobility_save,
    mobility_transition,
    person_merge,
)
from hamkor.partners.tests.factories import HomeInstitutionFactory

D = datetime.date

# --- Factories (shared) --------------------------------------------------------------------


class PersonFactory(factory.django.DjangoModelFactory):
    """A foreign guest by default; ``category=STAFF, org_unit=...`` for our own staff."""

    class Meta:
        model = Person

    category = Person.Category.FOREIGN_PROFESSOR
    last_name = factory.Sequence(lambda n: f"Surname{n}")
    first_name = "Ali"
    citizenship = "TR"


class StaffFactory(PersonFactory):
    category = Person.Category.STAFF
    citizenship = "UZ"


class MobilityFactory(factory.django.DjangoModelFactory):
    """An outgoing staff teaching week; ``incoming=True`` for a guest coming to us."""

    class Meta:
        model = Mobility

    class Params:
        incoming = factory.Trait(
            direction=Mobility.Direction.INCOMING,
            sending_institution=factory.SubFactory(PartnerFactory),
            receiving_institution=factory.LazyFunction(HomeInstitutionFactory),
        )

    person = factory.SubFactory(PersonFactory)
    direction = Mobility.Direction.OUTGOING
    kind = Mobility.Kind.STAFF_TEACHING
    programme = Mobility.Programme.KA171
    sending_institution = factory.LazyFunction(HomeInstitutionFactory)
    receiving_institution = factory.SubFactory(PartnerFactory)
    planned_start = D(2025, 3, 3)
    planned_end = D(2025, 3, 9)


def unsaved(**fields) -> Mobility:
    """A mobility built (not saved) by the factory, with saved institutions, for a service."""
    fields.setdefault("receiving_institution", PartnerFactory())
    return MobilityFactory.build(**fields)


def errors_of(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return exc.value.message_dict


# --- Bad input: refused with the reason, nothing saved ------------------------------------


def test_mobility_save_creates_a_valid_mobility_with_its_history(officer, home):
    mobility = mobility_save(mobility=unsaved(person=PersonFactory()), actor=officer)

    assert mobility.pk
    record = mobility.history.first()
    assert record.history_user == officer
    assert record.history_change_reason == "mobility.mobility.created"


def test_mobility_save_refuses_a_return_before_the_departure(officer, home):
    mobility = unsaved(
        person=PersonFactory(), planned_start=D(2025, 3, 9), planned_end=D(2025, 3, 3)
    )

    with pytest.raises(ValidationError) as exc:
        mobility_save(mobility=mobility, actor=officer)

    assert errors_of(exc) == {"planned_end": ["The return cannot be before the departure."]}
    assert not Mobility.objects.exists()


def test_mobility_save_refuses_an_overlap_with_another_mobility_of_the_person(officer, home):
    person = PersonFactory(last_name="Demir")
    MobilityFactory(person=person, planned_start=D(2025, 3, 1), planned_end=D(2025, 3, 31))

    with pytest.raises(ValidationError) as exc:
        mobility_save(
            mobility=unsaved(
                person=person, planned_start=D(2025, 3, 30), planned_end=D(2025, 4, 5)
            ),
            actor=officer,
        )

    assert (
        "is away on another mobility at that time (01.03.2025 – 31.03.2025"
        in (errors_of(exc)["planned_start"][0])
    )
    assert Mobility.objects.count() == 1


def test_mobility_save_ignores_a_cancelled_mobility_when_checking_overlaps(officer, home):
    person = PersonFactory()
    MobilityFactory(person=person, status=Mobility.Status.CANCELLED)

    mobility_save(mobility=unsaved(person=person), actor=officer)

    assert Mobility.objects.count() == 2


def test_mobility_save_refuses_an_agreement_not_in_force_on_the_dates(officer, home):
    partner = PartnerFactory()
    agreement = AgreementFactory(
        partners=[partner],
        status=Agreement.Status.ACTIVE,
        valid_from=D(2024, 3, 1),
        valid_to=D(2025, 2, 28),
    )
    mobility = unsaved(person=PersonFactory(), receiving_institution=partner, agreement=agreement)

    with pytest.raises(ValidationError) as exc:
        mobility_save(mobility=mobility, actor=officer)

    assert errors_of(exc) == {
        "agreement": [
            f"Agreement {agreement.reference} is not in force on the dates of this mobility."
        ]
    }
    assert not Mobility.objects.exists()


def test_mobility_save_refuses_a_draft_agreement(officer, home):
    partner = PartnerFactory()
    agreement = AgreementFactory(partners=[partner])  # still a draft
    mobility = unsaved(person=PersonFactory(), receiving_institution=partner, agreement=agreement)

    with pytest.raises(ValidationError) as exc:
        mobility_save(mobility=mobility, actor=officer)

    assert "agreement" in errors_of(exc)


def test_mobility_save_refuses_an_agreement_the_partner_is_not_party_to(officer, home):
    agreement = AgreementFactory(status=Agreement.Status.ACTIVE)  # with another partner
    mobility = unsaved(person=PersonFactory(), agreement=agreement)

    with pytest.raises(ValidationError) as exc:
        mobility_save(mobility=mobility, actor=officer)

    assert "is not a party to agreement" in errors_of(exc)["agreement"][0]


def test_mobility_save_accepts_an_agreement_in_force_with_the_partner(officer, home):
    partner = PartnerFactory()
    agreement = AgreementFactory(partners=[partner], status=Agreement.Status.ACTIVE)

    mobility = mobility_save(
        mobility=unsaved(
            person=PersonFactory(), receiving_institution=partner, agreement=agreement
        ),
        actor=officer,
    )

    assert mobility.agreement == agreement


def test_mobility_save_refuses_a_currency_that_does_not_exist(officer, home):
    mobility = unsaved(
        person=PersonFactory(), funding_amount=Decimal("1200"), funding_currency="xyz"
    )

    with pytest.raises(ValidationError) as exc:
        mobility_save(mobility=mobility, actor=officer)

    assert errors_of(exc) == {
        "funding_currency": ["“XYZ” is not a currency code (ISO 4217), such as USD, EUR or UZS."]
    }
    assert not Mobility.objects.exists()


def test_mobility_save_stores_the_currency_code_in_capitals(officer, home):
    mobility = mobility_save(
        mobility=unsaved(
            person=PersonFactory(), funding_amount=Decimal("900"), funding_currency="eur"
        ),
        actor=officer,
    )

    assert mobility.funding_currency == "EUR"


def test_mobility_save_requires_our_university_on_the_home_side(officer, home):
    mobility = unsaved(person=PersonFactory(), sending_institution=PartnerFactory())

    with pytest.raises(ValidationError) as exc:
        mobility_save(mobility=mobility, actor=officer)

    assert "sending_institution" in errors_of(exc)


# --- Steps ---------------------------------------------------------------------------------


def test_mobility_transition_walks_from_planned_to_completed_recording_dates(officer, home):
    mobility = MobilityFactory(incoming=True)

    for name in ("nominate", "accept"):
        mobility = mobility_transition(mobility=mobility, name=name, actor=officer)
    mobility = mobility_transition(
        mobility=mobility, name="start_trip", actor=officer, on=D(2025, 3, 2)
    )
    mobility = mobility_transition(
        mobility=mobility, name="complete", actor=officer, on=D(2025, 3, 10)
    )

    mobility.refresh_from_db()
    assert mobility.status == Mobility.Status.COMPLETED
    assert (mobility.actual_start, mobility.actual_end) == (D(2025, 3, 2), D(2025, 3, 10))
    reasons = [r.history_change_reason for r in mobility.history.order_by("history_date")]
    assert reasons[-4:] == [
        "mobility.mobility.nominate",
        "mobility.mobility.accept",
        "mobility.mobility.start_trip",
        "mobility.mobility.complete",
    ]


def test_mobility_transition_date_given_wins_over_the_one_typed_before(officer, home):
    mobility = MobilityFactory(status=Mobility.Status.ACCEPTED, actual_start=D(2025, 3, 3))

    mobility = mobility_transition(
        mobility=mobility, name="start_trip", actor=officer, on=D(2025, 3, 4)
    )

    assert mobility.actual_start == D(2025, 3, 4)


def test_mobility_transition_cancel_requires_a_reason(officer, home):
    mobility = MobilityFactory()

    with pytest.raises(ValidationError) as exc:
        mobility_transition(mobility=mobility, name="cancel", actor=officer, reason="  ")

    assert exc.value.messages == ["Say why the mobility is cancelled."]
    mobility.refresh_from_db()
    assert mobility.status == Mobility.Status.PLANNED


def test_mobility_transition_cancel_keeps_the_reason(officer, home):
    mobility = mobility_transition(
        mobility=MobilityFactory(), name="cancel", actor=officer, reason="Visa refused"
    )

    assert mobility.status == Mobility.Status.CANCELLED
    assert mobility.cancel_reason == "Visa refused"


def test_mobility_transition_refuses_a_step_the_status_does_not_allow(officer, home):
    mobility = MobilityFactory()

    with pytest.raises(ValidationError) as exc:
        mobility_transition(mobility=mobility, name="complete", actor=officer)

    assert exc.value.messages == ["A mobility that is “Planned” cannot take this step."]


def test_mobility_transition_refuses_a_return_before_the_arrival(officer, home):
    mobility = MobilityFactory(status=Mobility.Status.IN_PROGRESS, actual_start=D(2025, 3, 5))

    with pytest.raises(ValidationError):
        mobility_transition(mobility=mobility, name="complete", actor=officer, on=D(2025, 3, 1))

    mobility.refresh_from_db()
    assert mobility.status == Mobility.Status.IN_PROGRESS


# --- People --------------------------------------------------------------------------------


def test_person_merge_moves_mobilities_and_fills_the_blanks(officer, home):
    keep = PersonFactory(last_name="Demir", email="")
    duplicate = PersonFactory(
        last_name="Demir", email="demir@example.org", passport_number="U1234567"
    )
    moved = MobilityFactory(person=duplicate)

    person_merge(keep=keep, duplicate=duplicate, actor=officer)

    keep.refresh_from_db()
    moved.refresh_from_db()
    assert moved.person == keep
    assert (keep.email, keep.passport_number) == ("demir@example.org", "U1234567")
    assert not Person.objects.filter(pk=duplicate.pk).exists()


def test_person_merge_refuses_the_same_person(officer, home):
    person = PersonFactory()

    with pytest.raises(ValidationError):
        person_merge(keep=person, duplicate=person, actor=officer)


# --- Invitation letters --------------------------------------------------------------------


def test_mobility_invitation_issue_numbers_a_letter_once(officer, home):
    mobility = MobilityFactory(incoming=True)

    mobility_invitation_issue(mobility=mobility, actor=officer)
    reference = mobility.invitation_reference
    mobility_invitation_issue(mobility=mobility, actor=officer)

    assert reference.startswith("INV-")
    assert mobility.invitation_reference == reference
    assert len(mobility.invitation_token) >= 24


def test_mobility_invitation_issue_refuses_an_outgoing_mobility(officer, home):
    with pytest.raises(ValidationError):
        mobility_invitation_issue(mobility=MobilityFactory(), actor=officer)
