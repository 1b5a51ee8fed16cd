"""Writes of the site's content: images, news items, pages and their publishing steps."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hamkor.core import transitions
from hamkor.core.services import object_delete, object_save
from hamkor.core.translit import cyrillic_to_latin
from hamkor.website.content.images import image_prepare
from hamkor.website.content.models import CONTENT_LANGUAGES, NewsItem, Page, SiteImage
from hamkor.website.content.richtext import sanitise


@transaction.atomic
def site_image_upload(
    *, image: SiteImage, upload, actor, reason: str = "website.siteimage.uploaded"
) -> SiteImage:
    """Check ``upload`` and store it re-encoded as ``image`` (its descriptions already set)."""
    prepared = image_prepare(upload)
    image.format = prepared.format
    image.width = prepared.width
    image.height = prepared.height
    image.size = len(prepared.content)
    image.original_name = (getattr(upload, "name", "") or "")[-255:]
    image.file.save(image.filename, ContentFile(prepared.content), save=False)
    return object_save(instance=image, actor=actor, reason=reason)


@transaction.atomic
def site_image_delete(*, image: SiteImage, actor) -> None:
    """Delete a picture no text shows any more; its file goes once the delete is committed."""
    using = [
        str(record)
        for model in (NewsItem, Page)
        for record in model.objects.filter(
            Q(body_uz__contains=image.url)
            | Q(body_ru__contains=image.url)
            | Q(body_en__contains=image.url)
        )
    ]
    if using:
        raise ValidationError(
            _("The picture is shown in: %(texts)s. Remove it from these texts first.")
            % {"texts": "; ".join(using)}
        )
    name, storage = image.file.name, image.file.storage
    object_delete(instance=image, actor=actor, reason="website.siteimage.deleted")
    transaction.on_commit(lambda: storage.delete(name))


def sanitise_bodies(record) -> None:
    """Every language's ``body`` of ``record`` through nh3 (news, pages, opportunities)."""
    for language in CONTENT_LANGUAGES:
        field = f"body_{language}"
        setattr(record, field, sanitise(getattr(record, field)))


def slug_from_title(record, max_length: int) -> str:
    """An address from the English title, else the Uzbek, else the Russian one."""
    for language in ("en", "uz", "ru"):
        title = getattr(record, f"title_{language}", "")
        if title:
            # A Russian title gives a Latin address through the Uzbek transliteration.
            slug = slugify(cyrillic_to_latin(title) if language == "ru" else title)
            if slug:
                return slug[:max_length].strip("-")
    return ""


def unique_slug(queryset, base: str, max_length: int) -> str:
    """``base``, or ``base-2``, ``base-3``... when ``queryset`` already has it."""
    candidate, number = base, 2
    while queryset.filter(slug=candidate).exists():
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)] + suffix
        number += 1
    return candidate


@transaction.atomic
def news_item_save(
    *, item: NewsItem, actor, expected_version: int | None = None, reason: str | None = None
) -> NewsItem:
    """Create or edit a news item: its texts sanitised, an address made when none is given."""
    sanitise_bodies(item)
    max_length = NewsItem._meta.get_field("slug").max_length
    if not item.slug:
        base = slug_from_title(item, max_length) or "news"
        item.slug = unique_slug(NewsItem.objects.exclude(pk=item.pk), base, max_length)
    if item.slug.isdigit():
        # A number is read as the item's id in the public address.
        raise ValidationError({"slug": _("The address cannot be a number only.")})
    created = item.pk is None
    return object_save(
        instance=item,
        actor=actor,
        expected_version=expected_version,
        reason=reason or ("website.newsitem.created" if created else "website.newsitem.edited"),
    )


@transaction.atomic
def news_item_transition(*, item: NewsItem, name: str, actor) -> NewsItem:
    """Publish (now, or at the publication time set) or withdraw a news item."""
    item = NewsItem.objects.select_for_update().get(pk=item.pk)
    transitions.step_check(
        item, name, refused=_("A news item that is “%(status)s” cannot take this step.")
    )
    if name == "publish":
        if not item.title_uz:
            raise ValidationError(_("Give the title in Uzbek before publishing."))
        item.publish_at = item.publish_at or timezone.now()
    getattr(item, name)()
    return object_save(instance=item, actor=actor, reason=f"website.newsitem.{name}")


def _page_check(page: Page) -> None:
    """The parent is not the page itself nor one of its descendants; three levels at most."""
    too_deep = ValidationError(
        {"parent": _("Pages go at most %(depth)s levels deep.") % {"depth": Page.MAX_DEPTH}}
    )
    ancestor, depth = page.parent, 1
    while ancestor is not None:
        if page.pk is not None and ancestor.pk == page.pk:
            raise ValidationError({"parent": _("A page cannot be placed under itself.")})
        depth += 1
        if depth > Page.MAX_DEPTH:
            raise too_deep
        # From the database: the parents held in memory may be the ones being moved.
        ancestor = (
            Page.objects.filter(pk=ancestor.parent_id).first() if ancestor.parent_id else None
        )
    if page.pk is not None and depth + _subtree_height(page) - 1 > Page.MAX_DEPTH:
        raise too_deep


def _subtree_height(page: Page) -> int:
    children = list(Page.objects.filter(parent=page))
    return 1 + max((_subtree_height(child) for child in children), default=0)


def _page_path(page: Page) -> str:
    return f"{page.parent.path}/{page.slug}" if page.parent_id else page.slug


@transaction.atomic
def page_save(
    *, page: Page, actor, expected_version: int | None = None, reason: str | None = None
) -> Page:
    """Create, edit or move a page: text sanitised, address made when none is given, the full
    addresses of the pages under it following it."""
    sanitise_bodies(page)
    max_length = Page._meta.get_field("slug").max_length
    if not page.slug:
        base = slug_from_title(page, max_length) or "page"
        siblings = Page.objects.filter(parent=page.parent).exclude(pk=page.pk)
        page.slug = unique_slug(siblings, base, max_length)
    _page_check(page)
    page.path = _page_path(page)
    if Page.objects.filter(path=page.path).exclude(pk=page.pk).exists():
        raise ValidationError({"slug": _("Another page under the same parent has this address.")})
    created = page.pk is None
    page = object_save(
        instance=page,
        actor=actor,
        expected_version=expected_version,
        reason=reason or ("website.page.created" if created else "website.page.edited"),
    )
    _paths_follow(page, actor)
    return page


def _paths_follow(page: Page, actor) -> None:
    for child in Page.objects.filter(parent=page).select_related("parent"):
        path = _page_path(child)
        if child.path != path:
            child.path = path
            object_save(instance=child, actor=actor, reason="website.page.moved")
        _paths_follow(child, actor)


@transaction.atomic
def page_transition(*, page: Page, name: str, actor) -> Page:
    """Publish or withdraw a page (the pages under a withdrawn one leave the menu with it)."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    transitions.step_check(
        page, name, refused=_("A page that is “%(status)s” cannot take this step.")
    )
    getattr(page, name)()
    return object_save(instance=page, actor=actor, reason=f"website.page.{name}")
