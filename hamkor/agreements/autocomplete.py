"""The agreement picker: on a mobility's form, the agreements with its partner on its dates."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.formats import date_format

from hamkor.agreements.models import Agreement
from hamkor.core.autocomplete import Source, register
from hamkor.core.validators import is_number


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _pk(value: str | None) -> int | None:
    return int(value) if value and is_number(value) else None


def agreements(user, params):
    """Signed agreements; with ``partner`` (or ``direction`` with ``sending`` and
    ``receiving``, as the mobility form sends them) those the partner is party to, and with
    ``start`` and ``end`` those whose validity covers the dates."""
    # Signed ones only: a past mobility may cite an expired or terminated agreement.
    rows = Agreement.objects.restrict(user).filter(status__in=Agreement.SIGNED)
    partner = _pk(params.get("partner"))
    if partner is None and params.get("direction"):
        side = "sending" if params["direction"] == "incoming" else "receiving"
        partner = _pk(params.get(side))
    if partner is not None:
        rows = rows.filter(pk__in=Agreement.objects.filter(institutions=partner).values("pk"))
    start, end = _date(params.get("start")), _date(params.get("end"))
    if start:
        rows = rows.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=start))
        rows = rows.filter(Q(terminated_on__isnull=True) | Q(terminated_on__gt=start))
    if end or start:
        rows = rows.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=end or start))
    return rows.prefetch_related("institutions").order_by("-signed_on", "reference")


def agreement_label(agreement: Agreement) -> str:
    """``MOU-2024-101 Memorandum — Universität Wien, 1 Mar 2024 – 28 Feb 2029``."""
    partners = ", ".join(
        str(institution) for institution in agreement.institutions.all() if not institution.is_home
    )
    start = date_format(agreement.valid_from) if agreement.valid_from else "…"
    end = date_format(agreement.valid_to) if agreement.valid_to else "…"
    dates = f"{start} – {end}"
    return f"{agreement} — {partners}, {dates}" if partners else f"{agreement}, {dates}"


def register_sources() -> None:
    register(
        "agreement",
        Source(
            rows=agreements,
            search_fields=("reference", "title", "institutions__name", "institutions__name_en"),
            label=agreement_label,
        ),
    )
