"""The generic staff pages of people and mobilities, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.agreements.tests.factories import PartnerFactory
from hamkor.core.testing.viewtests import ViewTests
from hamkor.mobility.tests.test_services import MobilityFactory, StaffFactory

pytestmark = pytest.mark.django_db


class TestPersonViews(ViewTests):
    urls = "mobility:person"
    scoped_by_faculty = True
    edit_changes = {"position": "Associate professor"}

    @property
    def create_changes(self):
        return {
            "category": "staff",
            "last_name": "Karimov",
            "first_name": "Dilshod",
            "citizenship": "UZ",
            "org_unit": self.faculty.pk,
        }

    def make(self, faculty_a):
        self.faculty = faculty_a
        return StaffFactory(org_unit=faculty_a)

    def make_dependent(self, person):
        MobilityFactory(person=person, home_unit=person.org_unit)


class TestMobilityViews(ViewTests):
    urls = "mobility:mobility"
    scoped_by_faculty = True
    edit_changes = {"subjects": "Organic chemistry, 8 hours"}

    @property
    def create_changes(self):
        return {
            "person": self.person.pk,
            "direction": "outgoing",
            "kind": "staff_teaching",
            "programme": "ka171",
            "receiving_institution": self.partner.pk,
            "home_unit": self.faculty.pk,
            "planned_start": "2026-03-02",
            "planned_end": "2026-03-08",
        }

    def listed(self, mobility):
        return self.shown(mobility.person)

    def make(self, faculty_a):
        self.faculty, self.partner = faculty_a, PartnerFactory()
        self.person = StaffFactory(org_unit=faculty_a)
        return MobilityFactory(
            person=StaffFactory(org_unit=faculty_a),
            home_unit=faculty_a,
            receiving_institution=self.partner,
        )
