"""What the public may read of the site's content, and what staff are told is missing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import capfirst

from hamkor.website.content.models import CONTENT_LANGUAGES, NewsItem, Page, SiteImage

LANGUAGE_NAMES = {"uz": "Oʻzbekcha", "ru": "Русский", "en": "English"}


def news_public() -> QuerySet[NewsItem]:
    """Published news whose time has come, newest first; scheduled ones appear by
    themselves when ``now`` passes their publication time, without any task running."""
    return (
        NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED, publish_at__lte=timezone.now())
        .select_related("image")
        .order_by("-publish_at", "-pk")
    )


def news_public_written_in(language: str) -> QuerySet[NewsItem]:
    """The public news that have a version in ``language`` (an interface language): every
    item in Uzbek (Latin, or Cyrillic transliterated), in Russian or English those with a
    title in it. The feeds carry these only: a reader subscribed in English does not want
    texts in Uzbek. (The list pages show every item, those in Uzbek only marked so.)"""
    code = language.lower().split("-")[0]
    found = news_public()
    if code in CONTENT_LANGUAGES and code != "uz":
        found = found.exclude(**{f"title_{code}": ""})
    return found


def news_public_get(key: str) -> NewsItem | None:
    """A published news item by its address or, when ``key`` is a number, its id."""
    found = news_public()
    if key.isascii() and key.isdigit():
        # An id out of the column's range is no item (PostgreSQL would refuse the query).
        return found.filter(pk=int(key)).first() if len(key) < 10 else None
    return found.filter(slug=key).first()


@dataclass
class MenuEntry:
    page: Page
    children: list[MenuEntry] = field(default_factory=list)


def page_menu() -> list[MenuEntry]:
    """The published tree: pages whose ancestors are all published, siblings by position.

    One query; the tree is small (a few dozen pages at most).
    """
    pages = list(
        Page.objects.filter(status=Page.Status.PUBLISHED).order_by("position", "title_uz", "pk")
    )
    entries = {page.pk: MenuEntry(page) for page in pages}
    roots = []
    for page in pages:
        if page.parent_id is None:
            roots.append(entries[page.pk])
        elif page.parent_id in entries:
            entries[page.parent_id].children.append(entries[page.pk])
    return roots


def page_public_get(path: str) -> tuple[Page, list[Page], list[MenuEntry]] | None:
    """The published page at ``path`` with its ancestors and its section of the menu
    (the top page's entry), or None when it is not published or an ancestor is not."""
    for root in page_menu():
        trail = _trail(root, path)
        if trail:
            return trail[-1].page, [entry.page for entry in trail[:-1]], [root]
    return None


def page_children_public(menu: list[MenuEntry], page: Page) -> list[MenuEntry]:
    """The published pages right under ``page`` in ``menu`` (a section's landing page lists
    them)."""
    for entry in menu:
        if entry.page.pk == page.pk:
            return entry.children
        found = page_children_public(entry.children, page)
        if found:
            return found
    return []


def _trail(entry: MenuEntry, path: str) -> list[MenuEntry]:
    if entry.page.path == path:
        return [entry]
    if not path.startswith(entry.page.path + "/"):
        return []
    for child in entry.children:
        found = _trail(child, path)
        if found:
            return [entry, *found]
    return []


def missing_translations(record) -> list[str]:
    """The texts of ``record`` left empty in Russian or English (shown in Uzbek instead),
    e.g. ``["Title in Russian", "Text in English"]``; Uzbek is required or the fallback."""
    missing = []
    for name in record.translated_fields:
        if not getattr(record, f"{name}_uz"):
            continue  # nothing to translate
        for language in CONTENT_LANGUAGES[1:]:
            if not getattr(record, f"{name}_{language}"):
                label = type(record)._meta.get_field(f"{name}_{language}").verbose_name
                missing.append(capfirst(str(label)))
    return missing


def site_images_recent(limit: int = 24) -> QuerySet[SiteImage]:
    """The latest pictures, for the editor's list of pictures to insert."""
    return SiteImage.objects.order_by("-created_at", "-pk")[:limit]
