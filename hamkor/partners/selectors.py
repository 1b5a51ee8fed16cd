"""Reads about partners: dormant partners, follow-ups due, a partner's page."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from hamkor.partners.models import Institution, Interaction


def partners_dormant(
    *, months: int | None = None, today: datetime.date | None = None
) -> QuerySet[Institution]:
    """Active partners with no interaction and no agreement signed in the last ``months``.

    Mobilities and events join this rule when their registers exist.
    """
    today = today or timezone.localdate()
    months = settings.HAMKOR_DORMANT_AFTER_MONTHS if months is None else months
    since = today - relativedelta(months=months)
    recent_interaction = Interaction.objects.filter(institution=OuterRef("pk"), date__gte=since)
    # Through the reverse relation (one join: the same agreement meets both conditions), so
    # that partners does not import the agreements app above it.
    recent_agreement = Institution.objects.filter(pk=OuterRef("pk")).filter(
        Q(agreements__signed_on__gte=since)
        | Q(agreements__signed_on__isnull=True, agreements__created_at__date__gte=since)
    )
    return (
        Institution.objects.filter(partnership=Institution.Partnership.ACTIVE, is_home=False)
        .exclude(Exists(recent_interaction))
        .exclude(Exists(recent_agreement))
    )


def follow_ups_due(*, user, today: datetime.date | None = None, days_ahead: int = 7):
    """The user's open follow-ups due within ``days_ahead`` days (overdue ones included)."""
    today = today or timezone.localdate()
    return (
        Interaction.objects.filter(
            owner=user,
            follow_up_done=False,
            follow_up_on__lte=today + datetime.timedelta(days=days_ahead),
        )
        .select_related("institution")
        .order_by("follow_up_on")
    )
