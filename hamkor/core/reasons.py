"""Readable labels for the change codes that history records carry.

Services record why a row changed as a code, ``<app>.<model>.<action>``, sometimes followed
by a detail (``agreements.agreement.amended:2``, ``accounts.user.edited:officer``) or by the
reason a user typed (``agreements.agreement.reopen: the partner asked``). People read the
label of the action in their language instead: :func:`reason_label`. A code nobody has
labelled yet still reads as words, never as the dotted code.
"""

from __future__ import annotations

from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

__all__ = ["ACTIONS", "reason_label"]

# The action (the last part of the code) -> its label, a noun so that it agrees with any
# record in every language. Whole codes may be keyed too, and win over their action.
ACTIONS = {
    "created": pgettext_lazy("history", "Created"),
    "edited": pgettext_lazy("history", "Edited"),
    "deleted": pgettext_lazy("history", "Deleted"),
    "imported": pgettext_lazy("history", "Imported from a file"),
    "added": pgettext_lazy("history", "Added"),
    "removed": pgettext_lazy("history", "Removed"),
    "merged": pgettext_lazy("history", "A duplicate merged into it"),
    "merged_into": pgettext_lazy("history", "Merged into another record"),
    "person_merged": pgettext_lazy("history", "Person merged with a duplicate"),
    "version_added": pgettext_lazy("history", "New version of the file"),
    "invited": pgettext_lazy("history", "Invited"),
    "profile_edited": pgettext_lazy("history", "Profile edited by its owner"),
    "directory_loaded": pgettext_lazy("history", "Loaded from the world directory"),
    "follow_up_done": pgettext_lazy("history", "Follow-up done"),
    "invitation_issued": pgettext_lazy("history", "Invitation letter issued"),
    "report_received": pgettext_lazy("history", "Report received"),
    # Agreements' status steps and renewals.
    "negotiate": pgettext_lazy("history", "Negotiation started"),
    "send_for_signature": pgettext_lazy("history", "Sent for signature"),
    "reopen": pgettext_lazy("history", "Reopened for negotiation"),
    "activate": pgettext_lazy("history", "Activation"),
    "expire": pgettext_lazy("history", "Expiry"),
    "terminate": pgettext_lazy("history", "Termination"),
    "renewal_started": pgettext_lazy("history", "Renewal started"),
    "renewed": pgettext_lazy("history", "Carried over to the renewal"),
    "auto_renewed": pgettext_lazy("history", "Renewed automatically"),
    "amended": pgettext_lazy("history", "Amendment"),
    "shown": pgettext_lazy("history", "Shown on the public website"),
    "hidden": pgettext_lazy("history", "Hidden from the public website"),
    # Mobilities' status steps.
    "nominate": pgettext_lazy("history", "Nomination"),
    "accept": pgettext_lazy("history", "Acceptance"),
    "start_trip": pgettext_lazy("history", "Start of the trip"),
    "complete": pgettext_lazy("history", "Completion"),
    "cancel": pgettext_lazy("history", "Cancellation"),
    "unit_assigned": pgettext_lazy("history", "Faculty assigned"),
    "set": pgettext_lazy("history", "Set"),
    # Two-factor sign-in (on the user's record).
    "two_factor_enrolled": pgettext_lazy("history", "Authenticator enrolled"),
    "two_factor_replaced": pgettext_lazy("history", "Authenticator replaced"),
    "two_factor_reset": pgettext_lazy("history", "Two-factor sign-in reset"),
    "two_factor_disabled": pgettext_lazy("history", "Two-factor sign-in turned off"),
    "two_factor_recovery_codes_regenerated": pgettext_lazy("history", "New recovery codes made"),
    "two_factor_recovery_code_used": pgettext_lazy("history", "Recovery code used"),
    # Whole codes.
    "demo.loaded": _("Demo data loaded"),
    "website.departmentprofile.created": pgettext_lazy("history", "Created"),
    "reports.universityyear.closed": pgettext_lazy("history", "Year closed"),
    "reports.universityyear.reopened": pgettext_lazy("history", "Year reopened"),
    "privacy.consent.withdrawn": pgettext_lazy("history", "Consent withdrawn"),
    "privacy.person.anonymised": pgettext_lazy("history", "Erased on request (anonymised)"),
}


def _detail_label(detail: str) -> str:
    """The detail after ``code:``: a record id, role codes, a number or a user's text."""
    if detail.isdigit():
        return f"#{detail}"
    from hamkor.accounts.roles import Role

    roles = detail.split(",")
    if all(role in Role.values for role in roles):
        return ", ".join(str(Role(role).label) for role in roles)
    return detail


def reason_label(code: str | None) -> str:
    """The label of the change code ``code`` in the active language ("" for none)."""
    code = (code or "").strip()
    if not code:
        return ""
    head, _colon, detail = code.partition(":")
    head, detail = head.strip(), detail.strip()
    if " " in head or ("." not in head and head not in ACTIONS):
        return code  # not a code: a reason written out by a person or an older version
    action = head.rsplit(".", 1)[-1]
    label = ACTIONS.get(head) or ACTIONS.get(action)
    if label is None:
        label = action.replace("_", " ").capitalize()
    label = str(label)
    if detail:
        return gettext("%(action)s: %(detail)s") % {
            "action": label,
            "detail": _detail_label(detail),
        }
    return label
