"""Reception: the public booking page and its cancellation link; the office's lists, the
day's bookings and the marks (attended, no-show)."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views import View

from hamkor.core.views import generic
from hamkor.website.reception import forms
from hamkor.website.reception.filters import (
    BookingFilterSet,
    HolidayFilterSet,
    ReceptionHoursFilterSet,
)
from hamkor.website.reception.models import Booking, Holiday, ReceptionHours
from hamkor.website.reception.services import (
    booking_by_cancel_token,
    booking_cancel,
    booking_create,
    booking_steps,
    booking_transition,
    cancel_refusal,
)
from hamkor.website.reception.slots import bookings_on, open_day, reception_days
from hamkor.website.reception.tables import (
    BookingTable,
    HolidayTable,
    ReceptionHoursTable,
    status_badge,
)
from hamkor.website.selectors import department_profile_get
from hamkor.website.sent import public_form_send, sent_record


def reception(request):
    """The coming reception days with their free times, and the booking form."""
    booking = sent_record(request, Booking)
    if booking is not None:
        return render(
            request,
            "website/public/reception_booked.html",
            {"booking": booking, "profile": department_profile_get()},
        )
    form = forms.BookingForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        sent, status = public_form_send(
            request,
            form,
            kind="booking",
            send=lambda data: booking_create(
                starts_at=data["slot"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                purpose=data["purpose"],
                language=translation.get_language(),
            ),
        )
        if sent is not None:
            return sent
    days = reception_days()
    chosen = form.data.get("slot", "")
    return render(
        request,
        "website/public/reception.html",
        {
            "form": form,
            "days": days,
            "chosen": chosen,
            "open_day": open_day(days, chosen),
            "profile": department_profile_get(),
        },
        status=status,
    )


def reception_cancel(request, token):
    """The link of the confirmation e-mail: asks, then cancels the booking (POST)."""
    booking = booking_by_cancel_token(token)
    if booking is None:
        raise Http404
    refusal = cancel_refusal(booking)
    cancelled = booking.status == Booking.Status.CANCELLED
    if request.method == "POST" and not cancelled and not refusal:
        booking_cancel(booking=booking)
        return redirect(request.path)
    return render(
        request,
        "website/public/reception_cancel.html",
        {
            "booking": booking,
            "cancelled": cancelled,
            "refusal": refusal,
            "profile": department_profile_get(),
        },
        status=400 if request.method == "POST" and refusal else 200,
    )


BOOKINGS = Booking.objects.all()


class BookingListView(generic.ObjectListView):
    queryset = BOOKINGS
    filterset_class = BookingFilterSet
    table_class = BookingTable
    bulk_actions = ("export",)


class BookingDetailView(generic.ObjectDetailView):
    queryset = BOOKINGS

    def get_extra_context(self, obj):
        return {
            "status_badge": status_badge(obj),
            "steps": booking_steps(obj, self.request.user),
        }


class BookingHistoryView(generic.ObjectHistoryView):
    queryset = BOOKINGS


class BookingStepView(generic.ObjectStepView):
    queryset = BOOKINGS

    def badge(self, record) -> str:
        return status_badge(record)

    def make_form(self, record, data=None):
        return forms.BookingStepForm(data)

    def take_step(self, record, form):
        return booking_transition(booking=record, name=self.step.name, actor=self.request.user)

    def perform(self, obj, form) -> str:
        super().perform(obj, form)
        # Marks are set from the day's page: back there.
        day = timezone.localtime(obj.starts_at).date()
        return _day_url(day)


def _day_url(day: datetime.date) -> str:
    from django.urls import reverse

    return reverse("website:booking_day") + f"?day={day:%Y-%m-%d}"


class BookingDayView(generic.ObjectPermissionMixin, View):
    """The bookings of one day (today unless ``?day=``), with the marks to set."""

    queryset = BOOKINGS

    def get(self, request):
        form = forms.DayForm(request.GET or None, initial={"day": timezone.localdate()})
        day = timezone.localdate()
        if form.is_valid() and form.cleaned_data["day"]:
            day = form.cleaned_data["day"]
        bookings = [
            (booking, status_badge(booking), booking_steps(booking, request.user))
            for booking in bookings_on(day).restrict(request.user, "view")
        ]
        context = self.base_context(
            form=form,
            day=day,
            bookings=bookings,
            previous=day - datetime.timedelta(days=1),
            next=day + datetime.timedelta(days=1),
        )
        return render(request, "website/booking_day.html", context)


class ReceptionHoursListView(generic.ObjectListView):
    queryset = ReceptionHours.objects.all()
    filterset_class = ReceptionHoursFilterSet
    table_class = ReceptionHoursTable
    bulk_actions = ("export",)


class ReceptionHoursDetailView(generic.ObjectDetailView):
    queryset = ReceptionHours.objects.all()


class ReceptionHoursEditView(generic.ObjectEditView):
    queryset = ReceptionHours.objects.all()
    form_class = forms.ReceptionHoursForm


class ReceptionHoursDeleteView(generic.ObjectDeleteView):
    queryset = ReceptionHours.objects.all()


class ReceptionHoursHistoryView(generic.ObjectHistoryView):
    queryset = ReceptionHours.objects.all()


class HolidayListView(generic.ObjectListView):
    queryset = Holiday.objects.all()
    filterset_class = HolidayFilterSet
    table_class = HolidayTable
    bulk_actions = ("export",)


class HolidayDetailView(generic.ObjectDetailView):
    queryset = Holiday.objects.all()


class HolidayEditView(generic.ObjectEditView):
    queryset = Holiday.objects.all()
    form_class = forms.HolidayForm


class HolidayDeleteView(generic.ObjectDeleteView):
    queryset = Holiday.objects.all()


class HolidayHistoryView(generic.ObjectHistoryView):
    queryset = Holiday.objects.all()
