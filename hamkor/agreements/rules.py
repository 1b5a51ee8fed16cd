"""What may be done with an agreement now: predicates that the page, the service and the API
share, so that a button is offered exactly when the service would accept the step.

Each ``*_refusal`` answers why the step is impossible for the agreement itself (None when it
is possible); each ``can_*`` adds the user's right to take it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from hamkor.agreements.models import Agreement


def may_change(agreement: Agreement, user) -> bool:
    """``user`` may change this agreement (the permission, and the agreement within reach)."""
    return Agreement.objects.within_reach(user, agreement, "change")


def renewal_refusal(agreement: Agreement, *, renewals=None) -> str | None:
    """Why ``agreement`` cannot be renewed now, or None.

    ``renewals`` (the successors already loaded) spares a query.
    """
    if agreement.status not in (Agreement.Status.ACTIVE, Agreement.Status.EXPIRED):
        return _("Only an active or expired agreement can be renewed.")
    exists = bool(renewals) if renewals is not None else agreement.renewals.exists()
    if exists:
        return _("This agreement has been renewed already.")
    return None


def can_renew(agreement: Agreement, user, *, renewals=None) -> bool:
    return (
        user.has_perm("agreements.add_agreement")
        and renewal_refusal(agreement, renewals=renewals) is None
        and may_change(agreement, user)
    )


def amendment_refusal(agreement: Agreement) -> str | None:
    """Why ``agreement`` cannot be amended now, or None."""
    if agreement.status != Agreement.Status.ACTIVE:
        return _("Only an active agreement can be amended.")
    return None


def can_amend(agreement: Agreement, user) -> bool:
    return (
        user.has_perm("agreements.add_amendment")
        and amendment_refusal(agreement) is None
        and may_change(agreement, user)
    )
