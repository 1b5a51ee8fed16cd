"""The deadlines board: every deadline of every source (guests and travellers here, foreign
students in their app), computed by the database, the most urgent first.

Each source applies the rules of :mod:`hamkor.mobility.deadlines` to its own records; the
board is the union of their querysets, so that the daily reminders and the page never
disagree and a page costs the same few queries whatever the number of records.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.core.models import Document
from hamkor.mobility.deadlines import (
    KIND_ORDER,
    OPEN,
    PASSPORT_MARGIN_DAYS,
    REPORT_LOOKBACK_DAYS,
    AddDays,
    DeadlineKind,
    Status,
    expiry_part,
    passport_part,
    registration_part,
)
from hamkor.mobility.models import Mobility, Person, of_faculty
from hamkor.mobility.personal import may_see_personal_data


@dataclass(frozen=True)
class Deadline:
    """One deadline of one record (a mobility, a foreign student), as of ``today``."""

    kind: str
    record: models.Model
    due: datetime.date
    today: datetime.date
    # A visa or passport number: personal data, empty for those who may not see it.
    detail: str = ""
    source: str = "mobility"

    @property
    def label(self) -> str:
        return DeadlineKind(self.kind).label

    @property
    def days_left(self) -> int:
        """Days until the due date; negative when overdue."""
        return (self.due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def mobility(self) -> Mobility | None:
        return self.record if self.source == MobilitySource.name else None

    @property
    def person(self) -> Person:
        return self.record.person

    @property
    def who(self) -> str:
        """Whose deadline it is: a guest, a traveller, a foreign student."""
        return SOURCES[self.source].who(self.record)

    @property
    def partner(self):
        """The partner of a mobility; nothing for a student (their place is ``where``)."""
        return SOURCES[self.source].partner(self.record)

    @property
    def where(self) -> str:
        return SOURCES[self.source].where(self.record)

    @property
    def url(self) -> str | None:
        try:
            return self.record.get_absolute_url()
        except NoReverseMatch:
            return None


class DeadlineSource:
    """What one kind of record brings to the board: its deadlines as querysets (one a kind,
    each row annotated with ``due``), who it is for, and how to show it. Sources register
    with :func:`deadline_source_register`; the board is the union of all of them."""

    name = ""
    label = ""
    model: type[models.Model]
    kinds: tuple[str, ...] = ()
    related = ("person__user",)

    def visible(self, user) -> QuerySet:
        """The records whose deadlines ``user`` sees on the board."""
        raise NotImplementedError

    def parts(self, records: QuerySet, *, today: datetime.date) -> dict[str, QuerySet]:
        raise NotImplementedError

    def of_faculty(self, faculty) -> Q:
        raise NotImplementedError

    def detail(self, record, kind: str) -> str:
        if kind == DeadlineKind.PASSPORT_EXPIRY:
            return record.person.passport_number
        return ""

    def who(self, record) -> str:
        return str(self.label)

    def partner(self, record):
        return None

    def where(self, record) -> str:
        return ""


class MobilitySource(DeadlineSource):
    """Incoming guests (registration, visa, passport) and travellers back home (report)."""

    name = "mobility"
    label = gettext_lazy("Guests and travellers")
    model = Mobility
    kinds = tuple(DeadlineKind.values)
    related = ("person__user", "sending_institution", "receiving_institution")

    def visible(self, user) -> QuerySet[Mobility]:
        return board_queryset(user)

    def of_faculty(self, faculty) -> Q:
        return (
            Q(home_unit=faculty)
            | Q(home_unit__parent=faculty)
            | Q(person__org_unit=faculty)
            | Q(person__org_unit__parent=faculty)
        )

    def parts(self, records: QuerySet[Mobility], *, today: datetime.date) -> dict[str, QuerySet]:
        base = records.alias(
            _start=Coalesce("actual_start", "planned_start"),
            _end=Coalesce("actual_end", "planned_end"),
        )
        guests = base.filter(OPEN, direction=Mobility.Direction.INCOMING).exclude(
            # A citizen of the host's country needs neither visa nor registration.
            Q(person__citizenship=F("receiving_institution__country"))
            & ~Q(receiving_institution__country="")
        )
        report_filed = Document.objects.filter(
            content_type=ContentType.objects.get_for_model(Mobility),
            object_id=OuterRef("pk"),
            kind=Document.Kind.REPORT,
        )
        return {
            DeadlineKind.REGISTRATION: registration_part(
                guests, today=today, arrival="_start", registered="registered_on"
            ),
            # A visa or registration that outlives the stay is no deadline.
            DeadlineKind.REGISTRATION_EXPIRY: expiry_part(
                guests, today=today, field="registration_valid_to", before=F("_end")
            ),
            DeadlineKind.VISA_EXPIRY: expiry_part(
                guests, today=today, field="visa_valid_to", before=F("_end")
            ),
            DeadlineKind.PASSPORT_EXPIRY: passport_part(
                base.filter(OPEN, _end__gte=today), until=AddDays("_end", PASSPORT_MARGIN_DAYS)
            ),
            DeadlineKind.REPORT: base.filter(
                direction=Mobility.Direction.OUTGOING,
                status=Status.COMPLETED,
                report_received_on__isnull=True,
                _end__gte=today - datetime.timedelta(days=REPORT_LOOKBACK_DAYS),
            )
            .exclude(Exists(report_filed))
            .annotate(due=AddDays("_end", settings.HAMKOR_TRIP_REPORT_DAYS)),
        }

    def detail(self, record: Mobility, kind: str) -> str:
        if kind == DeadlineKind.VISA_EXPIRY:
            return " ".join(
                part for part in (record.get_visa_type_display(), record.visa_number) if part
            )
        return super().detail(record, kind)

    def who(self, record: Mobility) -> str:
        return str(gettext_lazy("Traveller") if record.is_outgoing else gettext_lazy("Guest"))

    def partner(self, record: Mobility):
        return record.receiving_institution if record.is_outgoing else record.sending_institution

    def where(self, record: Mobility) -> str:
        return str(self.partner(record))


SOURCES: dict[str, DeadlineSource] = {}


def deadline_source_register(source: DeadlineSource) -> None:
    """Add (or, under the same name, replace) a source of deadlines on the board."""
    SOURCES[source.name] = source


deadline_source_register(MobilitySource())


def source_for(model: type[models.Model]) -> DeadlineSource:
    [source] = [source for source in SOURCES.values() if source.model is model]
    return source


def board_queryset(user) -> QuerySet[Mobility]:
    """The mobilities whose deadlines ``user`` sees on the board.

    Coordinators may read every mobility, but the board is a to-do list: a coordinator sees
    the deadlines of their own faculty only, that is of the mobilities it sends or hosts
    (``home_unit``) and of its own people.
    """
    queryset = Mobility.objects.restrict(user, "view")
    faculty = coordinator_faculty(user)
    if faculty is UNLIMITED:
        return queryset
    if faculty is None:
        return queryset.none()
    return queryset.filter(of_faculty(faculty))


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    total: int
    overdue: int


class DeadlineBoard:
    """The deadlines of ``records`` as of ``today``, the most urgent first.

    ``records`` maps a source's name to its records (or is one queryset, whose model names
    its source). Each kind of deadline of each source is one queryset whose rows carry
    their due date as an SQL expression; the board is their union, sorted and sliced by
    the database, so that a page costs the same few queries at 100 rows or 100,000. Only
    the rows of the slice asked for are loaded as records. ``kinds`` limits the kinds
    listed (the counts cover every kind), ``within_days`` keeps deadlines due at most that
    many days ahead (the overdue included), ``faculty`` those of a unit.
    """

    def __init__(
        self,
        records: QuerySet | dict[str, QuerySet],
        *,
        today: datetime.date,
        personal: bool,
        kinds=None,
        within_days: int | None = None,
        faculty=None,
    ):
        if isinstance(records, QuerySet):
            records = {source_for(records.model).name: records}
        self.today = today
        self.personal = personal
        self._counts: list[KindCount] | None = None
        self.kinds = [kind for kind in DeadlineKind.values if not kinds or kind in kinds]
        # (source, kind) -> the queryset of that source's deadlines of that kind.
        self.parts: dict[tuple[str, str], QuerySet] = {}
        for name, queryset in records.items():
            source = SOURCES[name]
            base = queryset.order_by()
            if faculty is not None:
                base = base.filter(source.of_faculty(faculty))
            for kind, part in source.parts(base, today=today).items():
                if within_days is not None:
                    part = part.filter(due__lte=today + datetime.timedelta(days=within_days))
                self.parts[(name, kind)] = part

    def counts(self) -> list[KindCount]:
        """Every kind with its number of deadlines and of overdue ones, in one query."""
        if self._counts is None:
            parts = [
                part.values(
                    source_name=Value(name, output_field=CharField()),
                    kind_name=Value(kind, output_field=CharField()),
                ).annotate(total=Count("pk"), overdue=Count("pk", filter=Q(due__lt=self.today)))
                for (name, kind), part in self.parts.items()
            ]
            totals = {kind: [0, 0] for kind in DeadlineKind.values}
            if parts:
                for row in parts[0].union(*parts[1:], all=True):
                    totals[row["kind_name"]][0] += row["total"]
                    totals[row["kind_name"]][1] += row["overdue"]
            self._counts = [
                KindCount(kind, label, *totals[kind]) for kind, label in DeadlineKind.choices
            ]
        return self._counts

    def _union(self) -> QuerySet:
        parts = [
            part.values(
                "pk",
                "due",
                source_name=Value(name, output_field=CharField()),
                kind_name=Value(kind, output_field=CharField()),
                kind_rank=Value(KIND_ORDER[kind], output_field=IntegerField()),
                sort_last=F("person__last_name"),
                sort_first=F("person__first_name"),
            )
            for (name, kind), part in self.parts.items()
            if kind in self.kinds
        ]
        if not parts:
            return Mobility.objects.none().values("pk")
        union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        return union.order_by("due", "kind_rank", "sort_last", "sort_first", "source_name", "pk")

    def count(self) -> int:
        """The number of deadlines listed (from :meth:`counts`: no query of its own)."""
        return sum(count.total for count in self.counts() if count.kind in self.kinds)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Deadline]:
        """The deadlines of a slice (a page), loaded in a query a source."""
        return self._deadlines(list(self._union()[index]))

    def all(self, chunk: int = 500) -> Iterator[Deadline]:
        """Every deadline, in order, loaded ``chunk`` at a time."""
        rows = list(self._union())
        for start in range(0, len(rows), chunk):
            yield from self._deadlines(rows[start : start + chunk])

    def _deadlines(self, rows: list[dict]) -> list[Deadline]:
        loaded = {}
        for name in {row["source_name"] for row in rows}:
            source = SOURCES[name]
            pks = {row["pk"] for row in rows if row["source_name"] == name}
            loaded[name] = source.model.objects.select_related(*source.related).in_bulk(pks)
        found = []
        for row in rows:
            name, kind = row["source_name"], row["kind_name"]
            record = loaded[name][row["pk"]]
            detail = SOURCES[name].detail(record, kind) if self.personal else ""
            found.append(Deadline(kind, record, row["due"], self.today, detail, name))
        return found


def deadline_board(
    *, user_or_queryset, today: datetime.date, sources=None, **filters
) -> DeadlineBoard:
    """The board of a user (every source's records they see, visa and passport numbers only
    for those who may see personal data; ``sources`` limits it to some sources), or of a
    queryset taken as it is, with every detail (for the daily reminders)."""
    if isinstance(user_or_queryset, QuerySet):
        return DeadlineBoard(user_or_queryset, today=today, personal=True, **filters)
    user = user_or_queryset
    records = {
        name: source.visible(user)
        for name, source in SOURCES.items()
        if not sources or name in sources
    }
    return DeadlineBoard(records, today=today, personal=may_see_personal_data(user), **filters)


def deadlines_upcoming(*, user_or_queryset, today: datetime.date, **filters) -> list[Deadline]:
    """Every upcoming and overdue deadline, the most urgent first (overdue, then soonest)."""
    return list(deadline_board(user_or_queryset=user_or_queryset, today=today, **filters).all())
