"""Certificates: issued with a number, printed in the participant's language with their name
in that script, a QR code of the public check page (which answers), downloaded by the office
and by the participant's signed link, sent by e-mail, and in bulk as a background job."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from hamkor.core.models import Job
from hamkor.core.urls_helpers import absolute_url
from hamkor.events import certificates
from hamkor.events.certificates import (
    certificate_issue,
    certificate_pdf,
    certificate_send,
    download_url,
)
from hamkor.events.models import Participant
from hamkor.events.services import participant_cancel
from hamkor.events.tests.factories import EventFactory, ParticipantFactory
from hamkor.mobility.tests.test_services import StaffFactory

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def conference(home):
    return EventFactory(
        kind="conference",
        organisation="with_partners",
        title_en="Languages of Central Asia",
        title_ru="Языки Центральной Азии",
        title_uz="Markaziy Osiyo tillari",
        start=datetime.date(2025, 10, 14),
        end=datetime.date(2025, 10, 15),
    )


def test_a_certificate_in_russian_prints_the_cyrillic_name_reference_and_check_link(
    client, conference, officer, monkeypatch
):
    participant = ParticipantFactory(
        event=conference, name="Азиза Каримова", role="speaker", hours=6, language="ru"
    )
    participant = certificate_issue(participant=participant, actor=officer)
    encoded = []
    real_qr = certificates.qr_svg
    monkeypatch.setattr(certificates, "qr_svg", lambda url: encoded.append(url) or real_qr(url))

    text = pdf_text(certificate_pdf(participant)).replace("\n", " ")

    assert participant.certificate_reference == "CERT-2025-001"
    assert "Азиза Каримова" in text
    assert "CERT-2025-001" in text
    assert "Языки Центральной Азии" in text
    assert "14 октября 2025" in text and "15 октября 2025" in text
    with translation.override("ru"):
        check = reverse(
            "public:certificate_verify", kwargs={"token": participant.certificate_token}
        )
    assert encoded == [absolute_url(check)]
    assert absolute_url(check) in text.replace(" ", "")
    page = client.get(check)
    assert page.status_code == 200
    assert "CERT-2025-001" in page.content.decode()
    assert "Азиза Каримова" in page.content.decode()


def test_a_staff_members_certificate_in_uzbek_cyrillic_writes_their_name_in_cyrillic(
    conference, officer, faculty_a
):
    person = StaffFactory(org_unit=faculty_a, last_name="Karimov", first_name="Dilshod")
    participant = ParticipantFactory(event=conference, person=person, name="", language="uz-cyrl")
    participant = certificate_issue(participant=participant, actor=officer)

    text = pdf_text(certificate_pdf(participant))

    assert "Каримов Дилшод" in text
    assert "Марказий Осиё тиллари" in text


def test_a_latin_name_in_english(conference, officer, faculty_a):
    person = StaffFactory(org_unit=faculty_a, last_name="Karimov", first_name="Dilshod")
    participant = certificate_issue(
        participant=ParticipantFactory(event=conference, person=person, name="", language="en"),
        actor=officer,
    )

    text = pdf_text(certificate_pdf(participant))

    assert "Karimov Dilshod" in text and "Languages of Central Asia" in text
    assert "14 October 2025" in text


def test_an_unknown_code_is_not_confirmed(client, home):
    response = client.get(reverse("public:certificate_verify", kwargs={"token": "forged"}))
    assert response.status_code == 404
    assert "may be forged" in response.content.decode()


def test_a_cancelled_participants_certificate_is_no_longer_confirmed_or_downloaded(
    client, officer, conference
):
    participant = certificate_issue(participant=ParticipantFactory(event=conference), actor=officer)
    verify = reverse("public:certificate_verify", kwargs={"token": participant.certificate_token})
    download = reverse(
        "public:certificate_download", kwargs={"token": certificates.download_token(participant)}
    )
    assert client.get(verify).status_code == 200
    assert client.get(download).status_code == 200

    participant_cancel(participant=participant, actor=officer)

    refused = client.get(verify)
    assert refused.status_code == 404
    assert participant.certificate_reference not in refused.content.decode()
    assert client.get(download).status_code == 404


def test_no_certificate_is_generated_for_events_attended_elsewhere(officer, home):
    attended = EventFactory(organisation="attended")
    participant = ParticipantFactory(event=attended)

    with pytest.raises(Exception, match="only for events we organise"):
        certificate_issue(participant=participant, actor=officer)
    participant.refresh_from_db()
    assert participant.certificate_reference == ""


def test_no_certificate_for_the_waiting_list(officer, conference):
    waiting = ParticipantFactory(event=conference, registration="waiting")
    with pytest.raises(Exception, match="Only confirmed participants"):
        certificate_issue(participant=waiting, actor=officer)


def test_no_certificate_before_the_events_last_day(officer, home):
    today = datetime.date.today()
    running = EventFactory(start=today, end=today + datetime.timedelta(days=1))
    participant = ParticipantFactory(event=running)
    with translation.override("en"), pytest.raises(Exception, match="from the event's last day"):
        certificate_issue(participant=participant, actor=officer)
    running.end = today
    running.save()
    assert certificate_issue(participant=participant, actor=officer).certificate_reference


def test_issuing_twice_keeps_the_number(officer, conference):
    participant = ParticipantFactory(event=conference)
    first = certificate_issue(participant=participant, actor=officer).certificate_reference
    again = certificate_issue(participant=participant, actor=officer).certificate_reference
    assert first == again


def test_sent_by_email_with_the_pdf_and_the_participants_own_link(
    client, officer, conference, django_capture_on_commit_callbacks
):
    participant = ParticipantFactory(event=conference, name="Aziza Karimova", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        assert certificate_send(participant=participant, actor=officer)

    (message,) = mail.outbox
    assert message.to == [participant.email]
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("CERT-2025-001.pdf", "application/pdf")
    assert "Aziza Karimova" in pdf_text(content)
    participant.refresh_from_db()
    assert participant.certificate_sent_at is not None
    own = download_url(participant)
    assert own in message.body
    download = client.get(own.replace("http://127.0.0.1:8000", ""))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    tampered = own.replace("http://127.0.0.1:8000", "")[:-3] + "xyz/"
    assert client.get(tampered).status_code == 404


def test_the_office_issues_and_downloads_from_the_participants_page(as_user, conference):
    participant = ParticipantFactory(event=conference, name="Aziza Karimova")
    client = as_user("officer")

    client.post(reverse("events:participant_step", kwargs={"pk": participant.pk, "step": "issue"}))
    response = client.get(reverse("events:participant_certificate", kwargs={"pk": participant.pk}))

    assert response.status_code == 200
    assert "Aziza Karimova" in pdf_text(response.content)


def test_bulk_certificates_for_all_participants_are_a_job_with_a_zip_and_emails(
    as_user, officer, conference, django_capture_on_commit_callbacks
):
    ParticipantFactory(event=conference, name="Aziza Karimova")
    ParticipantFactory(event=conference, name="Botir Aliyev", email="")
    ParticipantFactory(event=conference, name="Waiting One", registration="waiting")
    client = as_user("officer")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:event_list"),
            {"action": "job:certificates", "pk": [conference.pk]},
        )

    job = Job.objects.get(kind=Job.Kind.CERTIFICATES)
    assert response.status_code == 302
    assert job.status == Job.Status.DONE, job.reason
    assert job.data["certificates"] == 2 and job.data["sent"] == 1
    with job.result.open("rb") as handle:
        names = zipfile.ZipFile(handle).namelist()
    assert len(names) == 2 and all(name.endswith(".pdf") for name in names)
    (message,) = mail.outbox  # the participant without an e-mail address gets none
    assert message.attachments[0][2] == "application/pdf"
    assert Participant.objects.exclude(certificate_reference="").count() == 2


def test_bulk_certificates_of_an_event_we_attended_fail_with_a_reason(as_user, home):
    attended = EventFactory(organisation="attended")
    ParticipantFactory(event=attended)

    as_user("officer").post(
        reverse("events:event_list"), {"action": "job:certificates", "pk": [attended.pk]}
    )

    job = Job.objects.get(kind=Job.Kind.CERTIFICATES)
    assert job.status == Job.Status.FAILED
    assert "has confirmed participants" in job.reason


def test_another_facultys_coordinator_can_neither_issue_nor_see_the_buttons(
    as_user, coordinator, faculty_b, django_capture_on_commit_callbacks
):
    theirs = EventFactory(home_unit=faculty_b, start=datetime.date(2025, 10, 14))
    participant = ParticipantFactory(event=theirs, email="guest@example.org")
    client = as_user("coordinator")

    event_page = client.get(theirs.get_absolute_url()).text
    participant_page = client.get(participant.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:event_list"), {"action": "job:certificates", "pk": [theirs.pk]}
        )

    assert "Issue the certificate" not in participant_page
    assert "Cancel the registration" not in participant_page
    assert f"/staff/participants/add/?event={theirs.pk}" not in event_page
    assert response.status_code == 403
    assert not Job.objects.filter(kind=Job.Kind.CERTIFICATES).exists()
    participant.refresh_from_db()
    assert participant.certificate_reference == ""
    assert not mail.outbox


def test_a_coordinator_issues_their_own_facultys_certificates_from_the_page(
    as_user, coordinator, faculty_a
):
    ours = EventFactory(home_unit=faculty_a, start=datetime.date(2025, 10, 14))
    participant = ParticipantFactory(event=ours)

    assert (
        "Issue the certificate" in as_user("coordinator").get(participant.get_absolute_url()).text
    )


def test_the_public_download_of_a_certificate_is_private_to_caches(client, officer, conference):
    # Fetched without signing in, a person's certificate was left cacheable by a proxy.
    participant = certificate_issue(participant=ParticipantFactory(event=conference), actor=officer)
    download = reverse(
        "public:certificate_download", kwargs={"token": certificates.download_token(participant)}
    )

    response = client.get(download)

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
