"""The person's page shows their consents and the export and erasure buttons (the mobility
app's template includes the panel; the privacy app decides what it holds)."""

from __future__ import annotations

from django import template

from hamkor.privacy.models import Erasure

register = template.Library()


@register.inclusion_tag("privacy/person_panel.html", takes_context=True)
def privacy_panel(context, person):
    user = context["request"].user
    can_view = user.has_perm("privacy.view_consent")
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "person": person,
        "consents": list(person.consents.select_related("category")) if can_view else [],
        "erasure": Erasure.objects.filter(person=person).first(),
        "can_add_consent": user.has_perm("privacy.add_consent"),
        "can_change_consent": user.has_perm("privacy.change_consent"),
        "can_export": user.has_perm("privacy.export_person"),
        "can_erase": user.has_perm("privacy.erase_person"),
        "shown": can_view or user.has_perm("privacy.export_person"),
    }
