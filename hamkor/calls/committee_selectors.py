"""Reads of the committee's work: a reviewer's queue, and the office's view of the scores
(each criterion's average over the reviewers who scored it, and the spread between the
highest and the lowest score), with the totals the ranking is computed from.

Averages and totals are rounded half up to two decimals, and the total is the sum of the
averages weighted by the criteria's weights (percent): the numbers the office sees are the
numbers the ranking uses and the replay file holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from hamkor.calls.applications import committee_only
from hamkor.calls.models import Application, Call, ConflictOfInterest, Criterion, Reviewer, Score

CENT = Decimal("0.01")


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def office_reads_scores(user) -> bool:
    """The averaged scores are the office's (and leadership's): a committee member sees
    only their own scores, not the others' through an average."""
    return user.has_perm("calls.view_score") and not committee_only(user)


def criteria_heaviest_first(call: Call) -> list[Criterion]:
    """The call's criteria, heaviest first; equal weights in the call's order."""
    return sorted(call.criteria.all(), key=lambda c: (-c.weight, c.order, c.pk))


def reviewer_of(call: Call, user) -> Reviewer | None:
    return Reviewer.objects.filter(call=call, user=user).select_related("call").first()


# Submitted, then answered once the results are out: the applications the selection was
# made of, for the pages and the minutes after publication too.
RANKED_STATUSES = (
    Application.Status.SUBMITTED,
    Application.Status.ACCEPTED,
    Application.Status.DECLINED,
)


def selection_applications(call: Call):
    """The applications the committee scores and the selection ranks: admitted (eligible,
    or by the office's override) and submitted, or answered since the results."""
    rows = (
        Application.objects.filter(call=call, status__in=RANKED_STATUSES)
        .select_related("person", "allocated_place__institution")
        .prefetch_related("preferences")
        .order_by("rank", "submitted_at", "pk")
    )
    return [application for application in rows if application.admitted]


@dataclass
class QueueRow:
    """One application in a reviewer's list: how many criteria they scored, or their conflict."""

    application: Application
    scored: int
    conflict: bool


def reviewer_queue(*, reviewer: Reviewer) -> list[QueueRow]:
    """The applications ``reviewer`` is to score, with their own progress on each."""
    applications = selection_applications(reviewer.call)
    counts = defaultdict(int)
    for application_id in Score.objects.filter(
        application__call=reviewer.call_id, reviewer=reviewer.user_id
    ).values_list("application_id", flat=True):
        counts[application_id] += 1
    conflicts = set(
        ConflictOfInterest.objects.filter(
            application__call=reviewer.call_id, reviewer=reviewer.user_id
        ).values_list("application_id", flat=True)
    )
    return [
        QueueRow(application=a, scored=counts[a.pk], conflict=a.pk in conflicts)
        for a in applications
    ]


@dataclass
class Cell:
    """One criterion of one application: the scores given, their average and spread."""

    values: list[Decimal] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def average(self) -> Decimal | None:
        return rounded(sum(self.values) / len(self.values)) if self.values else None

    @property
    def spread(self) -> Decimal | None:
        return max(self.values) - min(self.values) if self.values else None


@dataclass
class ScoreRow:
    """An application's averaged scores by criterion (heaviest first) and its total."""

    application: Application
    cells: list[Cell]
    conflicts: int
    weights: list[int]

    @property
    def complete(self) -> bool:
        return all(cell.values for cell in self.cells)

    @property
    def total(self) -> Decimal | None:
        """The weighted total of the averages; ``None`` while a criterion has no score."""
        if not self.complete:
            return None
        weighted = sum(
            cell.average * weight for cell, weight in zip(self.cells, self.weights, strict=True)
        )
        return rounded(weighted / 100)


def score_summary(*, call: Call) -> tuple[list[Criterion], list[ScoreRow]]:
    """The office's table: the criteria (heaviest first), and a row per application in the
    selection (in the stored ranking's order once computed)."""
    criteria = criteria_heaviest_first(call)
    position = {criterion.pk: index for index, criterion in enumerate(criteria)}
    applications = selection_applications(call)
    cells = {a.pk: [Cell() for _ in criteria] for a in applications}
    for application_id, criterion_id, value in Score.objects.filter(
        application__call=call
    ).values_list("application_id", "criterion_id", "value"):
        if application_id in cells:
            cells[application_id][position[criterion_id]].values.append(value)
    conflicts = defaultdict(int)
    for application_id in ConflictOfInterest.objects.filter(application__call=call).values_list(
        "application_id", flat=True
    ):
        conflicts[application_id] += 1
    weights = [criterion.weight for criterion in criteria]
    rows = [
        ScoreRow(application=a, cells=cells[a.pk], conflicts=conflicts[a.pk], weights=weights)
        for a in applications
    ]
    return criteria, rows
