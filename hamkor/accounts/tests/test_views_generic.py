"""The generic staff pages of units and users, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.accounts.tests.factories import OrgUnitFactory, UserFactory
from hamkor.core.testing.viewtests import ViewTests

pytestmark = pytest.mark.django_db


class TestOrgUnitViews(ViewTests):
    urls = "accounts:orgunit"
    edit_changes = {"name_en": "Faculty of Law"}
    create_changes = {"code": "law", "kind": "faculty", "name_uz": "Huquq fakulteti"}

    def make(self, faculty_a):
        return OrgUnitFactory(institution=faculty_a.institution)

    def make_dependent(self, unit):
        UserFactory(org_unit=unit)


class TestUserViews(ViewTests):
    """Users are invited (their add page is tested in test_users) and never deleted."""

    urls = "accounts:user"
    actions = ("list", "detail", "history", "edit")
    writer = reader = "admin"
    outsider = "officer"
    edit_changes = {"full_name": "Renamed Person"}

    def make(self, faculty_a):
        return UserFactory(roles=["officer"])

    def test_edit_is_refused_without_the_permission(self, as_user, client, faculty_a):
        user = self.make(faculty_a)
        url = self.url("edit", user)
        assert client.get(url).status_code == 302
        assert as_user("officer").get(url).status_code == 403
