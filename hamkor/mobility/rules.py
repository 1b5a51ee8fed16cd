"""What may be done with a mobility now: predicates that the page, the service and the API
share, so that a button is offered exactly when the service would accept the step."""

from __future__ import annotations

from django.utils.translation import gettext as _

from hamkor.mobility.models import Mobility


def may_change(mobility: Mobility, user) -> bool:
    """``user`` may change this mobility (the permission, and the mobility within reach)."""
    return Mobility.objects.within_reach(user, mobility, "change")


def letter_refusal(mobility: Mobility) -> str | None:
    """Why no invitation letter can be issued for ``mobility``, or None."""
    if mobility.is_outgoing:
        return _("Invitation letters are for incoming guests.")
    if mobility.status == Mobility.Status.CANCELLED:
        return _("The mobility is cancelled.")
    return None


def can_issue_letter(mobility: Mobility, user) -> bool:
    """``user`` may issue the guest's letter now: not issued yet, and nothing against it."""
    return (
        not mobility.invitation_reference
        and letter_refusal(mobility) is None
        and user.has_perm("mobility.change_mobility")
        and may_change(mobility, user)
    )
