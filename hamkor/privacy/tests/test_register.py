"""The register: administrators edit purposes and periods, officers read it; consents."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hamkor.privacy.models import Consent, DataCategory
from hamkor.privacy.services import consent_record

pytestmark = pytest.mark.django_db


def test_the_register_lists_every_category_with_its_basis(as_user):
    page = as_user("officer").get(reverse("privacy:datacategory_list"))
    assert page.status_code == 200
    for name in ("Passport and visa", "Applications to calls", "Inquiries and bookings"):
        assert name in page.text
    assert "Legal obligation" in page.text


def test_administrators_change_a_period_officers_may_not(as_user):
    passport = DataCategory.objects.get(code="passport")
    url = reverse("privacy:datacategory_edit", kwargs={"pk": passport.pk})
    assert as_user("officer").get(url).status_code == 403
    admin = as_user("admin")
    data = {
        "_version": passport.version,
        "name_uz": passport.name_uz,
        "name_ru": passport.name_ru,
        "name_en": passport.name_en,
        "purpose_uz": passport.purpose_uz,
        "purpose_ru": passport.purpose_ru,
        "purpose_en": passport.purpose_en,
        "legal_basis": passport.legal_basis,
        "retention_years": "5",
    }
    assert admin.post(url, data).status_code == 302
    passport.refresh_from_db()
    assert passport.retention_years == 5


def test_the_register_reads_in_uzbek(as_user, admin):
    admin.language = "uz"
    admin.save()
    page = as_user("admin").get(reverse("privacy:datacategory_list"))
    assert "Pasport va viza" in page.text


def test_a_consent_is_recorded_and_withdrawn_on_the_persons_page(world, as_user):
    petrov = world["petrov"]
    officer = as_user("officer")
    inquiries = DataCategory.objects.get(code="inquiries")
    response = officer.post(
        reverse("privacy:consent_add", kwargs={"pk": petrov.pk}),
        {
            "category": inquiries.pk,
            "given_on": "2026-01-15",
            "text_version": "2026-01",
            "method": "paper",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(person=petrov)
    page = officer.get(reverse("mobility:person_detail", kwargs={"pk": petrov.pk}))
    assert "Inquiries and bookings" in page.text and "Withdraw" in page.text
    officer.post(reverse("privacy:consent_withdraw", kwargs={"pk": consent.pk}))
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    page = officer.get(reverse("mobility:person_detail", kwargs={"pk": petrov.pk}))
    assert "Withdrawn" in page.text


def test_consent_only_where_consent_is_the_basis(world, officer):
    passport = DataCategory.objects.get(code="passport")  # a legal obligation
    with pytest.raises(ValidationError):
        consent_record(
            consent=Consent(
                person=world["petrov"],
                category=passport,
                given_at=timezone.now() - datetime.timedelta(days=1),
                text_version="1",
                method="paper",
            ),
            actor=officer,
        )


def test_a_consent_in_the_future_is_refused_with_a_message(world, as_user):
    inquiries = DataCategory.objects.get(code="inquiries")
    response = as_user("officer").post(
        reverse("privacy:consent_add", kwargs={"pk": world["petrov"].pk}),
        {
            "category": inquiries.pk,
            "given_on": "2099-01-01",
            "text_version": "1",
            "method": "paper",
        },
    )
    assert response.status_code == 400
    assert "future" in response.text
    assert not Consent.objects.exists()


def test_coordinators_see_no_consent_panel(world, as_user):
    page = as_user("coordinator").get(
        reverse("mobility:person_detail", kwargs={"pk": world["petrov"].pk})
    )
    assert page.status_code == 200
    assert "Export personal data" not in page.text
