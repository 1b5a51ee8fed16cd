"""What a user's deadlines feed holds: the deadlines the pages show them, nothing more.

Each source is read with the same scoping as its page: the deadlines board (guests' and
foreign students' registrations, visas, passports, trip reports) as the board shows it to
the user, agreements ending, grant reports due, and calls closing (the open calls for who
reads calls, and the calls of one's own applications). Entries carry no personal data (no
visa or passport numbers): a calendar is often kept by another company's servers.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from hamkor.agreements.models import Agreement
from hamkor.calls.applications import Application
from hamkor.calls.models import Call
from hamkor.core.ical import CalendarEntry
from hamkor.core.urls_helpers import absolute_url
from hamkor.grants.models import ReportingDeadline
from hamkor.mobility.board import deadline_board

PAST_DAYS = 30  # deadlines passed this long ago stay in the feed
AHEAD_DAYS = 400  # and those due within this many days are in it


def _entry(uid: str, summary: str, day: datetime.date, url: str) -> CalendarEntry:
    return CalendarEntry(uid=f"{uid}@hamkor", summary=summary, start=day, end=day, url=url)


def _board(user, today: datetime.date) -> list[CalendarEntry]:
    if not user.has_perm("mobility.view_mobility"):
        return []
    board = deadline_board(user_or_queryset=user, today=today, within_days=AHEAD_DAYS)
    return [
        _entry(
            f"deadline-{deadline.source}-{deadline.kind}-{deadline.record.pk}",
            f"{deadline.label}: {deadline.person}",
            deadline.due,
            absolute_url(deadline.record.get_absolute_url()),
        )
        for deadline in board.all()
        if deadline.due >= today - datetime.timedelta(days=PAST_DAYS)
    ]


def _agreements(user, today: datetime.date, until: datetime.date) -> list[CalendarEntry]:
    if not user.has_perm("agreements.view_agreement"):
        return []
    ending = Agreement.objects.restrict(user, "view").filter(
        status=Agreement.Status.ACTIVE,
        valid_to__gte=today - datetime.timedelta(days=PAST_DAYS),
        valid_to__lte=until,
    )
    return [
        _entry(
            f"agreement-end-{agreement.pk}",
            _("Agreement ends: %(agreement)s") % {"agreement": agreement},
            agreement.valid_to,
            absolute_url(agreement.get_absolute_url()),
        )
        for agreement in ending
    ]


def _grant_reports(user, today: datetime.date, until: datetime.date) -> list[CalendarEntry]:
    if not user.has_perm("grants.view_project"):
        return []
    due = (
        ReportingDeadline.objects.restrict(user, "view")
        .filter(
            submitted_on__isnull=True,
            due_on__gte=today - datetime.timedelta(days=PAST_DAYS),
            due_on__lte=until,
        )
        .select_related("project")
    )
    return [
        _entry(
            f"grant-report-{deadline.pk}",
            _("%(report)s due: %(project)s")
            % {"report": deadline.get_kind_display(), "project": deadline.project},
            deadline.due_on,
            absolute_url(deadline.get_absolute_url()),
        )
        for deadline in due
    ]


def _call_entry(call: Call, url: str) -> CalendarEntry:
    return CalendarEntry(
        uid=f"call-closes-{call.pk}@hamkor",
        summary=_("Call closes: %(call)s") % {"call": call.title},
        start=call.closes_at - datetime.timedelta(hours=1),
        end=call.closes_at,
        url=url,
    )


def _calls(user, today: datetime.date, until: datetime.date) -> list[CalendarEntry]:
    closing = {"closes_at__date__gte": today, "closes_at__date__lte": until}
    entries = {}
    if user.has_perm("calls.view_call"):
        for call in Call.objects.restrict(user, "view").filter(status=Call.Status.OPEN, **closing):
            entries[call.pk] = _call_entry(call, absolute_url(call.get_absolute_url()))
    # An applicant's own drafts, which link to the application they are finishing.
    drafts = Application.objects.filter(
        applicant=user,
        status=Application.Status.DRAFT,
        **{f"call__{k}": v for k, v in closing.items()},
    ).select_related("call")
    for application in drafts:
        url = absolute_url(reverse("calls:my_application", kwargs={"pk": application.pk}))
        entries.setdefault(application.call_id, _call_entry(application.call, url))
    return list(entries.values())


def deadline_entries(*, user, today: datetime.date) -> list[CalendarEntry]:
    """Every deadline ``user`` may see from ``PAST_DAYS`` ago to ``AHEAD_DAYS`` ahead,
    soonest first."""
    until = today + datetime.timedelta(days=AHEAD_DAYS)
    entries = [
        *_board(user, today),
        *_agreements(user, today, until),
        *_grant_reports(user, today, until),
        *_calls(user, today, until),
    ]

    def day(entry: CalendarEntry) -> datetime.date:
        start = entry.start
        return start.date() if isinstance(start, datetime.datetime) else start

    return sorted(entries, key=lambda entry: (day(entry), entry.uid))
