"""Reads for the public site."""

from __future__ import annotations

from hamkor.website.models import DepartmentProfile


def department_profile_get() -> DepartmentProfile | None:
    """The home university's department profile, or None before set-up."""
    return (
        DepartmentProfile.objects.select_related("institution")
        .filter(institution__is_home=True)
        .first()
    )
