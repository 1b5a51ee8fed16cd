"""Reception: when the office receives visitors, the days it is closed, and the bookings."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, translated
from hamkor.core.transitions import ProtectedStatusMixin


class Weekday(models.IntegerChoices):
    """Days as Python numbers them (``date.weekday()``)."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ReceptionHours(BaseModel):
    """A block of reception on one weekday, cut into slots of ``slot_minutes``, each taking
    up to ``capacity`` visitors. A day may have several blocks (morning and afternoon)."""

    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("to"))
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("visitors per slot"), default=1, validators=[MinValueValidator(1)]
    )

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("reception hours")
        verbose_name_plural = _("reception hours")
        ordering = ("weekday", "starts_at")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="website_hours_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        start = formats.time_format(self.starts_at, "H:i")
        end = formats.time_format(self.ends_at, "H:i")
        return f"{self.get_weekday_display()} {start}–{end}"

    def clean(self):
        if self.starts_at and self.ends_at:
            if self.ends_at <= self.starts_at:
                raise ValidationError({"ends_at": _("The reception ends after it begins.")})
            length = datetime.datetime.combine(
                datetime.date.min, self.ends_at
            ) - datetime.datetime.combine(datetime.date.min, self.starts_at)
            if self.slot_minutes and length < datetime.timedelta(minutes=self.slot_minutes):
                raise ValidationError(
                    {"slot_minutes": _("A slot cannot be longer than the reception hours.")}
                )

    def slot_starts(self) -> list[datetime.time]:
        """The times slots begin: every ``slot_minutes`` while a whole slot fits."""
        starts = []
        moment = datetime.datetime.combine(datetime.date.min, self.starts_at)
        end = datetime.datetime.combine(datetime.date.min, self.ends_at)
        step = datetime.timedelta(minutes=self.slot_minutes)
        while moment + step <= end:
            starts.append(moment.time())
            moment += step
        return starts


class Holiday(BaseModel):
    """A day the office is closed. Fixed-date public holidays come back ``every_year``;
    those that move (Ramazon hayit, Qurbon hayit, days off set by decree) are entered for
    their year."""

    date = models.DateField(_("date"), unique=True)
    every_year = models.BooleanField(
        _("every year"), default=False, help_text=_("The same day and month every year.")
    )
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    history = HistoricalRecords()

    name = translated("name")

    class Meta(BaseModel.Meta):
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ("date",)

    def __str__(self) -> str:
        return self.name


class Booking(ProtectedStatusMixin, BaseModel):
    """A visitor's booking of a reception slot (``REC-<year>-<NNN>``), made on the public
    site; cancelled from the e-mail's link, marked attended or no-show by the office.
    Name, e-mail and phone are personal data."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("No-show")

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    hours = models.ForeignKey(
        ReceptionHours,
        verbose_name=_("reception hours"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
        editable=False,
    )
    starts_at = models.DateTimeField(_("time"), editable=False)
    ends_at = models.DateTimeField(_("until"), editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40)
    purpose = models.TextField(_("purpose of the visit"), max_length=2000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = FSMField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BOOKED, protected=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ("starts_at", "pk")
        permissions = [("transition_booking", _("Can change the status of bookings"))]
        indexes = [
            models.Index(fields=["starts_at", "status"], name="website_booking_slot_idx"),
            *column_indexes("booking", "status", "name", "phone"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} · {self.name}"

    @transition(
        field=status,
        source=Status.BOOKED,
        target=Status.ATTENDED,
        custom={"label": _("Attended"), "button": "btn-outline-success"},
    )
    def attend(self):
        """The visitor came."""

    @transition(
        field=status,
        source=Status.BOOKED,
        target=Status.NO_SHOW,
        custom={"label": _("No-show"), "button": "btn-outline-warning"},
    )
    def miss(self):
        """The visitor did not come."""

    @transition(
        field=status,
        source=Status.BOOKED,
        target=Status.CANCELLED,
        custom={"label": _("Cancel the booking"), "button": "btn-outline-danger"},
    )
    def cancel(self):
        """The slot is free again (the visitor's link, or the office on their behalf)."""

    @transition(
        field=status,
        source=[Status.ATTENDED, Status.NO_SHOW],
        target=Status.BOOKED,
        custom={"label": _("Back to booked")},
    )
    def undo(self):
        """A mark set by mistake."""
