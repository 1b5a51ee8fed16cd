"""Writes of the website app."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hamkor.core.services import object_save
from hamkor.partners.models import Institution
from hamkor.website.models import DepartmentProfile


def department_profile_create(*, actor) -> DepartmentProfile:
    """An empty profile for the home university's department, for staff to fill in."""
    home = Institution.objects.home()
    if home is None:
        raise ValidationError(_("Set up the home university first."))
    profile = DepartmentProfile(
        institution=home,
        name_uz="Xalqaro hamkorlik boʻlimi",
        name_ru="Отдел международного сотрудничества",
        name_en="Department of International Cooperation",
    )
    return object_save(instance=profile, actor=actor, reason="website.departmentprofile.created")
