"""The world directory loaded from the institutions list, as a background job."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from hamkor.core.models import Job
from hamkor.partners.models import Institution
from hamkor.partners.tests.test_directory_load import write_lists

LIST = "/staff/institutions/"
START = "/staff/institutions/load-directory/"


@pytest.fixture
def data_dir(settings, tmp_path: Path) -> Path:
    """A tiny copy of the lists, where HAMKOR_DATA_DIR says they are."""
    settings.VAR_DIR = tmp_path / "var"
    settings.HAMKOR_DATA_DIR = str(write_lists(tmp_path / "lists"))
    return Path(settings.HAMKOR_DATA_DIR)


def test_the_button_starts_a_job_that_loads_the_lists(as_user, data_dir):
    client = as_user("officer")
    assert "Load the world directory" in client.get(LIST).text

    response = client.post(START, follow=True)

    job = Job.objects.get()
    assert (job.kind, job.status, job.done, job.total) == ("directory", "done", 3, 3)
    assert Institution.objects.filter(directory_key="world:tum.de").exists()
    assert f"Institutions: {job.data['created']} created, " in response.text
    review = client.get(reverse("core:job_download", kwargs={"pk": job.pk}))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(review.streaming_content)))
    assert sorted(archive.namelist()) == ["ambiguous.csv", "skipped.csv"]


def test_the_button_is_absent_without_the_data_folder(as_user, settings, home):
    settings.HAMKOR_DATA_DIR = ""
    assert "Load the world directory" not in as_user("officer").get(LIST).text
    assert as_user("officer").post(START).status_code == 403


def test_only_officers_and_administrators_may_load_the_directory(as_user, data_dir):
    assert "Load the world directory" not in as_user("coordinator").get(LIST).text
    assert as_user("coordinator").post(START).status_code == 403
    assert not Job.objects.exists()


def test_a_folder_without_the_lists_fails_the_job_with_the_reason(as_user, settings, tmp_path):
    settings.HAMKOR_DATA_DIR = str(tmp_path)
    response = as_user("officer").post(START, follow=True)
    assert Job.objects.get().status == Job.Status.FAILED
    assert "The directory lists cannot be read" in response.text
    assert "file not found" in response.text
    assert not Institution.objects.exclude(is_home=True).exists()
