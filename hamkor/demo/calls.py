"""Demo data of the calls: an Erasmus+ KA171 call open now, and a bilateral call closed ten
days ago with eight submitted applications in the four languages, under evaluation: the
committee's member has scored them and the ranking and allocation are computed.

Everything goes through the services (the office's ``demo.loaded`` steps and the applicants'
own drafts and submissions at a moment inside the call's window). Calls are keyed by their
English title, applicants by their address: a second run adds nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.agreements.models import Agreement
from hamkor.calls import applying, committee_services, selection_services, services
from hamkor.calls.models import Call, Criterion, Place
from hamkor.core.services import object_save
from hamkor.demo.mobility.setup import STUDENT_DOMAIN
from hamkor.demo.partners import demo_partners
from hamkor.mobility.models import Person

OFFICE = "officer@hamkor.demo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

KA171 = {
    "title_en": "Erasmus+ KA171: a study semester at a partner university, 2027/28",
    "title_uz": "Erasmus+ KA171: hamkor universitetda bir semestr oʻqish, 2027/28",
    "title_ru": "Erasmus+ KA171: семестр обучения в университете-партнёре, 2027/28",
    "description_en": "Bachelor and master students study one semester abroad with an Erasmus+ "
    "grant; credits are recognised at home.",
    "description_uz": "Bakalavr va magistratura talabalari Erasmus+ granti bilan bir semestr "
    "xorijda oʻqiydi; kreditlar universitetimizda tan olinadi.",
    "description_ru": "Студенты бакалавриата и магистратуры учатся семестр за рубежом по гранту "
    "Erasmus+; кредиты признаются в университете.",
    "programme": Call.Programme.KA171,
    "audience": Call.Audience.STUDENTS,
    "max_preferences": 3,
    "study_levels": ["bachelor", "master"],
    "years_of_study": [2, 3, 4],
    "min_gpa": Decimal("3.50"),
    "gpa_scale": Decimal("5.00"),
    "language": "en",
    "min_cefr": "B1",
    "required_documents": ["transcript", "language_certificate"],
}
BILATERAL = {
    "title_en": "Bilateral exchange: spring semester 2027",
    "title_uz": "Ikki tomonlama almashinuv: 2027-yil bahorgi semestr",
    "title_ru": "Двусторонний обмен: весенний семестр 2027 года",
    "description_en": "Places under our exchange agreements, tuition waived by the partners.",
    "description_uz": "Almashinuv shartnomalarimiz boʻyicha oʻrinlar, oʻqish toʻlovisiz.",
    "description_ru": "Места по нашим соглашениям об обмене, без оплаты обучения.",
    "programme": Call.Programme.BILATERAL,
    "audience": Call.Audience.STUDENTS,
    "max_preferences": 2,
    "min_gpa": Decimal("3.00"),
    "gpa_scale": Decimal("5.00"),
    "required_documents": ["transcript"],
}
CRITERIA = (
    ("gpa", "Oʻzlashtirish (GPA)", "Успеваемость (GPA)", "Grades (GPA)", 40),
    ("language", "Til bilishi", "Знание языка", "Language", 30),
    ("motivation", "Motivatsiya xati", "Мотивационное письмо", "Motivation letter", 30),
)
# (first name, last name, language of their mail, GPA, faculty code, preferences by index)
APPLICANTS = (
    ("Dilnoza", "Ergasheva", "uz", "4.60", "philology", (0, 1)),
    ("Sardor", "Qodirov", "uz", "4.10", "exact", (1, 0)),
    ("Anna", "Kim", "ru", "4.35", "social", (0,)),
    ("Bekzod", "Xolmatov", "uz-cyrl", "3.80", "pedpsy", (2, 0)),
    ("Madina", "Yusupova", "en", "4.80", "philology", (0, 2)),
    ("Timur", "Abdullaev", "ru", "2.90", "chem", (1,)),
    ("Gulnoza", "Rahimova", "uz", "4.10", "primary", (2,)),
    ("Javohir", "Mirzaev", "en", "3.95", "arts", (1, 2)),
)


REVIEWER = "reviewer@hamkor.demo"


def load(stdout) -> None:
    officer = User.objects.get(email=OFFICE)
    partners = demo_partners()
    if len(partners) < 3:
        stdout.write("calls: skipped (fewer than three demo partners)")
        return
    # Calls open at 09:00 and close at 18:00, office time, as the office would set them.
    today = timezone.localdate()
    open_call = _call(KA171, _at(today, -5, 9), _at(today, 30, 18))
    if open_call.status == Call.Status.DRAFT:
        _parts(open_call, partners[:3], seats=(2, 1, 1), officer=officer)
        services.call_transition(call=open_call, name="open", actor=officer)
    closed = _call(BILATERAL, _at(today, -40, 9), _at(today, -10, 18))
    if closed.status == Call.Status.DRAFT:
        _parts(closed, partners[3:6], seats=(1, 2, 0), officer=officer)
        closed = services.call_transition(call=closed, name="open", actor=officer)
        _applications(closed, at=closed.opens_at + datetime.timedelta(days=7))
        closed = services.call_transition(call=closed, name="close", actor=officer)
    if closed.status == Call.Status.CLOSED:
        _evaluation(closed, officer=officer)
    stdout.write(
        f"calls: {Call.objects.count()}, applications to the closed call: "
        f"{closed.applications.count()}"
    )


def _evaluation(call: Call, *, officer) -> None:
    """The committee's work on the closed call: its demo member scores every application
    admitted to the selection, and the office computes the ranking and the allocation, so
    that the scores page, the workbook and the ranking PDF show a selection."""
    reviewer = User.objects.get(email=REVIEWER)
    committee_services.reviewer_assign(call=call, user=reviewer, actor=officer)
    call = services.call_transition(call=call, name="evaluate", actor=officer)
    criteria = {c.code: c.pk for c in call.criteria.all()}
    applications = call.applications.select_related("person").order_by("submitted_at", "id")
    for n, application in enumerate(applications):
        if not committee_services.in_selection(application):
            continue
        # Deterministic scores: the GPA on 100, the others spread over a plausible range.
        values = {
            "gpa": (application.gpa or 0) / call.gpa_scale * 100,
            "language": Decimal(60 + (n * 7) % 35),
            "motivation": Decimal(70 + (n * 11) % 25),
        }
        committee_services.scores_save(
            application=application,
            reviewer=reviewer,
            values={
                criteria[code]: value.quantize(Decimal("0.01")) for code, value in values.items()
            },
            actor=reviewer,
        )
    selection_services.selection_compute(call=call, actor=officer)


def _at(day: datetime.date, days: int, hour: int) -> datetime.datetime:
    """``hour`` o'clock in Tashkent, ``days`` days from ``day``."""
    moment = datetime.datetime.combine(day + datetime.timedelta(days=days), datetime.time(hour))
    return timezone.make_aware(moment)


