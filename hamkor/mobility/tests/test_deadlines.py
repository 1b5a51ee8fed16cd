"""The deadlines board: what it lists, in which order, for whom, and under which rule.

The selectors take ``today`` explicitly; the page uses the local date, so the page tests
build their dates from it. The helpers here are shared with the reminder and portal tests.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from hamkor.core.documents import document_add
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.reminders import DeadlineKind, deadlines_upcoming
from hamkor.partners.tests.factories import InstitutionFactory

TODAY = datetime.date(2026, 3, 18)  # a Wednesday
DAY = datetime.timedelta(days=1)


def pdf(name: str = "report.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def make_person(last_name: str, **fields) -> Person:
    fields.setdefault("category", Person.Category.FOREIGN_PROFESSOR)
    fields.setdefault("first_name", "Anna")
    fields.setdefault("citizenship", "DE")
    return Person.objects.create(last_name=last_name, **fields)


def make_mobility(person: Person, *, start: datetime.date, days: int = 30, **fields) -> Mobility:
    """A mobility between the home university and a partner (made if not given)."""
    from hamkor.partners.tests.factories import HomeInstitutionFactory

    home = HomeInstitutionFactory()
    partner = fields.pop("partner", None) or InstitutionFactory(country="DE")
    direction = fields.setdefault("direction", Mobility.Direction.INCOMING)
    incoming = direction == Mobility.Direction.INCOMING
    fields.setdefault("kind", Mobility.Kind.STAFF_TEACHING)
    fields.setdefault("programme", Mobility.Programme.BILATERAL)
    fields.setdefault("status", Mobility.Status.ACCEPTED)
    return Mobility.objects.create(
        person=person,
        sending_institution=partner if incoming else home,
        receiving_institution=home if incoming else partner,
        planned_start=start,
        planned_end=start + datetime.timedelta(days=days),
        **fields,
    )


def rows(deadlines) -> list[tuple[str, str, int]]:
    return [(d.kind, d.person.last_name, d.days_left) for d in deadlines]


@pytest.fixture
def board(db, faculty_a, officer):
    """One mobility for each case the board must list, or must leave out."""
    in_progress = Mobility.Status.IN_PROGRESS
    completed = Mobility.Status.COMPLETED
    outgoing = Mobility.Direction.OUTGOING
    make_mobility(  # arrived last Friday: registration was due on Monday
        make_person("Arrived"),
        start=TODAY - 5 * DAY,
        actual_start=TODAY - 5 * DAY,
        status=in_progress,
        home_unit=faculty_a,
    )
    make_mobility(make_person("Soon"), start=TODAY + 7 * DAY)  # due 3 days after arrival
    make_mobility(make_person("Later"), start=TODAY + 30 * DAY)  # beyond 14 days: not yet
    make_mobility(
        make_person("Registered"),
        start=TODAY - 20 * DAY,
        days=60,
        status=in_progress,
        registered_on=TODAY - 19 * DAY,
        registration_valid_to=TODAY + 12 * DAY,
    )
    make_mobility(
        make_person("Visa"),
        start=TODAY - 10 * DAY,
        days=80,
        status=in_progress,
        registered_on=TODAY - 9 * DAY,
        visa_type=Mobility.Visa.ACADEMIC,
        visa_number="AB1234567",
        visa_valid_to=TODAY + 18 * DAY,
    )
    make_mobility(  # the visa outlives the stay: nothing to do
        make_person("Covered"),
        start=TODAY - 10 * DAY,
        days=20,
        status=in_progress,
        registered_on=TODAY - 9 * DAY,
        visa_valid_to=TODAY + 15 * DAY,
    )
    make_mobility(  # a citizen of the host's country registers nowhere
        make_person("Citizen", citizenship="UZ"),
        start=TODAY - 5 * DAY,
        status=in_progress,
    )
    make_mobility(make_person("Cancelled"), start=TODAY - 2 * DAY, status=Mobility.Status.CANCELLED)
    make_mobility(  # back on Monday: report due on Saturday
        make_person("Back", category=Person.Category.STAFF, org_unit=faculty_a),
        start=TODAY - 32 * DAY,
        actual_end=TODAY - 2 * DAY,
        days=30,
        direction=outgoing,
        status=completed,
    )
    make_mobility(
        make_person("Reported", category=Person.Category.STAFF, org_unit=faculty_a),
        start=TODAY - 32 * DAY,
        actual_end=TODAY - 2 * DAY,
        direction=outgoing,
        status=completed,
        report_received_on=TODAY - DAY,
    )
    attached = make_mobility(
        make_person("Attached", category=Person.Category.STAFF, org_unit=faculty_a),
        start=TODAY - 32 * DAY,
        actual_end=TODAY - 2 * DAY,
        direction=outgoing,
        status=completed,
    )
    document_add(record=attached, kind="report", upload=pdf(), actor=officer)
    make_mobility(  # returned long ago: off the daily list
        make_person("Ancient", category=Person.Category.STAFF, org_unit=faculty_a),
        start=TODAY - 400 * DAY,
        actual_end=TODAY - 370 * DAY,
        direction=outgoing,
        status=completed,
    )
    make_mobility(  # the passport ends 30 days after the return
        make_person(
            "Passport",
            category=Person.Category.STUDENT,
            org_unit=faculty_a,
            passport_number="FA7654321",
            passport_valid_to=TODAY + 135 * DAY,
        ),
        start=TODAY + 15 * DAY,
        days=90,
        direction=outgoing,
        kind=Mobility.Kind.STUDENT_STUDY,
    )


def test_board_lists_overdue_first_then_soonest(board):
    deadlines = deadlines_upcoming(user_or_queryset=Mobility.objects.all(), today=TODAY)

    assert rows(deadlines) == [
        (DeadlineKind.REGISTRATION, "Arrived", -2),
        (DeadlineKind.REPORT, "Back", 3),
        (DeadlineKind.REGISTRATION, "Soon", 10),
        (DeadlineKind.REGISTRATION_EXPIRY, "Registered", 12),
        (DeadlineKind.VISA_EXPIRY, "Visa", 18),
        (DeadlineKind.PASSPORT_EXPIRY, "Passport", 135),
    ]
    assert deadlines[0].overdue and not deadlines[1].overdue


def test_board_leaves_out_what_needs_no_action(board):
    listed = {
        d.person.last_name
        for d in deadlines_upcoming(user_or_queryset=Mobility.objects.all(), today=TODAY)
    }

    assert not listed & {
        "Later",
        "Covered",
        "Citizen",
        "Cancelled",
        "Reported",
        "Attached",
        "Ancient",
    }


def test_board_gives_visa_and_passport_numbers_to_personal_data_holders_only(
    board, officer, leadership
):
    by_officer = {
        d.kind: d.detail for d in deadlines_upcoming(user_or_queryset=officer, today=TODAY)
    }
    by_leadership = {
        d.kind: d.detail for d in deadlines_upcoming(user_or_queryset=leadership, today=TODAY)
    }

    assert by_officer[DeadlineKind.VISA_EXPIRY] == "Academic visa AB1234567"
    assert by_officer[DeadlineKind.PASSPORT_EXPIRY] == "FA7654321"
    assert set(by_leadership.values()) == {""}


def test_coordinator_sees_the_deadlines_of_their_faculty_only(
    board, coordinator, coordinator_b, leadership
):
    mine = rows(deadlines_upcoming(user_or_queryset=coordinator, today=TODAY))
    others = deadlines_upcoming(user_or_queryset=coordinator_b, today=TODAY)
    everyone = deadlines_upcoming(user_or_queryset=leadership, today=TODAY)

    # Hosted by faculty A (home unit) or its own people (person's unit).
    assert mine == [
        (DeadlineKind.REGISTRATION, "Arrived", -2),
        (DeadlineKind.REPORT, "Back", 3),
        (DeadlineKind.PASSPORT_EXPIRY, "Passport", 135),
    ]
    assert others == []
    assert len(everyone) == 6


def test_applicant_gets_no_deadlines(board, applicant):
    assert deadlines_upcoming(user_or_queryset=applicant, today=TODAY) == []


# The registration deadline under each way of counting days. 13 March 2026 is a Friday;
# 20 March is a Friday before Navroʻz (21 March, a Saturday holiday).
@pytest.mark.parametrize(
    ("rule", "arrival", "due"),
    [
        ("calendar", "2026-03-13", "2026-03-16"),
        ("working", "2026-03-13", "2026-03-18"),
        ("no_sundays", "2026-03-13", "2026-03-17"),
        ("calendar", "2026-03-20", "2026-03-23"),
        ("working", "2026-03-20", "2026-03-25"),
        ("no_sundays", "2026-03-20", "2026-03-25"),
    ],
)
def test_registration_due_follows_the_counting_rule(db, settings, rule, arrival, due):
    settings.HAMKOR_REGISTRATION_DAYS = 3
    settings.HAMKOR_REGISTRATION_COUNT = rule
    arrived = datetime.date.fromisoformat(arrival)
    make_mobility(make_person("Guest"), start=arrived, actual_start=arrived)

    (deadline,) = deadlines_upcoming(user_or_queryset=Mobility.objects.all(), today=arrived)

    assert deadline.kind == DeadlineKind.REGISTRATION
    assert deadline.due == datetime.date.fromisoformat(due)


def test_registration_deadline_moves_with_the_actual_arrival(db):
    planned = TODAY
    mobility = make_mobility(make_person("Late"), start=planned)
    mobility.actual_start = planned + 2 * DAY
    mobility.save()

    (deadline,) = deadlines_upcoming(user_or_queryset=Mobility.objects.all(), today=TODAY)

    assert deadline.due == planned + 5 * DAY


def test_trip_report_due_follows_the_setting(db, settings):
    settings.HAMKOR_TRIP_REPORT_DAYS = 10
    make_mobility(
        make_person("Back"),
        start=TODAY - 20 * DAY,
        actual_end=TODAY - DAY,
        direction=Mobility.Direction.OUTGOING,
        status=Mobility.Status.COMPLETED,
    )

    (deadline,) = deadlines_upcoming(user_or_queryset=Mobility.objects.all(), today=TODAY)

    assert (deadline.kind, deadline.due) == (DeadlineKind.REPORT, TODAY + 9 * DAY)


# --- The page -------------------------------------------------------------------------------


@pytest.fixture
def live(db, faculty_a):
    """Deadlines relative to the real date, for the page."""
    today = timezone.localdate()
    make_mobility(
        make_person("Overdue"),
        start=today - 6 * DAY,
        actual_start=today - 6 * DAY,
        status=Mobility.Status.IN_PROGRESS,
        home_unit=faculty_a,
        visa_number="XY0001",
        visa_type=Mobility.Visa.ACADEMIC,
        visa_valid_to=today + 5 * DAY,
    )
    make_mobility(make_person("Upcoming"), start=today + 5 * DAY)
    return today


def test_page_lists_deadlines_and_highlights_the_overdue(as_user, live):
    response = as_user("officer").get(reverse("mobility:deadlines"))

    assert response.status_code == 200
    deadlines = response.context["deadlines"]
    assert [d.person.last_name for d in deadlines] == ["Overdue", "Overdue", "Upcoming"]
    assert response.context["overdue"] == 1
    html = response.content.decode()
    assert 'class="table-danger" data-kind="registration"' in html
    assert "XY0001" in html  # officers see personal data


def test_page_hides_visa_numbers_from_leadership(as_user, live):
    response = as_user("leadership").get(reverse("mobility:deadlines"))

    assert response.status_code == 200
    assert len(response.context["deadlines"]) == 3
    assert "XY0001" not in response.content.decode()


def test_page_filters_by_kind(as_user, live):
    response = as_user("officer").get(reverse("mobility:deadlines"), {"kind": "visa_expiry"})

    assert [d.kind for d in response.context["deadlines"]] == ["visa_expiry"]
    nonsense = as_user("officer").get(reverse("mobility:deadlines"), {"kind": "<script>"})
    assert nonsense.status_code == 200 and len(nonsense.context["deadlines"]) == 3


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("calendar", "within 3 calendar days after the day of entry"),
        ("working", "within 3 working days (Monday to Friday, public holidays excepted)"),
        ("no_sundays", "within 3 days other than Sundays and public holidays"),
    ],
)
def test_page_states_the_rule_in_force(as_user, db, settings, rule, words):
    settings.HAMKOR_REGISTRATION_COUNT = rule

    response = as_user("officer").get(reverse("mobility:deadlines"))

    assert words in response.content.decode()
    assert "trip report within 5 days of return" in response.content.decode()


def test_coordinator_page_shows_their_faculty(as_user, live):
    assert len(as_user("coordinator").get(reverse("mobility:deadlines")).context["deadlines"]) == 2


def test_page_queries_do_not_grow_with_rows(as_user, live, django_assert_max_num_queries):
    client = as_user("officer")
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("mobility:deadlines"))
    today = live
    for number in range(15):
        make_mobility(make_person(f"Guest {number}"), start=today + (number % 10) * DAY)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("mobility:deadlines"))
    assert len(response.context["deadlines"]) == 18


def test_page_shows_fifty_deadlines_a_page_most_urgent_first(as_user, live):
    today = live
    for number in range(60):
        make_mobility(make_person(f"Guest {number:02}"), start=today + (number % 12) * DAY)
    client = as_user("officer")

    first = client.get(reverse("mobility:deadlines"))
    second = client.get(reverse("mobility:deadlines"), {"page": 2})

    shown = [*first.context["deadlines"], *second.context["deadlines"]]
    assert len(first.context["deadlines"]) == 50
    assert len(shown) == 63 == first.context["total"]
    assert [d.due for d in shown] == sorted(d.due for d in shown)
    assert "page=2" in first.content.decode()


def test_page_filters_by_due_date_and_faculty(as_user, live, faculty_b):
    today = live
    make_mobility(make_person("Far"), start=today + 12 * DAY, home_unit=faculty_b)
    client = as_user("officer")

    soon = client.get(reverse("mobility:deadlines"), {"within": 7})
    of_b = client.get(reverse("mobility:deadlines"), {"faculty": faculty_b.pk})
    nonsense = client.get(reverse("mobility:deadlines"), {"within": "x", "faculty": "y"})

    # Upcoming arrives in 5 days and registers 3 days later: not within 7 days.
    assert [d.person.last_name for d in soon.context["deadlines"]] == ["Overdue", "Overdue"]
    assert [d.person.last_name for d in of_b.context["deadlines"]] == ["Far"]
    assert nonsense.status_code == 200 and len(nonsense.context["deadlines"]) == 4


def test_page_keeps_due_and_days_left_first_for_phones(as_user, live):
    html = as_user("officer").get(reverse("mobility:deadlines")).content.decode()

    head = html[html.index("<thead>") : html.index("</thead>")]
    assert head.index("Due") < head.index("Days left") < head.index("Deadline")
    assert 'class="d-none d-md-table-cell">Partner' in head
