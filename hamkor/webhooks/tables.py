from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core import exporting
from hamkor.core.tables import BaseTable
from hamkor.webhooks.events import EVENTS
from hamkor.webhooks.models import Webhook


class WebhookExport(exporting.Export):
    columns = (
        exporting.Column(_("Name"), "name"),
        exporting.Column(_("Address"), "url"),
        exporting.Column(
            pgettext_lazy("webhook", "Events"),
            fields=("events",),
            compute=lambda row: ", ".join(str(EVENTS.get(e, e)) for e in row["events"] or []),
        ),
        exporting.Column(_("Active"), "is_active", exporting.BOOL),
        exporting.Column(_("Changed"), "updated_at", exporting.DATETIME),
    )


class WebhookTable(BaseTable):
    export_class = WebhookExport
    name = tables.Column(verbose_name=_("Name"), linkify=True)
    events = tables.Column(verbose_name=pgettext_lazy("webhook", "Events"), orderable=False)

    class Meta(BaseTable.Meta):
        model = Webhook
        fields = ("name", "url", "events", "is_active", "updated_at")
        empty_text = _(
            "No webhooks yet. Add one to tell another system when an agreement is activated, "
            "a mobility completed or an application submitted."
        )

    def render_events(self, value):
        return ", ".join(str(EVENTS.get(event, event)) for event in value)
