"""Demo data of the events app: the events behind the seed page's figures.

In 2022-2025: 64 webinars held with partner universities (online, organised by us with one
or two partners, each with its recording link, our organiser and moderator, and speakers
from the partner typed in by name, their certificates generated); 32 conferences, seminars
and symposiums abroad at partner universities, attended by 76 distinct professors of our
staff (a few of them twice), each with the certificate received uploaded as a PDF; and six
conferences we organised in Kokand with partners, with their publications (DOIs under the
10.5555 test prefix) and the agreements signed at them. Around them, one event open for
registration on the public website, a month after the day the demo is loaded.

Everything is saved through the services (history ``demo.loaded``). Events are keyed by
(kind, start, English title), so a second run adds nothing; each event's details are drawn
from a fixed seed of its own, so every run draws the same data.
"""

from __future__ import annotations

import datetime
import random

from django.core.files.base import ContentFile
from django.utils import timezone

from hamkor.accounts.models import OrgUnit, User
from hamkor.agreements.models import Agreement
from hamkor.core.documents import document_add
from hamkor.demo.documents import demo_pdf
from hamkor.demo.mobility.setup import STAFF_DOMAIN
from hamkor.demo.partners import demo_partners
from hamkor.events.certificates import certificate_issue
from hamkor.events.figures import LABELS, event_figures
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.services import event_save, participant_save, publication_save
from hamkor.mobility.models import Person
from hamkor.partners.models import Institution

SEED = 20250907
PERIOD = (datetime.date(2022, 1, 1), datetime.date(2025, 12, 31))
WEBINARS = 64
ABROAD = 32
PROFESSORS_ABROAD = 76
HOME_CITY = "Kokand"

# (English, Uzbek, Russian) topics of the titles.
TOPICS = (
    ("Digital tools in language teaching", "Til oʻqitishda raqamli vositalar",
     "Цифровые инструменты в преподавании языков"),
    ("Academic writing and publishing", "Ilmiy yozuv va nashr qilish",
     "Академическое письмо и публикации"),
    ("Quality assurance in higher education", "Oliy taʼlimda sifat kafolati",
     "Обеспечение качества в высшем образовании"),
    ("Erasmus+ mobility: planning and recognition", "Erasmus+ mobilligi: rejalash va tan olish",
     "Мобильность Erasmus+: планирование и признание"),
    ("Inclusive education", "Inklyuziv taʼlim", "Инклюзивное образование"),
    ("Green campus and sustainability", "Yashil kampus va barqarorlik",
     "Зелёный кампус и устойчивое развитие"),
    ("Mathematics education today", "Bugungi matematika taʼlimi",
     "Математическое образование сегодня"),
    ("History and heritage of the Fergana Valley", "Fargʻona vodiysi tarixi va merosi",
     "История и наследие Ферганской долины"),
    ("Artificial intelligence in the classroom", "Sinfda sunʼiy intellekt",
     "Искусственный интеллект в аудитории"),
    ("Teacher training for the 21st century", "XXI asr oʻqituvchisini tayyorlash",
     "Подготовка учителя XXI века"),
    ("Modern methods of teaching chemistry", "Kimyo oʻqitishning zamonaviy usullari",
     "Современные методы преподавания химии"),
    ("Pedagogy of primary school", "Boshlangʻich taʼlim pedagogikasi",
     "Педагогика начальной школы"),
    ("Research methods in social sciences", "Ijtimoiy fanlarda tadqiqot usullari",
     "Методы исследования в социальных науках"),
    ("Physical culture and health", "Jismoniy madaniyat va salomatlik",
     "Физическая культура и здоровье"),
    ("Uzbek literature in translation", "Tarjimada oʻzbek adabiyoti",
     "Узбекская литература в переводе"),
    ("Internationalisation at home", "Uyda xalqarolashtirish",
     "Интернационализация дома"),
)  # fmt: skip

KIND_WORDS = {
    Event.Kind.WEBINAR: ("Webinar", "Vebinar", "Вебинар"),
    Event.Kind.CONFERENCE: ("International conference", "Xalqaro konferensiya",
                            "Международная конференция"),
    Event.Kind.SEMINAR: ("International seminar", "Xalqaro seminar", "Международный семинар"),
    Event.Kind.SYMPOSIUM: ("Symposium", "Simpozium", "Симпозиум"),
}  # fmt: skip

# Speakers from partner universities, typed in by name (not in the person registry).
GUEST_SPEAKERS = (
    "Anna Kowalska", "Mehmet Yılmaz", "Elena Petrova", "Jonas Schmidt", "Aigerim Nurlanova",
    "Lee Ji-woo", "Giulia Romano", "Tomasz Nowak", "Olga Ivanova", "Ahmet Demir",
    "Saule Akhmetova", "Marek Dvořák", "Lucía García", "Wang Fang", "Nodira Rahimova",
)  # fmt: skip


def _title(kind: str, topic: tuple[str, str, str]) -> dict[str, str]:
    word_en, word_uz, word_ru = KIND_WORDS[kind]
    return {
        "title_en": f"{word_en}: {topic[0]}",
        "title_uz": f"{word_uz}: {topic[1]}",
        "title_ru": f"{word_ru}: {topic[2]}",
    }


