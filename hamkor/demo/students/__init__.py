"""Demo data of the students app: about 300 foreign degree students and their requests.

Students come from Central Asia (Tajikistan, Turkmenistan, Kazakhstan, Kyrgyzstan,
Afghanistan) and further (India, Pakistan, Russia, Turkey, Azerbaijan, Korea, China), with
names typical of each country written in the registry as the guests' are (Latin spelling,
the original script beside it). Their visas and registrations are dated from today, so that
the deadlines board always has work: some registrations and visas end this week, a few
students arrived two days ago and are not registered yet, some passports end soon.
Contracts carry a fee in som and payments (in som, a few in dollars at that day's rate).
A demo account ``foreign.student@hamkor.demo`` is one of the students, to try "My
university".

Drawn from a fixed seed (the same students every run, their dates moving with today);
people are keyed by e-mail, so a second run adds nothing. Everything goes through the
services, with the history reason ``demo.loaded``.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.accounts.services import user_save
from hamkor.core.transitions import status_set_initial
from hamkor.demo.mobility import names as guest_names
from hamkor.demo.mobility.setup import _slug
from hamkor.demo.students.names import STUDENT_NAMES
from hamkor.grants.models import ExchangeRate
from hamkor.grants.services import exchange_rate_set
from hamkor.mobility.models import Person
from hamkor.mobility.services import person_save
from hamkor.students.models import ForeignStudent
from hamkor.students.services import (
    fee_payment_add,
    foreign_student_save,
    request_reply_add,
    student_request_file,
    student_request_transition,
)

SEED = 20261207
DOMAIN = "students.example.org"
STYLES = {**guest_names.FOREIGN, **STUDENT_NAMES}
# Citizenship and number of students.
COUNTRIES = {
    "TJ": 72, "TM": 58, "KZ": 34, "KG": 34, "AF": 30, "IN": 22, "PK": 10, "RU": 12,
    "TR": 8, "AZ": 8, "KR": 6, "CN": 6,
}  # fmt: skip
# Faculty code -> the programmes foreign students take there.
PROGRAMMES = {
    "exact": ["Applied mathematics", "Computer engineering", "Physics"],
    "chem": ["Chemical technology", "Biology", "Ecology"],
    "pedpsy": ["Pedagogy", "Psychology"],
    "social": ["History", "Economics", "Tourism"],
    "philology": ["Russian philology", "English philology", "Uzbek language for foreigners"],
    "arts": ["Physical culture", "Music education"],
    "primary": ["Primary education", "Technological education"],
}
LEVELS = [("preparatory", 20), ("bachelor", 210), ("master", 55), ("phd", 15)]
YEARS = {"preparatory": 1, "bachelor": 4, "master": 2, "phd": 3}
FEES = {"preparatory": 9_500_000, "bachelor": 14_800_000, "master": 17_600_000, "phd": 21_000_000}
USD_RATE = Decimal("12650")  # a plausible rate for the demo's dollar payments, when none is in
LANGUAGE = {"RU": "ru", "KZ": "ru", "KG": "ru", "TJ": "ru", "TM": "ru", "AZ": "ru", "AF": "en"}
# A request is written in the student's language; so is the office's reply.
REQUESTS = [
    ("housing", {"en": "A place in the dormitory", "ru": "Место в общежитии"}),
    ("housing", {"en": "A change of room in the dormitory", "ru": "Переселение в другую комнату"}),
    (
        "documents",
        {
            "en": "A certificate of study for the embassy",
            "ru": "Справка об обучении для посольства",
        },
    ),
    ("documents", {"en": "A transcript of records", "ru": "Выписка с оценками"}),
    (
        "insurance",
        {
            "en": "Health insurance for the new academic year",
            "ru": "Медицинская страховка на новый учебный год",
        },
    ),
    ("visa_extension", {"en": "Extension of my student visa", "ru": "Продление студенческой визы"}),
    (
        "other",
        {"en": "An invitation letter for my parents", "ru": "Приглашение для моих родителей"},
    ),
]
REPLIES = {
    "en": "We have received your request and will prepare the answer within three days.",
    "ru": "Мы получили ваше обращение и подготовим ответ в течение трёх дней.",
}
DEMO_ACCOUNT = ("foreign.student@hamkor.demo", "Firdavs Rahimov", "foreign-student-demo-2026")


def _person_plan(rng: random.Random, country: str, used: set) -> dict:
    style = STYLES[country]
    female = rng.random() < 0.45
    while True:
        given = rng.choice(style["female" if female else "male"])
        family = rng.choice(style["surnames"])
        name = guest_names.foreign_name(country, female, given, family, styles=STYLES)
        key = (name["first_name"], name["last_name"], country)
        if key not in used:
            used.add(key)
            return name


def _add_days(today: datetime.date, days: int) -> datetime.date:
    return today + datetime.timedelta(days=days)


def plan(today: datetime.date) -> list[dict]:
    """Every student's fields, drawn from the seed; dates relative to ``today``."""
    rng = random.Random(SEED)
    used: set = set()
    faculties = list(PROGRAMMES)
    plans = []
    serial = 0
    for country, count in COUNTRIES.items():
        for _ in range(count):
            serial += 1
            name = _person_plan(rng, country, used)
            level = rng.choices([lv for lv, _w in LEVELS], weights=[w for _lv, w in LEVELS])[0]
            faculty = rng.choice(faculties)
            year = rng.randint(1, YEARS[level])
            # Who they are on the day: most study; some arrive now, some have left.
            roll = rng.random()
            status = (
                "admitted" if roll < 0.06 else
                "graduated" if roll < 0.12 else
                "on_leave" if roll < 0.15 else
                "withdrawn" if roll < 0.17 else
                "enrolled"
            )  # fmt: skip
            start_year = today.year - year + (1 if today.month >= 9 else 0)
            enrolled = datetime.date(start_year, 9, rng.randint(1, 10))
            entry = _add_days(today, -rng.randint(20, 330))
            registration_end = _add_days(today, rng.randint(8, 330))
            visa_end = _add_days(today, rng.randint(20, 360))
            passport_end = _add_days(today, rng.randint(400, 3000))
            registered = _add_days(entry, rng.randint(1, 3))
            urgent = serial % 25
            # Some deadlines fall this week: the board and the reminders have work.
            if urgent == 1:
                registration_end = _add_days(today, rng.randint(0, 6))
            elif urgent == 2:
                visa_end = _add_days(today, rng.randint(1, 6))
            elif urgent == 3:
                entry, registered = _add_days(today, -rng.randint(0, 2)), None
                registration_end = None
            elif urgent == 4:
                passport_end = _add_days(today, rng.randint(20, 55))
            elif urgent == 5:
                visa_end = _add_days(today, rng.randint(8, 25))
            if status == "admitted":
                entry = _add_days(today, -rng.randint(0, 2)) if rng.random() < 0.5 else None
                registered = registration_end = None
            email = f"{_slug(name['first_name'])}.{_slug(name['last_name'])}.{serial}@{DOMAIN}"
            plans.append(
                {
                    "person": {
                        **name,
                        "citizenship": country,
                        "email": email,
                        "language": LANGUAGE.get(country, "en"),
                        "date_of_birth": datetime.date(
                            today.year - 18 - year - (4 if level in ("master", "phd") else 0),
                            rng.randint(1, 12),
                            rng.randint(1, 28),
                        ),
                        "passport_number": rng.choice("ABCEKMNP")
                        + str(rng.randint(10**6, 10**7 - 1)),
                        "passport_valid_to": passport_end,
                    },
                    "faculty": faculty,
                    "programme": rng.choice(PROGRAMMES[faculty]),
                    "level": level,
                    "year_of_study": year,
                    "status": status,
                    "enrolled_on": enrolled if status != "admitted" else None,
                    "contract_number": f"F-{start_year}-{serial:04d}",
                    "annual_fee": Decimal(FEES[level]),
                    "entry_date": entry,
                    "visa_number": f"UZV{rng.randint(10**6, 10**7 - 1)}",
                    "visa_valid_from": entry or today,
                    "visa_valid_to": visa_end,
                    "registered_on": registered,
                    "registration_valid_to": registration_end if registered else None,
                    "pays_in_dollars": country in ("IN", "PK", "KR", "CN") and status == "enrolled",
                    "request": REQUESTS[serial % len(REQUESTS)] if serial % 7 == 0 else None,
                }
            )
    return plans


