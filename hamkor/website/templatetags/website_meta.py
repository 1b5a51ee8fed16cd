"""The head of every public page (``{% page_meta %}`` in ``public_base.html``), filled from
blocks that each page may define:

- ``title`` (the page's title, which every page has),
- ``description`` (a sentence; the department's mission when a page gives none),
- ``og_type`` (``website`` unless the page says ``article``),
- ``og_image`` (the address of the page's picture, e.g. a news item's).

A block a page defines only for this (``og_image``) is never shown by itself: Django keeps
every block of a child template, and this tag reads it.
"""

from __future__ import annotations

import html

from django import template
from django.template.loader import render_to_string
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import strip_tags

from hamkor.website.page_meta import absolute, page_meta

register = template.Library()


def block_text(context, name: str) -> str:
    """The text of block ``name`` as the page defines it (its own, or its parents'), without
    tags and on one line; empty when no template defines it."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context is not None else None
    if block is None:
        return ""
    return " ".join(html.unescape(strip_tags(block.render(context))).split())


def request_meta(request, *, found: bool):
    """Worked out once a request: the head and the language switcher both need it."""
    cached = getattr(request, "_page_meta", None)
    if cached is None:
        cached = request._page_meta = page_meta(request, found=found)
    return cached


@register.simple_tag(takes_context=True)
def page_meta_head(context) -> str:
    request = context["request"]
    meta = request_meta(request, found=not context.get("not_found"))
    profile = context.get("profile")
    description = block_text(context, "description") or (profile.mission if profile else "")
    image = block_text(context, "og_image")
    return render_to_string(
        "website/partials/page_meta.html",
        {
            "meta": meta,
            "title": block_text(context, "title"),
            "site_name": profile.name if profile else "",
            "description": " ".join(description.split())[:300],
            "og_type": block_text(context, "og_type") or "website",
            "image": absolute(image) if image.startswith("/") else "",
        },
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in each language, for the public language switcher."""
    request = context["request"]
    return request_meta(request, found=not context.get("not_found")).languages
