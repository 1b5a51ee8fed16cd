"""The person registry: our students and staff in their faculties, and foreign guests.

Of every hundred people about 55 are our students and 25 our staff, each in a faculty; the
rest are foreign professors and partner staff of a partner institution (the foreign degree
students are the students step's). Six in ten have a passport on file. Generated people have
an address ``personN@bench.example``, which is how the later steps find them.
"""

from __future__ import annotations

import datetime

from hamkor.accounts.models import OrgUnit
from hamkor.benchdata import names
from hamkor.benchdata.base import DOMAIN, Plan, insert
from hamkor.mobility.models import Person

POSITIONS = ("Lecturer", "Senior lecturer", "Associate professor", "Professor", "Head of chair")
TITLES = ("", "", "phd", "docent", "dsc", "professor")


def generated():
    return Person.objects.filter(email__endswith=f"@{DOMAIN}", email__startswith="person")


def faculties() -> list[OrgUnit]:
    return list(
        OrgUnit.objects.filter(institution__is_home=True, kind=OrgUnit.Kind.FACULTY).order_by(
            "code"
        )
    )


def load(plan: Plan) -> int:
    existing = generated().count()
    missing = plan.sizes["people"] - existing
    if missing > 0:
        rng = plan.rng("people", existing)
        units = faculties()
        partners = plan.shared["partners"]
        rows = (
            _person(plan, rng, n, units, partners)
            for n in range(existing + 1, existing + missing + 1)
        )
        insert(Person, rows)
    plan.shared["people"] = list(
        generated().order_by("pk").values_list("pk", "category", "org_unit_id")
    )
    return max(missing, 0)


def _person(plan: Plan, rng, n: int, units, partners) -> Person:
    draw = rng.random()
    if draw < 0.8:
        student = draw < 0.55
        person = Person(
            category=Person.Category.STUDENT if student else Person.Category.STAFF,
            citizenship="UZ",
            org_unit=rng.choice(units) if units else None,
            language="uz",
            **names.uzbek(rng),
        )
        if student:
            person.study_level = rng.choice(("bachelor", "bachelor", "bachelor", "master"))
        else:
            person.position = rng.choice(POSITIONS)
            person.academic_title = rng.choice(TITLES)
    else:
        country = rng.choice(names.GUEST_COUNTRIES)
        person = Person(
            category=Person.Category.FOREIGN_PROFESSOR
            if draw < 0.95
            else Person.Category.PARTNER_STAFF,
            citizenship=country,
            institution=rng.choice(partners) if partners else None,
            position=rng.choice(POSITIONS),
            language="ru" if country in ("RU", "BY", "KZ", "KG") else "en",
            **names.foreign(rng, country),
        )
    person.email = f"person{n}@{DOMAIN}"
    if rng.random() < 0.6:
        today = plan.today
        person.passport_number = f"B{rng.choice('ACKMNP')}{rng.randint(10**6, 10**7 - 1)}"
        person.passport_valid_to = today + datetime.timedelta(days=rng.randint(-400, 3650))
        person.date_of_birth = today - datetime.timedelta(days=rng.randint(6600, 22000))
    person.refresh_search_text()  # bulk_create skips save(), which fills it
    return person
