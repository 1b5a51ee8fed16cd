"""The traveller's own pages: their exchanges, their documents, their letter; nobody else's."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hamkor.core.documents import document_add
from hamkor.core.models import Document
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.reminders import documents_asked, traveller_document_add
from hamkor.mobility.services import mobility_invitation_issue
from hamkor.mobility.tests.test_deadlines import DAY, make_mobility, make_person, pdf

OUTGOING = Mobility.Direction.OUTGOING


@pytest.fixture
def me(applicant, faculty_a):
    """The applicant persona's own registry entry."""
    return make_person(
        "Karimova",
        first_name="Dilnoza",
        category=Person.Category.STUDENT,
        org_unit=faculty_a,
        citizenship="UZ",
        user=applicant,
    )


@pytest.fixture
def trip(me):
    """An exchange I am back from, a week ago; no report yet."""
    today = timezone.localdate()
    return make_mobility(
        me,
        start=today - 100 * DAY,
        days=93,
        actual_start=today - 100 * DAY,
        actual_end=today - 7 * DAY,
        direction=OUTGOING,
        kind=Mobility.Kind.STUDENT_STUDY,
        status=Mobility.Status.COMPLETED,
    )


@pytest.fixture
def next_trip(me):
    today = timezone.localdate()
    return make_mobility(
        me,
        start=today + 60 * DAY,
        days=120,
        direction=OUTGOING,
        kind=Mobility.Kind.STUDENT_STUDY,
    )


@pytest.fixture
def somebody_elses(db, faculty_a):
    other = make_person(
        "Other", category=Person.Category.STUDENT, org_unit=faculty_a, citizenship="UZ"
    )
    return make_mobility(other, start=timezone.localdate(), direction=OUTGOING)


def test_portal_lists_my_exchanges_only(as_user, trip, next_trip, somebody_elses):
    response = as_user("applicant").get(reverse("mobility:portal"))

    assert response.status_code == 200
    assert response.context["mobilities"] == [next_trip, trip]
    html = response.content.decode()
    assert str(trip.receiving_institution) in html
    assert str(somebody_elses.receiving_institution) not in html


def test_portal_shows_the_documents_asked_at_each_stage(as_user, trip, next_trip):
    response = as_user("applicant").get(reverse("mobility:portal"))

    before, after = ([item.kind for item in m.checklist] for m in response.context["mobilities"])
    assert before == ["learning_agreement"]
    assert after == ["certificate", "transcript", "report"]


def test_portal_menu_item_for_linked_users_only(as_user, me, client):
    # "My exchanges" grew into "My university", which lists the exchanges too.
    response = as_user("applicant").get(reverse("accounts:profile"))
    assert reverse("students:portal") in response.content.decode()
    university = as_user("applicant").get(reverse("students:portal")).content.decode()
    assert "My exchanges" in university and "Karimova" in university

    client.logout()
    response = as_user("coordinator").get(reverse("accounts:profile"))
    assert reverse("students:portal") not in response.content.decode()


def test_user_without_a_person_gets_a_friendly_page(as_user, somebody_elses):
    response = as_user("applicant").get(reverse("mobility:portal"))

    assert response.status_code == 200
    assert "No exchange is linked to your account" in response.content.decode()


def test_my_exchange_page_offers_the_documents_asked(as_user, trip):
    response = as_user("applicant").get(reverse("mobility:portal_mobility", kwargs={"pk": trip.pk}))

    assert response.status_code == 200
    assert [kind for kind, _label in response.context["upload_kinds"]] == [
        "certificate",
        "transcript",
        "report",
    ]


@pytest.mark.parametrize("persona", ["applicant", "officer", "admin"])
def test_somebody_elses_exchange_is_not_found(as_user, me, somebody_elses, persona):
    client = as_user(persona)
    pk = somebody_elses.pk

    assert client.get(reverse("mobility:portal_mobility", kwargs={"pk": pk})).status_code == 404
    assert client.get(reverse("mobility:portal_letter", kwargs={"pk": pk})).status_code == 404
    upload = client.post(
        reverse("mobility:portal_upload", kwargs={"pk": pk}), {"kind": "report", "file": pdf()}
    )
    assert upload.status_code == 404
    assert not Document.objects.exists()


def test_uploading_the_report_marks_it_received(as_user, trip, applicant):
    response = as_user("applicant").post(
        reverse("mobility:portal_upload", kwargs={"pk": trip.pk}),
        {"kind": "report", "file": pdf("my report.pdf")},
        follow=True,
    )

    assert response.status_code == 200
    assert "my report.pdf received as Report" in response.content.decode()
    trip.refresh_from_db()
    assert trip.report_received_on == timezone.localdate()
    latest = trip.history.first()
    assert (latest.history_change_reason, latest.history_user) == (
        "mobility.mobility.report_received",
        applicant,
    )
    document = Document.objects.get()
    assert (document.record, document.kind) == (trip, "report")
    assert document.current.uploaded_by == applicant


def test_a_second_report_keeps_the_first_date(trip, applicant):
    day = datetime.date(2026, 3, 1)
    traveller_document_add(mobility=trip, kind="report", upload=pdf(), actor=applicant, today=day)
    traveller_document_add(
        mobility=trip, kind="report", upload=pdf(), actor=applicant, today=day + DAY
    )

    trip.refresh_from_db()
    assert trip.report_received_on == day
    assert Document.objects.filter(kind="report").count() == 2


