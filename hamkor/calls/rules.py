"""Rules a button and a service share (see docs/decisions/0004-rules-once.md)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def call_open_refusal(call) -> str:
    """Why ``call`` cannot take applications yet, or ``""``: it needs places and criteria
    whose weights add up to 100."""
    if call.pk is None or not call.places.exists():
        return _("Add at least one place before opening the call.")
    weights = sum(call.criteria.values_list("weight", flat=True))
    if weights != 100:
        return _("The criteria's weights add up to %(total)s, not 100.") % {"total": weights}
    return ""
