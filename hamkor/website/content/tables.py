"""List and export columns of news, pages and pictures."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hamkor.core.exporting import CHOICE, DATETIME, NUMBER, TRANSLATED, Column, Export
from hamkor.core.tables import BaseTable
from hamkor.website.content.filters import NEWS_STATES
from hamkor.website.content.models import NewsItem, Page, SiteImage

STATE_CLASSES = {
    "draft": "text-bg-secondary",
    "scheduled": "text-bg-info",
    "published": "text-bg-success",
}
STATE_LABELS = dict(NEWS_STATES)


def state_badge(record) -> str:
    """Draft, scheduled or published, as a badge (the label carries the meaning)."""
    state = getattr(record, "state", record.status)
    return format_html(
        '<span class="badge {}">{}</span>',
        STATE_CLASSES.get(state, "text-bg-light"),
        STATE_LABELS.get(state, record.get_status_display()),
    )


class NewsItemExport(Export):
    columns = (
        Column(_("Title"), "title", TRANSLATED),
        Column(_("Status"), "status", CHOICE),
        Column(_("Publication time"), "publish_at", DATETIME),
        Column(_("Address"), "slug"),
    )


class PageExport(Export):
    columns = (
        Column(_("Full address"), "path"),
        Column(_("Title"), "title", TRANSLATED),
        Column(_("Status"), "status", CHOICE),
        Column(_("Position in the menu"), "position", NUMBER),
    )


class SiteImageExport(Export):
    columns = (
        Column(_("Description"), "alt", TRANSLATED),
        Column(_("Format"), "format", CHOICE),
        Column(_("Width (px)"), "width", NUMBER),
        Column(_("Height (px)"), "height", NUMBER),
        Column(_("Size (bytes)"), "size", NUMBER),
        Column(_("Original file name"), "original_name"),
    )


class NewsItemTable(BaseTable):
    export_class = NewsItemExport

    title = tables.Column(verbose_name=_("Title"), linkify=True, order_by=("title_uz",))
    status = tables.Column(verbose_name=_("Status"))
    publish_at = tables.DateTimeColumn(verbose_name=_("Publication time"))

    class Meta(BaseTable.Meta):
        model = NewsItem
        fields = ("title", "status", "publish_at")

    def render_status(self, record):
        return state_badge(record)


class PageTable(BaseTable):
    export_class = PageExport

    path = tables.Column(verbose_name=_("Full address"), linkify=True)
    title = tables.Column(verbose_name=_("Title"), order_by=("title_uz",))
    status = tables.Column(verbose_name=_("Status"))

    class Meta(BaseTable.Meta):
        model = Page
        fields = ("path", "title", "position", "status")

    def render_status(self, record):
        return state_badge(record)


class SiteImageTable(BaseTable):
    export_class = SiteImageExport

    alt = tables.Column(verbose_name=_("Description"), linkify=True, order_by=("alt_uz",))

    class Meta(BaseTable.Meta):
        model = SiteImage
        fields = ("alt", "format", "width", "height", "created_at")
