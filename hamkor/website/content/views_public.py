"""Public pages of the site's content (language in the URL): the news and its pages, the
static pages of the tree, and the pictures their texts show."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hamkor.website.content.images import CONTENT_TYPES
from hamkor.website.content.models import SiteImage
from hamkor.website.content.selectors import (
    news_public,
    news_public_get,
    page_children_public,
    page_menu,
    page_public_get,
)
from hamkor.website.selectors import department_profile_get

NEWS_PER_PAGE = 10
KEY = re.compile(r"[0-9a-f]{32}")


def news_list(request):
    """Published news, newest first, ten a page (``?page=``; a page out of range shows the
    last one)."""
    page = Paginator(news_public(), NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "website/content_news_list.html",
        {"news": page, "profile": department_profile_get()},
    )


def news_detail(request, key):
    item = news_public_get(key)
    if item is None:
        raise Http404
    return render(
        request,
        "website/content_news_detail.html",
        {"item": item, "profile": department_profile_get()},
    )


def page_index(request):
    """Every published page, as the tree of the menu."""
    return render(
        request,
        "website/content_page_index.html",
        {"menu": page_menu(), "profile": department_profile_get()},
    )


def page_detail(request, path):
    found = page_public_get(path.strip("/"))
    if found is None:
        raise Http404
    page, ancestors, menu = found
    return render(
        request,
        "website/content_page.html",
        {
            "page": page,
            "ancestors": ancestors,
            "menu": menu,
            "children": page_children_public(menu, page),
            "profile": department_profile_get(),
        },
    )


@require_safe
def image_file(request, name):
    """A picture of the site, public: its key is its address, and it never changes."""
    key, _dot, _extension = name.partition(".")
    if not KEY.fullmatch(key):
        raise Http404
    image = SiteImage.objects.filter(key=key).first()
    if image is None or image.filename != name:
        raise Http404
    response = FileResponse(image.file.open("rb"), content_type=CONTENT_TYPES[image.format])
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
