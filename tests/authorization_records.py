"""The records the authorization matrix opens its pages on: one of each kind, per app
(``tests/test_authorization_matrix.py`` gathers them in its ``objects`` fixture)."""

from __future__ import annotations

import datetime


def job(officer) -> int:
    """A finished export of the officer's, with its file."""
    import io

    from hamkor.core import jobs
    from hamkor.core.models import Job

    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT, model="partners.Institution")
    jobs.job_run(
        job.pk,
        lambda job, progress: jobs.job_attach(job, handle=io.BytesIO(b"a,b\n"), name="x.csv"),
    )
    return job.pk


def grant_money_records(faculty_a) -> dict:
    """A project of faculty A with a receipt, an expense and the rate of their day."""
    from hamkor.grants.tests.money_factories import (
        ExpenseFactory,
        MoneyProjectFactory,
        ReceiptFactory,
    )

    project = MoneyProjectFactory(faculty=faculty_a)
    receipt = ReceiptFactory(project=project)
    expense = ExpenseFactory(project=project)
    return {
        "project": project.pk,
        "receipt": receipt.pk,
        "expense": expense.pk,
        "exchangerate": rate_of(receipt),
    }


def rate_of(receipt) -> int:
    from hamkor.grants.models import ExchangeRate

    return ExchangeRate.objects.get(currency=receipt.currency, date=receipt.received_on).pk


