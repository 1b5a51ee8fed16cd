"""Demo data of the mobility app: the exchanges behind the seed page's figures.

In 2022-2025 (academic years 2022/23 to 2024/25 and the autumn of 2025): 520 students sent
abroad who came back with certificates; 64 professors who taught at QS top-1000
universities; 114 professors who completed internships at QS top-1000 universities (twelve of
them twice, and some had another internship at a university outside the top 1000); 22
teachers at universities in the UK and Europe; 156 visiting professors from partner
universities around the world, with invitation letters, visas and registration. Around them,
what an office also has: students still waiting for their certificate, cancelled trips with
their reason, and a few exchanges of 2026 and 2027 in progress, accepted or planned. The
seeded applicant ``student@hamkor.demo`` is linked to a student with one accepted
mobility for the spring of 2027; no other person has a user account.

Hosts are the real partner universities loaded by the partners demo; "top 1000" is read
from their QS ranking entries with the same rule as the figures (``figures.py``). Every
mobility is saved by the services, so every rule holds (no overlap per person, an agreement
only when it is in force on the dates and the partner is a party, real currencies), and its
history says ``demo.loaded``. Exchanges of past years are entered as the office enters its
records of them, completed with their dates in one save; the ones still being worked on
(nominated, accepted, in progress, cancelled) then go through the named transitions.

The plan is drawn from a fixed seed, so every run draws the same data; people are keyed by
their e-mail and mobilities by (person, planned start), so a second run adds nothing.
"""

from __future__ import annotations

import datetime
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from hamkor.accounts.models import OrgUnit, User
from hamkor.agreements.models import Agreement, MobilityQuota
from hamkor.core.services import object_save
from hamkor.mobility import demo_names as names
from hamkor.mobility.deadlines import registration_due
from hamkor.mobility.figures import EUROPE, LABELS, TOP, mobility_figures
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.services import (
    mobility_invitation_issue,
    mobility_save,
    mobility_transition,
)
from hamkor.partners.demo_institutions import PARTNERS
from hamkor.partners.models import Institution, RankingEntry

SEED = 2025
PERIOD = (datetime.date(2022, 1, 1), datetime.date(2025, 12, 31))
# Past exchanges start from the academic year 2022/23 to the autumn of 2025.
FIRST_START = datetime.date(2022, 9, 5)
LAST_START = datetime.date(2025, 12, 8)

STUDENTS = 520  # distinct students abroad with a certificate ("more than 500")
STUDENTS_TWICE = 25  # of them, with a second exchange
STUDENTS_WAITING = 10  # back, certificate not received yet: not counted
TAUGHT = 64  # distinct professors who taught at QS top-1000 hosts ("more than 60")
INTERNED = 114  # distinct professors interned at QS top-1000 hosts (exactly 114)
BOTH = 20  # professors in both groups
INTERNED_TWICE = 12  # a second internship at a top-1000 host: still counted once
INTERNED_ELSEWHERE = 16  # another internship at a host outside the top 1000
# "More than 20 teachers in the UK and Europe": 22 distinct people, made of professors
# who taught or interned at a European top-1000 host and others at European hosts outside
# the top 1000 (the British partners), so the two top-1000 figures stay exact.
EUROPE_TAUGHT = 8
EUROPE_INTERNED = 6
EUROPE_OTHER = 8
OTHER_TEACHING = 14  # professors who taught only outside the top 1000
OTHER_TRAINING = 10  # professors who interned only outside the top 1000
RESEARCHERS = 6
VISITORS_TWICE = 10  # visiting professors who came twice: still counted once

STUDENT_DOMAIN = "students.kokandsu.demo"
STAFF_DOMAIN = "staff.kokandsu.demo"
GUEST_DOMAIN = "guests.kokandsu.demo"

# How often each partner country is chosen, for students and staff.
# fmt: off
COUNTRY_WEIGHT = {
    "RU": 3.0, "TR": 3.0, "KR": 3.0, "KZ": 2.0, "CN": 2.0, "MY": 1.5, "KG": 1.5, "CZ": 1.5,
    "BY": 1.0, "AZ": 1.0, "GB": 1.0, "NL": 0.8, "BE": 0.8, "ID": 0.8,
}
# fmt: on
# Faculties: how many students each sends, what it teaches, and the unit at the partner.
FACULTIES = {
    "philology": (
        3.0,
        ["English philology", "German philology", "Russian language and literature"],
        [
            "English grammar",
            "Academic writing",
            "Translation studies",
            "Comparative linguistics",
            "Uzbek as a foreign language",
            "Russian literature of the 20th century",
        ],
        "Faculty of Philology",
    ),
    "exact": (
        2.0,
        ["Mathematics", "Physics", "Computer science"],
        [
            "Mathematical analysis",
            "Linear algebra",
            "Programming in Python",
            "Databases",
            "Numerical methods",
            "Theoretical physics",
        ],
        "Faculty of Mathematics and Computer Science",
    ),
    "social": (
        1.5,
        ["History", "Economics", "Philosophy"],
        [
            "History of Central Asia",
            "World history",
            "Economic theory",
            "Philosophy of science",
            "Regional economics",
        ],
        "Faculty of Social Sciences",
    ),
    "pedpsy": (
        1.5,
        ["Pedagogy", "Psychology"],
        [
            "Educational psychology",
            "Inclusive education",
            "Developmental psychology",
            "History of pedagogy",
        ],
        "Faculty of Education",
    ),
    "chem": (
        1.0,
        ["Chemistry", "Biology", "Geography"],
        [
            "Organic chemistry",
            "Analytical chemistry",
            "Ecology",
            "Plant physiology",
            "Physical geography",
        ],
        "Faculty of Natural Sciences",
    ),
    "primary": (
        1.0,
        ["Primary education", "Technological education"],
        [
            "Methods of teaching mathematics in primary school",
            "Reading literacy",
            "Technology education",
        ],
        "Faculty of Teacher Education",
    ),
    "arts": (
        0.5,
        ["Music education", "Fine arts", "Physical culture"],
        ["Music theory", "Uzbek traditional music", "Sports pedagogy", "Painting"],
        "Faculty of Arts",
    ),
}
GUEST_FACULTY = {"GB": "philology", "KR": "philology", "CN": "philology", "TR": "social"}
# Where guests enter without a visa for a short stay; the others get an academic visa.
VISA_FREE = {"RU", "BY", "KZ", "KG", "AZ", "TR", "KR", "MY", "ID", "GB", "CZ", "NL", "BE"}
LETTER_LANGUAGE = {"RU": "ru", "BY": "ru", "KZ": "ru", "KG": "ru", "AZ": "ru"}

