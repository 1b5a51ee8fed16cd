"""Events over ten years and who took part: webinars and conferences with partners,
seminars abroad our staff attended, delegation visits.

Titles are in the three languages, from the demo's topics. An event we organise has a home
faculty and one to three partner institutions; one attended elsewhere takes its city and
country from its host. Participants are people of the registry (each once an event) or
speakers typed in by name, with roles, hours and registrations; a few are on a waiting list
or cancelled. Generated events link to ``https://events.bench.example/N``: how they are
told from the office's own.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hamkor.benchdata.base import Plan, chunks, insert, write
from hamkor.benchdata.people import faculties
from hamkor.demo.events import GUEST_SPEAKERS, TOPICS
from hamkor.events.models import Event, Participant

LINK = "https://events.bench.example/"
WORDS = {
    Event.Kind.CONFERENCE: ("International conference", "Xalqaro konferensiya",
                            "Международная конференция"),
    Event.Kind.SEMINAR: ("Seminar", "Seminar", "Семинар"),
    Event.Kind.FORUM: ("Forum", "Forum", "Форум"),
    Event.Kind.SYMPOSIUM: ("Symposium", "Simpozium", "Симпозиум"),
    Event.Kind.WEBINAR: ("Webinar", "Vebinar", "Вебинар"),
    Event.Kind.WORKSHOP: ("Workshop", "Amaliy mashgʻulot", "Мастер-класс"),
    Event.Kind.SUMMER_SCHOOL: ("Summer school", "Yozgi maktab", "Летняя школа"),
    Event.Kind.DELEGATION: ("Delegation visit", "Delegatsiya tashrifi", "Визит делегации"),
}  # fmt: skip
ROLES = (
    (Participant.Role.ATTENDEE, 0.6),
    (Participant.Role.PRESENTER, 0.2),
    (Participant.Role.SPEAKER, 0.1),
    (Participant.Role.ORGANISER, 0.05),
    (Participant.Role.MODERATOR, 0.05),
)


def generated():
    return Event.objects.filter(link__startswith=LINK)


def load(plan: Plan) -> int:
    return _events(plan) + _participants(plan)


def _events(plan: Plan) -> int:
    existing = generated().count()
    missing = plan.sizes["events"] - existing
    if missing <= 0:
        return 0
    rng = plan.rng("events", existing)
    units = faculties()
    partners = plan.shared["partners"]

    def links(created):
        through = Event.partners.through
        write(
            through,
            (
                through(event_id=event.pk, institution_id=institution.pk)
                for event in created
                for institution in event.bench_partners
            ),
        )

    rows = (
        _event(plan, rng, n, units, partners) for n in range(existing + 1, existing + missing + 1)
    )
    return insert(Event, rows, after=links)


def _event(plan: Plan, rng, n: int, units, partners) -> Event:
    kind = rng.choice(Event.Kind.values)
    organisation = rng.choice(Event.Organisation.values)
    topic = rng.choice(TOPICS)
    words = WORDS[kind]
    start = plan.decade_day(rng)
    hosts = rng.sample(partners, min(len(partners), rng.randint(1, 3)))
    event = Event(
        kind=kind,
        organisation=organisation,
        format=Event.Format.ONLINE
        if kind == Event.Kind.WEBINAR
        else rng.choice(Event.Format.values),
        title_en=f"{words[0]}: {topic[0]}",
        title_uz=f"{words[1]}: {topic[1]}",
        title_ru=f"{words[2]}: {topic[2]}",
        start=start,
        end=start + datetime.timedelta(days=0 if kind == Event.Kind.WEBINAR else rng.randint(0, 3)),
        starts_at=datetime.time(rng.choice((9, 10, 14, 15)), 0),
        languages=rng.choice(("English", "Russian", "English, Russian", "Uzbek, English")),
        link=f"{LINK}{n}",
    )
    if organisation == Event.Organisation.ATTENDED:
        host = hosts[0]
        hosts = hosts[:1]
        event.city, event.country, event.venue = host.city, host.country, host.name[:300]
    else:
        event.city, event.country = "Kokand", "UZ"
        event.home_unit = rng.choice(units) if units else None
        event.venue = "Main building, conference hall"
        if start > plan.today and rng.random() < 0.5:
            event.registration_open = True
            event.capacity = rng.choice((None, 40, 80, 150))
    event.bench_partners = hosts  # linked once the event has its key
    return event


def _participants(plan: Plan) -> int:
    existing = Participant.objects.filter(event__link__startswith=LINK).count()
    missing = plan.sizes["participants"] - existing
    events = list(generated().order_by("pk").values_list("pk", "organisation"))
    people = [pk for pk, _category, _unit in plan.shared["people"]]
    if missing <= 0 or not events:
        return 0
    rng = plan.rng("participants", existing)
    taken = set(
        Participant.objects.filter(event__link__startswith=LINK, person__isnull=False).values_list(
            "event_id", "person_id"
        )
    )

    def rows():
        made = 0
        while made < missing:
            event, organisation = rng.choice(events)
            participant = Participant(
                event_id=event,
                role=_role(rng),
                hours=Decimal(rng.choice((2, 4, 8, 12, 16))),
                language=rng.choice(("en", "uz", "ru")),
                registration=Participant.Registration.CONFIRMED,
            )
            if people and rng.random() < 0.75:
                person = rng.choice(people)
                if (event, person) in taken:
                    continue
                taken.add((event, person))
                participant.person_id = person
            else:
                participant.name = rng.choice(GUEST_SPEAKERS)
                participant.affiliation = "Partner university"
            if organisation != Event.Organisation.ATTENDED and rng.random() < 0.05:
                participant.registration = rng.choice(
                    (Participant.Registration.WAITING, Participant.Registration.CANCELLED)
                )
            made += 1
            yield participant

    for chunk in chunks(rows()):
        write(Participant, chunk)
    return missing


def _role(rng) -> str:
    draw, total = rng.random(), 0.0
    for role, share in ROLES:
        total += share
        if draw < total:
            return role
    return Participant.Role.ATTENDEE
