"""The generic staff pages of foreign students and their requests, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.students.tests.factories import (
    ForeignPersonFactory,
    ForeignStudentFactory,
    StudentRequestFactory,
)

pytestmark = pytest.mark.django_db


class TestForeignStudentViews(ViewTests):
    urls = "students:foreignstudent"
    scoped_by_faculty = True
    edit_changes = {"programme": "Dentistry"}

    @property
    def create_changes(self):
        return {
            "person": ForeignPersonFactory(citizenship="KG").pk,
            "faculty": self.faculty.pk,
            "programme": "Pedagogy",
            "level": "master",
            "year_of_study": "1",
        }

    def listed(self, student):
        return self.shown(student.person)

    def make(self, faculty_a):
        self.faculty = faculty_a
        return ForeignStudentFactory(faculty=faculty_a)

    def make_dependent(self, student):
        StudentRequestFactory(student=student)


class TestStudentRequestViews(ViewTests):
    urls = "students:studentrequest"
    scoped_by_faculty = True
    edit_changes = {"subject": "A single room in the dormitory"}

    @property
    def create_changes(self):
        return {
            "student": self.student.pk,
            "kind": "documents",
            "subject": "A certificate of study for the embassy",
        }

    def make(self, faculty_a):
        self.student = ForeignStudentFactory(faculty=faculty_a)
        return StudentRequestFactory(student=self.student)
