"""Mobilities over ten years: our people going out, foreign guests coming in.

Each person's trips fall in distinct years. A trip that ended is completed (a few were
cancelled), with its actual dates, certificate and trip report; one under way is in
progress; one to come is planned, nominated or accepted. Seven in ten name an agreement in
force with the host; Erasmus+ KA171 trips name a KA171 project running then when the grants
step made one. Guests have their visa and, once arrived, their registration.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hamkor.benchdata.base import DOMAIN, Plan, chunks, write
from hamkor.core.transitions import status_set_initial
from hamkor.mobility.models import Mobility, Person

FOREIGN = {Person.Category.FOREIGN_PROFESSOR, Person.Category.PARTNER_STAFF}
STUDENTS = {Person.Category.STUDENT, Person.Category.FOREIGN_STUDENT}
SUBJECTS = (
    "Applied mathematics", "Chemistry", "English philology", "Pedagogy", "History",
    "Computer science", "Economics", "Psychology", "Biology", "Music education",
)  # fmt: skip
CURRENCIES = ("EUR", "EUR", "USD", "UZS")


def generated():
    return Mobility.objects.filter(
        person__email__endswith=f"@{DOMAIN}", person__email__startswith="person"
    )


def load(plan: Plan) -> int:
    existing = generated().count()
    missing = plan.sizes["mobilities"] - existing
    people = plan.shared["people"]
    if missing <= 0 or not people:
        return 0
    rng = plan.rng("mobilities", existing)
    taken = {
        (person, start.year)
        for person, start in generated().values_list("person_id", "planned_start")
    }
    context = {
        "home": plan.shared["home"],
        "partners": plan.shared["partners"],
        "agreements": plan.shared.get("agreements_by_partner", {}),
        "projects": plan.shared.get("ka171_projects", []),
    }
    years = (plan.first_year, plan.today.year + 1)

    def rows():
        made = 0
        while made < missing:
            person = rng.choice(people)
            year = rng.randint(*years)
            if (person[0], year) in taken:
                continue
            taken.add((person[0], year))
            made += 1
            yield _mobility(plan, rng, person, year, context)

    for chunk in chunks(rows()):
        write(Mobility, chunk)
    return missing


def _mobility(plan: Plan, rng, person, year: int, context) -> Mobility:
    person_pk, category, unit = person
    incoming = category in FOREIGN
    home, partner = context["home"], rng.choice(context["partners"])
    if category in STUDENTS:
        kind = rng.choice((Mobility.Kind.STUDENT_STUDY, Mobility.Kind.STUDENT_TRAINEESHIP))
        length = rng.randint(60, 150)
    else:
        kind = rng.choice(
            (Mobility.Kind.STAFF_TEACHING, Mobility.Kind.STAFF_TRAINING, Mobility.Kind.RESEARCH)
        )
        length = rng.randint(5, 30)
    start = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364 - 150))
    end = start + datetime.timedelta(days=length)
    in_force = [
        agreement
        for agreement, valid_from, valid_to in context["agreements"].get(partner.pk, ())
        if (valid_from or start) <= start and (valid_to or end) >= end
    ]
    programme = rng.choice(Mobility.Programme.values)
    mobility = Mobility(
        person_id=person_pk,
        direction=Mobility.Direction.INCOMING if incoming else Mobility.Direction.OUTGOING,
        kind=kind,
        programme=programme,
        agreement_id=rng.choice(in_force) if in_force and rng.random() < 0.7 else None,
        sending_institution=partner if incoming else home,
        receiving_institution=home if incoming else partner,
        home_unit_id=unit,
        planned_start=start,
        planned_end=end,
        subjects=rng.choice(SUBJECTS),
        funding_amount=Decimal(rng.randint(5, 300) * 100),
        funding_currency=rng.choice(CURRENCIES),
        certificate_received=False,
    )
    if kind == Mobility.Kind.STUDENT_STUDY:
        mobility.credits = Decimal(rng.choice((15, 20, 30)))
    elif kind == Mobility.Kind.STAFF_TEACHING:
        mobility.teaching_hours = rng.choice((8, 12, 16))
    if programme == Mobility.Programme.KA171:
        running = [pk for pk, first, last in context["projects"] if first <= start <= last]
        mobility.funding_project_id = rng.choice(running) if running else None
    _status(plan, rng, mobility, incoming)
    return mobility


def _status(plan: Plan, rng, mobility: Mobility, incoming: bool) -> None:
    today, start, end = plan.today, mobility.planned_start, mobility.planned_end
    if end < today:
        if rng.random() < 0.06:
            status_set_initial(mobility, Mobility.Status.CANCELLED)
            mobility.cancel_reason = rng.choice(("Visa refused", "Personal reasons"))
        else:
            status_set_initial(mobility, Mobility.Status.COMPLETED)
            mobility.actual_start, mobility.actual_end = start, end
            mobility.certificate_received = rng.random() < 0.9
            if not incoming and rng.random() < 0.97:
                mobility.report_received_on = end + datetime.timedelta(days=rng.randint(1, 5))
    elif start <= today:
        status_set_initial(mobility, Mobility.Status.IN_PROGRESS)
        mobility.actual_start = start
    else:
        status_set_initial(
            mobility,
            rng.choice(
                (Mobility.Status.PLANNED, Mobility.Status.NOMINATED, Mobility.Status.ACCEPTED)
            ),
        )
    if incoming:
        mobility.visa_type = rng.choice((Mobility.Visa.ACADEMIC, Mobility.Visa.VISA_FREE))
        if mobility.visa_type == Mobility.Visa.ACADEMIC:
            mobility.visa_number = f"V{rng.randint(10**6, 10**7 - 1)}"
            mobility.visa_valid_to = end + datetime.timedelta(days=rng.randint(-20, 30))
        if start <= today and mobility.status != Mobility.Status.CANCELLED and rng.random() < 0.95:
            mobility.registered_on = start + datetime.timedelta(days=rng.randint(0, 3))
            mobility.registration_valid_to = end + datetime.timedelta(days=rng.randint(-15, 10))
