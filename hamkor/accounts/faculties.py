"""The home university's units, and the faculty a coordinator is limited to: written once.

Every app that scopes rows to a faculty (agreements by their scope units, people by their
unit, mobilities by their people and home unit) asks these functions, so that "a
coordinator works for their faculty and its departments" has one meaning.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from hamkor.accounts.models import OrgUnit
from hamkor.accounts.roles import Role

# A user whom no faculty limits (an officer, an administrator, leadership, an applicant).
UNLIMITED = False


def coordinator_faculty(user) -> int | bool | None:
    """The faculty a coordinator-only user works for.

    ``UNLIMITED`` (False) when the user is not limited to a faculty: not a coordinator, or a
    coordinator who is also an officer or an administrator. ``None`` for a coordinator
    without a faculty, who may change nothing faculty-scoped.
    """
    if user is None or not user.has_role(Role.COORDINATOR):
        return UNLIMITED
    if user.has_role(Role.OFFICER) or user.has_role(Role.ADMINISTRATOR):
        return UNLIMITED
    return user.org_unit_id


def in_faculty(path: str, faculty: int | None) -> Q:
    """``path`` (a lookup to an OrgUnit) is ``faculty`` or one of its departments."""
    return Q(**{path: faculty}) | Q(**{f"{path}__parent": faculty})


def unit_in_faculty(unit: OrgUnit, faculty: int | None) -> bool:
    """The Python twin of :func:`in_faculty`, for units already loaded."""
    return faculty is not None and (unit.pk == faculty or unit.parent_id == faculty)


def home_units() -> QuerySet[OrgUnit]:
    """The active units of the home university, faculties first: every unit picker's list."""
    return OrgUnit.objects.filter(institution__is_home=True, is_active=True).order_by(
        "kind", "name_uz"
    )


def coordinator_units(user) -> QuerySet[OrgUnit] | None:
    """The units a coordinator-only user works for (their faculty and its departments), or
    ``None`` when the user is not limited to a faculty."""
    faculty = coordinator_faculty(user)
    if faculty is UNLIMITED:
        return None
    if faculty is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(Q(pk=faculty) | Q(parent=faculty), institution__is_home=True)
