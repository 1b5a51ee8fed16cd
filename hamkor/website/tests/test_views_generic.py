"""The staff pages of the department's profile, tested by declaration.

The profile is set up once from the menu (``test_department_page.py``); it has a page, an
edit form and a history, and no list, deletion, import or export.
"""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.website.models import DepartmentProfile

pytestmark = pytest.mark.django_db


class TestDepartmentProfileViews(ViewTests):
    urls = "website:departmentprofile"
    actions = ("detail", "history", "edit")
    edit_changes = {"phone": "+998 73 542 38 38", "reception_en": "Tuesday and Thursday"}

    def make(self, faculty_a):
        return DepartmentProfile.objects.create(
            institution=faculty_a.institution,
            name_uz="Xalqaro hamkorlik boʻlimi",
            name_en="International Cooperation Department",
        )
