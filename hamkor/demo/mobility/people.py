"""The mobility demo's planner, first half: people, dates, hosts and agreements."""

from __future__ import annotations

import datetime
import random
from collections import Counter

from hamkor.agreements.models import Agreement
from hamkor.demo.mobility import names
from hamkor.demo.mobility.setup import (
    FACULTIES,
    FIRST_START,
    GUEST_DOMAIN,
    LAST_START,
    LETTER_LANGUAGE,
    SEED,
    STAFF_DOMAIN,
    STAFF_TITLES,
    STUDENT_DOMAIN,
    K,
    P,
    Partner,
    PersonPlan,
    Trip,
    _slug,
)
from hamkor.mobility.models import Person, academic_year_of


class PlannerBase:
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
        """The rule ``mobility_save`` checks (``Agreement.in_force``)."""
        return agreement.in_force(start, end)

    def covered(self, partner: Partner, start: datetime.date, end: datetime.date) -> bool:
        return any(self.in_force(agreement, start, end) for agreement in partner.agreements)

    def _quota_room(self, agreement, direction, kind, start) -> bool:
        year = academic_year_of(start)
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
