"""The generic staff pages of agreements, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.agreements.tests.factories import (
    AgreementFactory,
    MobilityQuotaFactory,
    PartnerFactory,
)
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


class TestMobilityQuotaViews(ViewTests):
    """A quota is added from its agreement's page and edited or deleted there: no list,
    detail, history, import or export pages of its own."""

    urls = "agreements:mobilityquota"
    actions = ("add", "edit", "delete")
    scoped_by_faculty = True
    edit_changes = {"places_per_year": "7", "language": "tr"}
    create_changes = {
        "direction": "incoming",
        "mobility_kind": "staff_teaching",
        "places_per_year": "3",
        "days": "10",
        "first_year": "2025",
        "last_year": "2026",
    }

    def make(self, faculty_a):
        agreement = AgreementFactory(units=[faculty_a], partners=[PartnerFactory()])
        return MobilityQuotaFactory(agreement=agreement)

    def add_kwargs(self, quota):
        return {"agreement_pk": quota.agreement_id}
