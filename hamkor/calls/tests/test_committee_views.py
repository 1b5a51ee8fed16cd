"""The committee's pages as a reviewer and the office use them: a reviewer scores through the
form and never reaches another reviewer's page; the office sees averages and spread,
computes the ranking and changes a result with a reason."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import login
from hamkor.calls.models import Application, ConflictOfInterest, Reviewer, Score
from hamkor.calls.tests.committee_world import (
    call_under_evaluation,
    places,
    reviewer,
    score,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    return call_under_evaluation()


def fields(call) -> dict[str, str]:
    return {c.code: f"criterion_{c.pk}" for c in call.criteria.all()}


def test_a_reviewer_scores_an_application_through_the_form(client, call):
    user = reviewer(call, "first")
    application = submitted(call, *places(call), name="Rahimova")
    membership = Reviewer.objects.get(user=user)
    login(client, user)
    queue = client.get(reverse("calls:reviewer_queue", args=[membership.pk]))
    assert "Rahimova" in queue.content.decode()
    url = reverse("calls:score_edit", args=[membership.pk, application.pk])
    page = client.get(url)
    assert page.status_code == 200
    names = fields(call)
    answer = client.post(
        url, {names["gpa"]: "88.5", names["language"]: "70", names["motivation"]: ""}
    )
    assert answer.status_code == 302
    assert dict(Score.objects.values_list("criterion__code", "value")) == {
        "gpa": Decimal("88.50"),
        "language": Decimal("70.00"),
    }
    # The form shows the reviewer's own scores back.
    assert 'value="88.50"' in client.get(url).content.decode()


def test_a_score_out_of_range_is_refused_with_the_typed_values_kept(client, call):
    user = reviewer(call)
    application = submitted(call, *places(call))
    membership = Reviewer.objects.get(user=user)
    names = fields(call)
    answer = login(client, user).post(
        reverse("calls:score_edit", args=[membership.pk, application.pk]),
        {names["gpa"]: "101", names["language"]: "77"},
    )
    assert answer.status_code == 400
    body = answer.content.decode()
    assert "less than or equal to 100" in body
    assert 'value="77"' in body
    assert not Score.objects.exists()


def test_another_reviewers_pages_are_not_found(client, call):
    first, second = reviewer(call, "first"), reviewer(call, "second")
    application = submitted(call, *places(call))
    score(application, first, gpa=90)
    theirs = Reviewer.objects.get(user=first)
    login(client, second)
    for name, args in (
        ("calls:reviewer_queue", [theirs.pk]),
        ("calls:score_edit", [theirs.pk, application.pk]),
        ("calls:conflict_add", [theirs.pk, application.pk]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404
    names = fields(call)
    posted = client.post(
        reverse("calls:score_edit", args=[theirs.pk, application.pk]), {names["gpa"]: "1"}
    )
    assert posted.status_code == 404
    assert Score.objects.get().value == 90
    # Nor do the office's averages show them to a reviewer.
    assert client.get(reverse("calls:call_scores", args=[call.pk])).status_code == 403


def test_a_reviewer_of_another_call_does_not_find_its_applications(client, call):
    user = reviewer(call)
    other = call_under_evaluation()
    stranger = submitted(other, *places(other))
    membership = Reviewer.objects.get(user=user)
    answer = login(client, user).get(reverse("calls:score_edit", args=[membership.pk, stranger.pk]))
    assert answer.status_code == 404


def test_a_declared_conflict_stops_the_scoring(client, call):
    user = reviewer(call)
    application = submitted(call, *places(call))
    score(application, user, gpa=90)
    membership = Reviewer.objects.get(user=user)
    login(client, user)
    declared = client.post(
        reverse("calls:conflict_add", args=[membership.pk, application.pk]),
        {"reason": "She is my niece."},
    )
    assert declared.status_code == 302
    assert ConflictOfInterest.objects.get().reason == "She is my niece."
    assert not Score.objects.exists()
    url = reverse("calls:score_edit", args=[membership.pk, application.pk])
    assert "You declared a conflict of interest" in client.get(url).content.decode()
    refused = client.post(url, {fields(call)["gpa"]: "50"})
    assert refused.status_code == 400
    assert not Score.objects.exists()


def test_the_office_assigns_reviewers(client, call, officer):
    user = reviewer(call, "member")
    Reviewer.objects.all().delete()
    url = reverse("calls:call_reviewers", args=[call.pk])
    login(client, officer)
    assert client.post(url, {"user": user.pk}).status_code == 302
    assert Reviewer.objects.get().user == user
    assert client.post(url, {"user": user.pk}).status_code == 400  # no longer offered
    membership = Reviewer.objects.get()
    assert client.post(reverse("calls:reviewer_delete", args=[membership.pk])).status_code == 302
    assert not Reviewer.objects.exists()


def averages(body: str) -> list[str]:
    return re.findall(r'<span class="average">([^<]+)</span>', body)


def test_the_office_sees_averages_spread_and_ranks_then_changes_by_hand(client, call, officer):
    first_place, second_place = places(call)
    one, two = reviewer(call, "one"), reviewer(call, "two")
    strong = submitted(call, second_place, name="Strong")
    weak = submitted(call, second_place, name="Weak")
    score(strong, one, gpa=90, language=80, motivation=70)
    score(strong, two, gpa=80, language=80, motivation=70)
    score(weak, one, gpa=50, language=50, motivation=50)
    score(weak, two, gpa=50, language=50, motivation=50)
    login(client, officer)
    page = client.get(reverse("calls:call_scores", args=[call.pk])).content.decode()
    assert averages(page) == ["85.00", "80.00", "70.00", "50.00", "50.00", "50.00"]
    assert "± 10.00 · 2" in page

    assert client.post(reverse("calls:call_rank", args=[call.pk])).status_code == 302
    strong.refresh_from_db()
    weak.refresh_from_db()
    assert (strong.rank, strong.allocated_place, strong.outcome) == (1, second_place, "selected")
    assert (weak.rank, weak.reserve_position, weak.outcome) == (2, 1, "reserve")

    url = reverse("calls:application_selection", args=[weak.pk])
    form = {"outcome": "selected", "place": first_place.pk, "reason": "", "_version": weak.version}
    assert client.post(url, form).status_code == 400
    stale = {**form, "reason": "Appeal", "_version": weak.version - 1}
    assert client.post(url, stale).status_code == 409
    assert client.post(url, {**form, "reason": "Appeal upheld"}).status_code == 302
    weak.refresh_from_db()
    assert (weak.allocated_place, weak.outcome) == (first_place, "selected")
    page = client.get(reverse("calls:call_scores", args=[call.pk])).content.decode()
    assert "Appeal upheld" in page


def test_a_ranking_with_a_missing_score_is_refused_with_a_message(client, call, officer):
    submitted(call, *places(call), name="Unscored")
    login(client, officer)
    answer = client.post(reverse("calls:call_rank", args=[call.pk]), follow=True)
    assert "has no score on" in answer.content.decode()
    assert not Application.objects.filter(rank__isnull=False).exists()


def test_the_scores_pages_queries_do_not_grow_with_the_applications(client, call, officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    one = reviewer(call, "one")
    login(client, officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("calls:call_scores", args=[call.pk])).status_code == 200
        return len(captured)

    application = submitted(call, *places(call), name="First")
    score(application, one, gpa=50, language=50, motivation=50)
    client.post(reverse("calls:call_rank", args=[call.pk]))
    few = queries()
    for n in range(5):
        application = submitted(call, *places(call), name=f"More{n}")
        score(application, one, gpa=60, language=60, motivation=60)
    client.post(reverse("calls:call_rank", args=[call.pk]))
    assert queries() == few


def test_the_reviewers_queue_queries_do_not_grow_with_the_applications(client, call):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = reviewer(call)
    membership = Reviewer.objects.get(user=user)
    login(client, user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("calls:reviewer_queue", args=[membership.pk]))
        return len(captured)

    submitted(call, *places(call))
    few = queries()
    for _ in range(5):
        submitted(call, *places(call))
    assert queries() == few
