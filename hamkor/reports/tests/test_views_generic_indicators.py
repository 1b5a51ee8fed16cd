"""The generic staff pages of the university's years and the strategy targets, tested by
declaration."""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.reports.tests.indicator_factories import TargetFactory, UniversityYearFactory

pytestmark = pytest.mark.django_db


class TestUniversityYearViews(ViewTests):
    urls = "reports:universityyear"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"students_total": "12345"}
    create_changes = {"year": "2031", "students_total": "9000", "faculty_total": "450"}

    def make(self, faculty_a):
        return UniversityYearFactory()


class TestTargetViews(ViewTests):
    urls = "reports:target"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"value": "150"}
    create_changes = {"key": "inbound_exchange", "year": "2030", "value": "12"}

    def make(self, faculty_a):
        return TargetFactory()

    def listed(self, obj) -> str:
        return obj.get_key_display()
