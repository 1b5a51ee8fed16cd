"""The generic staff pages of grant projects, programmes and budget headings."""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.grants.models import BudgetHeading, Programme
from hamkor.grants.tests.factories import ProgrammeFactory, ProjectFactory
from hamkor.mobility.tests.test_services import MobilityFactory

pytestmark = pytest.mark.django_db


class TestProjectViews(ViewTests):
    urls = "grants:project"
    scoped_by_faculty = True
    edit_changes = {"title": "Green campuses of Central Asia"}

    @property
    def create_changes(self):
        return {
            "title": "Digital teacher training",
            "programme": self.programme.pk,
            "call_year": "2023",
            "our_role": "partner",
            "faculty": self.faculty.pk,
            "currency": "EUR",
        }

    def listed(self, project):
        return project.acronym

    def make(self, faculty_a):
        self.faculty, self.programme = faculty_a, ProgrammeFactory()
        return ProjectFactory(faculty=faculty_a, programme=self.programme)

    def make_dependent(self, project):
        MobilityFactory(funding_project=project)


class TestProgrammeViews(ViewTests):
    urls = "grants:programme"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"name_en": "Erasmus+ Jean Monnet modules"}
    create_changes = {"code": "daad", "name_uz": "DAAD", "name_en": "DAAD scholarships"}

    def listed(self, programme):
        return programme.code

    def make(self, faculty_a):
        return ProgrammeFactory()

    def make_dependent(self, programme):
        ProjectFactory(programme=programme)


class TestBudgetHeadingViews(ViewTests):
    urls = "grants:budgetheading"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"name_en": "Travel and subsistence"}
    create_changes = {"code": "printing", "name_uz": "Bosma ishlari", "name_en": "Printing"}

    def listed(self, heading):
        return heading.code

    def make(self, faculty_a):
        n = BudgetHeading.objects.count()
        return BudgetHeading.objects.create(code=f"test-{n}", name_uz="Sinov", name_en="Test")


def test_programmes_and_headings_are_seeded_in_three_languages():
    ka171 = Programme.objects.get(code="erasmus-ka171")
    assert ka171.erasmus_action == "KA171"
    assert Programme.objects.get(code="erasmus-ka131").erasmus_action == "KA131"
    codes = set(Programme.objects.values_list("code", flat=True))
    assert {"erasmus-cbhe", "jean-monnet", "horizon-europe", "national", "bilateral"} <= codes
    travel = BudgetHeading.objects.get(code="travel")
    assert (travel.name_uz, travel.name_ru, travel.name_en) == (
        "Yoʻl xarajatlari",
        "Транспортные расходы",
        "Travel",
    )


@pytest.mark.django_db(transaction=True)
def test_an_emptied_database_gets_the_starting_lists_back_but_a_deleted_row_stays_deleted():
    from django.core.management import call_command

    from hamkor.grants.models import BudgetHeading, Programme

    call_command("flush", interactive=False, verbosity=0)  # as a browser test's teardown does
    assert Programme.objects.filter(code="erasmus-ka171", erasmus_action="KA171").exists()
    assert BudgetHeading.objects.filter(code="travel").exists()

    Programme.objects.filter(code="jean-monnet").delete()
    call_command("migrate", verbosity=0)
    assert not Programme.objects.filter(code="jean-monnet").exists()