def _call(fields: dict, opens_at, closes_at) -> Call:
    call = Call.objects.filter(title_en=fields["title_en"]).first()
    if call is not None:
        return call
    call = Call(**fields, opens_at=opens_at, closes_at=closes_at)
    return services.call_save(call=call, actor=None)


def _parts(call: Call, partners, *, seats, officer) -> None:
    for partner, count in zip(partners, seats, strict=False):
        agreement = (
            Agreement.objects.filter(institutions=partner, status=Agreement.Status.ACTIVE)
            .order_by("-signed_on")
            .first()
        )
        services.place_save(
            place=Place(
                call=call,
                institution=partner,
                agreement=agreement,
                seats=count,
                months=Decimal(5),
                study_level="bachelor",
                semester=Place.Semester.AUTUMN
                if call.programme == Call.Programme.KA171
                else Place.Semester.SPRING,
            ),
            actor=officer,
        )
    for order, (code, uz, ru, en, weight) in enumerate(CRITERIA, start=1):
        services.criterion_save(
            criterion=Criterion(
                call=call, code=code, name_uz=uz, name_ru=ru, name_en=en, weight=weight, order=order
            ),
            actor=officer,
        )


# Their names as their passports write them (Cyrillic), surname first as in people.py.
ORIGINAL_NAMES = {
    "Ergasheva": "Эргашева Дилноза",
    "Qodirov": "Қодиров Сардор",
    "Kim": "Ким Анна",
    "Xolmatov": "Холматов Бекзод",
    "Yusupova": "Юсупова Мадина",
    "Abdullaev": "Абдуллаев Тимур",
    "Rahimova": "Раҳимова Гулноза",
    "Mirzaev": "Мирзаев Жавоҳир",
}


def _applications(call: Call, *, at: datetime.datetime) -> None:
    places = list(call.places.order_by("id"))
    applicant_group = Group.objects.get(name=Role.APPLICANT)
    for n, (first, last, language, gpa, faculty, ranked) in enumerate(APPLICANTS):
        email = f"{first}.{last}.apply@{STUDENT_DOMAIN}".lower()
        unit = OrgUnit.objects.get(code=faculty, institution__is_home=True)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, None, full_name=f"{first} {last}", language=language, org_unit=unit
            )
            user.groups.add(applicant_group)
        person = Person.objects.filter(user=user).first() or object_save(
            instance=Person(
                category=Person.Category.STUDENT,
                last_name=last,
                first_name=first,
                name_original=ORIGINAL_NAMES[last],
                citizenship="UZ",
                org_unit=unit,
                study_level=Person.StudyLevel.BACHELOR,
                email=email,
                language="uz" if language == "uz-cyrl" else language,
                user=user,
            ),
            actor=None,
            reason="demo.loaded",
        )
        moment = at + datetime.timedelta(hours=3 * n)
        application = applying.application_start(call=call, actor=user, now=moment)
        application.person = person
        application.gpa = Decimal(gpa)
        application.study_level = "bachelor"
        application.year_of_study = 2 + n % 3
        application.motivation = f"{first} {last}: " + (
            "I would like to study abroad to strengthen my field and bring the experience home."
        )
        application = applying.application_save(
            application=application,
            preferences=[places[index] for index in ranked if index < len(places)],
            actor=user,
            expected_version=application.version,
        )
        applying.application_document_add(
            application=application,
            kind="transcript",
            upload=ContentFile(PDF, name="transcript.pdf"),
            actor=user,
        )
        applying.application_submit(application=application, actor=user, now=moment)
