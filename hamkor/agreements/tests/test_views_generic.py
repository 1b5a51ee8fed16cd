"""The generic staff pages of agreements, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.core.testing.viewtests import ViewTests

pytestmark = pytest.mark.django_db


class TestAgreementViews(ViewTests):
    urls = "agreements:agreement"
    scoped_by_faculty = True
    edit_changes = {"title": "Memorandum on joint research"}

    @property
    def create_changes(self):
        return {
            "kind": "mou",
            "title": "Memorandum on academic cooperation",
            "signed_on": "2024-05-15",
            "scope_units": [self.faculty.pk],
            "parties-0-institution": self.partner.pk,
        }

    def listed(self, agreement):
        return agreement.reference

    def make(self, faculty_a):
        self.faculty, self.partner = faculty_a, PartnerFactory()
        return AgreementFactory(units=[faculty_a], partners=[self.partner])
