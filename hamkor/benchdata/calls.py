"""Calls for exchange over ten years and the students' applications to them.

Each call offers three to six places at partners (under an agreement with the partner when
there is one) and selects by the demo's three criteria. Calls of past years are published
or archived, with each application's outcome (selected with a place, reserve, not
selected) and the applicant's answer; a recent one is closed or under evaluation, one open
now takes submissions and drafts, one to come is a draft. Applicants are generated
students with a login (``personN@bench.example``, no usable password, the applicant role),
each at most once a call. Generated calls carry "(call BN)" in their English title.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from hamkor.accounts.models import User
from hamkor.accounts.roles import Role
from hamkor.benchdata.base import DOMAIN, Plan, chunks, insert, write
from hamkor.calls.models import Application, Call, Criterion, Place, Preference
from hamkor.calls.rules import GPA
from hamkor.core.transitions import status_set_initial
from hamkor.demo.calls import CRITERIA
from hamkor.mobility.models import Person

MARK = "(call B"
PROGRAMMES = {
    Call.Programme.KA171: ("Erasmus+ KA171 study semester", "Erasmus+ KA171 oʻqish semestri",
                           "Семестр обучения Erasmus+ KA171"),
    Call.Programme.KA131: ("Erasmus+ KA131 exchange", "Erasmus+ KA131 almashinuvi",
                           "Обмен Erasmus+ KA131"),
    Call.Programme.BILATERAL: ("Bilateral exchange", "Ikki tomonlama almashinuv",
                               "Двусторонний обмен"),
}  # fmt: skip


def generated():
    return Call.objects.filter(title_en__contains=MARK)


def load(plan: Plan) -> int:
    return _calls(plan) + _applications(plan)


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _calls(plan: Plan) -> int:
    existing = generated().count()
    missing = plan.sizes["calls"] - existing
    if missing <= 0:
        return 0
    rng = plan.rng("calls", existing)
    partners = plan.shared["partners"]
    agreements = plan.shared.get("agreements_by_partner", {})

    def parts(created):
        places, criteria = [], []
        for call in created:
            for institution in rng.sample(partners, min(len(partners), rng.randint(3, 6))):
                signed = agreements.get(institution.pk)
                places.append(
                    Place(
                        call=call,
                        institution=institution,
                        agreement_id=signed[0][0] if signed else None,
                        seats=rng.randint(1, 4),
                        months=Decimal(5),
                        study_level=rng.choice(("bachelor", "master")),
                        semester=rng.choice((Place.Semester.AUTUMN, Place.Semester.SPRING)),
                    )
                )
            for order, (code, uz, ru, en, weight) in enumerate(CRITERIA, start=1):
                criteria.append(
                    Criterion(
                        call=call,
                        code=code,
                        name_uz=uz,
                        name_ru=ru,
                        name_en=en,
                        weight=weight,
                        order=order,
                    )
                )
        write(Place, places)
        write(Criterion, criteria)

    rows = (_call(plan, rng, n) for n in range(existing + 1, existing + missing + 1))
    return insert(Call, rows, after=parts)


def _call(plan: Plan, rng, n: int) -> Call:
    today = plan.today
    # The first call is last year's, so that even the smallest scale has applications.
    year = today.year - 1 if n == 1 else rng.randint(plan.first_year, today.year + 1)
    opens = datetime.date(year, rng.choice((2, 3, 10, 11)), rng.randint(1, 20))
    closes = opens + datetime.timedelta(days=rng.choice((21, 30, 45)))
    programme = rng.choice(list(PROGRAMMES))
    en, uz, ru = PROGRAMMES[programme]
    label = f"{year}/{(year + 1) % 100:02d}"
    call = Call(
        title_en=f"{en}, {label} {MARK}{n})",
        title_uz=f"{uz}, {label} (tanlov B{n})",
        title_ru=f"{ru}, {label} (конкурс B{n})",
        description_en="Students study one semester at a partner university.",
        programme=programme,
        audience=Call.Audience.STUDENTS,
        opens_at=_moment(opens, 9),
        closes_at=_moment(closes, 18),
        max_preferences=3,
        study_levels=["bachelor", "master"],
        min_gpa=Decimal("3.50"),
        gpa_scale=Decimal("5.00"),
        required_documents=["transcript"],
    )
    if opens > today:
        status = Call.Status.DRAFT
    elif closes >= today:
        status = Call.Status.OPEN
    elif closes >= today - datetime.timedelta(days=40):
        status = rng.choice((Call.Status.CLOSED, Call.Status.EVALUATION))
    else:
        status = Call.Status.ARCHIVED if closes.year < today.year - 1 else Call.Status.PUBLISHED
        call.published_at = _moment(closes + datetime.timedelta(days=20), 10)
    status_set_initial(call, status)
    return call


def _applicants(plan: Plan, needed: int) -> list[tuple[int, int]]:
    """(user, person) of the applicants: generated students given a login, ``needed`` of
    them at least (or as many as there are students)."""
    linked = list(
        Person.objects.filter(user__email__endswith=f"@{DOMAIN}")
        .order_by("pk")
        .values_list("user_id", "pk")
    )
    if len(linked) >= needed:
        return linked
    # Students; at a very small scale, when there are fewer students than a call's
    # applications, the other people too.
    people = plan.shared["people"]
    students = [pk for pk, category, _unit in people if category == Person.Category.STUDENT]
    if len(students) < needed:
        students += [pk for pk, category, _unit in people if category != Person.Category.STUDENT]
    taken = {person for _user, person in linked}
    group = Group.objects.get(name=Role.APPLICANT)
    fresh = [pk for pk in students if pk not in taken][: needed - len(linked)]
    for chunk in chunks(fresh):
        with transaction.atomic():
            batch = list(Person.objects.filter(pk__in=chunk).order_by("pk"))
            users = write(
                User,
                (
                    User(
                        email=person.email,
                        full_name=f"{person.first_name} {person.last_name}",
                        password="!",  # no password: a benchmark never logs them in
                        language="uz",
                        org_unit_id=person.org_unit_id,
                    )
                    for person in batch
                ),
            )
            for person, user in zip(batch, users, strict=True):
                person.user = user
            Person.objects.bulk_update(batch, ["user"])
            write(
                User.groups.through,
                (User.groups.through(user_id=user.pk, group_id=group.pk) for user in users),
            )
            linked.extend((user.pk, person.pk) for person, user in zip(batch, users, strict=True))
    return linked


def _applications(plan: Plan) -> int:
    generated_applications = Application.objects.filter(call__title_en__contains=MARK)
    existing = generated_applications.count()
    missing = plan.sizes["applications"] - existing
    calls = list(generated().exclude(status=Call.Status.DRAFT).order_by("pk"))
    if missing <= 0 or not calls:
        return 0
    per_call = -(-plan.sizes["applications"] // len(calls))
    # About three applications an applicant, and enough applicants to fill every call.
    applicants = _applicants(plan, max(per_call, plan.sizes["applications"] // 3))
    rng = plan.rng("applications", existing)
    places: dict[int, list[int]] = {}
    for call_id, place_id in Place.objects.filter(call__in=calls).values_list("call_id", "pk"):
        places.setdefault(call_id, []).append(place_id)
    taken = set(generated_applications.values_list("call_id", "applicant_id"))
    load = {call.pk: 0 for call in calls}
    for call_id, _applicant in taken:
        load[call_id] += 1
    open_calls = [call for call in calls if load[call.pk] < min(per_call, len(applicants))]

    def rows():
        made = 0
        while made < missing and open_calls:
            call = rng.choice(open_calls)
            user, person = rng.choice(applicants)
            if (call.pk, user) in taken:
                continue
            taken.add((call.pk, user))
            load[call.pk] += 1
            if load[call.pk] >= min(per_call, len(applicants)):
                open_calls.remove(call)
            made += 1
            yield _application(plan, rng, call, user, person, places.get(call.pk, []))

    def preferences(created):
        write(
            Preference,
            (
                Preference(application=application, place_id=place, rank=rank)
                for application in created
                for rank, place in enumerate(application.bench_preferences, start=1)
            ),
        )

    return insert(Application, rows(), after=preferences)


def _application(plan: Plan, rng, call: Call, user: int, person: int, places) -> Application:
    gpa = Decimal(rng.randint(280, 500)) / 100
    application = Application(
        call=call,
        applicant_id=user,
        person_id=person,
        gpa=gpa,
        study_level=rng.choice(("bachelor", "master")),
        year_of_study=rng.randint(1, 4),
        motivation="I would like to study abroad to strengthen my field and bring it home.",
        submitted_at=call.opens_at + (call.closes_at - call.opens_at) * rng.random(),
        eligible=gpa >= call.min_gpa,
        eligibility_reasons=[] if gpa >= call.min_gpa else [GPA],
    )
    chosen = rng.sample(places, min(len(places), rng.randint(1, call.max_preferences)))
    application.bench_preferences = chosen
    status = Application.Status.SUBMITTED
    if call.status == Call.Status.OPEN and rng.random() < 0.3:
        status, application.submitted_at = Application.Status.DRAFT, None
    elif rng.random() < 0.04:
        status = Application.Status.WITHDRAWN
        application.withdrawn_at = application.submitted_at + datetime.timedelta(days=2)
    elif call.status in (Call.Status.PUBLISHED, Call.Status.ARCHIVED):
        status = _outcome(rng, call, application, chosen)
    status_set_initial(application, status)
    return application


def _outcome(rng, call: Call, application: Application, chosen: list[int]) -> str:
    application.total = (application.gpa * 20 * Decimal(rng.randint(80, 100)) / 100).quantize(
        Decimal("0.01")
    )
    application.results_sent_at = call.published_at
    if not application.eligible:
        application.outcome = Application.Outcome.NOT_SELECTED
        application.outcome_reason = "Not eligible: the minimum GPA"
        return Application.Status.SUBMITTED
    draw = rng.random()
    if draw < 0.4 and chosen:
        application.outcome = Application.Outcome.SELECTED
        application.allocated_place_id = chosen[0]
        application.offer_deadline = call.published_at + datetime.timedelta(days=7)
        if rng.random() < 0.85:
            application.accepted_at = call.published_at + datetime.timedelta(days=3)
            return Application.Status.ACCEPTED
        application.declined_at = call.published_at + datetime.timedelta(days=4)
        return Application.Status.DECLINED
    if draw < 0.6:
        application.outcome = Application.Outcome.RESERVE
        application.reserve_position = rng.randint(1, 30)
    else:
        application.outcome = Application.Outcome.NOT_SELECTED
    return Application.Status.SUBMITTED
