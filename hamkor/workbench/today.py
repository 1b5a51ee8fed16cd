"""The home page's "what needs doing today": counts, each with the list that shows its rows.

Every count is taken by the FilterSet of the list it links to, with the same parameters,
on the rows ``restrict(user, "view")`` gives: the number on the home page is the number of
rows the list shows, by construction. The deadlines board is not a FilterSet list: its
count comes from the board's own functions with the same ``within`` parameter.

Officers and administrators see the whole office's work; a faculty coordinator the same
for their faculty (``faculty=`` in every link); leadership the key counts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.roles import Role
from hamkor.agreements.filters import AgreementFilterSet
from hamkor.agreements.models import Agreement
from hamkor.grants.models import Project
from hamkor.grants.project_filters import ProjectFilterSet
from hamkor.mobility.board import deadline_board
from hamkor.mobility.filters import MobilityFilterSet
from hamkor.mobility.models import Mobility
from hamkor.partners.filters import InstitutionFilterSet, InteractionFilterSet
from hamkor.partners.models import Institution, Interaction

EXPIRING_WITHIN_DAYS = 90
DEADLINES_WITHIN_DAYS = 7
FOLLOW_UPS_WITHIN_DAYS = 7
REPORTS_WITHIN_DAYS = 30


@dataclass(frozen=True)
class TodayItem:
    key: str
    label: str
    count: int
    url: str
    icon: str


def _listed(request, key, label, icon, model, filterset_class, params) -> TodayItem | None:
    """The item counting the rows of ``model``'s list filtered by ``params``."""
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        return None
    filterset = filterset_class(
        params, queryset=model.objects.restrict(request.user, "view"), request=request
    )
    count = filterset.qs.count() if filterset.is_valid() else 0
    url = f"{reverse(f'{opts.app_label}:{opts.model_name}_list')}?{urlencode(params)}"
    return TodayItem(key, label, count, url, icon)


def _deadlines(request, today: datetime.date) -> TodayItem | None:
    if not request.user.has_perm("mobility.view_mobility"):
        return None
    board = deadline_board(
        user_or_queryset=request.user, today=today, within_days=DEADLINES_WITHIN_DAYS
    )
    url = f"{reverse('mobility:deadlines')}?{urlencode({'within': DEADLINES_WITHIN_DAYS})}"
    return TodayItem("deadlines", _("Deadlines due this week"), board.count(), url, "alarm")


def _faculty(user) -> dict[str, int]:
    """``faculty=`` for a coordinator (who is not also an officer), else nothing."""
    if user.has_role(Role.OFFICER) or user.has_role(Role.ADMINISTRATOR):
        return {}
    if user.has_role(Role.COORDINATOR) and user.org_unit_id:
        return {"faculty": user.org_unit_id}
    return {}


def today_items(*, request, since: datetime.datetime) -> list[TodayItem]:
    """What ``request.user`` should look at today; ``since`` is their previous visit."""
    user = request.user
    today = timezone.localdate()
    faculty = _faculty(user)
    doing = user.has_role(Role.OFFICER) or user.has_role(Role.ADMINISTRATOR) or bool(faculty)
    expiring = _listed(
        request,
        "expiring",
        _("Agreements ending within 90 days"),
        "hourglass-split",
        Agreement,
        AgreementFilterSet,
        {"expiring_within": EXPIRING_WITHIN_DAYS, **faculty},
    )
    if doing:
        items = [
            expiring,
            _deadlines(request, today),
            _listed(
                request,
                "follow_ups",
                _("My follow-ups due this week"),
                "calendar-check",
                Interaction,
                InteractionFilterSet,
                {"mine": "true", "follow_up_within": FOLLOW_UPS_WITHIN_DAYS},
            ),
            _listed(
                request,
                "uploads",
                _("Mobilities with files from travellers since your last visit"),
                "file-earmark-arrow-up",
                Mobility,
                MobilityFilterSet,
                {"traveller_uploads_since": since.isoformat(), **faculty},
            ),
            _listed(
                request,
                "reports_due",
                _("Grant reports due within 30 days"),
                "journal-check",
                Project,
                ProjectFilterSet,
                {"report_due_within": REPORTS_WITHIN_DAYS, **faculty},
            ),
        ]
    else:
        items = [
            _listed(
                request,
                "active_agreements",
                _("Active agreements"),
                "file-earmark-check",
                Agreement,
                AgreementFilterSet,
                {"status": Agreement.Status.ACTIVE},
            ),
            expiring,
            _listed(
                request,
                "travelling",
                _("Mobilities in progress"),
                "airplane",
                Mobility,
                MobilityFilterSet,
                {"status": Mobility.Status.IN_PROGRESS},
            ),
            _listed(
                request,
                "partners",
                _("Active partners"),
                "building",
                Institution,
                InstitutionFilterSet,
                {"partnership": Institution.Partnership.ACTIVE},
            ),
        ]
    return [item for item in items if item is not None]
