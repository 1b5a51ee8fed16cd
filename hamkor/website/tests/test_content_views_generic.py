"""The staff pages of news, pages and pictures, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.website.tests.content_factories import NewsItemFactory, PageFactory, site_image

pytestmark = pytest.mark.django_db


class TestNewsItemViews(ViewTests):
    urls = "website:newsitem"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"title_en": "Exchange week", "body_en": "<p>Students arrive.</p>"}
    create_changes = {"title_uz": "Almashinuv haftasi"}

    def make(self, faculty_a):
        return NewsItemFactory()


class TestPageViews(ViewTests):
    urls = "website:page"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"title_en": "Visa support", "body_en": "<p>Ask us.</p>"}
    create_changes = {"title_uz": "Viza boʻyicha koʻmak"}

    def make(self, faculty_a):
        return PageFactory()

    def make_dependent(self, page):
        PageFactory(parent=page)


class TestSiteImageViews(ViewTests):
    urls = "website:siteimage"
    # Adding a picture posts a file: tested in test_content_images.py.
    actions = ("list", "detail", "history", "edit", "delete", "export")
    edit_changes = {"alt_en": "The main building"}

    def make(self, faculty_a):
        return site_image()

    def make_dependent(self, image):
        NewsItemFactory(image=image)
