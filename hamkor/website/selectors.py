"""Reads for the public site."""

from __future__ import annotations

from django.utils import timezone, translation

from hamkor.reports.achievements import Period
from hamkor.reports.wording import public_statements
from hamkor.website import cache
from hamkor.website.models import DepartmentProfile


def department_profile_get() -> DepartmentProfile | None:
    """The home university's department profile, or None before set-up."""
    return (
        DepartmentProfile.objects.select_related("institution", "head_photo")
        .filter(institution__is_home=True)
        .first()
    )


def achievements_public(language: str | None = None) -> list[str]:
    """The achievements' sentences for the public page in ``language`` (the active one by
    default), for the default period (the last four calendar years, partners in force
    today), computed by the reports and kept in the site's cache: the next view costs no
    query until a shown record changes or an hour passes."""
    language = language or translation.get_language()
    today = timezone.localdate()

    def compute() -> list[str]:
        period = Period.default(today=today)
        return [statement.text for statement in public_statements(period, language)]

    # The day is part of the key: "currently" and the period move on at midnight.
    return cache.cached(f"achievements:{language}:{today.isoformat()}", compute)


def department_name_public(language: str | None = None) -> str:
    """The department's name in ``language`` (the active one by default), cached like the
    achievements: a widget page that shows only these costs no query when they are kept."""
    language = language or translation.get_language()

    def compute() -> str:
        profile = department_profile_get()
        if profile is None:
            return ""
        with translation.override(language):
            return profile.name

    return cache.cached(f"department-name:{language}", compute)
