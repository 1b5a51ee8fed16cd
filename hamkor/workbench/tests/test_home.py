"""The staff home page: today's work, each count equal to the rows of the list it opens."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory
from hamkor.core.documents import document_add
from hamkor.grants.tests.factories import ProjectFactory, ReportingDeadlineFactory, funded
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_deadlines import make_mobility, make_person, pdf
from hamkor.partners.models import Interaction
from hamkor.partners.tests.factories import InstitutionFactory
from hamkor.workbench.models import HomeVisit

HOME = reverse("workbench:home")
DAY = datetime.timedelta(days=1)


def _expiring(days: int, **fields) -> Agreement:
    today = timezone.localdate()
    return AgreementFactory(
        status=Agreement.Status.ACTIVE, valid_from=today - 300 * DAY, valid_to=today + days * DAY,
        **fields,
    )  # fmt: skip


@pytest.fixture
def work(officer, coordinator, faculty_a, faculty_b, applicant):
    """Something of every kind for faculty A, some for faculty B, some out of range."""
    today = timezone.localdate()
    _expiring(30, units=[faculty_a])
    _expiring(80, units=[faculty_b])
    _expiring(200, units=[faculty_a])  # beyond 90 days
    partner = InstitutionFactory(partnership="active")
    for owner, on in ((officer, today), (officer, today + 30 * DAY), (coordinator, today)):
        Interaction.objects.create(
            institution=partner, kind="email", date=today - 10 * DAY, summary="Wrote",
            owner=owner, follow_up_on=on,
        )  # fmt: skip
    # A guest arriving in two days must register within three days of arrival.
    make_mobility(make_person("Guest"), start=today + 2 * DAY, home_unit=faculty_a)
    make_mobility(make_person("Far"), start=today + 60 * DAY, home_unit=faculty_a)
    # The applicant travels for faculty A and uploaded a file from "My exchanges".
    traveller = make_person("Traveller", user=applicant, org_unit=faculty_a)
    trip = make_mobility(
        traveller, start=today + 20 * DAY, direction=Mobility.Direction.OUTGOING,
        home_unit=faculty_a,
    )  # fmt: skip
    document_add(record=trip, kind="acceptance", upload=pdf(), actor=applicant)
    # The office's own upload is not news.
    document_add(record=make_mobility(make_person("Other"), start=today), kind="acceptance",
                 upload=pdf(), actor=officer)  # fmt: skip
    # Grant reports: faculty A's due in 10 days, faculty B's in 20, one submitted already.
    for faculty, days, submitted in ((faculty_a, 10, None), (faculty_b, 20, None),
                                     (faculty_a, 5, today)):  # fmt: skip
        ReportingDeadlineFactory(
            project=funded(ProjectFactory(faculty=faculty)), due_on=today + days * DAY,
            submitted_on=submitted,
        )  # fmt: skip


def _items(response) -> dict[str, object]:
    return {item.key: item for item in response.context["items"]}


def _listed_count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200
    if "deadlines" in response.context:
        return response.context["page"].paginator.count
    return response.context["table"].paginator.count


def test_home_officer_counts_each_kind_of_work(as_user, work):
    items = _items(as_user("officer").get(HOME))

    assert {key: item.count for key, item in items.items()} == {
        "expiring": 2,
        "deadlines": 2,  # the guest and "Other", both arriving this week
        "follow_ups": 1,
        "uploads": 1,
        "reports_due": 2,
    }


@pytest.mark.parametrize("persona", ["officer", "coordinator", "leadership", "admin"])
def test_home_each_count_matches_its_filtered_list(as_user, work, persona):
    client = as_user(persona)
    items = _items(client.get(HOME))

    assert items
    for item in items.values():
        assert _listed_count(client, item.url) == item.count, item.key


def test_home_coordinator_sees_their_faculty_only(as_user, work, faculty_a):
    items = _items(as_user("coordinator").get(HOME))

    assert items["expiring"].count == 1
    assert f"faculty={faculty_a.pk}" in items["expiring"].url
    assert items["uploads"].count == 1
    assert items["follow_ups"].count == 1  # their own, not the officer's
    assert items["reports_due"].count == 1


def test_home_coordinator_of_another_faculty_has_nothing_of_faculty_a(as_user, work):
    items = _items(as_user("coordinator_b").get(HOME))

    assert items["expiring"].count == 1  # faculty B's
    assert items["deadlines"].count == 0
    assert items["uploads"].count == 0


def test_home_leadership_sees_the_key_counts(as_user, work):
    items = _items(as_user("leadership").get(HOME))

    assert set(items) == {"active_agreements", "expiring", "travelling", "partners"}
    assert items["active_agreements"].count == 3


def test_home_sends_applicants_to_my_university(as_user, work):
    response = as_user("applicant").get(HOME)

    assert response.status_code == 302
    assert response.url == reverse("students:portal")


def test_home_sends_applicants_without_exchanges_to_their_account(as_user, applicant):
    response = as_user("applicant").get(HOME)

    assert response.url == reverse("accounts:profile")


def test_home_uploads_are_new_since_the_previous_visit_only(as_user, work, officer):
    client = as_user("officer")
    assert _items(client.get(HOME))["uploads"].count == 1
    # Reloading is the same visit: the news stays.
    assert _items(client.get(HOME))["uploads"].count == 1

    HomeVisit.objects.filter(user=officer).update(seen_at=timezone.now() - 2 * DAY)
    client.get(HOME)  # a new visit, after the upload: nothing new since the one before
    HomeVisit.objects.filter(user=officer).update(previous_at=timezone.now())

    assert _items(client.get(HOME))["uploads"].count == 0


def test_home_query_count_is_bounded(as_user, work, django_assert_max_num_queries):
    client = as_user("officer")
    client.get(HOME)
    today = timezone.localdate()
    for number in range(5):
        _expiring(10 + number)
        make_mobility(make_person(f"Guest{number}"), start=today + DAY)

    with django_assert_max_num_queries(22):
        client.get(HOME)
