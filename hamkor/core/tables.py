"""The table base: a linked first column, actions kept out of exports."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _


class BaseTable(tables.Table):
    """Columns listed in ``Meta.fields`` become list and export columns alike.

    The column named ``actions`` (if any) is shown on screen only.
    """

    export_exclude: tuple[str, ...] = ("actions",)

    class Meta:
        attrs = {"class": "table table-hover table-sm align-middle mb-0"}
        empty_text = _("Nothing matches these filters.")
        template_name = "core/tables/table.html"
        # The list view reads ?per_page itself and allows only the offered sizes, and cuts
        # the page itself (ObjectListView.paginate): django-tables2 reads no page size.
        per_page_field = "per_page"
