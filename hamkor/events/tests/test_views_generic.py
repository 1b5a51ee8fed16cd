"""The generic staff pages of events, participants and publications, tested by declaration."""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.events.tests.factories import EventFactory, ParticipantFactory, PublicationFactory
from hamkor.mobility.tests.test_services import StaffFactory

pytestmark = pytest.mark.django_db


class TestEventViews(ViewTests):
    urls = "events:event"
    scoped_by_faculty = True
    edit_changes = {"city": "Fergana"}

    @property
    def create_changes(self):
        return {
            "kind": "conference",
            "organisation": "ours",
            "format": "hybrid",
            "title_en": "Kokand conference on Central Asian languages",
            "start": "2026-05-12",
            "end": "2026-05-13",
            "home_unit": self.faculty.pk,
        }

    def make(self, faculty_a):
        self.faculty = faculty_a
        return EventFactory(home_unit=faculty_a)


class TestParticipantViews(ViewTests):
    urls = "events:participant"
    scoped_by_faculty = True
    edit_changes = {"affiliation": "Namangan State University"}

    @property
    def create_changes(self):
        return {
            "event": self.event.pk,
            "person": self.person.pk,
            "role": "speaker",
            "hours": "4",
            "language": "en",
            "registration": "confirmed",
        }

    def make(self, faculty_a):
        self.event = EventFactory(home_unit=faculty_a)
        self.person = StaffFactory(org_unit=faculty_a)
        return ParticipantFactory(event=self.event)


class TestPublicationViews(ViewTests):
    urls = "events:publication"
    scoped_by_faculty = True
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"venue": "Journal of Central Asian Studies"}

    @property
    def create_changes(self):
        return {"event": self.event.pk, "title": "Teaching online", "doi": "10.1234/abc.5"}

    def make(self, faculty_a):
        self.event = EventFactory(home_unit=faculty_a)
        return PublicationFactory(event=self.event)
