"""Factories of the events app's records."""

from __future__ import annotations

import datetime

import factory

from hamkor.events.models import Event, Participant, Publication


class EventFactory(factory.django.DjangoModelFactory):
    """A webinar we organise with partners, next month, open for registration."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = Event.Kind.WEBINAR
    organisation = Event.Organisation.WITH_PARTNERS
    format = Event.Format.ONLINE
    title_en = factory.Sequence(lambda n: f"Webinar on digital teaching {n}")
    title_uz = factory.Sequence(lambda n: f"Raqamli oʻqitish vebinari {n}")
    start = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda event: event.start)
    city = "Kokand"
    country = "UZ"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    role = Participant.Role.ATTENDEE


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Digital teaching in Central Asia, part {n}")
    venue = "Proceedings of the Kokand webinar series"
    year = 2025
    doi = factory.Sequence(lambda n: f"10.5555/kokand.{n}")
