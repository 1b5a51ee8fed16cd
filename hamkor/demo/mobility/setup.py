"""Facts and building blocks of the mobility demo data set (see :mod:`hamkor.demo.mobility`)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from hamkor.accounts.models import User
from hamkor.agreements.models import Agreement
from hamkor.mobility.figures import EUROPE, TOP
from hamkor.mobility.models import Mobility, Person
from hamkor.partners.models import Institution

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


def _slug(text: str) -> str:
    """ASCII letters and digits of a name, for a demo e-mail address."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def _round(value: float, step: int) -> Decimal:
    return Decimal(round(value / step) * step)


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
