"""The committee: each reviewer writes only their own scores, a conflict of interest stops
a reviewer from scoring, and the office sees averages, spread and totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hamkor.calls.committee_selectors import office_reads_scores, reviewer_queue, score_summary
from hamkor.calls.committee_services import (
    conflict_declare,
    reviewer_assign,
    reviewer_remove,
    scores_save,
)
from hamkor.calls.models import Application, Call, Reviewer, Score
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


def test_the_office_sees_each_criterions_average_spread_and_the_weighted_total(call):
    first, second = reviewer(call, "first"), reviewer(call, "second")
    application = submitted(call, *places(call))
    score(application, first, gpa=90, language=70, motivation=80)
    score(application, second, gpa=81, language=75, motivation=80)
    criteria, [row] = score_summary(call=call)
    assert [c.code for c in criteria] == ["gpa", "language", "motivation"]
    assert [cell.average for cell in row.cells] == [Decimal("85.50"), 72.5, 80]
    assert [cell.spread for cell in row.cells] == [9, 5, 0]
    assert [cell.count for cell in row.cells] == [2, 2, 2]
    # 0.4 x 85.5 + 0.3 x 72.5 + 0.3 x 80 = 34.2 + 21.75 + 24
    assert row.total == Decimal("79.95")


def test_a_total_waits_for_every_criterion(call):
    application = submitted(call, *places(call))
    score(application, reviewer(call), gpa=90, language=70)
    _, [row] = score_summary(call=call)
    assert row.total is None


def test_a_reviewer_changes_their_own_scores_only(call):
    first, second = reviewer(call, "first"), reviewer(call, "second")
    application = submitted(call, *places(call))
    score(application, first, gpa=90)
    gpa = call.criteria.get(code="gpa")
    with pytest.raises(PermissionDenied):
        scores_save(
            application=application, reviewer=first, values={gpa.pk: Decimal(1)}, actor=second
        )
    score(application, first, gpa=60)
    assert list(Score.objects.values_list("reviewer__email", "value")) == [
        ("first@example.org", Decimal("60.00"))
    ]


def test_a_user_off_the_committee_cannot_score(call, officer):
    application = submitted(call, *places(call))
    with pytest.raises(PermissionDenied):
        score(application, officer, gpa=50)


def test_a_score_above_100_is_refused_beside_its_criterion(call):
    user = reviewer(call)
    application = submitted(call, *places(call))
    gpa = call.criteria.get(code="gpa")
    with pytest.raises(ValidationError) as refused:
        scores_save(
            application=application, reviewer=user, values={gpa.pk: Decimal(101)}, actor=user
        )
    assert f"criterion_{gpa.pk}" in refused.value.message_dict
    assert not Score.objects.exists()


def test_a_conflicted_reviewer_loses_their_scores_and_cannot_score_again(call):
    user = reviewer(call)
    application = submitted(call, *places(call))
    score(application, user, gpa=90, language=90)
    conflict_declare(application=application, reviewer=user, reason="My cousin", actor=user)
    assert not Score.objects.exists()
    with pytest.raises(ValidationError, match="conflict of interest"):
        score(application, user, gpa=90)
    [row] = reviewer_queue(reviewer=Reviewer.objects.get(user=user))
    assert row.conflict and row.scored == 0


def test_a_reviewer_who_applied_cannot_score_their_own_application(call):
    user = reviewer(call)
    application = submitted(call, *places(call))
    Application.objects.filter(pk=application.pk).update(applicant=user)
    application.refresh_from_db()
    with pytest.raises(ValidationError, match="your own application"):
        score(application, user, gpa=100, language=100, motivation=100)
    assert not Score.objects.exists()


def test_a_conflict_needs_a_reason(call):
    user = reviewer(call)
    application = submitted(call, *places(call))
    with pytest.raises(ValidationError):
        conflict_declare(application=application, reviewer=user, reason="  ", actor=user)


def test_scores_are_given_only_under_evaluation(call):
    user = reviewer(call)
    application = submitted(call, *places(call))
    Call.objects.filter(pk=call.pk).update(status=Call.Status.PUBLISHED)
    application.refresh_from_db()
    with pytest.raises(ValidationError, match="under evaluation"):
        score(application, user, gpa=50)


def test_an_ineligible_application_is_not_scored(call):
    user = reviewer(call)
    application = submitted(call, *places(call), eligible=False)
    with pytest.raises(ValidationError, match="not in the selection"):
        score(application, user, gpa=50)
    assert reviewer_queue(reviewer=Reviewer.objects.get(user=user)) == []


def test_reviewers_are_assigned_once_and_removed_until_they_score(call, officer):
    user = reviewer(call)
    with pytest.raises(ValidationError):
        reviewer_assign(call=call, user=user, actor=officer)
    membership = Reviewer.objects.get(user=user)
    score(submitted(call, *places(call)), user, gpa=50)
    with pytest.raises(ValidationError):
        reviewer_remove(reviewer=membership, actor=officer)
    Score.objects.all().delete()
    reviewer_remove(reviewer=membership, actor=officer)
    assert not Reviewer.objects.exists()


def test_only_the_office_reads_the_averages(call, officer, leadership, coordinator):
    assert office_reads_scores(officer) and office_reads_scores(leadership)
    assert not office_reads_scores(reviewer(call))
    assert not office_reads_scores(coordinator)