def load(stdout) -> None:
    today = timezone.localdate()
    units = {unit.code: unit for unit in OrgUnit.objects.filter(institution__is_home=True)}
    officer = User.objects.filter(groups__name=Role.OFFICER).order_by("pk").first()
    plans = plan(today)
    known = set(
        ForeignStudent.objects.filter(person__email__endswith=f"@{DOMAIN}").values_list(
            "person__email", flat=True
        )
    )
    created = requests = 0
    for number, item in enumerate(plans):
        if item["person"]["email"] in known:
            continue
        person = Person.objects.filter(email=item["person"]["email"]).first()
        if person is None:
            person = person_save(
                person=Person(
                    category=Person.Category.FOREIGN_STUDENT,
                    org_unit=units[item["faculty"]],
                    **item["person"],
                ),
                actor=None,
            )
        fields = {
            key: value
            for key, value in item.items()
            if key not in ("person", "faculty", "status", "pays_in_dollars", "request")
        }
        student = ForeignStudent(person=person, faculty=units[item["faculty"]], **fields)
        status_set_initial(student, item["status"])
        foreign_student_save(student=student, actor=None, reason="demo.loaded")
        created += 1
        if number == 0:
            _demo_account(person)
        if item["status"] in ("enrolled", "on_leave", "graduated"):
            _payments(student, item, today)
        if item["request"] and item["status"] in ("enrolled", "admitted"):
            _request(student, item["request"], number, officer)
            requests += 1
    stdout.write(
        f"foreign students: {created} added ({len(plans)} in the plan), requests: {requests}; "
        f"a foreign student's login: {DEMO_ACCOUNT[0]} / {DEMO_ACCOUNT[2]}"
    )


