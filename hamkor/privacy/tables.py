from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from hamkor.core import exporting
from hamkor.core.tables import BaseTable
from hamkor.privacy.models import DataCategory, RetentionRun


class DataCategoryExport(exporting.Export):
    columns = (
        exporting.Column(_("Category"), "name", exporting.TRANSLATED),
        exporting.Column(_("Purpose"), "purpose", exporting.TRANSLATED),
        exporting.Column(_("Legal basis"), "legal_basis", exporting.CHOICE),
        exporting.Column(_("Kept for (years)"), "retention_years", exporting.NUMBER),
        exporting.Column(_("Counted from"), "anchor", exporting.CHOICE),
        exporting.Column(_("Then"), "action", exporting.CHOICE),
    )


class DataCategoryTable(BaseTable):
    export_class = DataCategoryExport
    name = tables.Column(verbose_name=_("Category"), linkify=True, order_by=("name_en",))
    retention_years = tables.Column(verbose_name=_("Kept for (years)"), default="—")

    class Meta(BaseTable.Meta):
        model = DataCategory
        fields = ("name", "legal_basis", "retention_years", "anchor", "action")


class RetentionRunExport(exporting.Export):
    columns = (
        exporting.Column(_("Started"), "started_at", exporting.DATETIME),
        exporting.Column(_("Dry run"), "dry_run", exporting.BOOL),
    )


class RetentionRunTable(BaseTable):
    export_class = RetentionRunExport
    started_at = tables.DateTimeColumn(verbose_name=_("Started"), linkify=True)
    records = tables.Column(verbose_name=_("Records"), accessor="total_records", orderable=False)
    files = tables.Column(verbose_name=_("Files"), accessor="total_files", orderable=False)

    class Meta(BaseTable.Meta):
        model = RetentionRun
        fields = ("started_at", "dry_run", "records", "files")
        empty_text = _("The retention rules have not run yet: they run every night.")