def _day(rng: random.Random, year: int) -> datetime.date:
    start = datetime.date(year, 1, 15)
    day = start + datetime.timedelta(days=rng.randrange(320))
    while day.weekday() >= 5:  # weekdays only
        day += datetime.timedelta(days=1)
    return day


class Loader:
    def __init__(self, officer, stdout):
        self.officer = officer
        self.stdout = stdout
        self.existing = set(Event.objects.values_list("kind", "start", "title_en"))
        self.created = 0

    def rng_for(self, section: str, n: int) -> random.Random:
        """The draws of one event: the same on every run, whichever events were loaded."""
        return random.Random(f"{SEED}-{section}-{n}")

    def event(self, *, partners=(), agreements=(), **fields) -> Event | None:
        """The event, saved once; ``None`` when a former run saved it."""
        if (str(fields["kind"]), fields["start"], fields["title_en"]) in self.existing:
            return None
        fields.setdefault("end", fields["start"])
        event = event_save(event=Event(**fields), actor=self.officer, reason="demo.loaded")
        event.partners.set(partners)
        event.agreements.set(agreements)
        self.existing.add((str(event.kind), event.start, event.title_en))
        self.created += 1
        return event

    def participant(self, event: Event, **fields) -> Participant:
        return participant_save(
            participant=Participant(event=event, **fields),
            actor=self.officer,
            reason="demo.loaded",
        )

    def certificate(self, participant: Participant) -> None:
        certificate_issue(participant=participant, actor=self.officer)


def _webinars(loader: Loader, partners: list[Institution], staff: list[Person], units) -> None:
    years = [2022] * 12 + [2023] * 16 + [2024] * 18 + [2025] * 18
    for n, year in enumerate(years[:WEBINARS]):
        rng = loader.rng_for("webinar", n)
        topic = TOPICS[n % len(TOPICS)]
        hosts = rng.sample(partners, 2 if n % 3 == 0 else 1)
        start = _day(rng, year)
        event = loader.event(
            kind=Event.Kind.WEBINAR,
            organisation=Event.Organisation.WITH_PARTNERS,
            format=Event.Format.ONLINE,
            start=start,
            starts_at=datetime.time(14 + n % 3, 0),
            ends_at=datetime.time(15 + n % 3, 30),
            city=HOME_CITY,
            country="UZ",
            languages=rng.choice(("ingliz", "rus", "ingliz, rus", "oʻzbek, ingliz")),
            link=f"https://video.kokandsu.demo/webinars/{start:%Y-%m-%d}",
            home_unit=rng.choice(units),
            partners=hosts,
            **_title(Event.Kind.WEBINAR, topic),
        )
        if event is None:
            continue
        organiser, moderator = rng.sample(staff, 2)
        loader.participant(event, person=organiser, role=Participant.Role.ORGANISER, hours=2)
        loader.participant(event, person=moderator, role=Participant.Role.MODERATOR, hours=2)
        for host, name in zip(hosts, rng.sample(GUEST_SPEAKERS, len(hosts)), strict=True):
            speaker = loader.participant(
                event,
                name=name,
                affiliation=str(host),
                role=Participant.Role.SPEAKER,
                hours=2,
                language="en",
            )
            loader.certificate(speaker)


def _certificate_scan(name: str, event: Event, host: Institution) -> ContentFile:
    html = (
        "<html><body style='font-family: DejaVu Sans; text-align: center; padding-top: 60mm'>"
        f"<h1>Certificate of participation</h1><p>{name}</p><p>{event.title_en}</p>"
        f"<p>{host} · {event.start:%d.%m.%Y}</p></body></html>"
    )
    return demo_pdf(html, "certificate.pdf")


