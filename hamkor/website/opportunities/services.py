"""Writes of opportunities: save (text sanitised, address made) and the publishing steps."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hamkor.core import transitions
from hamkor.core.services import object_save
from hamkor.website.content.services import sanitise_bodies, slug_from_title, unique_slug
from hamkor.website.opportunities.models import Opportunity


@transaction.atomic
def opportunity_save(
    *, opportunity: Opportunity, actor, expected_version: int | None = None, reason: str = ""
) -> Opportunity:
    """Create or edit an opportunity: its texts sanitised, an address made when none is
    given (never a number alone: a number is read as the id in the public address)."""
    sanitise_bodies(opportunity)
    max_length = Opportunity._meta.get_field("slug").max_length
    if not opportunity.slug:
        base = slug_from_title(opportunity, max_length) or "opportunity"
        others = Opportunity.objects.exclude(pk=opportunity.pk)
        opportunity.slug = unique_slug(others, base, max_length)
    if opportunity.slug.isdigit():
        raise ValidationError({"slug": _("The address cannot be a number only.")})
    created = opportunity.pk is None
    return object_save(
        instance=opportunity,
        actor=actor,
        expected_version=expected_version,
        reason=reason
        or ("website.opportunity.created" if created else "website.opportunity.edited"),
    )


@transaction.atomic
def opportunity_transition(*, opportunity: Opportunity, name: str, actor) -> Opportunity:
    """Publish or withdraw an opportunity. Publishing needs the Uzbek title (every language
    falls back to it); an opportunity whose deadline has passed may still be published, to
    keep its page reachable as closed."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    transitions.step_check(
        opportunity,
        name,
        refused=_("An opportunity that is “%(status)s” cannot take this step."),
    )
    if name == "publish" and not opportunity.title_uz:
        raise ValidationError(_("Give the title in Uzbek before publishing."))
    getattr(opportunity, name)()
    return object_save(instance=opportunity, actor=actor, reason=f"website.opportunity.{name}")
