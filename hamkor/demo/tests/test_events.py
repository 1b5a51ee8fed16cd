"""The demo data's events step reproduces the seed page's event figures, saves through the
services, and adds nothing when run again."""

from __future__ import annotations

import io

from hamkor.core.management.commands.demo_data import STEPS
from hamkor.core.models import Document
from hamkor.demo import events as demo_events
from hamkor.events.figures import event_figures
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.selectors import open_events


def counts() -> tuple[int, ...]:
    return (
        Event.objects.count(),
        Participant.objects.count(),
        Publication.objects.count(),
        Document.objects.count(),
    )


def test_the_event_figures_of_the_seed_page(demo):
    figures = event_figures(start=demo_events.PERIOD[0], end=demo_events.PERIOD[1])
    assert figures["webinars_with_partners"] > 60
    assert figures["professors_abroad_with_certificate"] > 70
    assert figures["conferences_organised_with_partners"] >= 3
    assert "webinars held with partner universities 64" in demo
    assert "hamkor.demo.events.load" in STEPS


def test_a_second_run_adds_nothing(demo):
    before = counts()
    demo_events.load(io.StringIO())
    assert counts() == before


def test_demo_records_went_through_the_services(demo):
    event = Event.objects.filter(kind=Event.Kind.CONFERENCE, organisation="with_partners").first()
    assert event.history.last().history_change_reason == "demo.loaded"
    assert event.partners.exists()
    assert event.publications.exists()
    assert event.participants.exclude(certificate_reference="").exists()
    # Each professor abroad carries the certificate they received, as a PDF.
    abroad = Participant.objects.filter(event__organisation="attended").first()
    document = Document.objects.get(object_id=abroad.pk, content_type__model="participant")
    assert document.kind == "certificate" and document.current.file_type == "pdf"


def test_an_event_is_open_for_registration(demo):
    assert open_events().exists()


# Words that give away an English text where the office writes Uzbek.
ENGLISH = {"the", "of", "and", "for", "to", "University", "English", "Russian", "Uzbek"}


def test_the_offices_own_texts_are_in_uzbek(demo):
    from hamkor.grants.models import Project
    from hamkor.reports.models import UniversityYear

    texts = [
        *Event.objects.values_list("venue", flat=True).filter(country="UZ"),
        *Event.objects.values_list("description", flat=True),
        *Event.objects.values_list("languages", flat=True),
        *UniversityYear.objects.values_list("notes", flat=True),
        *Project.objects.filter(programme__code="national").values_list("title", flat=True),
    ]
    english = [text for text in texts if ENGLISH & set(text.replace(",", " ").split())]
    assert texts and english == []
