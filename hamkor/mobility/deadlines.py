"""Deadlines of guests and travellers: registration at the place of stay, trip reports.

The rules are settings because the sources disagree (see docs/decisions/0002): by default a
foreigner registers within 3 calendar days after the day of entry, and a traveller files a
report within 5 days of return.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.core.models import Document
from hamkor.mobility.models import Mobility, Person, of_faculty
from hamkor.mobility.personal import may_see_personal_data

# Uzbekistan's public holidays on fixed dates (month, day); the moving ones (Ramadan and
# Qurbon hayit) are announced each year and go into HAMKOR_EXTRA_HOLIDAYS.
FIXED_HOLIDAYS = ((1, 1), (3, 8), (3, 21), (5, 9), (9, 1), (10, 1), (12, 8))


def is_holiday(day: datetime.date) -> bool:
    extra = {datetime.date.fromisoformat(text) for text in settings.HAMKOR_EXTRA_HOLIDAYS}
    return (day.month, day.day) in FIXED_HOLIDAYS or day in extra


def counts(day: datetime.date, rule: str) -> bool:
    """Whether ``day`` counts towards a deadline under ``rule``."""
    if rule == "calendar":
        return True
    if rule == "working":  # Monday to Friday, holidays excepted
        return day.weekday() < 5 and not is_holiday(day)
    if rule == "no_sundays":  # every day but Sundays and holidays
        return day.weekday() != 6 and not is_holiday(day)
    raise ValueError(f"unknown day-counting rule: {rule}")


def add_days(start: datetime.date, days: int, rule: str) -> datetime.date:
    """The day on which a period of ``days`` counted days after ``start`` ends.

    The period begins on the day after ``start`` (entry or return), as the rules say.
    """
    day, counted = start, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if counts(day, rule):
            counted += 1
    return day


def registration_due(arrival: datetime.date) -> datetime.date:
    """The last day for registering at the place of stay, for a guest who entered on ``arrival``."""
    return add_days(arrival, settings.HAMKOR_REGISTRATION_DAYS, settings.HAMKOR_REGISTRATION_COUNT)


def report_due(returned: datetime.date) -> datetime.date:
    """The last day for filing the trip report, for a traveller back on ``returned``."""
    return add_days(returned, settings.HAMKOR_TRIP_REPORT_DAYS, "calendar")


# --- The board: every deadline, computed by the database ------------------------------------

# What the board shows.
REGISTRATION_LOOKAHEAD_DAYS = 14  # guests arriving within this many days
EXPIRY_WITHIN_DAYS = 30  # visas and registrations ending within this many days
PASSPORT_MARGIN_DAYS = 60  # a passport should outlive the stay by this many days
# A report still missing this long after the return is a matter for the office, not for a
# daily list; such mobilities stay findable in the mobility list.
REPORT_LOOKBACK_DAYS = 180

Status = Mobility.Status
OPEN = ~Q(status__in=(Status.CANCELLED, Status.COMPLETED))


class DeadlineKind(models.TextChoices):
    REGISTRATION = "registration", gettext_lazy("Registration at the place of stay")
    REGISTRATION_EXPIRY = "registration_expiry", gettext_lazy("Registration ends")
    VISA_EXPIRY = "visa_expiry", gettext_lazy("Visa ends")
    PASSPORT_EXPIRY = "passport_expiry", gettext_lazy("Passport ends")
    REPORT = "report", gettext_lazy("Trip report")


KIND_ORDER = {kind: index for index, kind in enumerate(DeadlineKind.values)}

COUNTING_RULES = {
    "calendar": gettext_lazy("calendar days"),
    "working": gettext_lazy("working days (Monday to Friday, public holidays excepted)"),
    "no_sundays": gettext_lazy("days other than Sundays and public holidays"),
}


class AddDays(Func):
    """``date + days`` in SQL, a date on every database (Django's ``F() + timedelta`` gives
    SQLite a datetime string, which compares wrongly with dates)."""

    output_field = DateField()

    def __init__(self, expression, days: int):
        super().__init__(expression)
        self.days = int(days)

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + %s)", [*params, self.days]

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, %s)", [*params, f"+{self.days} days"]


@dataclass(frozen=True)
class Deadline:
    """One deadline of one mobility, as of ``today``."""

    kind: str
    mobility: Mobility
    due: datetime.date
    today: datetime.date
    # A visa or passport number: personal data, empty for those who may not see it.
    detail: str = ""

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
    def person(self) -> Person:
        return self.mobility.person

    @property
    def partner(self):
        mobility = self.mobility
        return (
            mobility.receiving_institution if mobility.is_outgoing else mobility.sending_institution
        )

    @property
    def url(self) -> str | None:
        try:
            return self.mobility.get_absolute_url()
        except NoReverseMatch:
            return None


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
    """The deadlines of ``mobilities`` as of ``today``, the most urgent first.

    Each kind of deadline is one queryset whose rows carry their due date as an SQL
    expression; the board is their union, sorted and sliced by the database, so that a page
    costs the same few queries at 100 rows or 100,000. Only the rows of the slice asked for
    are loaded as mobilities. ``kinds`` limits the kinds listed (the counts cover every
    kind), ``within_days`` keeps deadlines due at most that many days ahead (the overdue
    included), ``faculty`` those of a unit (sending or hosting it, or its people).
    """

    def __init__(
        self,
        mobilities: QuerySet[Mobility],
        *,
        today: datetime.date,
        personal: bool,
        kinds=None,
        within_days: int | None = None,
        faculty=None,
    ):
        self.today = today
        self.personal = personal
        self._counts: list[KindCount] | None = None
        self.kinds = [kind for kind in DeadlineKind.values if not kinds or kind in kinds]
        base = mobilities.order_by().alias(
            _start=Coalesce("actual_start", "planned_start"),
            _end=Coalesce("actual_end", "planned_end"),
        )
        if faculty is not None:
            base = base.filter(
                Q(home_unit=faculty)
                | Q(home_unit__parent=faculty)
                | Q(person__org_unit=faculty)
                | Q(person__org_unit__parent=faculty)
            )
        self.parts = {kind: self._part(base, kind) for kind in DeadlineKind.values}
        if within_days is not None:
            last = today + datetime.timedelta(days=within_days)
            self.parts = {kind: part.filter(due__lte=last) for kind, part in self.parts.items()}

    def _part(self, base: QuerySet[Mobility], kind: str) -> QuerySet[Mobility]:
        today = self.today
        guests = base.filter(OPEN, direction=Mobility.Direction.INCOMING).exclude(
            # A citizen of the host's country needs neither visa nor registration.
            Q(person__citizenship=F("receiving_institution__country"))
            & ~Q(receiving_institution__country="")
        )
        horizon = today + datetime.timedelta(days=EXPIRY_WITHIN_DAYS)
        if kind == DeadlineKind.REGISTRATION:
            arriving = guests.filter(
                registered_on__isnull=True,
                _start__lte=today + datetime.timedelta(days=REGISTRATION_LOOKAHEAD_DAYS),
            )
            return arriving.annotate(due=self._registration_due(arriving))
        if kind in (DeadlineKind.REGISTRATION_EXPIRY, DeadlineKind.VISA_EXPIRY):
            field = (
                "registration_valid_to"
                if kind == DeadlineKind.REGISTRATION_EXPIRY
                else "visa_valid_to"
            )
            # A visa or registration that outlives the stay is no deadline.
            return guests.filter(**{f"{field}__lte": horizon, f"{field}__lt": F("_end")}).annotate(
                due=F(field)
            )
        if kind == DeadlineKind.PASSPORT_EXPIRY:
            return base.filter(
                OPEN,
                _end__gte=today,
                person__passport_valid_to__lt=AddDays("_end", PASSPORT_MARGIN_DAYS),
            ).annotate(due=F("person__passport_valid_to"))
        report_filed = Document.objects.filter(
            content_type=ContentType.objects.get_for_model(Mobility),
            object_id=OuterRef("pk"),
            kind=Document.Kind.REPORT,
        )
        return (
            base.filter(
                direction=Mobility.Direction.OUTGOING,
                status=Status.COMPLETED,
                report_received_on__isnull=True,
                _end__gte=today - datetime.timedelta(days=REPORT_LOOKBACK_DAYS),
            )
            .exclude(Exists(report_filed))
            .annotate(due=AddDays("_end", settings.HAMKOR_TRIP_REPORT_DAYS))
        )

    @staticmethod
    def _registration_due(arriving: QuerySet[Mobility]):
        """The registration's due date: a calendar count is plain date arithmetic; a count of
        working days (holidays!) is worked out in Python for each arrival day that occurs
        (open stays without a registration: a few hundred days at most) and given to the
        database as a ``CASE``."""
        days, rule = settings.HAMKOR_REGISTRATION_DAYS, settings.HAMKOR_REGISTRATION_COUNT
        if rule == "calendar":
            return AddDays("_start", days)
        arrivals = arriving.annotate(arrival=F("_start")).values_list("arrival", flat=True)
        arrivals = arrivals.distinct()
        return Case(
            *(When(_start=day, then=Value(registration_due(day))) for day in arrivals),
            default=Value(None),
            output_field=DateField(),
        )

    def counts(self) -> list[KindCount]:
        """Every kind with its number of deadlines and of overdue ones, in one query."""
        if self._counts is None:
            parts = [
                self.parts[kind]
                .values(kind_name=Value(kind, output_field=CharField()))
                .annotate(total=Count("pk"), overdue=Count("pk", filter=Q(due__lt=self.today)))
                for kind in DeadlineKind.values
            ]
            rows = {row["kind_name"]: row for row in parts[0].union(*parts[1:], all=True)}
            self._counts = [
                KindCount(
                    kind,
                    label,
                    rows.get(kind, {}).get("total", 0),
                    rows.get(kind, {}).get("overdue", 0),
                )
                for kind, label in DeadlineKind.choices
            ]
        return self._counts

    def _union(self) -> QuerySet:
        parts = [
            self.parts[kind].values(
                "pk",
                "due",
                kind_name=Value(kind, output_field=CharField()),
                kind_rank=Value(KIND_ORDER[kind], output_field=IntegerField()),
                sort_last=F("person__last_name"),
                sort_first=F("person__first_name"),
            )
            for kind in self.kinds
        ]
        union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        return union.order_by("due", "kind_rank", "sort_last", "sort_first", "pk")

    def count(self) -> int:
        """The number of deadlines listed (from :meth:`counts`: no query of its own)."""
        return sum(count.total for count in self.counts() if count.kind in self.kinds)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Deadline]:
        """The deadlines of a slice (a page), loaded in two queries."""
        return self._deadlines(list(self._union()[index]))

    def all(self, chunk: int = 500) -> Iterator[Deadline]:
        """Every deadline, in order, loaded ``chunk`` at a time."""
        rows = list(self._union())
        for start in range(0, len(rows), chunk):
            yield from self._deadlines(rows[start : start + chunk])

    def _deadlines(self, rows: list[dict]) -> list[Deadline]:
        mobilities = Mobility.objects.select_related(
            "person__user", "sending_institution", "receiving_institution"
        ).in_bulk({row["pk"] for row in rows})
        found = []
        for row in rows:
            mobility = mobilities[row["pk"]]
            found.append(
                Deadline(
                    row["kind_name"],
                    mobility,
                    row["due"],
                    self.today,
                    _detail(mobility, row["kind_name"]) if self.personal else "",
                )
            )
        return found


def _detail(mobility: Mobility, kind: str) -> str:
    if kind == DeadlineKind.VISA_EXPIRY:
        return " ".join(
            part for part in (mobility.get_visa_type_display(), mobility.visa_number) if part
        )
    if kind == DeadlineKind.PASSPORT_EXPIRY:
        return mobility.person.passport_number
    return ""


def deadline_board(*, user_or_queryset, today: datetime.date, **filters) -> DeadlineBoard:
    """The board of a user (:func:`board_queryset`, visa and passport numbers only for
    those who may see personal data), or of a queryset taken as it is, with every detail
    (for the daily reminders)."""
    if isinstance(user_or_queryset, QuerySet):
        return DeadlineBoard(user_or_queryset, today=today, personal=True, **filters)
    user = user_or_queryset
    return DeadlineBoard(
        board_queryset(user), today=today, personal=may_see_personal_data(user), **filters
    )


def deadlines_upcoming(*, user_or_queryset, today: datetime.date, **filters) -> list[Deadline]:
    """Every upcoming and overdue deadline, the most urgent first (overdue, then soonest)."""
    return list(deadline_board(user_or_queryset=user_or_queryset, today=today, **filters).all())


def deadline_rules() -> dict[str, object]:
    """The rules in force, for the board to state them."""
    return {
        "registration_days": settings.HAMKOR_REGISTRATION_DAYS,
        "registration_count": COUNTING_RULES[settings.HAMKOR_REGISTRATION_COUNT],
        "report_days": settings.HAMKOR_TRIP_REPORT_DAYS,
        "lookahead_days": REGISTRATION_LOOKAHEAD_DAYS,
        "expiry_days": EXPIRY_WITHIN_DAYS,
        "passport_days": PASSPORT_MARGIN_DAYS,
        "report_lookback_days": REPORT_LOOKBACK_DAYS,
    }
