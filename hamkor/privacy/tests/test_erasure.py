"""Erasure on request: the person is anonymised everywhere, every figure stays the same."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hamkor.core.models import DocumentVersion, OutboxMessage
from hamkor.mobility.models import Mobility, Person
from hamkor.privacy.models import Erasure
from hamkor.privacy.services import person_anonymise
from hamkor.privacy.tests.helpers import dump_text, figures, pdf

pytestmark = pytest.mark.django_db


def test_erasing_keeps_every_figure_and_leaves_no_trace_of_the_name(
    world, officer, tmp_path, django_capture_on_commit_callbacks
):
    karimov = world["karimov"]
    karimov.email = "dilshod.karimov@kokandsu.uz"
    karimov.passport_number = "FA1234567"
    karimov.save()
    karimov.save()  # a second history row with the same values
    document = pdf(world["teaching"], officer, title="Karimov Dilshod certificate")
    stored = DocumentVersion.objects.get(document=document).file.name
    before = figures()
    assert before[0]["professors_taught_qs1000"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        person_anonymise(person=karimov, by=officer, reason="Written request of 5 March")

    assert figures() == before
    karimov.refresh_from_db()
    assert karimov.full_name == f"Anonymised person #{karimov.pk}"
    assert (karimov.email, karimov.passport_number) == ("", "")
    assert karimov.org_unit == world["teaching"].home_unit  # what figures count stays
    assert Mobility.objects.filter(person=karimov).count() == 1
    assert not DocumentVersion.objects.filter(document=document).exists()
    assert not (tmp_path / "media" / stored).exists()
    text = dump_text(tmp_path)
    for trace in ("Karimov Dilshod", "Dilshod Karimov", "dilshod.karimov@", "FA1234567"):
        assert trace not in text


def test_erasing_scrubs_the_outbox_and_the_account(world, officer, applicant, tmp_path):
    petrov = world["petrov"]
    petrov.user = applicant
    petrov.email = "ivan.petrov@kpfu.ru"
    petrov.save()
    OutboxMessage.objects.create(
        sender="iro@kokandsu.uz",
        recipients="ivan.petrov@kpfu.ru",
        subject="Invitation for Ivan Petrov",
        body="Dear Ivan Petrov, welcome.",
        status=OutboxMessage.Status.SENT,
    )
    person_anonymise(person=petrov, by=officer, reason="E-mail of 1 June")
    applicant.refresh_from_db()
    assert not applicant.is_active
    assert not applicant.has_usable_password()
    assert Person.objects.get(pk=petrov.pk).user is None
    text = dump_text(tmp_path)
    assert "Ivan Petrov" not in text and "ivan.petrov@kpfu.ru" not in text
    assert f"Anonymised person #{petrov.pk}" in text


def test_erasing_needs_a_reason_and_happens_once(world, officer):
    with pytest.raises(ValidationError):
        person_anonymise(person=world["petrov"], by=officer, reason="  ")
    person_anonymise(person=world["petrov"], by=officer, reason="request")
    with pytest.raises(ValidationError):
        person_anonymise(person=world["petrov"], by=officer, reason="again")
    assert Erasure.objects.count() == 1


def test_the_erase_page_states_the_consequences_and_erases(world, as_user):
    url = reverse("privacy:person_erase", kwargs={"pk": world["petrov"].pk})
    admin = as_user("admin")
    page = admin.get(url)
    assert "cannot be undone" in page.text
    refused = admin.post(url, {"reason": "request"})  # not confirmed
    assert refused.status_code == 400
    assert not Erasure.objects.exists()
    done = admin.post(url, {"reason": "Written request", "confirm": "on"})
    assert done.status_code == 302
    assert Person.objects.get(pk=world["petrov"].pk).last_name == "Anonymised person"
    assert admin.get(url).status_code == 404  # erased once
    person_page = admin.get(reverse("mobility:person_detail", kwargs={"pk": world["petrov"].pk}))
    assert "Erased (anonymised)" in person_page.text


def test_officers_may_not_erase(world, as_user):
    url = reverse("privacy:person_erase", kwargs={"pk": world["petrov"].pk})
    assert as_user("officer").post(url, {"reason": "x", "confirm": "on"}).status_code == 403
    assert not Erasure.objects.exists()


def test_erasing_and_exporting_are_in_the_security_log_without_the_name(world, officer, tmp_path):
    from django.utils import translation

    from hamkor.privacy.export import person_export
    from hamkor.security.models import SecurityEvent

    petrov = world["petrov"]
    with open(tmp_path / "export.zip", "wb") as handle:
        person_export(person=petrov, handle=handle, by=officer)
    exported = SecurityEvent.objects.get(kind=SecurityEvent.Kind.PERSONAL_DATA_EXPORTED)
    assert (exported.email, exported.object_id) == (officer.email, str(petrov.pk))
    assert "Petrov" in exported.object_repr

    person_anonymise(person=petrov, by=officer, reason="Written request")
    erased = SecurityEvent.objects.get(kind=SecurityEvent.Kind.PERSON_ANONYMISED)
    assert erased.object_id == str(petrov.pk)
    # The earlier event no longer names the person either.
    exported.refresh_from_db()
    assert "Petrov" not in exported.object_repr and "Petrov" not in erased.object_repr
    petrov.refresh_from_db()
    with translation.override("uz"):
        assert petrov.full_name == f"Anonimlashtirilgan shaxs #{petrov.pk}"
