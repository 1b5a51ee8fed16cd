"""The staff pages of opportunities, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.website.tests.opportunity_factories import OpportunityFactory

pytestmark = pytest.mark.django_db


class TestOpportunityViews(ViewTests):
    urls = "website:opportunity"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"title_en": "Semester in Brno", "body_en": "<p>Apply by e-mail.</p>"}
    create_changes = {
        "title_uz": "Brnoda semestr",
        "kind": "exchange",
        "audience": "students",
        "deadline": "2031-03-01T17:00",
    }

    def make(self, faculty_a):
        return OpportunityFactory()
