"""A person's data on request: one archive, served privately."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from hamkor.privacy.tests.helpers import pdf

pytestmark = pytest.mark.django_db


def _archive(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def test_the_export_holds_every_record_and_file_of_the_person(world, officer, as_user):
    petrov = world["petrov"]
    pdf(world["guest"], officer, kind="letter", text="invitation of Petrov")
    url = reverse("privacy:person_export", kwargs={"pk": petrov.pk})
    response = as_user("officer").post(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    archive = _archive(b"".join(response.streaming_content))
    data = json.loads(archive.read("personal-data.json"))
    assert data["records"]["mobility.person"][0]["last_name"] == "Petrov"
    assert data["records"]["mobility.mobility"][0]["visa_number"] == "AB7654321"
    [name] = [n for n in archive.namelist() if n.startswith("files/")]
    assert b"invitation of Petrov" in archive.read(name)
    assert (
        "Petrov Ivan" in archive.read("summary.txt").decode()
        or "Petrov" in archive.read("summary.txt").decode()
    )


@pytest.mark.parametrize("persona", ["coordinator", "leadership", "applicant"])
def test_only_the_office_exports_personal_data(world, as_user, persona):
    url = reverse("privacy:person_export", kwargs={"pk": world["petrov"].pk})
    assert as_user(persona).post(url).status_code == 403


def test_the_export_is_posted_not_linked(world, as_user):
    url = reverse("privacy:person_export", kwargs={"pk": world["petrov"].pk})
    assert as_user("officer").get(url).status_code == 405


def test_the_console_exports_and_erases(world, tmp_path):
    target = tmp_path / "petrov.zip"
    out = io.StringIO()
    call_command("privacy", "export", str(world["petrov"].pk), str(target), stdout=out)
    assert "records" in out.getvalue()
    assert "personal-data.json" in zipfile.ZipFile(target).namelist()
    call_command("privacy", "erase", str(world["petrov"].pk), "--reason", "request", stdout=out)
    world["petrov"].refresh_from_db()
    assert world["petrov"].last_name == "Anonymised person"
