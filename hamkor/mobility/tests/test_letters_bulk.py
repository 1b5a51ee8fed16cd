"""Invitation letters in bulk: a bulk action on the mobilities list, one zip of PDFs made
in the background by the letter code of the guest's page."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hamkor.core.models import Job
from hamkor.mobility.services import mobility_invitation_issue
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory

LIST = "/staff/mobilities/"


def guest(faculty_a, last_name: str, *, issued: bool = True, incoming: bool = True):
    person = PersonFactory(last_name=last_name, citizenship="DE", org_unit=faculty_a)
    mobility = MobilityFactory(
        incoming=incoming,
        person=person,
        home_unit=faculty_a,
        planned_start=datetime.date(2026, 4, 6),
        planned_end=datetime.date(2026, 4, 17),
    )
    if issued:
        return mobility_invitation_issue(mobility=mobility, actor=None)
    return mobility


@pytest.fixture
def guests(home, faculty_a, officer):
    return {
        "schneider": guest(faculty_a, "Schneider"),
        "dubois": guest(faculty_a, "Dubois"),
        "waiting": guest(faculty_a, "Waiting", issued=False),
        "traveller": guest(faculty_a, "Traveller", issued=False, incoming=False),
    }


def test_bulk_letters_zip_holds_one_pdf_per_selected_mobility_with_a_letter(as_user, guests):
    client = as_user("officer")
    response = client.post(
        LIST,
        {"action": "job:letters", "pk": [m.pk for m in guests.values()]},
        follow=True,
    )

    job = Job.objects.get()
    assert (job.kind, job.status) == ("letters", "done")
    assert "2 letters" in response.text
    download = client.get(reverse("core:job_download", kwargs={"pk": job.pk}))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    issued = [guests["schneider"], guests["dubois"]]
    references = sorted(m.invitation_reference for m in issued)
    assert sorted(archive.namelist()) == sorted(f"{r.lower()}.pdf" for r in references)
    for mobility in issued:
        pdf = archive.read(f"{mobility.invitation_reference.lower()}.pdf")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert mobility.person.last_name in text


def test_bulk_letters_of_mobilities_without_one_fail_with_the_reason(as_user, guests):
    response = as_user("officer").post(
        LIST, {"action": "job:letters", "pk": [guests["waiting"].pk]}, follow=True
    )
    assert Job.objects.get().status == Job.Status.FAILED
    assert "None of the selected mobilities has an issued invitation letter." in response.text


@pytest.mark.parametrize(("persona", "shown"), [("officer", True), ("coordinator", False)])
def test_bulk_letters_are_the_copy_the_user_may_read(as_user, home, faculty_a, persona, shown):
    mobility = guest(faculty_a, "Schneider")
    mobility.person.passport_number = "P77001234"
    mobility.person.save()
    client = as_user(persona)
    client.post(LIST, {"action": "job:letters", "pk": [mobility.pk]})
    job = Job.objects.get()
    download = client.get(reverse("core:job_download", kwargs={"pk": job.pk}))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    pdf = archive.read(archive.namelist()[0])
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert ("P77001234" in text) is shown