def test_only_the_documents_asked_can_be_uploaded(as_user, trip, next_trip):
    client = as_user("applicant")

    # A learning agreement after the return, a report before the departure: refused.
    for mobility, kind in ((trip, "learning_agreement"), (next_trip, "report"), (trip, "letter")):
        response = client.post(
            reverse("mobility:portal_upload", kwargs={"pk": mobility.pk}),
            {"kind": kind, "file": pdf()},
            follow=True,
        )
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    assert not Document.objects.exists()
    with pytest.raises(ValidationError):
        traveller_document_add(mobility=trip, kind="acceptance", upload=pdf(), actor=None)


def test_a_file_that_is_not_a_document_is_refused_with_the_reason(as_user, next_trip):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = as_user("applicant").post(
        reverse("mobility:portal_upload", kwargs={"pk": next_trip.pk}),
        {"kind": "learning_agreement", "file": SimpleUploadedFile("virus.exe", b"MZ\x90\x00")},
        follow=True,
    )

    assert "Only PDF, DOCX, XLSX, JPEG and PNG files can be attached" in (response.content.decode())
    assert not Document.objects.exists()


def test_uploading_the_learning_agreement_before_the_trip(as_user, next_trip):
    as_user("applicant").post(
        reverse("mobility:portal_upload", kwargs={"pk": next_trip.pk}),
        {"kind": "learning_agreement", "file": pdf("la.pdf")},
    )

    next_trip.refresh_from_db()
    assert Document.objects.get().kind == "learning_agreement"
    assert next_trip.report_received_on is None


def test_documents_asked_of_cancelled_and_incoming(me):
    today = timezone.localdate()
    cancelled = make_mobility(me, start=today, direction=OUTGOING, status=Mobility.Status.CANCELLED)
    guest_student = make_mobility(
        make_person("Guest"), start=today + 200 * DAY, kind=Mobility.Kind.STUDENT_STUDY
    )
    guest_professor = make_mobility(make_person("Prof"), start=today + 300 * DAY)

    assert documents_asked(cancelled) == []
    assert documents_asked(guest_student) == ["learning_agreement"]
    assert documents_asked(guest_professor) == []


def test_i_download_my_documents_and_nobody_elses(as_user, trip, somebody_elses, officer):
    mine = document_add(record=trip, kind="certificate", upload=pdf("cert.pdf"), actor=officer)
    theirs = document_add(record=somebody_elses, kind="report", upload=pdf(), actor=officer)
    client = as_user("applicant")

    response = client.get(reverse("mobility:portal_download", kwargs={"pk": mine.current.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = client.get(reverse("mobility:portal_download", kwargs={"pk": theirs.current.pk}))
    assert other.status_code == 404
    page = client.get(reverse("mobility:portal_mobility", kwargs={"pk": trip.pk}))
    assert reverse("mobility:portal_download", kwargs={"pk": mine.current.pk}) in (
        page.content.decode()
    )


def test_a_document_of_another_record_is_not_served(as_user, me, officer):
    from hamkor.agreements.tests.factories import AgreementFactory

    agreement = AgreementFactory()
    document = document_add(record=agreement, kind="signed", upload=pdf(), actor=officer)
    # The agreement's id may equal one of my mobilities': the record type must match too.
    make_mobility(me, start=timezone.localdate(), direction=OUTGOING)

    response = as_user("applicant").get(
        reverse("mobility:portal_download", kwargs={"pk": document.current.pk})
    )
    assert response.status_code == 404


# --- Invitation letters of incoming guests --------------------------------------------------


@pytest.fixture
def guest_me(applicant, officer):
    """The applicant persona as an incoming guest whose letter was issued."""
    person = make_person("Schmidt", first_name="Jonas", user=applicant, language="en")
    mobility = make_mobility(person, start=timezone.localdate() + 30 * DAY)
    return mobility_invitation_issue(mobility=mobility, actor=officer)


def test_guest_downloads_their_invitation_letter(as_user, guest_me):
    client = as_user("applicant")

    page = client.get(reverse("mobility:portal_mobility", kwargs={"pk": guest_me.pk}))
    assert reverse("mobility:portal_letter", kwargs={"pk": guest_me.pk}) in page.content.decode()
    response = client.get(reverse("mobility:portal_letter", kwargs={"pk": guest_me.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert guest_me.invitation_reference in response["Content-Disposition"]


def test_no_letter_before_it_is_issued_or_for_outgoing(as_user, trip, me):
    guest = make_mobility(make_person("Unissued", user=None), start=timezone.localdate() + 40 * DAY)
    client = as_user("applicant")

    assert client.get(reverse("mobility:portal_letter", kwargs={"pk": trip.pk})).status_code == 404
    assert client.get(reverse("mobility:portal_letter", kwargs={"pk": guest.pk})).status_code == 404
    page = client.get(reverse("mobility:portal_mobility", kwargs={"pk": trip.pk}))
    assert "Invitation letter (PDF)" not in page.content.decode()


def test_another_guests_letter_is_not_found(as_user, me, officer):
    guest = make_mobility(make_person("Stranger"), start=timezone.localdate() + 30 * DAY)
    mobility_invitation_issue(mobility=guest, actor=officer)

    response = as_user("applicant").get(reverse("mobility:portal_letter", kwargs={"pk": guest.pk}))
    assert response.status_code == 404
