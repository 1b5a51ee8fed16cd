"""Reads of the calls beyond a filter: the public listing, an applicant's own applications."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from hamkor.calls.models import Application, Call, Place, Preference


def open_calls(*, now=None) -> QuerySet[Call]:
    """Calls taking applications now (open, between opening and closing time), soonest
    deadline first, each with its places (and their institutions) and faculties: what the
    website's opportunities page lists."""
    now = now or timezone.now()
    return (
        Call.objects.filter(status=Call.Status.OPEN, opens_at__lte=now, closes_at__gte=now)
        .prefetch_related(
            "faculties",
            Prefetch(
                "places",
                queryset=Place.objects.select_related("institution").order_by(
                    "institution__name", "id"
                ),
            ),
        )
        .order_by("closes_at", "id")
    )


def public_calls() -> QuerySet[Call]:
    """Calls the public may read: every call once opened (an old one says it is closed)."""
    return Call.objects.exclude(status=Call.Status.DRAFT)


def own_applications(user) -> QuerySet[Application]:
    """``user``'s applications, newest first, with what their list shows."""
    return (
        Application.objects.of_applicant(user)
        .select_related("call", "allocated_place__institution", "mobility")
        .prefetch_related(
            Prefetch(
                "preferences", queryset=Preference.objects.select_related("place__institution")
            )
        )
        .order_by("-created_at", "-id")
    )
