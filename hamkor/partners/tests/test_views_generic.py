"""The generic staff pages of institutions, contacts and interactions, tested by declaration."""

from __future__ import annotations

import datetime

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.partners.models import Contact, Interaction
from hamkor.partners.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


class TestInstitutionViews(ViewTests):
    urls = "partners:institution"
    edit_changes = {"city": "Eskişehir"}
    create_changes = {
        "name": "Anadolu Üniversitesi",
        "kind": "university",
        "country": "TR",
        "partnership": "prospect",
    }

    def make(self, faculty_a):
        return InstitutionFactory(partnership="active")

    def make_dependent(self, institution):
        Contact.objects.create(institution=institution, full_name="A. Partner")


class TestContactViews(ViewTests):
    urls = "partners:contact"
    edit_changes = {"position": "Dean of Chemistry"}

    @property
    def create_changes(self):
        return {"full_name": "Ayşe Yılmaz", "institution": self.partner.pk}

    def make(self, faculty_a):
        self.partner = InstitutionFactory(partnership="active")
        return Contact.objects.create(institution=self.partner, full_name="Mehmet Kaya")


class TestInteractionViews(ViewTests):
    """Interactions are listed on their partner's page only; deleting goes back there."""

    urls = "partners:interaction"
    actions = ("detail", "history", "add", "edit")
    edit_changes = {"summary": "Agreed on two staff exchanges"}

    @property
    def create_changes(self):
        return {"institution": self.partner.pk, "kind": "email", "summary": "Asked for a call"}

    def make(self, faculty_a):
        from hamkor.accounts.tests.factories import UserFactory

        self.partner = InstitutionFactory(partnership="active")
        return Interaction.objects.create(
            institution=self.partner,
            kind="meeting",
            date=datetime.date(2025, 4, 10),
            summary="Met the rector",
            owner=UserFactory(roles=["officer"]),
        )

    def test_delete_goes_back_to_the_partner(self, as_user, faculty_a):
        interaction = self.make(faculty_a)
        response = as_user(self.writer).post(self.url("delete", interaction))
        assert response.status_code == 302
        assert response["Location"] == f"{self.partner.get_absolute_url()}#interactions"
        assert not Interaction.objects.filter(pk=interaction.pk).exists()

    def test_added_from_the_partner_page_belongs_to_the_partner(self, as_user, faculty_a):
        self.make(faculty_a)
        page = as_user(self.writer).get(f"/staff/institutions/{self.partner.pk}/interactions/add/")
        assert f'<option value="{self.partner.pk}" selected>' in page.text
