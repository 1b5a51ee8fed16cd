from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from hamkor.core import exporting
from hamkor.core.tables import BaseTable
from hamkor.security.models import SecurityEvent
from hamkor.security.wording import details_text, model_name, record_text


class SecurityEventExport(exporting.Export):
    columns = (
        exporting.Column(_("When"), "at", exporting.DATETIME),
        exporting.Column(_("Event"), "kind", exporting.CHOICE),
        exporting.Column(_("User"), "email"),
        exporting.Column(_("Address"), "address"),
        exporting.Column(
            _("Record type"),
            fields=("object_type",),
            compute=lambda row: model_name(row["object_type"]),
        ),
        exporting.Column(_("Record number"), "object_id"),
        exporting.Column(_("Record"), "object_repr"),
        exporting.Column(
            _("Details"), fields=("details",), compute=lambda row: details_text(row["details"])
        ),
    )


class SecurityEventTable(BaseTable):
    export_class = SecurityEventExport
    at = tables.DateTimeColumn(verbose_name=_("When"))
    email = tables.Column(verbose_name=_("User"))
    object_repr = tables.Column(verbose_name=_("Record"), orderable=False)
    details = tables.Column(verbose_name=_("Details"), orderable=False)

    class Meta(BaseTable.Meta):
        model = SecurityEvent
        fields = ("at", "kind", "email", "address", "object_repr", "details")
        empty_text = _("No security events match these filters.")

    def render_object_repr(self, value, record):
        return record_text(record)

    def render_details(self, value):
        return details_text(value)
