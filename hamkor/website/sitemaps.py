"""What search engines are told: ``/sitemap.xml`` (every public page in every language, with
its language alternates) and ``/robots.txt``.

Adding a public page is one line: its URL name in ``PUBLIC_PAGES`` (a page without
arguments) or a sitemap of its records in ``SITEMAPS``. A page in the sitemap is also served
to anonymous visitors from the cache (``website/middleware.py``), unless it shows a form.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from hamkor.calls.selectors import open_calls
from hamkor.events.selectors import open_events
from hamkor.website.content.selectors import news_public, page_menu
from hamkor.website.opportunities.selectors import opportunities_open

# The public pages without arguments, under every language prefix.
PUBLIC_PAGES = [
    "public:home",
    "public:news_list",
    "public:page_index",
    "public:event_list",
    "public:contact",
    "public:reception",
    "public:partners",
    "public:opportunity_list",
]

# Served from the cache like the sitemap's pages, but not listed in it: the news feeds,
# the sitemap and robots.txt themselves (embeddable widgets belong here too).
CACHED_UNLISTED = [
    "public:news_rss",
    "public:news_atom",
    "sitemap",
    "robots_txt",
    "public:events_ics",
    "public:embed_achievements",
    "public:partners_embed",
]

# What robots may not visit: the office's and the applicants' areas, the API.
PRIVATE_PREFIXES = ["/staff/", "/account/", "/my/", "/api/", "/django-admin/"]


class PublicSitemap(Sitemap):
    """Each item in the four languages, each language naming the others (hreflang), and the
    address without a language prefix as ``x-default`` (it sends a visitor to their own)."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.HAMKOR_BASE_URL).scheme

    def get_domain(self, site=None):
        # The installation's address, not the request's Host header.
        return urlsplit(settings.HAMKOR_BASE_URL).netloc


class PageNamesSitemap(PublicSitemap):
    def items(self):
        return PUBLIC_PAGES

    def location(self, item):
        return reverse(item)


class NewsSitemap(PublicSitemap):
    def items(self):
        return news_public()

    def location(self, item):
        return item.get_public_url()

    def lastmod(self, item):
        return item.updated_at


class PagesSitemap(PublicSitemap):
    def items(self):
        pages, entries = [], page_menu()
        while entries:
            entry = entries.pop(0)
            pages.append(entry.page)
            entries.extend(entry.children)
        return pages

    def location(self, item):
        return item.get_public_url()

    def lastmod(self, item):
        return item.updated_at


class EventsSitemap(PublicSitemap):
    def items(self):
        return open_events()

    def location(self, item):
        return reverse("public:event_detail", kwargs={"pk": item.pk})


class OpportunitiesSitemap(PublicSitemap):
    def items(self):
        return opportunities_open()

    def location(self, item):
        return item.get_public_url()


class CallsSitemap(PublicSitemap):
    def items(self):
        return open_calls()

    def location(self, item):
        return reverse("public:call_detail", kwargs={"pk": item.pk})


SITEMAPS = {
    "pages": PageNamesSitemap,
    "news": NewsSitemap,
    "content": PagesSitemap,
    "events": EventsSitemap,
    "opportunities": OpportunitiesSitemap,
    "calls": CallsSitemap,
}


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES]
    lines += ["", f"Sitemap: {settings.HAMKOR_BASE_URL.rstrip('/')}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
