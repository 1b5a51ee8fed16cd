"""The mobility demo's planner, second half: the trips and the whole plan."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hamkor.accounts.models import User
from hamkor.agreements.models import Agreement
from hamkor.demo.mobility import names
from hamkor.demo.mobility.people import PlannerBase
from hamkor.demo.mobility.setup import (
    BOTH,
    CANCEL_REASONS,
    EUROPE_INTERNED,
    EUROPE_OTHER,
    EUROPE_TAUGHT,
    FACULTIES,
    FIRST_START,
    GUEST_FACULTY,
    INTERNED,
    INTERNED_ELSEWHERE,
    INTERNED_TWICE,
    LAST_START,
    OTHER_TEACHING,
    OTHER_TRAINING,
    RESEARCHERS,
    STUDENTS,
    STUDENTS_TWICE,
    STUDENTS_WAITING,
    TAUGHT,
    VISA_FREE,
    VISITORS_TWICE,
    K,
    P,
    PersonPlan,
    S,
    Trip,
    _round,
)
from hamkor.mobility.deadlines import registration_due
from hamkor.mobility.models import Mobility, Person


class Planner(PlannerBase):
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
                "funding_source": "Erasmus+ KA171 granti",
            }
        elif programme == P.GOVERNMENT:
            funding = {
                "funding_amount": _round(max(months, 1) * 1200, 50),
                "funding_currency": "USD",
                "funding_source": "«El-yurt umidi» jamgʻarmasi",
            }
        elif programme == P.PARTNER:
            funding = {
                "funding_amount": _round(max(months, 1) * self.rng.choice([400, 500, 600]), 50),
                "funding_currency": self.rng.choice(["USD", "EUR"]),
                "funding_source": "Qabul qiluvchi universitet stipendiyasi",
            }
        elif programme == P.BILATERAL:
            if self.rng.random() < 0.6:
                funding = {
                    "funding_amount": _round(self.rng.uniform(3, 12) * 1_000_000, 100_000),
                    "funding_currency": "UZS",
                    "funding_source": "Qoʻqon davlat universiteti; oʻqish toʻlovidan "
                    "qabul qiluvchi universitet ozod qilgan",
                }
            else:
                funding = {
                    "funding_amount": _round(max(months, 1) * 450, 50),
                    "funding_currency": "USD",
                    "funding_source": "Qabul qiluvchi universitet stipendiyasi",
                }
        subjects = self.rng.sample(FACULTIES[person.unit][2], 2 if long else 1)
        if term == "summer_school":
            subjects = [f"Yozgi maktab: {subjects[0]}"]
        elif term in ("winter_school", "autumn_school"):
            subjects = [f"Qisqa kurs: {subjects[0]}"]
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
                "funding_source": "«El-yurt umidi» jamgʻarmasi",
            }
        elif programme == P.PARTNER:
            funding = {
                "funding_amount": _round(days * self.rng.choice([60, 80, 100]), 10),
                "funding_currency": self.rng.choice(["USD", "EUR"]),
                "funding_source": "Qabul qiluvchi universitet",
            }
        elif programme == P.SELF:
            funding = {}
        else:
            funding = {
                "funding_amount": _round(days * self.rng.uniform(0.4, 0.7) * 1_000_000, 50_000),
                "funding_currency": "UZS",
                "funding_source": "Qoʻqon davlat universiteti",
            }
        subjects = self.rng.sample(FACULTIES[person.unit][2], 2)
        teaching = kind == K.STAFF_TEACHING
        if teaching:
            about = "\n".join(subjects)
        elif kind == K.STAFF_TRAINING:
            about = f"Malaka oshirish: {subjects[0]}"
        else:
            about = f"Qoʻshma tadqiqot: {subjects[0]}"
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
                "funding_source": "Erasmus+ KA171 granti",
            }
        elif programme == P.PARTNER:
            funding = {}
        else:
            funding = {
                "funding_amount": _round(days * 450_000 + 4_000_000, 50_000),
                "funding_currency": "UZS",
                "funding_source": "Qoʻqon davlat universiteti (yoʻl va yashash xarajatlari)",
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
