"""Reads about mobilities: the host's QS rank for the mobility's year, counts, figures.

"At a QS top-1000 university" is never typed: it comes from the host's QS World ranking entry
for the year of the mobility. The edition used is the latest one published by then (an
edition named Y appears in the middle of year Y-1, so a mobility in year Y uses the newest
edition named Y+1 or earlier); when the host has no such edition, its earliest one stands in,
so that a mobility from before the first loaded edition is judged by the nearest evidence.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.formats import date_format

from hamkor.core.models import DocumentVersion
from hamkor.mobility.models import Mobility, academic_year_of
from hamkor.partners.models import Institution, RankingEntry

QS = RankingEntry.Ranking.QS_WORLD
# "A QS top-1000 university": the cut-off of the office's figures, filters and pages.
QS_TOP = 1000


def with_host_qs_rank(queryset: QuerySet[Mobility]) -> QuerySet[Mobility]:
    """Annotate ``host_qs_rank`` (the worst bound of the host's rank), ``host_qs_edition`` and
    ``host_qs_label`` (the rank as published, "801-850")."""
    queryset = queryset.annotate(
        _start=Coalesce("actual_start", "planned_start"),
    ).annotate(_year=ExtractYear("_start"))
    # An open-ended band ("1401+") has no worst bound: its best one stands for it, so that the
    # edition chosen is never skipped for an older one.
    entries = RankingEntry.objects.filter(
        institution=OuterRef("receiving_institution"), ranking=QS
    ).annotate(worst=Coalesce("rank_high", "rank_low"))
    published = entries.filter(year__lte=OuterRef("_year") + 1).order_by("-year")
    earliest = entries.order_by("year")
    return queryset.annotate(
        host_qs_rank=Coalesce(
            Subquery(published.values("worst")[:1]),
            Subquery(earliest.values("worst")[:1]),
            output_field=IntegerField(),
        ),
        host_qs_edition=Coalesce(
            Subquery(published.values("year")[:1]),
            Subquery(earliest.values("year")[:1]),
            output_field=IntegerField(),
        ),
        host_qs_label=Coalesce(
            Subquery(published.values("rank")[:1]),
            Subquery(earliest.values("rank")[:1]),
            output_field=CharField(),
        ),
    )


def qs_top_by_year(top: int = QS_TOP) -> list[tuple[int | None, int | None, set[int]]]:
    """The institutions in the QS World top ``top``, as ``(first, last, ids)``: for a mobility
    whose year is from ``first`` to ``last`` (None: unbounded), the hosts in ``ids`` are in.

    The same rule as :func:`with_host_qs_rank`, worked out once over the ranking entries (a
    few thousand rows) instead of per mobility: the edition used for year Y is the newest
    named at most Y + 1, so the answer changes only between the first and the last edition
    loaded, and consecutive years with the same answer share one span.
    """
    editions: dict[int, list[tuple[int, int]]] = {}
    entries = RankingEntry.objects.filter(ranking=QS).order_by("institution", "year")
    for institution, year, low, high in entries.values_list(
        "institution", "year", "rank_low", "rank_high"
    ):
        editions.setdefault(institution, []).append((year, low if high is None else high))
    if not editions:
        return []
    years = sorted({year for rows in editions.values() for year, _ in rows})

    def inside(year: int) -> set[int]:
        found = set()
        for institution, rows in editions.items():
            published = [worst for edition, worst in rows if edition <= year + 1]
            worst = published[-1] if published else rows[0][1]
            if worst <= top:
                found.add(institution)
        return found

    spans: list[tuple[int | None, int | None, set[int]]] = []
    # Below the first edition every host is judged by its earliest; from the last one on,
    # by its latest: two open-ended spans around the years in between.
    for year in range(years[0] - 1, years[-1]):
        ids = inside(year)
        first = None if year == years[0] - 1 else year
        if spans and spans[-1][2] == ids:
            spans[-1] = (spans[-1][0], year, ids)
        else:
            spans.append((first, year, ids))
    first, _, ids = spans[-1]
    spans[-1] = (first, None, ids)
    return spans


def at_qs_top(
    queryset: QuerySet[Mobility],
    top: int = QS_TOP,
    *,
    inside: bool = True,
    spans: list[tuple[int | None, int | None, set[int]]] | None = None,
) -> QuerySet[Mobility]:
    """Mobilities whose host was in the QS World top ``top`` for the mobility's year (with
    ``inside=False``, those whose host was not, unranked hosts included).

    A plain ``IN`` over the hosts of each span of :func:`qs_top_by_year` (``spans``, when the
    caller has read them already): the database estimates it well, where a correlated
    subquery a mobility made it join millions of rows.
    """
    condition = Q(pk__in=[])
    for first, last, ids in qs_top_by_year(top) if spans is None else spans:
        span = Q(receiving_institution__in=ids)
        if first is not None:
            span &= Q(_qs_year__gte=first)
        if last is not None:
            span &= Q(_qs_year__lte=last)
        condition |= span
    queryset = queryset.alias(_qs_year=ExtractYear(Coalesce("actual_start", "planned_start")))
    return queryset.filter(condition) if inside else queryset.exclude(condition)


def outside_qs_top(queryset: QuerySet[Mobility], top: int = QS_TOP) -> QuerySet[Mobility]:
    """The others: a host ranked below ``top``, or not in the QS World ranking at all."""
    return at_qs_top(queryset, top, inside=False)


def mobility_host_ranking(mobility: Mobility) -> dict | None:
    """The host's QS World rank for the mobility's year, and whether it is in the top."""
    row = (
        with_host_qs_rank(Mobility.objects.filter(pk=mobility.pk))
        .values("host_qs_rank", "host_qs_edition", "host_qs_label")
        .first()
    )
    if not row or row["host_qs_rank"] is None:
        return None
    return {
        "rank": row["host_qs_label"],
        "edition": row["host_qs_edition"],
        "top": row["host_qs_rank"] <= QS_TOP,
    }


def teaching_foreign_students(
    queryset: QuerySet[Mobility], *, home_country: str | None = None
) -> QuerySet[Mobility]:
    """Staff who taught classes for foreign students: staff teaching at a host abroad.

    ``home_country`` spares the look-up of the home university's country when the caller
    knows it ("" when there is no home university yet).
    """
    queryset = queryset.filter(
        direction=Mobility.Direction.OUTGOING, kind=Mobility.Kind.STAFF_TEACHING
    ).exclude(receiving_institution__is_home=True)
    if home_country is None:
        home = Institution.objects.home()
        home_country = home.country.code if home else ""
    if home_country:
        queryset = queryset.exclude(receiving_institution__country=home_country)
    return queryset


def mobility_counts_by_agreement(agreement_ids: list[int]) -> dict[int, dict]:
    """Mobilities carried out under each agreement, by (academic year, direction, quota
    kind), in one query: the one count of a quota's use (detail page, list column).

    Only mobilities in progress or completed count; mobility kinds map onto quota kinds, a
    research visit counting as staff training.
    """
    if not agreement_ids:
        return {}
    kinds = {Mobility.Kind.RESEARCH: Mobility.Kind.STAFF_TRAINING}
    counts: dict[int, Counter] = defaultdict(Counter)
    rows = (
        Mobility.objects.filter(agreement__in=agreement_ids)
        .counted()
        .values_list("agreement_id", "direction", "kind", "actual_start", "planned_start")
    )
    for agreement_id, direction, kind, actual_start, planned_start in rows:
        key = (academic_year_of(actual_start or planned_start), direction, kinds.get(kind, kind))
        counts[agreement_id][key] += 1
    return {pk: dict(counter) for pk, counter in counts.items()}


def invitation_by_token(token: str) -> Mobility | None:
    """The mobility whose invitation letter carries ``token``, for public verification."""
    if not token:
        return None
    return (
        Mobility.objects.select_related("person", "receiving_institution")
        .filter(invitation_token=token)
        .exclude(invitation_reference="")
        .first()
    )


@dataclass(frozen=True)
class StatusChange:
    status: str
    label: str
    at: datetime.datetime
    by: object  # the user, or None for data loads
    note: str  # the reason of a cancellation, the date of a departure or return


def mobility_status_changes(mobility: Mobility) -> list[StatusChange]:
    """The mobility's statuses in order, each with who set it and when, from its history."""
    changes: list[StatusChange] = []
    previous = None
    records = mobility.history.select_related("history_user").order_by("history_date", "pk")
    for record in records:
        if record.status == previous:
            continue
        previous = record.status
        note = ""
        if record.status == Mobility.Status.CANCELLED:
            note = record.cancel_reason or record.status_reason
        elif record.status == Mobility.Status.IN_PROGRESS and record.actual_start:
            note = date_format(record.actual_start, "SHORT_DATE_FORMAT")
        elif record.status == Mobility.Status.COMPLETED and record.actual_end:
            note = date_format(record.actual_end, "SHORT_DATE_FORMAT")
        changes.append(
            StatusChange(
                status=record.status,
                label=str(Mobility.Status(record.status).label),
                at=record.history_date,
                by=record.history_user,
                note=note,
            )
        )
    return changes


def mobilities_with_traveller_uploads(
    queryset: QuerySet[Mobility], *, since: datetime.datetime
) -> QuerySet[Mobility]:
    """Mobilities to which their traveller (the person's own account, from "My exchanges")
    uploaded a file after ``since``: what the office has not looked at yet."""
    uploads = DocumentVersion.objects.filter(
        document__content_type=ContentType.objects.get_for_model(Mobility),
        document__object_id=OuterRef("pk"),
        uploaded_by=OuterRef("person__user"),
        uploaded_at__gt=since,
    )
    return queryset.filter(Exists(uploads))
