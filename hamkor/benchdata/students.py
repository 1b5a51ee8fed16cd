"""Foreign degree students over ten years: the person, the studies, visa and registration,
fee payments and requests to the office.

Students enrolled in each of the ten years; those whose studies are over have graduated (a
few withdrew), the others are enrolled (some on leave), and this year's newest only
admitted. A student in the country has a visa and a registration at the place of stay
running from their entry, the current ones around today so that the deadlines board has
work. Fees are in som, paid once or twice a year (``amount_uzs`` is the amount: rate 1); a
tenth file a request. Contract numbers start with ``B-``: how the generated students are
told from the office's own; their people have the address ``studentN@bench.example``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hamkor.benchdata import names
from hamkor.benchdata.base import DOMAIN, Plan, insert, write
from hamkor.benchdata.people import faculties
from hamkor.core.transitions import status_set_initial
from hamkor.demo.students import FEES, PROGRAMMES, REQUESTS
from hamkor.mobility.models import Person
from hamkor.students.models import FeePayment, ForeignStudent, StudentRequest

PREFIX = "B-"
LEVELS = (("preparatory", 1, 7), ("bachelor", 4, 70), ("master", 2, 18), ("phd", 3, 5))


def generated():
    return ForeignStudent.objects.filter(contract_number__startswith=PREFIX)


def load(plan: Plan) -> int:
    existing = generated().count()
    missing = plan.sizes["foreign_students"] - existing
    if missing <= 0:
        return 0
    rng = plan.rng("students", existing)
    units = {unit.code: unit for unit in faculties()}
    if not units:
        return 0

    def studies(people):
        students = [_student(plan, rng, person, units) for person in people]
        created = write(ForeignStudent, students)
        write(
            FeePayment,
            (payment for student in created for payment in _payments(plan, rng, student)),
        )
        write(
            StudentRequest,
            (
                _request(rng, student)
                for student in created
                if student.status
                in (ForeignStudent.Status.ENROLLED, ForeignStudent.Status.ADMITTED)
                and rng.random() < 0.1
            ),
        )

    rows = (_person(plan, rng, n, units) for n in range(existing + 1, existing + missing + 1))
    return insert(Person, rows, after=studies)


def _person(plan: Plan, rng, n: int, units) -> Person:
    country = names.student_country(rng)
    today = plan.today
    person = Person(
        category=Person.Category.FOREIGN_STUDENT,
        citizenship=country,
        email=f"student{n}@{DOMAIN}",
        language="ru" if country in ("RU", "KZ", "KG", "TJ", "TM", "AZ") else "en",
        passport_number=f"{rng.choice('ABCEKMNP')}{rng.randint(10**6, 10**7 - 1)}",
        passport_valid_to=today + datetime.timedelta(days=rng.randint(-200, 3000)),
        **names.foreign(rng, country),
    )
    faculty = rng.choice([code for code in PROGRAMMES if code in units] or list(units))
    person.org_unit = units[faculty]
    person.bench_faculty = faculty
    person.bench_number = n
    person.refresh_search_text()  # bulk_create skips save(), which fills it
    return person


def _student(plan: Plan, rng, person: Person, units) -> ForeignStudent:
    today = plan.today
    level, years, _weight = rng.choices(LEVELS, [weight for *_rest, weight in LEVELS])[0]
    start_year = rng.randint(plan.first_year - 1, today.year)
    enrolled = datetime.date(start_year, 9, rng.randint(1, 10))
    finished = datetime.date(start_year + years, 6, 30)
    student = ForeignStudent(
        person=person,
        faculty=units[person.bench_faculty],
        programme=rng.choice(PROGRAMMES.get(person.bench_faculty, ["General studies"])),
        level=level,
        contract_number=f"{PREFIX}F-{start_year}-{person.bench_number:06d}",
        annual_fee=Decimal(FEES[level]),
        visa_number=f"UZV{rng.randint(10**6, 10**7 - 1)}",
    )
    entry = enrolled - datetime.timedelta(days=rng.randint(3, 20))
    if enrolled > today:
        status, entry = ForeignStudent.Status.ADMITTED, None
    elif finished < today:
        status = (
            ForeignStudent.Status.GRADUATED
            if rng.random() < 0.9
            else ForeignStudent.Status.WITHDRAWN
        )
    else:
        draw = rng.random()
        status = (
            ForeignStudent.Status.ON_LEAVE
            if draw < 0.04
            else ForeignStudent.Status.WITHDRAWN
            if draw < 0.06
            else ForeignStudent.Status.ENROLLED
        )
    status_set_initial(student, status)
    elapsed = max(0, min(today.year - start_year + (today.month >= 9), years))
    student.year_of_study = max(1, min(elapsed, years, 7))
    if status != ForeignStudent.Status.ADMITTED:
        student.enrolled_on = enrolled
    if entry is not None:
        student.entry_date = entry
        student.registered_on = entry + datetime.timedelta(days=rng.randint(1, 3))
        # A year's visa and registration at a time: the current ones run to around today.
        current = status in (ForeignStudent.Status.ENROLLED, ForeignStudent.Status.ON_LEAVE)
        end = today + datetime.timedelta(days=rng.randint(-10, 330)) if current else finished
        student.visa_valid_from = max(entry, end - datetime.timedelta(days=365))
        student.visa_valid_to = end
        student.registration_valid_to = max(student.registered_on, end)
    return student


def _payments(plan: Plan, rng, student: ForeignStudent) -> list[FeePayment]:
    """One payment a year of study, from the enrolment until today or the studies' end."""
    if not student.enrolled_on:
        return []
    years = {level: years for level, years, _weight in LEVELS}[student.level]
    payments = []
    for year in range(student.enrolled_on.year, student.enrolled_on.year + years):
        paid_on = datetime.date(year, 9, 15)
        if paid_on > plan.today:
            break
        amount = student.annual_fee / (2 if rng.random() < 0.3 else 1)
        payments.append(
            FeePayment(
                student=student,
                paid_on=paid_on,
                amount=amount,
                currency="UZS",
                rate=Decimal(1),
                amount_uzs=amount,
                reference=f"PP-{year}-{student.person.bench_number:06d}",
            )
        )
    return payments


def _request(rng, student: ForeignStudent) -> StudentRequest:
    kind, subjects = rng.choice(REQUESTS)
    language = "ru" if student.person.language == "ru" else "en"
    request = StudentRequest(student=student, kind=kind, subject=subjects[language])
    status_set_initial(
        request,
        rng.choice(
            (
                StudentRequest.Status.NEW,
                StudentRequest.Status.IN_PROGRESS,
                StudentRequest.Status.RESOLVED,
            )
        ),
    )
    return request
