"""Reads of the reception: holidays, the slots of the coming weeks and why one is refused.

Times are the office's (``TIME_ZONE``, Asia/Tashkent); a slot is named by the moment it
begins. Every rule on a slot lives in :func:`slot_refusal`, which the public page (to show a
slot as taken) and the booking service (to refuse it) share.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hamkor.website.reception.models import Booking, Holiday, ReceptionHours


def holiday_on(day: datetime.date, holidays=None) -> Holiday | None:
    """The holiday falling on ``day``: that date, or a fixed-date one on its day and month."""
    if holidays is None:
        holidays = Holiday.objects.filter(
            Q(date=day) | Q(every_year=True, date__month=day.month, date__day=day.day)
        )
    for holiday in holidays:
        if holiday.date == day or (
            holiday.every_year and (holiday.date.month, holiday.date.day) == (day.month, day.day)
        ):
            return holiday
    return None


@dataclass
class Slot:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    hours: ReceptionHours
    left: int

    @property
    def value(self) -> str:
        """The slot as the form sends it: its local start, ``YYYY-MM-DDTHH:MM``."""
        return timezone.localtime(self.starts_at).strftime("%Y-%m-%dT%H:%M")


@dataclass
class Day:
    date: datetime.date
    holiday: Holiday | None = None
    slots: list[Slot] = field(default_factory=list)

    @property
    def free(self) -> bool:
        return any(slot.left for slot in self.slots)

    @property
    def free_count(self) -> int:
        """The slots with a place left."""
        return sum(1 for slot in self.slots if slot.left)


def _taken(start: datetime.datetime, end: datetime.datetime) -> Counter:
    rows = (
        Booking.objects.filter(
            status=Booking.Status.BOOKED, starts_at__gte=start, starts_at__lt=end
        )
        .values("starts_at")
        .annotate(count=Count("pk"))
    )
    return Counter({row["starts_at"]: row["count"] for row in rows})


def _aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def last_day() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(weeks=settings.HAMKOR_RECEPTION_WEEKS)


def reception_days(*, now: datetime.datetime | None = None) -> list[Day]:
    """The days with reception from today to ``HAMKOR_RECEPTION_WEEKS`` ahead, each with its
    slots to come and the places left in each; holidays are listed with no slot. Three
    queries whatever the number of weeks."""
    now = now or timezone.now()
    first, last = timezone.localdate(now), last_day()
    hours_by_day: dict[int, list[ReceptionHours]] = {}
    for hours in ReceptionHours.objects.all():
        hours_by_day.setdefault(hours.weekday, []).append(hours)
    holidays = list(
        Holiday.objects.filter(Q(date__range=(first, last)) | Q(every_year=True, date__lte=last))
    )
    taken = _taken(_aware(first, datetime.time.min), _aware(last, datetime.time.max))
    days = []
    day = first
    while day <= last:
        blocks = hours_by_day.get(day.weekday(), [])
        if blocks:
            found = Day(date=day, holiday=holiday_on(day, holidays))
            if found.holiday is None:
                for hours in blocks:
                    for start in hours.slot_starts():
                        starts_at = _aware(day, start)
                        if starts_at <= now:
                            continue
                        found.slots.append(
                            Slot(
                                starts_at=starts_at,
                                ends_at=starts_at + datetime.timedelta(minutes=hours.slot_minutes),
                                hours=hours,
                                left=max(0, hours.capacity - taken[starts_at]),
                            )
                        )
                found.slots.sort(key=lambda slot: slot.starts_at)
            if found.slots or found.holiday:
                days.append(found)
        day += datetime.timedelta(days=1)
    return days


def open_day(days: list[Day], chosen: str = "") -> datetime.date | None:
    """The day the booking page shows open (the others folded, so that a phone does not
    scroll through weeks of times): the day of the time ``chosen`` (``YYYY-MM-DDTHH:MM``, a
    form sent back with an error), else the first with a free time."""
    for day in days:
        if chosen[:10] == day.date.isoformat():
            return day.date
    return next((day.date for day in days if day.free), None)


def slot_hours(starts_at: datetime.datetime) -> ReceptionHours | None:
    """The reception hours in which a slot begins at ``starts_at``, if any."""
    local = timezone.localtime(starts_at)
    for hours in ReceptionHours.objects.filter(weekday=local.weekday()):
        if local.time().replace(second=0, microsecond=0) in hours.slot_starts() and (
            local.second == 0 and local.microsecond == 0
        ):
            return hours
    return None


def slot_refusal(starts_at: datetime.datetime, hours: ReceptionHours | None, *, now=None) -> str:
    """Why the slot beginning at ``starts_at`` cannot be booked now, or ``""``."""
    now = now or timezone.now()
    local = timezone.localtime(starts_at)
    when = formats.date_format(local.date(), "DATE_FORMAT")
    if starts_at <= now:
        return _("This time has passed: choose a time to come.")
    holiday = holiday_on(local.date())
    if holiday is not None:
        return _("The office is closed on %(date)s (%(holiday)s): choose another day.") % {
            "date": when,
            "holiday": holiday.name,
        }
    if hours is None:
        if not ReceptionHours.objects.filter(weekday=local.weekday()).exists():
            return _("There is no reception on %(date)s: choose another day.") % {"date": when}
        return _("There is no reception at this time: choose one of the times shown.")
    if local.date() > last_day():
        weeks = settings.HAMKOR_RECEPTION_WEEKS
        return ngettext(
            "Bookings are open for the next %(weeks)s week only.",
            "Bookings are open for the next %(weeks)s weeks only.",
            weeks,
        ) % {"weeks": weeks}
    taken = Booking.objects.filter(status=Booking.Status.BOOKED, starts_at=starts_at).count()
    if taken >= hours.capacity:
        return _("This time is fully booked: choose another time.")
    return ""


def bookings_on(day: datetime.date):
    """The bookings of ``day`` in the office's time, earliest first."""
    start = _aware(day, datetime.time.min)
    return Booking.objects.filter(
        starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1)
    ).order_by("starts_at", "pk")