CANCEL_REASONS = {
    "student": [
        "The student withdrew for family reasons.",
        "The host postponed the programme to the next academic year.",
        "Health reasons; the trip was postponed.",
    ],
    "staff": "Funding was not confirmed by the deadline.",
    "guest": "The visa was not issued in time.",
}

STAFF_TITLES = [
    (Person.Title.PROFESSOR, "Professor", 2),
    (Person.Title.DSC, "Professor", 1),
    (Person.Title.DOCENT, "Associate professor", 5),
    (Person.Title.PHD, "Senior lecturer", 4),
    (Person.Title.NONE, "Lecturer", 3),
]

S = Mobility.Status
K = Mobility.Kind
P = Mobility.Programme
IN_FORCE = (Agreement.Status.ACTIVE, Agreement.Status.EXPIRED, Agreement.Status.TERMINATED)


def _slug(text: str) -> str:
    """ASCII letters and digits of a name, for a demo e-mail address."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def _round(value: float, step: int) -> Decimal:
    return Decimal(round(value / step) * step)


def _academic_year(day: datetime.date) -> int:
    return day.year if day.month >= 9 else day.year - 1


@dataclass
class Partner:
    institution: Institution
    country: str
    weight: float
    qs: list[tuple[int, int]]  # (edition, worst rank; the best of an open band), oldest first
    agreements: list[Agreement]

    def qs_rank(self, year: int) -> int | None:
        """The host's QS rank for a mobility starting in ``year``: the rule of
        ``selectors.with_host_qs_rank`` (newest edition ≤ year + 1, else the earliest)."""
        if not self.qs:
            return None
        published = [rank for edition, rank in self.qs if edition <= year + 1]
        return published[-1] if published else self.qs[0][1]

    def top(self, year: int) -> bool:
        rank = self.qs_rank(year)
        return rank is not None and rank <= TOP

    @property
    def europe(self) -> bool:
        return self.country in EUROPE


@dataclass
class PersonPlan:
    email: str
    fields: dict
    unit: str = ""  # faculty code, for our people
    partner: Partner | None = None  # for guests
    busy: list[tuple[datetime.date, datetime.date]] = field(default_factory=list)
    user: User | None = None

    def free(self, start: datetime.date, end: datetime.date) -> bool:
        return all(end < begin or finish < start for begin, finish in self.busy)


@dataclass
class Trip:
    person: PersonPlan
    direction: str
    kind: str
    partner: Partner
    start: datetime.date
    end: datetime.date
    status: str
    programme: str = ""
    agreement: Agreement | None = None
    unit: str = ""
    cancel_reason: str = ""
    fields: dict = field(default_factory=dict)


class Planner:
    """Draws the demo data set: people and their trips, reproducibly from ``SEED``."""

    def __init__(self, partners: list[Partner]):
        self.rng = random.Random(SEED)
        self.partners = partners
        self.interned: list[PersonPlan] = []
        self.people: list[PersonPlan] = []
        self.trips: list[Trip] = []
        self.quota_used: Counter = Counter()
        self.names_used: set[tuple[str, str, str]] = set()
        self.serial: Counter = Counter()

    # People

    def _email(self, first: str, last: str, domain: str) -> str:
        self.serial[domain] += 1
        return f"{_slug(first)}.{_slug(last)}.{self.serial[domain]}@{domain}"

    def _uzbek_name(self, female: bool) -> dict:
        while True:
            given = self.rng.choice(names.UZ_FEMALE if female else names.UZ_MALE)
            surname = self.rng.choice(names.UZ_SURNAMES)
            if female:
                surname = names.uz_female_surname(*surname)
            father = self.rng.choice(names.UZ_MALE)
            middle = names.uz_patronymic(father, female)
            key = (given[0], surname[0], middle[0])
            if key not in self.names_used:
                self.names_used.add(key)
                break
        return {
            "first_name": given[0],
            "last_name": surname[0],
            "middle_name": middle[0],
            "name_original": f"{surname[1]} {given[1]} {middle[1]}",
        }

    def _uz_passport(self) -> str:
        series = self.rng.choice(["AA", "AB", "AC", "AD", "FA"])
        return f"{series}{self.rng.randint(1000000, 9999999)}"

    def student(self) -> PersonPlan:
        female = self.rng.random() < 0.55
        weights = [spec[0] for spec in FACULTIES.values()]
        unit = self.rng.choices(list(FACULTIES), weights=weights)[0]
        name = self._uzbek_name(female)
        master = self.rng.random() < 0.15
        born = datetime.date(
            self.rng.randint(1997, 2000) if master else self.rng.randint(2001, 2005),
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
        )
        person = PersonPlan(
            email=self._email(name["first_name"], name["last_name"], STUDENT_DOMAIN),
            unit=unit,
            fields={
                **name,
                "category": Person.Category.STUDENT,
                "citizenship": "UZ",
                "study_level": Person.StudyLevel.MASTER if master else Person.StudyLevel.BACHELOR,
                "language": "uz",
                "phone": f"+998 9{self.rng.randint(0, 9)} {self.rng.randint(100, 999)} "
                f"{self.rng.randint(10, 99)} {self.rng.randint(10, 99)}",
                "date_of_birth": born,
                "passport_number": self._uz_passport(),
            },
        )
        self.people.append(person)
        return person

    def staff(self) -> PersonPlan:
        female = self.rng.random() < 0.4
        unit = self.rng.choices(list(FACULTIES), weights=[1.2, 1, 1, 1, 1, 0.8, 0.6])[0]
        title, position, _weight = self.rng.choices(
            STAFF_TITLES, weights=[spec[2] for spec in STAFF_TITLES]
        )[0]
        department = self.rng.choice(FACULTIES[unit][1])
        name = self._uzbek_name(female)
        person = PersonPlan(
            email=self._email(name["first_name"], name["last_name"], STAFF_DOMAIN),
            unit=unit,
            fields={
                **name,
                "category": Person.Category.STAFF,
                "citizenship": "UZ",
                "academic_title": title,
                "position": f"{position}, Department of {department}",
                "language": "uz",
                "date_of_birth": datetime.date(
                    self.rng.randint(1962, 1992), self.rng.randint(1, 12), self.rng.randint(1, 28)
                ),
                "passport_number": self._uz_passport(),
            },
        )
        self.people.append(person)
        return person

    def guest(self, partner: Partner) -> PersonPlan:
        country = partner.country
        style = names.FOREIGN[country]
        female = self.rng.random() < 0.4
        while True:
            given = self.rng.choice(style["female" if female else "male"])
            family = self.rng.choice(style["surnames"])
            name = names.foreign_name(country, female, given, family)
            key = (name["first_name"], name["last_name"], country)
            if key not in self.names_used:
                self.names_used.add(key)
                break
        title, position, _weight = self.rng.choices(
            STAFF_TITLES[:4], weights=[spec[2] for spec in STAFF_TITLES[:4]]
        )[0]
        person = PersonPlan(
            email=self._email(name["first_name"], name["last_name"], GUEST_DOMAIN),
            partner=partner,
            fields={
                **name,
                "category": Person.Category.FOREIGN_PROFESSOR,
                "citizenship": country,
                "academic_title": title,
                "position": position,
                "language": LETTER_LANGUAGE.get(country, "en"),
                "date_of_birth": datetime.date(
                    self.rng.randint(1958, 1990), self.rng.randint(1, 12), self.rng.randint(1, 28)
                ),
                "passport_number": self.rng.choice("CEKMNPRU")
                + str(self.rng.randint(10**7, 10**8 - 1)),
            },
        )
        self.people.append(person)
        return person

    # Agreements and hosts

    @staticmethod
    def in_force(agreement: Agreement, start: datetime.date, end: datetime.date) -> bool:
        """The rule of ``services._check_agreement``."""
        return (
            agreement.status in IN_FORCE
            and (agreement.valid_from or agreement.signed_on or start) <= start
            and (agreement.valid_to is None or end <= agreement.valid_to)
            and (agreement.terminated_on is None or end <= agreement.terminated_on)
        )

    def covered(self, partner: Partner, start: datetime.date, end: datetime.date) -> bool:
        return any(self.in_force(agreement, start, end) for agreement in partner.agreements)

    def _quota_room(self, agreement, direction, kind, start) -> bool:
        year = _academic_year(start)
        for quota in agreement.demo_quotas:
            if (
                quota.direction == direction
                and quota.mobility_kind == kind
                and quota.first_year <= year <= quota.last_year
            ):
                key = (agreement.pk, year, direction, kind)
                if self.quota_used[key] < quota.places_per_year:
                    self.quota_used[key] += 1
                    return True
        return False

    def agreement_for(self, partner, direction, kind, start, end):
        """(programme, agreement) under the partner's agreement in force on the dates: an
        Erasmus+ IIA with a free place gives KA171, an exchange agreement with a free place
        or a memorandum gives a bilateral exchange; None when nothing applies."""
        in_force = [a for a in partner.agreements if self.in_force(a, start, end)]
        for wanted, programme in (
            (Agreement.Kind.ERASMUS, P.KA171),
            (Agreement.Kind.EXCHANGE, P.BILATERAL),
        ):
            for agreement in in_force:
                if agreement.kind == wanted and self._quota_room(agreement, direction, kind, start):
                    return programme, agreement
        for agreement in in_force:
            if agreement.kind in (Agreement.Kind.MOU, Agreement.Kind.COOPERATION):
                return P.BILATERAL, agreement
        return None

    def pick(self, candidates, start, end, share: float) -> Partner:
        """A host among ``candidates``; with probability ``share`` one with an agreement in
        force on the dates, when there is one."""
        pool = candidates = candidates or self.partners
        if self.rng.random() < share:
            pool = [p for p in candidates if self.covered(p, start, end)] or candidates
        return self.rng.choices(pool, weights=[p.weight for p in pool])[0]

    def hosts(self, year: int, *, top: bool | None, europe: bool | None) -> list[Partner]:
        return [
            p
            for p in self.partners
            if (top is None or p.top(year) == top) and (europe is None or p.europe == europe)
        ]

    # Dates

    def _monday(self, day: datetime.date) -> datetime.date:
        return day + datetime.timedelta(days=(7 - day.weekday()) % 7)

    def staff_dates(self, person: PersonPlan, kind: str, first=FIRST_START, last=LAST_START):
        """Free dates for a staff trip of ``kind``, between ``first`` and ``last``."""
        span = (last - first).days
        for _attempt in range(200):
            start = self._monday(first + datetime.timedelta(days=self.rng.randint(0, span)))
            if kind == K.STAFF_TEACHING and start.month in (7, 8):
                continue  # no classes to teach in the summer
            days = {
                K.STAFF_TEACHING: self.rng.choice([5, 5, 6, 12, 13]),
                K.STAFF_TRAINING: self.rng.choice([12, 13, 19, 26, 40, 61, 89]),
                K.RESEARCH: self.rng.choice([19, 26, 33]),
            }[kind]
            end = start + datetime.timedelta(days=days)
            if start <= last and person.free(start, end):
                return start, end
        raise RuntimeError(f"no free dates for {person.email}")

    def student_terms(self) -> list[tuple[str, datetime.date, datetime.date, float]]:
        """Windows for student exchanges from 2022/23 to the autumn of 2025, with weights:
        (kind of window, earliest start, latest start, weight)."""
        terms = []
        for year, growth in ((2022, 0.8), (2023, 1.0), (2024, 1.2), (2025, 1.3)):
            d = datetime.date
            terms.append(("autumn", d(year, 9, 4), d(year, 9, 15), 1.0 * growth))
            terms.append(("autumn_school", d(year, 10, 14), d(year, 11, 10), 0.3 * growth))
            if year == 2025:
                continue
            terms += [
                ("winter_school", d(year + 1, 1, 8), d(year + 1, 1, 20), 0.5 * growth),
                ("spring", d(year + 1, 2, 1), d(year + 1, 2, 10), 1.0 * growth),
                ("summer_school", d(year + 1, 7, 1), d(year + 1, 7, 20), 0.8 * growth),
                ("traineeship", d(year + 1, 6, 20), d(year + 1, 7, 10), 0.5 * growth),
            ]
        return terms

    def student_dates(self, person, term, first, last):
        for _attempt in range(50):
            start = first + datetime.timedelta(days=self.rng.randint(0, (last - first).days))
            if term == "autumn":
                end = datetime.date(start.year + 1, 1, self.rng.randint(20, 31))
            elif term == "spring":
                end = datetime.date(start.year, 6, self.rng.randint(15, 30))
            elif term == "traineeship":
                end = start + datetime.timedelta(days=self.rng.choice([30, 45, 59]))
            else:
                end = start + datetime.timedelta(days=self.rng.choice([13, 20, 27]))
            if person.free(start, end):
                return start, end
        return None

    # Trips

    def add(self, trip: Trip) -> Trip:
        trip.person.busy.append((trip.start, trip.end))
        self.trips.append(trip)
        return trip

    def student_trip(
        self, person, term, start, end, status=S.COMPLETED, certificate=True, partner=None
    ):
        kind = K.STUDENT_TRAINEESHIP if term == "traineeship" else K.STUDENT_STUDY
        partner = partner or self.pick(self.partners, start, end, share=0.8)
        terms = None
        if self.rng.random() >= 0.15:
            terms = self.agreement_for(partner, "outgoing", kind, start, end)
        if terms is None:
            programme = self.rng.choices(
                [P.GOVERNMENT, P.PARTNER, P.SELF], weights=[0.45, 0.4, 0.15]
            )[0]
            agreement = None
        else:
            programme, agreement = terms
        months = (end - start).days / 30
        long = term in ("autumn", "spring")
        funding = {}
        if programme == P.KA171:
            funding = {
                "funding_amount": _round(months * 800 + self.rng.choice([275, 360, 530, 820]), 10),
                "funding_currency": "EUR",
                "funding_source": "Erasmus+ KA171 grant",
            }
        elif programme == P.GOVERNMENT:
            funding = {
                "funding_amount": _round(max(months, 1) * 1200, 50),
                "funding_currency": "USD",
                "funding_source": "El-Yurt Umidi Foundation",
            }
        elif programme == P.PARTNER:
            funding = {
                "funding_amount": _round(max(months, 1) * self.rng.choice([400, 500, 600]), 50),
                "funding_currency": self.rng.choice(["USD", "EUR"]),
                "funding_source": "Scholarship of the host university",
            }
        elif programme == P.BILATERAL:
            if self.rng.random() < 0.6:
                funding = {
                    "funding_amount": _round(self.rng.uniform(3, 12) * 1_000_000, 100_000),
                    "funding_currency": "UZS",
                    "funding_source": "Kokand State University; tuition waived by the host",
                }
            else:
                funding = {
                    "funding_amount": _round(max(months, 1) * 450, 50),
                    "funding_currency": "USD",
                    "funding_source": "Stipend of the host university",
                }
        subjects = self.rng.sample(FACULTIES[person.unit][2], 2 if long else 1)
        if term == "summer_school":
            subjects = [f"Summer school: {subjects[0]}"]
        elif term in ("winter_school", "autumn_school"):
            subjects = [f"Short course: {subjects[0]}"]
        completed = status == S.COMPLETED
        return self.add(
            Trip(
                person=person,
                direction=Mobility.Direction.OUTGOING,
                kind=kind,
                partner=partner,
                start=start,
                end=end,
                status=status,
                programme=programme,
                agreement=agreement,
                unit=person.unit,
                fields={
                    **funding,
                    "credits": Decimal(self.rng.choice([24, 27, 30]))
                    if long
                    else Decimal(self.rng.choice([3, 4, 5, 6])),
                    "subjects": "\n".join(subjects),
                    "partner_unit": FACULTIES[person.unit][3],
                    "certificate_received": completed and certificate,
                    "report_received_on": end + datetime.timedelta(days=self.rng.randint(1, 5))
                    if completed
                    else None,
                },
            )
        )

    def staff_trip(self, person, kind, candidates, start, end, status=S.COMPLETED):
        partner = self.pick(candidates, start, end, share=0.7)
        terms = None
        if self.rng.random() >= 0.2:
            terms = self.agreement_for(partner, "outgoing", kind, start, end)
        if terms is None:
            if kind == K.STAFF_TRAINING:
                options, weights = [P.GOVERNMENT, P.PARTNER, P.SELF], [0.5, 0.35, 0.15]
            else:
                options, weights = [P.PARTNER, P.OTHER], [0.7, 0.3]
            programme, agreement = self.rng.choices(options, weights=weights)[0], None
        else:
            programme, agreement = terms
        days = (end - start).days + 1
        if programme == P.GOVERNMENT:
            funding = {
                "funding_amount": _round(max(days / 30, 0.5) * 2500, 100),
                "funding_currency": "USD",
                "funding_source": "El-Yurt Umidi Foundation",
            }
        elif programme == P.PARTNER:
            funding = {
                "funding_amount": _round(days * self.rng.choice([60, 80, 100]), 10),
                "funding_currency": self.rng.choice(["USD", "EUR"]),
                "funding_source": "The host university",
            }
        elif programme == P.SELF:
            funding = {}
        else:
            funding = {
                "funding_amount": _round(days * self.rng.uniform(0.4, 0.7) * 1_000_000, 50_000),
                "funding_currency": "UZS",
                "funding_source": "Kokand State University",
            }
        subjects = self.rng.sample(FACULTIES[person.unit][2], 2)
        teaching = kind == K.STAFF_TEACHING
        if teaching:
            about = "\n".join(subjects)
        elif kind == K.STAFF_TRAINING:
            about = f"Internship: {subjects[0]}"
        else:
            about = f"Joint research: {subjects[0]}"
        completed = status == S.COMPLETED
        return self.add(
            Trip(
                person=person,
                direction=Mobility.Direction.OUTGOING,
                kind=kind,
                partner=partner,
                start=start,
                end=end,
                status=status,
                programme=programme,
                agreement=agreement,
                unit=person.unit,
                fields={
                    **funding,
                    "teaching_hours": self.rng.choice([8, 10, 12, 16, 20, 24])
                    if teaching
                    else None,
                    "subjects": about,
                    "partner_unit": FACULTIES[person.unit][3],
                    "certificate_received": completed,
                    "report_received_on": end + datetime.timedelta(days=self.rng.randint(1, 5))
                    if completed
                    else None,
                },
            )
        )

    def visit(self, person, start, end, status=S.COMPLETED):
        partner = person.partner
        terms = None
        if self.rng.random() < 0.75:
            terms = self.agreement_for(partner, "incoming", K.STAFF_TEACHING, start, end)
        if terms is None:
            programme = self.rng.choices([P.PARTNER, P.OTHER], weights=[0.7, 0.3])[0]
            agreement = None
        else:
            programme, agreement = terms
        days = (end - start).days + 1
        if programme == P.KA171:
            funding = {
                "funding_amount": _round(days * 180 + 820, 10),
                "funding_currency": "EUR",
                "funding_source": "Erasmus+ KA171 grant",
            }
        elif programme == P.PARTNER:
            funding = {}
        else:
            funding = {
                "funding_amount": _round(days * 450_000 + 4_000_000, 50_000),
                "funding_currency": "UZS",
                "funding_source": "Kokand State University (travel and accommodation)",
            }
        unit = GUEST_FACULTY.get(partner.country) or self.rng.choice(list(FACULTIES))
        visa_free = partner.country in VISA_FREE and days <= 30
        arrived = status in (S.IN_PROGRESS, S.COMPLETED)
        visa = {"visa_type": Mobility.Visa.VISA_FREE if visa_free else Mobility.Visa.ACADEMIC}
        if not visa_free:
            visa["visa_number"] = f"A{self.rng.randint(10**6, 10**7 - 1)}"
            visa["visa_valid_to"] = end + datetime.timedelta(days=self.rng.choice([10, 15, 30]))
        if arrived:
            registered = min(
                start + datetime.timedelta(days=self.rng.choice([0, 0, 1, 1, 2])),
                registration_due(start),
            )
            visa["registered_on"] = registered
            visa["registration_valid_to"] = end
        return self.add(
            Trip(
                person=person,
                direction=Mobility.Direction.INCOMING,
                kind=K.STAFF_TEACHING,
                partner=partner,
                start=start,
                end=end,
                status=status,
                programme=programme,
                agreement=agreement,
                unit=unit,
                fields={
                    **funding,
                    **visa,
                    "teaching_hours": self.rng.choice([12, 16, 20, 24, 30, 36]),
                    "subjects": "\n".join(self.rng.sample(FACULTIES[unit][2], 2)),
                    "certificate_received": status == S.COMPLETED,
                },
            )
        )

    def visit_dates(self, person, first=FIRST_START, last=LAST_START):
        span = (last - first).days
        for _attempt in range(100):
            start = first + datetime.timedelta(days=self.rng.randint(0, span))
            if start.month in (7, 8):
                continue
            end = start + datetime.timedelta(days=self.rng.choice([6, 9, 13, 13, 20]))
            if person.free(start, end):
                return start, end
        raise RuntimeError(f"no free dates for {person.email}")

    # The whole data set

    def plan(self) -> None:
        self._students()
        self._staff()
        self._visitors()
        self._cancelled()
        self._recent()

    def _students(self) -> None:
        terms = self.student_terms()
        weights = [term[3] for term in terms]
        certified = [self.student() for _n in range(STUDENTS)]
        for person in certified:
            while True:
                term, first, last, _weight = self.rng.choices(terms, weights=weights)[0]
                dates = self.student_dates(person, term, first, last)
                if dates:
                    break
            self.student_trip(person, term, *dates)
        for person in self.rng.sample(certified, STUDENTS_TWICE):
            for _attempt in range(20):
                term, first, last, _weight = self.rng.choices(terms, weights=weights)[0]
                dates = self.student_dates(person, term, first, last)
                if dates:
                    self.student_trip(person, term, *dates)
                    break
        for _n in range(STUDENTS_WAITING):
            person = self.student()
            start = datetime.date(2025, 9, self.rng.randint(4, 15))
            end = datetime.date(2026, 1, self.rng.randint(20, 31))
            self.student_trip(person, "autumn", start, end, certificate=False)

    def _staff(self) -> None:
        taught = [self.staff() for _n in range(TAUGHT)]
        interned = taught[-BOTH:] + [self.staff() for _n in range(INTERNED - BOTH)]
        taught_only = taught[: TAUGHT - BOTH]
        interned_only = interned[BOTH:]
        self.interned = interned
        europe_taught = set(map(id, taught_only[:EUROPE_TAUGHT]))
        europe_interned = set(map(id, interned_only[:EUROPE_INTERNED]))
        for person in taught:
            start, end = self.staff_dates(person, K.STAFF_TEACHING)
            europe = id(person) in europe_taught
            hosts = self.hosts(start.year, top=True, europe=europe)
            self.staff_trip(person, K.STAFF_TEACHING, hosts, start, end)
        for person in interned:
            start, end = self.staff_dates(person, K.STAFF_TRAINING)
            europe = id(person) in europe_interned
            hosts = self.hosts(start.year, top=True, europe=europe)
            self.staff_trip(person, K.STAFF_TRAINING, hosts, start, end)
        for person in self.rng.sample(interned, INTERNED_TWICE):
            start, end = self.staff_dates(person, K.STAFF_TRAINING)
            hosts = self.hosts(start.year, top=True, europe=False)
            self.staff_trip(person, K.STAFF_TRAINING, hosts, start, end)
        for person in self.rng.sample(interned, INTERNED_ELSEWHERE):
            start, end = self.staff_dates(person, K.STAFF_TRAINING)
            hosts = self.hosts(start.year, top=False, europe=False)
            self.staff_trip(person, K.STAFF_TRAINING, hosts, start, end)
        # Teachers at European universities outside the top 1000 (the British partners),
        # with the dates of their memorandums when they have one.
        for n in range(EUROPE_OTHER):
            person = self.staff()
            kind = K.STAFF_TEACHING if n % 2 else K.STAFF_TRAINING
            start, end = self.staff_dates(person, kind, first=datetime.date(2024, 9, 23))
            hosts = self.hosts(start.year, top=False, europe=True)
            self.staff_trip(person, kind, hosts, start, end)
        for kind, count in (
            (K.STAFF_TEACHING, OTHER_TEACHING),
            (K.STAFF_TRAINING, OTHER_TRAINING),
            (K.RESEARCH, RESEARCHERS),
        ):
            for _n in range(count):
                person = self.staff()
                start, end = self.staff_dates(person, kind)
                top = None if kind == K.RESEARCH else False
                hosts = self.hosts(start.year, top=top, europe=False)
                self.staff_trip(person, kind, hosts, start, end)

    def _visitors(self) -> None:
        visitors = []
        for country, count in names.VISITORS_BY_COUNTRY.items():
            partners = [p for p in self.partners if p.country == country] or self.partners
            for _n in range(count):
                visitors.append(self.guest(self.rng.choice(partners)))
        for person in visitors:
            self.visit(person, *self.visit_dates(person))
        for person in self.rng.sample(visitors, VISITORS_TWICE):
            self.visit(person, *self.visit_dates(person))

    def _cancelled(self) -> None:
        """Trips that did not happen: they count nowhere."""
        for reason in CANCEL_REASONS["student"]:
            person = self.student()
            start = datetime.date(2024, 2, self.rng.randint(1, 10))
            end = datetime.date(2024, 6, 28)
            trip = self.student_trip(person, "spring", start, end, status=S.CANCELLED)
            trip.cancel_reason = reason
        # A professor who interned at a top-1000 host had another internship cancelled.
        person = self.interned[-1]
        start, end = self.staff_dates(person, K.STAFF_TRAINING)
        hosts = self.hosts(start.year, top=True, europe=False)
        trip = self.staff_trip(person, K.STAFF_TRAINING, hosts, start, end, status=S.CANCELLED)
        trip.cancel_reason = CANCEL_REASONS["staff"]
        guest = self.guest(
            self.rng.choice([p for p in self.partners if p.country == "CN"] or self.partners)
        )
        trip = self.visit(guest, *self.visit_dates(guest), status=S.CANCELLED)
        trip.cancel_reason = CANCEL_REASONS["guest"]

    def _recent(self) -> None:
        """2026 and 2027: a few done this spring, some under way, some to come."""
        d = datetime.date
        for _n in range(6):
            person = self.student()
            self.student_trip(person, "spring", d(2026, 2, self.rng.randint(2, 9)), d(2026, 6, 26))
        for _n in range(3):
            person = self.staff()
            start, end = self.staff_dates(person, K.STAFF_TRAINING, d(2026, 3, 2), d(2026, 5, 4))
            self.staff_trip(person, K.STAFF_TRAINING, self.partners, start, end)
        for _n in range(3):
            guest = self.guest(self.rng.choice(self.partners))
            self.visit(guest, *self.visit_dates(guest, d(2026, 3, 2), d(2026, 5, 18)))
        for _n in range(4):
            person = self.student()
            self.student_trip(person, "autumn", d(2026, 9, 7), d(2027, 1, 29), status=S.IN_PROGRESS)
        person = self.staff()
        self.staff_trip(
            person, K.STAFF_TRAINING, self.partners, d(2026, 11, 2), d(2026, 12, 12), S.IN_PROGRESS
        )
        guest = self.guest(self.rng.choice(self.partners))
        self.visit(guest, d(2026, 11, 23), d(2026, 12, 5), status=S.IN_PROGRESS)
        for n in range(2):
            person = self.staff()
            start = d(2026, 12, 7 + 7 * n)
            hosts = self.hosts(2026, top=True, europe=None)
            end = start + datetime.timedelta(days=5)
            self.staff_trip(person, K.STAFF_TEACHING, hosts, start, end, S.ACCEPTED)
        guest = self.guest(self.rng.choice(self.partners))
        self.visit(guest, d(2027, 2, 15), d(2027, 2, 27), status=S.ACCEPTED)
        for status, count in ((S.NOMINATED, 3), (S.PLANNED, 2)):
            for _n in range(count):
                person = self.student()
                self.student_trip(
                    person, "spring", d(2027, 2, self.rng.randint(1, 8)), d(2027, 6, 25), status
                )
        person = self.staff()
        self.staff_trip(
            person, K.STAFF_TRAINING, self.partners, d(2027, 4, 5), d(2027, 4, 30), S.PLANNED
        )

    def applicant(self, user: User) -> None:
        """The seeded applicant: a student of the exact sciences with an accepted exchange
        for the spring of 2027, under an Erasmus+ agreement when one has a place."""
        first, last = [*user.full_name.split(), "", ""][:2]
        person = PersonPlan(
            email=user.email,
            unit=user.org_unit.code if user.org_unit else "exact",
            user=user,
            fields={
                "first_name": first or "Jasur",
                "last_name": last or "Toshpoʻlatov",
                "middle_name": "Rustamovich",
                "name_original": "Тошпўлатов Жасур Рустамович",
                "category": Person.Category.STUDENT,
                "citizenship": "UZ",
                "study_level": Person.StudyLevel.BACHELOR,
                "language": "uz",
                "date_of_birth": datetime.date(2004, 3, 14),
            },
        )
        self.people.append(person)
        start, end = datetime.date(2027, 2, 1), datetime.date(2027, 6, 30)
        erasmus = [
            p
            for p in self.partners
            if any(
                a.kind == Agreement.Kind.ERASMUS and self.in_force(a, start, end)
                for a in p.agreements
            )
        ]
        partner = self.rng.choice(erasmus) if erasmus else None
        self.student_trip(person, "spring", start, end, status=S.ACCEPTED, partner=partner)


def _partners() -> list[Partner]:
    """The demo partners with their QS World ranks and agreements, in a fixed order."""
    wanted = {name for name, *_rest in PARTNERS}
    institutions = [
        i
        for i in Institution.objects.partners().order_by("name_en", "pk")
        if (i.name_en or i.name) in wanted
    ]
    ranks: dict[int, list] = {}
    for entry in RankingEntry.objects.filter(
        institution__in=institutions, ranking=RankingEntry.Ranking.QS_WORLD
    ).order_by("year"):
        worst = entry.rank_high if entry.rank_high is not None else entry.rank_low
        ranks.setdefault(entry.institution_id, []).append((entry.year, worst))
    agreements: dict[int, list] = {}
    quotas: dict[int, list] = {}
    for quota in MobilityQuota.objects.filter(agreement__parties__institution__in=institutions):
        quotas.setdefault(quota.agreement_id, []).append(quota)
    for agreement in (
        Agreement.objects.filter(parties__institution__in=institutions)
        .distinct()
        .prefetch_related("parties")
        .order_by("signed_on", "pk")
    ):
        agreement.demo_quotas = quotas.get(agreement.pk, [])
        for party in agreement.parties.all():
            agreements.setdefault(party.institution_id, []).append(agreement)
    per_country = Counter(i.country.code for i in institutions)
    return [
        Partner(
            institution=i,
            country=i.country.code,
            weight=COUNTRY_WEIGHT.get(i.country.code, 1.0) / per_country[i.country.code] ** 0.5,
            qs=ranks.get(i.pk, []),
            agreements=agreements.get(i.pk, []),
        )
        for i in institutions
    ]


# The steps from "planned" to each status. The exchanges of past years are entered as the
# office's records of them: saved once, completed, with their dates (one service call a row,
# every rule checked); the ones still being worked on go through the named transitions.
TRANSITIONS = {
    S.PLANNED: [],
    S.NOMINATED: ["nominate"],
    S.ACCEPTED: ["nominate", "accept"],
    S.IN_PROGRESS: ["accept", "start_trip"],
    S.COMPLETED: [],
    S.CANCELLED: ["nominate", "cancel"],
}


def _carry_out(trip: Trip, person: Person, units, home, officer) -> Mobility:
    outgoing = trip.direction == Mobility.Direction.OUTGOING
    mobility = Mobility(
        person=person,
        direction=trip.direction,
        kind=trip.kind,
        programme=trip.programme,
        agreement=trip.agreement,
        sending_institution=home if outgoing else trip.partner.institution,
        receiving_institution=trip.partner.institution if outgoing else home,
        home_unit=units.get(trip.unit),
        planned_start=trip.start,
        planned_end=trip.end,
        **{key: value for key, value in trip.fields.items() if value is not None},
    )
    if trip.status == S.COMPLETED:
        mobility.status = S.COMPLETED
        mobility.actual_start, mobility.actual_end = trip.start, trip.end
        mobility.status_changed_at = timezone.make_aware(
            datetime.datetime.combine(trip.end, datetime.time(17, 0))
        )
    mobility_save(mobility=mobility, actor=officer, reason="demo.loaded")
    if not outgoing and trip.status != S.CANCELLED:
        mobility_invitation_issue(mobility=mobility, actor=officer)
    for name in TRANSITIONS[trip.status]:
        on = trip.start if name == "start_trip" else None
        mobility = mobility_transition(
            mobility=mobility, name=name, actor=officer, reason=trip.cancel_reason, on=on
        )
    return mobility


def load(stdout) -> None:
    officer = User.objects.get(email="officer@hamkor.demo")
    home = Institution.objects.get(is_home=True)
    units = {
        unit.code: unit
        for unit in OrgUnit.objects.filter(institution=home, kind=OrgUnit.Kind.FACULTY)
    }
    partners = _partners()
    if not partners:
        stdout.write("mobility: no demo partners, nothing to do")
        return
    planner = Planner(partners)
    planner.plan()
    applicant = User.objects.filter(email="student@hamkor.demo").first()
    if applicant is not None:
        planner.applicant(applicant)

    emails = [plan.email for plan in planner.people]
    existing = {person.email: person for person in Person.objects.filter(email__in=emails)}
    if applicant is not None:
        linked = Person.objects.filter(user=applicant).first()
        if linked is not None:
            existing[applicant.email] = linked
    done = set(
        Mobility.objects.filter(person__in=existing.values()).values_list(
            "person_id", "planned_start"
        )
    )
    people: dict[int, Person] = {}
    created_people = created_trips = 0
    for plan in planner.people:
        person = existing.get(plan.email)
        if person is None:
            person = Person(
                email=plan.email,
                org_unit=units.get(plan.unit),
                institution=plan.partner.institution if plan.partner else None,
                user=plan.user,
                **plan.fields,
            )
            object_save(instance=person, actor=officer, reason="demo.loaded")
            created_people += 1
        people[id(plan)] = person
    for trip in planner.trips:
        person = people[id(trip.person)]
        if (person.pk, trip.start) in done:
            continue
        _carry_out(trip, person, units, home, officer)
        created_trips += 1

    figures = mobility_figures(start=PERIOD[0], end=PERIOD[1])
    stdout.write(
        f"people: {created_people} added ({Person.objects.count()} in all), "
        f"mobilities: {created_trips} added ({Mobility.objects.count()} in all)"
    )
    stdout.write(
        f"mobility figures {PERIOD[0]:%Y}-{PERIOD[1]:%Y}: "
        + "; ".join(f"{LABELS[key]} {value}" for key, value in figures.items())
    )
