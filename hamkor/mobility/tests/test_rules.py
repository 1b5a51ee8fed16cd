"""Rules written once for mobilities: importing with the in-file overlap check, the letter
predicate, personal data redaction, the QS cut-off, faculty scope, the steps."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from hamkor.accounts.faculties import (
    UNLIMITED,
    coordinator_faculty,
    coordinator_units,
    home_units,
)
from hamkor.accounts.tests.factories import OrgUnitFactory
from hamkor.agreements.tests.factories import PartnerFactory
from hamkor.core import transitions
from hamkor.mobility import rules
from hamkor.mobility.filters import MobilityFilterSet
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.personal import Redacted, hidden_fields, person_redact
from hamkor.mobility.selectors import QS_TOP, at_qs_top, mobility_host_ranking, outside_qs_top
from hamkor.mobility.services import mobilities_import, mobility_invitation_issue
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory
from hamkor.partners.models import RankingEntry
from hamkor.partners.tests.factories import HomeInstitutionFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def row(person: Person, start: D, end: D, **fields) -> dict:
    return {
        "person": person,
        "direction": Mobility.Direction.OUTGOING,
        "kind": Mobility.Kind.STAFF_TEACHING,
        "programme": Mobility.Programme.KA171,
        "sending_institution": HomeInstitutionFactory(),
        "receiving_institution": PartnerFactory(),
        "planned_start": start,
        "planned_end": end,
        **fields,
    }


# --- mobilities_import ---------------------------------------------------------------------


def test_import_records_every_row(officer):
    person = PersonFactory()
    saved = mobilities_import(
        rows=[row(person, D(2025, 3, 3), D(2025, 3, 9)), row(person, D(2025, 4, 1), D(2025, 4, 5))],
        actor=officer,
    )
    assert [m.pk for m in saved] == list(
        Mobility.objects.order_by("pk").values_list("pk", flat=True)
    )
    assert saved[0].history.first().history_change_reason == "mobility.mobility.imported"


def test_import_refuses_two_rows_of_the_file_overlapping_for_one_person(officer):
    person = PersonFactory(last_name="Karimov")
    with pytest.raises(ValidationError) as exc:
        mobilities_import(
            rows=[
                row(person, D(2025, 3, 3), D(2025, 3, 9)),
                row(PersonFactory(), D(2025, 3, 3), D(2025, 3, 9)),
                row(person, D(2025, 3, 9), D(2025, 3, 12)),  # shares the 9th: overlaps
            ],
            numbers=[2, 3, 4],
            actor=officer,
        )
    assert exc.value.messages == [
        "Row 4: Karimov Ali is away on the mobility of row 2 at that time."
    ]
    assert not Mobility.objects.exists()  # all or nothing


def test_import_lists_every_refused_row_and_records_none(officer):
    person = PersonFactory()
    with pytest.raises(ValidationError) as exc:
        mobilities_import(
            rows=[
                row(person, D(2025, 3, 3), D(2025, 3, 9)),
                row(PersonFactory(), D(2025, 3, 3), D(2025, 3, 9), funding_currency="XYZ"),
                row(PersonFactory(), D(2025, 5, 3), D(2025, 5, 9), funding_currency="ABC"),
            ],
            actor=officer,
        )
    assert [message.split(":")[0] for message in exc.value.messages] == ["Row 2", "Row 3"]
    assert not Mobility.objects.exists()


# --- The invitation letter -----------------------------------------------------------------


def test_the_letter_button_and_the_service_agree(officer):
    guest = MobilityFactory(incoming=True)
    outgoing = MobilityFactory()
    cancelled = MobilityFactory(incoming=True, status=Mobility.Status.CANCELLED)
    for mobility in (guest, outgoing, cancelled):
        offered = rules.can_issue_letter(mobility, officer)
        try:
            mobility_invitation_issue(mobility=mobility, actor=officer)
        except ValidationError:
            accepted = False
        else:
            accepted = True
        assert offered is accepted
    assert rules.can_issue_letter(guest, officer) is False  # issued now: once only


def test_leadership_is_not_offered_the_letter(leadership):
    assert not rules.can_issue_letter(MobilityFactory(incoming=True), leadership)


# --- Personal data -------------------------------------------------------------------------


def test_a_redacted_person_hides_personal_data_and_cannot_be_saved(coordinator, officer):
    person = PersonFactory(passport_number="AB1234567", date_of_birth=D(1975, 12, 4))
    hidden = person_redact(person, coordinator)
    assert isinstance(hidden, Redacted)
    assert (hidden.passport_number, hidden.date_of_birth) == ("", None)
    assert hidden.last_name == person.last_name
    with pytest.raises(TypeError):
        hidden.save()
    assert person.passport_number == "AB1234567"  # the record itself is untouched
    assert person_redact(person, officer) is person


def test_a_redacted_mobility_hides_its_visa_and_its_person(coordinator):
    mobility = MobilityFactory(
        incoming=True, visa_number="V-1", person=PersonFactory(passport_number="AB1")
    )
    from hamkor.mobility.personal import redact

    shown = redact(mobility, coordinator)
    assert shown.visa_number == "" and shown.person.passport_number == ""


def test_the_same_fields_are_hidden_everywhere(coordinator, officer):
    assert hidden_fields(officer, Person) == ()
    assert set(hidden_fields(coordinator, Person)) == {
        "date_of_birth",
        "passport_number",
        "passport_valid_to",
    }
    assert set(hidden_fields(coordinator, Mobility)) == {
        "visa_type",
        "visa_number",
        "visa_valid_to",
    }


# --- The QS cut-off ------------------------------------------------------------------------


@pytest.mark.parametrize(("band", "top"), [("951-1000", True), ("1001-1200", False)])
def test_the_qs_cut_off_is_the_same_for_the_filter_the_figures_and_the_page(band, top):
    mobility = MobilityFactory(planned_start=D(2025, 3, 3), planned_end=D(2025, 3, 9))
    low, _, high = band.partition("-")
    RankingEntry.objects.create(
        institution=mobility.receiving_institution,
        ranking=RankingEntry.Ranking.QS_WORLD,
        year=2025,
        rank=band,
        rank_low=int(low),
        rank_high=int(high),
    )
    everything = Mobility.objects.all()
    assert at_qs_top(everything).exists() is top
    assert outside_qs_top(everything).exists() is not top
    filtered = MobilityFilterSet({"qs_top": "true"}, queryset=everything).qs
    assert filtered.exists() is top
    assert mobility_host_ranking(mobility)["top"] is top
    assert QS_TOP == 1000


# --- Faculties -----------------------------------------------------------------------------


def test_the_faculty_rule_for_each_kind_of_user(officer, coordinator, faculty_a, admin):
    from hamkor.accounts.roles import Role
    from hamkor.accounts.tests.factories import UserFactory

    assert coordinator_faculty(officer) is UNLIMITED
    assert coordinator_faculty(admin) is UNLIMITED
    assert coordinator_faculty(coordinator) == faculty_a.pk
    both = UserFactory(roles=[Role.COORDINATOR, Role.OFFICER], org_unit=faculty_a)
    assert coordinator_faculty(both) is UNLIMITED
    lost = UserFactory(roles=[Role.COORDINATOR], org_unit=None)
    assert coordinator_faculty(lost) is None
    assert not coordinator_units(lost).exists()


def test_a_coordinator_works_for_the_departments_of_their_faculty(
    coordinator, faculty_a, faculty_b
):
    department = OrgUnitFactory(
        institution=faculty_a.institution, parent=faculty_a, code="dept", kind="department"
    )
    assert set(coordinator_units(coordinator)) == {faculty_a, department}
    staff = PersonFactory(category=Person.Category.STAFF, org_unit=department)
    other = PersonFactory(category=Person.Category.STAFF, org_unit=faculty_b)
    mine = Person.objects.restrict(coordinator, "change")
    assert staff in mine and other not in mine


def test_home_units_are_the_active_units_of_our_university(faculty_a, home):
    OrgUnitFactory(institution=home, code="closed", is_active=False)
    OrgUnitFactory(institution=PartnerFactory(), code="theirs")
    assert list(home_units()) == [faculty_a]


# --- Steps ---------------------------------------------------------------------------------


def test_mobility_steps_are_labelled_from_the_side_of_the_trip(officer):
    outgoing = MobilityFactory(status=Mobility.Status.ACCEPTED)
    incoming = MobilityFactory(incoming=True, status=Mobility.Status.ACCEPTED)
    [start, cancel] = transitions.steps_available(outgoing, officer)
    assert (start.name, start.label_for(outgoing), cancel.name) == (
        "start_trip",
        "Departed",
        "cancel",
    )
    assert transitions.steps_available(incoming, officer)[0].label_for(incoming) == "Arrived"
    assert start.asks_date and cancel.asks_reason


def test_the_mobility_status_cannot_be_assigned():
    mobility = MobilityFactory()
    with pytest.raises(AttributeError):
        mobility.status = Mobility.Status.COMPLETED


def test_the_api_takes_a_mobility_step_as_the_page_does(as_user):
    mobility = MobilityFactory(status=Mobility.Status.ACCEPTED)
    url = f"/api/v1/mobilities/{mobility.pk}/"
    client = as_user("officer")
    assert client.get(url).json()["steps"] == ["start_trip", "cancel"]
    response = client.post(
        f"{url}transitions/start_trip/", {"on": "2025-03-04", "version": mobility.version}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_progress"
    mobility.refresh_from_db()
    assert mobility.actual_start == D(2025, 3, 4)
    response = client.post(f"{url}transitions/cancel/", {})
    assert response.status_code == 400
    assert response.json()["detail"] == ["Say why the mobility is cancelled."]