def portal_records(applicant, officer) -> dict:
    """The applicant persona as an incoming guest with an issued letter and a document."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hamkor.core.documents import document_add
    from hamkor.mobility.models import Mobility, Person
    from hamkor.mobility.services import mobility_invitation_issue
    from hamkor.partners.tests.factories import HomeInstitutionFactory, InstitutionFactory

    person = Person.objects.create(
        category="foreign_professor",
        last_name="Guest",
        first_name="Own",
        citizenship="DE",
        user=applicant,
    )
    mobility = Mobility.objects.create(
        person=person,
        direction="incoming",
        kind="staff_teaching",
        programme="bilateral",
        sending_institution=InstitutionFactory(country="DE"),
        receiving_institution=HomeInstitutionFactory(),
        status="accepted",
        planned_start="2030-03-01",
        planned_end="2030-03-20",
    )
    mobility_invitation_issue(mobility=mobility, actor=officer)
    document = document_add(
        record=mobility,
        kind="acceptance",
        upload=SimpleUploadedFile("acceptance.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=officer,
    )
    return {"portal_mobility": mobility.pk, "portal_version": document.current.pk}


def mobility_records(faculty_a, officer) -> dict:
    """A guest hosted by faculty A (within its coordinator's reach) with an issued letter."""
    from hamkor.mobility.models import Mobility, Person
    from hamkor.mobility.services import mobility_invitation_issue
    from hamkor.partners.tests.factories import HomeInstitutionFactory, InstitutionFactory

    person = Person.objects.create(
        category="foreign_professor",
        last_name="Hosted",
        first_name="Guest",
        citizenship="FR",
        org_unit=faculty_a,
    )
    mobility = Mobility.objects.create(
        person=person,
        direction="incoming",
        kind="research",
        programme="partner",
        sending_institution=InstitutionFactory(country="FR"),
        receiving_institution=HomeInstitutionFactory(),
        home_unit=faculty_a,
        planned_start="2030-05-01",
        planned_end="2030-05-10",
    )
    mobility_invitation_issue(mobility=mobility, actor=officer)
    return {"person": person.pk, "mobility": mobility.pk}


def student_records(faculty_a, foreign_student, officer) -> dict:
    """A foreign student of faculty A with a payment, and the foreign student persona's own
    request with its attachment."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hamkor.students.models import ForeignStudent
    from hamkor.students.services import fee_payment_add, student_request_file
    from hamkor.students.tests.factories import ForeignStudentFactory, StudentRequestFactory

    student = ForeignStudentFactory(faculty=faculty_a)
    payment = fee_payment_add(
        student=student, paid_on="2025-09-01", amount=1000, currency="UZS", actor=officer
    )
    own = ForeignStudent.objects.get(person__user=foreign_student)
    own_request = student_request_file(
        student=own,
        kind="documents",
        subject="A certificate of study",
        actor=foreign_student,
        upload=SimpleUploadedFile("passport.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    return {
        "foreignstudent": student.pk,
        "feepayment": payment.pk,
        "studentrequest": StudentRequestFactory(student=student).pk,
        "portal_request": own_request.pk,
        "portal_request_file": own_request_version(own_request),
    }


def own_request_version(request) -> int:
    from hamkor.core.documents import documents_for

    return documents_for(request).get().current.pk


def event_records(faculty_a, officer) -> dict:
    """An open event of faculty A with a participant whose certificate is issued."""
    from hamkor.events.certificates import certificate_issue
    from hamkor.events.tests.factories import (
        EventFactory,
        ParticipantFactory,
        PublicationFactory,
    )

    # Over (yesterday), so that its certificate can be issued.
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    event = EventFactory(
        home_unit=faculty_a, registration_open=True, start=yesterday, end=yesterday
    )
    participant = certificate_issue(participant=ParticipantFactory(event=event), actor=officer)
    publication = PublicationFactory(event=event)
    return {"event": event.pk, "participant": participant.pk, "publication": publication.pk}


# The ranking indicators, the university's years and the strategy targets (reports app).
_STAFF_READ = (200, 200, 200, 200, 200, 403, 403, 403, 403, 302)
_OFFICE_WRITE = (200, 200, 403, 403, 403, 403, 403, 403, 403, 302)
REPORTS_INDICATORS_MATRIX = {
    "reports:indicators": _STAFF_READ,
    "reports:targets": _STAFF_READ,
    "reports:universityyear_list": _STAFF_READ,
    "reports:universityyear_detail": _STAFF_READ,
    "reports:universityyear_history": _STAFF_READ,
    "reports:universityyear_add": _OFFICE_WRITE,
    "reports:universityyear_edit": _OFFICE_WRITE,
    "reports:universityyear_delete": _OFFICE_WRITE,
    "reports:universityyear_close": _OFFICE_WRITE,
    "reports:universityyear_reopen": (200, 403, 403, 403, 403, 403, 403, 403, 403, 302),
    "reports:target_list": _STAFF_READ,
    # A target of faculty A: faculty B's coordinator finds nothing (TargetQuerySet.scope).
    "reports:target_detail": (200, 200, 200, 404, 200, 403, 403, 403, 403, 302),
    "reports:target_history": (200, 200, 200, 404, 200, 403, 403, 403, 403, 302),
    "reports:target_add": _OFFICE_WRITE,
    "reports:target_edit": _OFFICE_WRITE,
    "reports:target_delete": _OFFICE_WRITE,
}


# Contact and reception: the public forms for everyone, a forged cancellation link finds
# nothing; inquiries and bookings are personal data, for the office only; reception
# hours and holidays are read by all staff.
_EVERYONE = (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
RECEPTION_MATRIX = {
    "public:contact": _EVERYONE,
    "public:reception": _EVERYONE,
    "public:reception_cancel": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
    "website:inquiry_list": _OFFICE_WRITE,
    "website:inquiry_detail": _OFFICE_WRITE,
    "website:inquiry_history": _OFFICE_WRITE,
    "website:inquiry_delete": _OFFICE_WRITE,
    "website:inquiry_transition": _OFFICE_WRITE,
    "website:booking_list": _OFFICE_WRITE,
    "website:booking_detail": _OFFICE_WRITE,
    "website:booking_history": _OFFICE_WRITE,
    "website:booking_day": _OFFICE_WRITE,
    "website:booking_transition": _OFFICE_WRITE,
    "website:receptionhours_list": _STAFF_READ,
    "website:receptionhours_detail": _STAFF_READ,
    "website:receptionhours_history": _STAFF_READ,
    "website:receptionhours_add": _OFFICE_WRITE,
    "website:receptionhours_edit": _OFFICE_WRITE,
    "website:receptionhours_delete": _OFFICE_WRITE,
    "website:holiday_list": _STAFF_READ,
    "website:holiday_detail": _STAFF_READ,
    "website:holiday_history": _STAFF_READ,
    "website:holiday_add": _OFFICE_WRITE,
    "website:holiday_edit": _OFFICE_WRITE,
    "website:holiday_delete": _OFFICE_WRITE,
}


def indicator_records(faculty_a, officer) -> dict:
    """The totals of a closed year and a target of faculty A."""
    from hamkor.reports.indicator_services import university_year_close
    from hamkor.reports.tests.indicator_factories import TargetFactory, UniversityYearFactory

    year = university_year_close(record=UniversityYearFactory(year=2024), actor=officer)
    target = TargetFactory(key="inbound_exchange", year=2025, faculty=faculty_a)
    return {"universityyear": year.pk, "target": target.pk}


def reception_records() -> dict:
    """An inquiry, reception hours, a holiday and a booking (for an hour ago: every step of
    the office's may be offered on it)."""
    import datetime

    from django.utils import timezone

    from hamkor.website.tests.reception_factories import (
        BookingFactory,
        HolidayFactory,
        InquiryFactory,
        ReceptionHoursFactory,
    )

    booking = BookingFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    return {
        "inquiry": InquiryFactory().pk,
        "receptionhours": ReceptionHoursFactory().pk,
        "holiday": HolidayFactory().pk,
        "booking": booking.pk,
    }


def content_records(officer) -> dict:
    """A published news item and page of the public site, and a picture."""
    from hamkor.website.tests.content_factories import NewsItemFactory, PageFactory, site_image

    item = NewsItemFactory(status="published")
    page = PageFactory(status="published")
    return {
        "newsitem": item.pk,
        "news_key": item.slug,
        "page": page.pk,
        "page_path": page.path,
        "siteimage": site_image(actor=officer).pk,
    }


def kwargs_for(name: str, objects: dict) -> dict:
    from tests.authorization_opportunities import opportunity_kwargs

    special = opportunity_kwargs(name, objects)
    if special is not None:
        return special
    from tests.authorization_calls import calls_kwargs

    calls = calls_kwargs(name, objects)
    if calls is not None:
        return calls
    from tests.authorization_api import api_kwargs

    api = api_kwargs(name, objects)
    if api is not None:
        return api
    from tests.authorization_feeds import feeds_kwargs

    feeds = feeds_kwargs(name, objects)
    if feeds is not None:
        return feeds
    from tests.authorization_privacy import privacy_kwargs

    privacy = privacy_kwargs(name, objects)
    if privacy is not None:
        return privacy
    from tests.authorization_selection import selection_kwargs

    selection = selection_kwargs(name, objects)
    if selection is not None:
        return selection
    if name == "website:inquiry_transition":
        return {"pk": objects["inquiry"], "name": "assign"}
    if name == "website:booking_transition":
        return {"pk": objects["booking"], "name": "attend"}
    if name in (
        "public:reception_cancel",
        "public:letter_verify",
        "public:event_cancel",
        "public:event_confirm",
        "public:certificate_verify",
        "public:certificate_download",
    ):
        return {"token": "unknown-code"}
    if name == "reports:achievement_records":
        return {"key": "agreements_signed"}
    if name in ("reports:universityyear_close", "reports:universityyear_reopen"):
        return {"pk": objects["universityyear"]}
    if name == "website:siteimage_file":
        return {"name": "0" * 32 + ".png"}
    if name == "public:news_detail":
        return {"key": objects["news_key"]}
    if name == "public:page_detail":
        return {"path": objects["page_path"]}
    if name in ("website:newsitem_transition", "website:page_transition"):
        return {"pk": objects[name.split(":")[1].split("_")[0]], "name": "withdraw"}
    if name in ("website:newsitem_preview", "website:page_preview"):
        return {"pk": objects[name.split(":")[1].split("_")[0]], "language": "uz-cyrl"}
    if name == "events:participant_step":
        return {"pk": objects["participant"], "step": "issue"}
    if name == "events:participant_certificate":
        return {"pk": objects["participant"]}
    if name == "accounts:password_reset_confirm":
        return {"uidb64": "MQ", "token": "set-password"}
    if name == "accounts:user_two_factor_reset":
        return {"pk": objects["user"]}
    if name == "reports:dashboard_export":
        return {"table": "agreements_by_year", "extension": "xlsx"}
    if name == "core:autocomplete":
        return {"source": "institution"}
    if name == "core:document_add":
        return objects["document_record"]
    if name == "core:document_download":
        return {"pk": objects["documentversion"]}
    if name == "core:job_download":
        return {"pk": objects["job"]}
    if name == "core:document_version_add":
        return {"pk": objects["document"]}
    if name == "mobility:portal_download":
        return {"pk": objects["portal_version"]}
    if name == "students:portal_request":
        return {"pk": objects["portal_request"]}
    if name == "students:portal_download":
        return {"pk": objects["portal_request_file"]}
    if name == "students:feepayment_add":
        return {"student_pk": objects["foreignstudent"]}
    if name == "students:foreignstudent_transition":
        return {"pk": objects["foreignstudent"], "name": "enrol"}
    if name == "students:studentrequest_transition":
        return {"pk": objects["studentrequest"], "name": "take"}
    if name == "students:studentrequest_reply":
        return {"pk": objects["studentrequest"]}
    if name.startswith("mobility:portal_"):
        return {"pk": objects["portal_mobility"]}
    if name == "mobility:mobility_transition":
        return {"pk": objects["mobility"], "name": "cancel"}
    if name in ("mobility:mobility_letter", "mobility:mobility_letter_issue"):
        return {"pk": objects["mobility"]}
    if name == "partners:interaction_done":
        return {"pk": objects["interaction"]}
    if name == "grants:project_transition":
        return {"pk": objects["project"], "name": "withdraw"}
    if name == "grants:reportingdeadline_add":
        return {"project_pk": objects["project"]}
    if name == "grants:project_grants":
        return {"pk": objects["project"]}
    if name == "agreements:agreement_transition":
        return {"pk": objects["agreement"], "name": "terminate"}
    if name in ("partners:institution_contact_add", "partners:institution_interaction_add"):
        return {"institution_pk": objects["institution"]}
    if name in (
        "grants:project_receipt_add",
        "grants:project_expense_add",
        "grants:project_money",
    ):
        return {"project_pk": objects["project"]}
    if name == "agreements:mobilityquota_add":
        return {"agreement_pk": objects["agreement"]}
    if name in ("agreements:agreement_renew", "agreements:agreement_amend"):
        return {"pk": objects["agreement"]}
    if name.endswith(("_detail", "_edit", "_delete", "_history", "_merge", "-detail")):
        model = name.split(":")[1].replace("-detail", "").rsplit("_", 1)[0]
        return {"pk": objects[model]}
    return {}


def office_records(faculty_a, officer) -> dict:
    """The office's own records the matrix's addresses name: partners, agreements,
    documents, mail, projects."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hamkor.agreements.models import Agreement
    from hamkor.core.documents import document_add
    from hamkor.core.models import OutboxMessage
    from hamkor.partners.models import Contact, Interaction
    from hamkor.partners.tests.factories import InstitutionFactory
    from hamkor.website.models import DepartmentProfile

    profile = DepartmentProfile.objects.create(institution=faculty_a.institution, name_uz="Boʻlim")
    from hamkor.core.models import EmailTemplate

    template = EmailTemplate.objects.create(code="welcome", subject_uz="Xush", body_uz="Matn")
    message = OutboxMessage.objects.create(
        sender="a@example.org", recipients="b@example.org", subject="s", body="b", status="kept"
    )
    agreement = Agreement.objects.create(reference="MOU-2025-900", kind="mou", title="Documents")
    document = document_add(
        record=agreement,
        kind="signed",
        upload=SimpleUploadedFile("signed.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=officer,
    )
    partner = InstitutionFactory(partnership="active")
    contact = Contact.objects.create(institution=partner, full_name="A. Partner")
    interaction = Interaction.objects.create(
        institution=partner, kind="email", date="2025-01-10", summary="s", owner=officer
    )
    from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory

    scoped = AgreementFactory(units=[faculty_a])
    quota = MobilityQuotaFactory(agreement=scoped)
    from hamkor.grants.models import BudgetHeading, Programme
    from hamkor.grants.tests.factories import ProjectFactory, ReportingDeadlineFactory

    project = ProjectFactory(faculty=faculty_a)
    return {
        "project": project.pk,
        "reportingdeadline": ReportingDeadlineFactory(project=project).pk,
        "programme": Programme.objects.get(code="other").pk,
        "budgetheading": BudgetHeading.objects.get(code="other").pk,
        "institution": partner.pk,
        "contact": contact.pk,
        "interaction": interaction.pk,
        "agreement": scoped.pk,
        "mobilityquota": quota.pk,
        "orgunit": faculty_a.pk,
        "user": officer.pk,
        "departmentprofile": profile.pk,
        "outboxmessage": message.pk,
        "emailtemplate": template.pk,
        "job": job(officer),
        "document": document.pk,
        "documentversion": document.current.pk,
        "document_record": {
            "content_type_id": document.content_type_id,
            "object_id": agreement.pk,
        },
    }