def _demo_account(person: Person) -> None:
    """The first student of the plan gets the demo account, to try "My university"."""
    email, full_name, password = DEMO_ACCOUNT
    user = User.objects.filter(email=email).first() or User(email=email)
    user.full_name = full_name
    user.set_password(password)
    user_save(user=user, roles=[Role.APPLICANT], actor=None, reason="demo.loaded")
    person.user = user
    person_save(person=person, actor=None)


def _payments(student: ForeignStudent, item: dict, today: datetime.date) -> None:
    """The first half of this year's fee, paid a week into the academic year."""
    start = datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 15)
    paid_on = min(start, today)
    half = student.annual_fee / 2
    if item["pays_in_dollars"]:
        if not ExchangeRate.objects.filter(currency="USD", date=paid_on).exists():
            exchange_rate_set(actor=None, currency="USD", date=paid_on, rate=USD_RATE)
        rate = ExchangeRate.objects.get(currency="USD", date=paid_on).rate
        fee_payment_add(
            student=student,
            paid_on=paid_on,
            amount=(half / rate).quantize(Decimal("1")),
            currency="USD",
            actor=None,
        )
    else:
        fee_payment_add(student=student, paid_on=paid_on, amount=half, currency="UZS", actor=None)


def _request(student: ForeignStudent, request: tuple[str, dict], number: int, officer) -> None:
    kind, subjects = request
    language = "ru" if student.person.language == "ru" else "en"
    filed = student_request_file(student=student, kind=kind, subject=subjects[language], actor=None)
    if officer is None or number % 3 == 0:
        return  # still new: the office has work
    student_request_transition(request=filed, name="take", actor=officer)
    if number % 3 == 1:
        request_reply_add(
            request=filed,
            body=REPLIES[language],
            actor=officer,
        )
    else:
        student_request_transition(request=filed, name="resolve", actor=officer)
