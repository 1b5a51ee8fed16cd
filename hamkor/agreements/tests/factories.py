"""Factories and small helpers for agreement tests."""

from __future__ import annotations

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from hamkor.agreements.models import Agreement, AgreementParty, CooperationArea, MobilityQuota
from hamkor.partners.models import Institution
from hamkor.partners.tests.factories import InstitutionFactory


class PartnerFactory(InstitutionFactory):
    class Meta:
        model = Institution

    partnership = Institution.Partnership.ACTIVE


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"area-{n}")
    name_uz = factory.Sequence(lambda n: f"Soha {n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    """An agreement with one partner (``partners=[...]`` for others, ``[]`` for none)."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"MOU-2024-{n + 100:03d}")
    kind = Agreement.Kind.MOU
    title = factory.Sequence(lambda n: f"Memorandum {n}")
    signed_on = datetime.date(2024, 3, 1)
    valid_from = datetime.date(2024, 3, 1)
    valid_to = datetime.date(2029, 2, 28)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if not create:
            return
        institutions = [PartnerFactory()] if extracted is None else extracted
        for institution in institutions:
            AgreementParty.objects.create(agreement=self, institution=institution)

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        if create and extracted:
            self.scope_units.set(extracted)


class MobilityQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MobilityQuota

    agreement = factory.SubFactory(AgreementFactory)
    direction = MobilityQuota.Direction.OUTGOING
    mobility_kind = MobilityQuota.MobilityKind.STUDENT_STUDY
    places_per_year = 2
    months = 5
    first_year = 2024
    last_year = 2025


def pdf_upload(name: str = "signed.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def attach_signed_copy(agreement: Agreement, actor) -> None:
    from hamkor.core.documents import document_add

    document_add(record=agreement, kind="signed", upload=pdf_upload(), actor=actor)


def put_in_status(agreement, status: str) -> None:
    """Test set-up: move a saved agreement to ``status`` without its transitions (the status
    field refuses assignment; only tests write the column directly)."""
    type(agreement).objects.filter(pk=agreement.pk).update(status=status)
    agreement.refresh_from_db()
