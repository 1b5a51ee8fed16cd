"""The generic page tests for calls, their places and criteria, and applications."""

from __future__ import annotations

from hamkor.calls.models import Application
from hamkor.calls.tests.factories import CallFactory, CriterionFactory, PlaceFactory, person_for
from hamkor.core.testing.viewtests import ViewTests
from hamkor.partners.tests.factories import InstitutionFactory


class TestCallViews(ViewTests):
    urls = "calls:call"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"title_en": "Spring exchange 2028"}
    create_changes = {
        "title_uz": "Bahorgi almashinuv",
        "programme": "bilateral",
        "audience": "students",
        "opens_at": "2027-01-10T09:00",
        "closes_at": "2027-02-10T18:00",
        "max_preferences": "2",
        "gpa_scale": "5",
    }

    def make(self, faculty_a):
        return CallFactory()

    def listed(self, obj):
        return obj.title_en


class TestPlaceViews(ViewTests):
    urls = "calls:place"
    actions = ("add", "edit", "delete")
    edit_changes = {"seats": "3"}

    @property
    def create_changes(self):
        return {"institution": InstitutionFactory().pk, "seats": "2", "semester": "spring"}

    def make(self, faculty_a):
        return PlaceFactory()

    def add_kwargs(self, obj):
        return {"call_pk": obj.call_id}


class TestCriterionViews(ViewTests):
    urls = "calls:criterion"
    actions = ("add", "edit", "delete")
    edit_changes = {"weight": "30"}
    create_changes = {"code": "language", "name_uz": "Til", "weight": "20"}

    def make(self, faculty_a):
        return CriterionFactory(weight=60)

    def add_kwargs(self, obj):
        return {"call_pk": obj.call_id}


class TestApplicationViews(ViewTests):
    urls = "calls:application"
    actions = ("list", "detail", "history", "export")
    scoped_by_faculty = True

    def make(self, faculty_a):
        from hamkor.accounts.tests.factories import UserFactory

        user = UserFactory(roles=["applicant"])
        application = Application.objects.create(
            call=CallFactory(), applicant=user, person=person_for(user, faculty_a)
        )
        Application.objects.filter(pk=application.pk).update(status="submitted")
        application.refresh_from_db()
        return application

    def listed(self, obj):
        return obj.person.full_name
