"""Writes of the website app."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hamkor.core.services import object_save
from hamkor.partners.models import Institution
from hamkor.website.content.models import SiteImage
from hamkor.website.content.richtext import sanitise
from hamkor.website.content.services import site_image_upload
from hamkor.website.models import DepartmentProfile

# The suffixes of a text's columns, one a language.
TEXT_SUFFIXES = ("uz", "uz_cyrl", "ru", "en")


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


@transaction.atomic
def department_profile_save(
    *,
    profile: DepartmentProfile,
    actor,
    head_photo_upload=None,
    expected_version: int | None = None,
    reason: str = "website.departmentprofile.edited",
) -> DepartmentProfile:
    """Save the profile: its rich texts sanitised; a new photo of the head, when one is
    uploaded, checked, narrowed and stripped of metadata like every picture of the site."""
    for name in DepartmentProfile.rich_fields:
        for suffix in TEXT_SUFFIXES:
            field = f"{name}_{suffix}"
            setattr(profile, field, sanitise(getattr(profile, field)))
    if head_photo_upload is not None:
        profile.head_photo = _head_photo(profile, head_photo_upload, actor)
    return object_save(
        instance=profile, actor=actor, expected_version=expected_version, reason=reason
    )


def _head_photo(profile: DepartmentProfile, upload, actor) -> SiteImage:
    """The uploaded photo as a picture of the site, described by the head's name."""
    name_uz = profile.head_name_uz or profile.name_uz
    image = SiteImage(
        alt_uz=name_uz,
        alt_ru=profile.head_name_ru,
        alt_en=profile.head_name_en,
    )
    try:
        return site_image_upload(
            image=image, upload=upload, actor=actor, reason="website.departmentprofile.photo"
        )
    except ValidationError as exc:
        raise ValidationError({"head_photo_upload": exc.message_dict["upload"]}) from None
