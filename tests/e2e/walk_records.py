"""The records the phone walk opens pages of (tests/e2e/test_phone_layout.py), with names
and titles as long as a user can paste, so that a page too narrow for them shows."""

from __future__ import annotations

import datetime

from django.utils import timezone


def unbroken(length: int) -> str:
    """A name without a space, as pasted from a URL or a badly exported sheet."""
    return ("Xalqarohamkorlik" * 20)[:length]


def _grant_records(faculty_a, partner) -> dict:
    """A running project of faculty A with long names, a deadline, a receipt, an expense."""
    from hamkor.grants.models import BudgetHeading, Programme
    from hamkor.grants.tests.factories import ProjectFactory, ReportingDeadlineFactory, funded
    from hamkor.grants.tests.money_factories import ExpenseFactory, ReceiptFactory

    project = funded(
        ProjectFactory(
            faculty=faculty_a,
            title=unbroken(300),
            acronym=unbroken(40),
            project_number=unbroken(60),
            partners=[partner],
        )
    )
    receipt = ReceiptFactory(project=project, payer=unbroken(200))
    expense = ExpenseFactory(project=project, description=unbroken(300))
    return {
        "project": project.pk,
        "reportingdeadline": ReportingDeadlineFactory(project=project).pk,
        "receipt": receipt.pk,
        "expense": expense.pk,
        "exchangerate": _rate_pk(receipt),
        "programme": Programme.objects.get(code="erasmus-ka171").pk,
        "budgetheading": BudgetHeading.objects.get(code="travel").pk,
    }


def _rate_pk(receipt) -> int:
    from hamkor.grants.models import ExchangeRate

    return ExchangeRate.objects.get(currency=receipt.currency, date=receipt.received_on).pk


def _student_records(mobilities, faculty_a, officer) -> dict:
    """The guest of faculty A and the applicant as foreign students, with long texts."""
    from hamkor.students.services import fee_payment_add, student_request_file
    from hamkor.students.tests.factories import ForeignStudentFactory

    records = {}
    for key in ("mobility", "portal"):
        student = ForeignStudentFactory(
            person=mobilities[key].person,
            faculty=faculty_a,
            programme=unbroken(200),
            contract_number=unbroken(40),
            visa_number=unbroken(40),
            visa_valid_to=timezone.localdate() + datetime.timedelta(days=3),
        )
        request = student_request_file(
            student=student,
            kind="housing",
            subject=unbroken(200),
            description=unbroken(2000),
            actor=officer,
        )
        records[key] = (student, request)
    student, request = records["mobility"]
    payment = fee_payment_add(
        student=student, paid_on=timezone.localdate(), amount=10**9, currency="UZS", actor=officer
    )
    return {
        "foreignstudent": student.pk,
        "student": student.pk,
        "studentrequest": request.pk,
        "feepayment": payment.pk,
        "portal_request": records["portal"][1].pk,
    }


def _event_records(faculty_a, partner, officer):
    """An open event of ours with a participant whose certificate is issued, and an outcome."""
    from hamkor.events.certificates import certificate_issue
    from hamkor.events.tests.factories import (
        EventFactory,
        ParticipantFactory,
        PublicationFactory,
    )

    event = EventFactory(
        home_unit=faculty_a,
        start=timezone.localdate() - datetime.timedelta(days=1),
        end=timezone.localdate() - datetime.timedelta(days=1),
        registration_open=True,
        capacity=30,
        title_uz=unbroken(300),
        title_ru=unbroken(300),
        title_en=unbroken(300),
        venue=unbroken(300),
        link="https://example.org/" + unbroken(150),
    )
    event.partners.add(partner)
    participant = certificate_issue(
        participant=ParticipantFactory(
            event=event, name=unbroken(200), affiliation=unbroken(300), hours=6
        ),
        actor=officer,
    )
    # Held yesterday (its certificate issued), then put on again next month: its public page
    # shows the registration form.
    next_month = timezone.localdate() + datetime.timedelta(days=30)
    type(event).objects.filter(pk=event.pk).update(start=next_month, end=next_month)
    event.refresh_from_db()
    publication = PublicationFactory(
        event=event, title=unbroken(500), venue=unbroken(300), doi="10.1234/" + unbroken(150)
    )
    return event, participant, publication


def _content_records(officer) -> dict:
    """A published news item with a picture and a page under another, with long texts."""
    from hamkor.website.tests.content_factories import NewsItemFactory, PageFactory, site_image

    image = site_image(actor=officer, alt_uz=unbroken(300))
    long_text = f"<p>{unbroken(2000)}</p><table><tr><td>{unbroken(300)}</td></tr></table>"
    item = NewsItemFactory(
        status="published",
        title_uz=unbroken(300),
        summary_uz=unbroken(600),
        body_uz=long_text + f'<p><img src="{image.url}" alt="x"></p>',
        image=image,
    )
    from hamkor.partners.tests.factories import InstitutionFactory
    from hamkor.website.tests.opportunity_factories import OpportunityFactory

    top = PageFactory(status="published", title_uz=unbroken(200), body_uz=long_text)
    page = PageFactory(
        status="published",
        parent=top,
        title_uz=unbroken(200),
        body_uz=long_text + f"<ul><li>{unbroken(300)}</li></ul>",
        checklist=True,
    )
    opportunity = OpportunityFactory(
        status="published",
        title_uz=unbroken(300),
        summary_uz=unbroken(600),
        body_uz=long_text,
        url=f"https://example.org/{unbroken(300)}",
        partner=InstitutionFactory(name=unbroken(300), name_uz=unbroken(300), country="KR"),
    )
    return {
        "opportunity": opportunity.pk,
        "opportunity_key": opportunity.slug,
        "newsitem": item.pk,
        "news_key": item.slug,
        "page": page.pk,
        "page_path": page.path,
        "siteimage": image.pk,
    }


def calls_walk_records(faculty_a) -> dict:
    """An open call with long titles, a place, a criterion and a submitted application."""
    from hamkor.accounts.tests.factories import UserFactory
    from hamkor.calls.models import Application, Reviewer
    from hamkor.calls.tests.factories import open_call, person_for

    call = open_call(places=1, title_uz=unbroken(300), title_en=unbroken(300))
    user = UserFactory(roles=["applicant"], email="walk.applicant@example.org")
    application = Application.objects.create(
        call=call,
        applicant=user,
        person=person_for(user, faculty_a),
        motivation=unbroken(2000),
    )
    Application.objects.filter(pk=application.pk).update(status="submitted", eligible=False)
    reviewer = Reviewer.objects.create(call=call, user=UserFactory(roles=["reviewer"]))
    return {
        "reviewer": reviewer.pk,
        "call": call.pk,
        "place": call.places.get().pk,
        "criterion": call.criteria.first().pk,
        "application": application.pk,
    }