def _abroad(loader: Loader, partners: list[Institution], staff: list[Person]) -> None:
    abroad = [p for p in partners if p.country.code != "UZ"]
    professors = staff[:PROFESSORS_ABROAD]
    # Each professor goes once; the first few a second time.
    seats = professors + professors[:10]
    kinds = (Event.Kind.CONFERENCE, Event.Kind.SEMINAR, Event.Kind.SYMPOSIUM)
    per_event = -(-len(seats) // ABROAD)
    for n in range(ABROAD):
        rng = loader.rng_for("abroad", n)
        host = abroad[n % len(abroad)]
        kind = kinds[n % 3]
        year = 2022 + n % 4
        start = _day(rng, year)
        topic = TOPICS[(n * 5) % len(TOPICS)]
        event = loader.event(
            kind=kind,
            organisation=Event.Organisation.ATTENDED,
            format=rng.choice(
                (Event.Format.IN_PERSON, Event.Format.IN_PERSON, Event.Format.HYBRID)
            ),
            start=start,
            end=start + datetime.timedelta(days=1 + n % 2),
            city=host.city,
            country=host.country.code,
            venue=str(host),
            languages="ingliz",
            partners=[host],
            **_title(kind, topic),
        )
        group = seats[n * per_event : (n + 1) * per_event]
        if event is None:
            continue
        for k, person in enumerate(group):
            role = Participant.Role.PRESENTER if k % 2 == 0 else Participant.Role.ATTENDEE
            participant = loader.participant(event, person=person, role=role, hours=12)
            document_add(
                record=participant,
                kind="certificate",
                title="Certificate of participation",
                upload=_certificate_scan(person.full_name, event, host),
                actor=loader.officer,
            )


def _organised(loader: Loader, partners: list[Institution], staff: list[Person], units) -> None:
    for n, year in enumerate((2022, 2023, 2023, 2024, 2025, 2025)):
        rng = loader.rng_for("organised", n)
        hosts = rng.sample(partners, 3)
        start = _day(rng, year)
        signed = list(
            Agreement.objects.filter(
                parties__institution__in=hosts,
                signed_on__gte=start - datetime.timedelta(days=60),
                signed_on__lte=start + datetime.timedelta(days=60),
            ).distinct()[:2]
        )
        topic = TOPICS[(n * 3 + 1) % len(TOPICS)]
        event = loader.event(
            kind=Event.Kind.CONFERENCE,
            organisation=Event.Organisation.WITH_PARTNERS,
            format=Event.Format.HYBRID,
            start=start,
            end=start + datetime.timedelta(days=1),
            city=HOME_CITY,
            country="UZ",
            venue="Qoʻqon davlat universiteti",
            languages="oʻzbek, rus, ingliz",
            link=f"https://conference.kokandsu.demo/{year}/{n}/programme",
            home_unit=rng.choice(units),
            partners=hosts,
            agreements=signed,
            **_title(Event.Kind.CONFERENCE, topic),
        )
        if event is None:
            continue
        for k, person in enumerate(rng.sample(staff, 6)):
            role = Participant.Role.ORGANISER if k == 0 else Participant.Role.PRESENTER
            loader.certificate(loader.participant(event, person=person, role=role, hours=16))
        for k, host in enumerate(hosts):
            loader.certificate(
                loader.participant(
                    event,
                    name=GUEST_SPEAKERS[(n * 3 + k) % len(GUEST_SPEAKERS)],
                    affiliation=str(host),
                    role=Participant.Role.SPEAKER,
                    hours=16,
                )
            )
            publication_save(
                publication=Publication(
                    event=event,
                    title=f"{topic[0]}: a view from {host.city or host.country.name}",
                    authors=GUEST_SPEAKERS[(n * 3 + k) % len(GUEST_SPEAKERS)],
                    venue=f"Proceedings of the Kokand conference {year}",
                    year=year,
                    doi=f"10.5555/kokandsu.{year}.{n}{k}",
                ),
                actor=loader.officer,
            )


def _open_event(loader: Loader, partners: list[Institution], units) -> None:
    """Loaded once, a month after the first load (it then stays where it was put)."""
    title = _title(Event.Kind.SEMINAR, TOPICS[15])
    if Event.objects.filter(registration_open=True, title_en=title["title_en"]).exists():
        return
    start = timezone.localdate() + datetime.timedelta(days=30)
    loader.event(
        kind=Event.Kind.SEMINAR,
        organisation=Event.Organisation.WITH_PARTNERS,
        format=Event.Format.HYBRID,
        start=start,
        starts_at=datetime.time(10, 0),
        ends_at=datetime.time(13, 0),
        city=HOME_CITY,
        country="UZ",
        venue="Qoʻqon davlat universiteti, bosh bino",
        languages="oʻzbek, ingliz",
        home_unit=units[0],
        partners=partners[:1],
        registration_open=True,
        capacity=40,
        description=(
            "Viloyatdagi oʻqituvchi va tadqiqotchilar uchun ochiq; barcha ishtirokchilarga "
            "sertifikat beriladi."
        ),
        **title,
    )


def load(stdout) -> None:
    officer = User.objects.get(email="officer@hamkor.demo")
    partners = demo_partners()
    staff = list(
        Person.objects.filter(
            category=Person.Category.STAFF, email__endswith=f"@{STAFF_DOMAIN}"
        ).order_by("email")
    )
    units = list(
        OrgUnit.objects.filter(institution__is_home=True, kind=OrgUnit.Kind.FACULTY).order_by(
            "code"
        )
    )
    if not partners or len(staff) < PROFESSORS_ABROAD or not units:
        stdout.write("events: no demo partners, staff or faculties, nothing to do")
        return
    loader = Loader(officer, stdout)
    _webinars(loader, partners, staff, units)
    _abroad(loader, partners, staff)
    _organised(loader, partners, staff, units)
    _open_event(loader, partners, units)
    figures = event_figures(start=PERIOD[0], end=PERIOD[1])
    stdout.write(f"events: {loader.created} added ({Event.objects.count()} in all)")
    stdout.write(
        f"event figures {PERIOD[0]:%Y}-{PERIOD[1]:%Y}: "
        + "; ".join(f"{LABELS[key]} {value}" for key, value in figures.items())
    )
