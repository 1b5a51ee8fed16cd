"""RSS and Atom feeds of the published news, one per language (``/<lang>/news/rss.xml``),
each with the items written in its language only (in Uzbek, every item).

Feed readers fetch them from elsewhere, so every link is absolute on the site's public
address (``HAMKOR_BASE_URL``), pictures in the texts included.
"""

from __future__ import annotations

import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from hamkor.core.urls_helpers import absolute_url
from hamkor.website.content.richtext import sanitise
from hamkor.website.content.selectors import news_public_written_in
from hamkor.website.selectors import department_profile_get

FEED_ITEMS = 20
_OWN_SRC = re.compile(r'src="(/site/images/[^"]+)"')
_OWN_HREF = re.compile(r'href="(/[^/"][^"]*)"')


def _absolute_links(html: str) -> str:
    html = _OWN_SRC.sub(lambda match: f'src="{absolute_url(match.group(1))}"', html)
    return _OWN_HREF.sub(lambda match: f'href="{absolute_url(match.group(1))}"', html)


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def title(self):
        profile = department_profile_get()
        name = profile.name if profile else _("International cooperation")
        return _("%(name)s: news") % {"name": name}

    def link(self):
        return absolute_url(reverse("public:news_list"))

    def feed_url(self):
        return absolute_url(reverse(self.url_name))

    url_name = "public:news_rss"

    def description(self):
        return self.title()

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = translation.get_language()
        return feed

    def items(self):
        # A feed is one language's: only the items written in it.
        return news_public_written_in(translation.get_language())[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if item.body:
            return _absolute_links(sanitise(item.body))
        return item.summary

    def item_link(self, item):
        return absolute_url(item.get_public_url())

    def item_guid(self, item):
        return absolute_url(item.get_public_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    url_name = "public:news_atom"

    def subtitle(self):
        return self.description()
