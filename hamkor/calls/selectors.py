"""Reads of the calls beyond a filter: the public listing, an applicant's own applications."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.calls import rules
from hamkor.calls.models import (
    Application,
    ApplicationDocument,
    Call,
    DocumentKind,
    Place,
    Preference,
    StudyLevel,
)
from hamkor.core.models import DocumentVersion


def open_calls(*, now=None) -> QuerySet[Call]:
    """Calls taking applications now (open, between opening and closing time), soonest
    deadline first, each with its places (and their institutions) and faculties: what the
    website's opportunities page lists."""
    now = now or timezone.now()
    return (
        Call.objects.filter(status=Call.Status.OPEN, opens_at__lte=now, closes_at__gte=now)
        .prefetch_related(
            "faculties",
            Prefetch(
                "places",
                queryset=Place.objects.select_related("institution").order_by(
                    "institution__name", "id"
                ),
            ),
        )
        .order_by("closes_at", "id")
    )


def public_calls() -> QuerySet[Call]:
    """Calls the public may read: every call once opened (an old one says it is closed)."""
    return Call.objects.exclude(status=Call.Status.DRAFT)


def own_applications(user) -> QuerySet[Application]:
    """``user``'s applications, newest first, with what their list shows."""
    return (
        Application.objects.of_applicant(user)
        .select_related("call", "allocated_place__institution", "mobility")
        .prefetch_related(
            Prefetch(
                "preferences", queryset=Preference.objects.select_related("place__institution")
            )
        )
        .order_by("-created_at", "-id")
    )


def own_document_versions(user) -> QuerySet[DocumentVersion]:
    """The files ``user`` uploaded as the documents of their own applications: never a file
    the office attached to an application, nor another applicant's."""
    if user is None or not user.is_authenticated:
        return DocumentVersion.objects.none()
    documents = ApplicationDocument.objects.filter(application__applicant=user).values("document")
    return DocumentVersion.objects.select_related("document").filter(
        document__in=documents, uploaded_by=user
    )


def application_upload_usage(application: Application) -> tuple[int, int]:
    """How many files the applicant has stored on ``application`` (every version counts,
    as every version is kept) and their total size in bytes."""
    documents = ApplicationDocument.objects.filter(application=application).values("document")
    usage = DocumentVersion.objects.filter(document__in=documents).aggregate(
        count=Count("id"), size=Sum("size")
    )
    return usage["count"], usage["size"] or 0


def eligibility_lines(call: Call) -> list[tuple[str, str]]:
    """The call's conditions as (label, value) lines for its pages."""
    lines = []
    if call.faculties.all():
        lines.append((_("Faculties"), ", ".join(str(u) for u in call.faculties.all())))
    if call.study_levels:
        levels = ", ".join(str(StudyLevel(level).label) for level in call.study_levels)
        lines.append((_("Study levels"), levels))
    if call.years_of_study:
        lines.append((_("Years of study"), ", ".join(str(y) for y in call.years_of_study)))
    if call.min_gpa is not None:
        lines.append((_("Minimum GPA"), f"{call.min_gpa} / {call.gpa_scale}"))
    if call.language:
        lines.append((_("Language"), f"{rules.language_name(call.language)} {call.min_cefr}"))
    if call.citizenships:
        lines.append((_("Citizenships"), ", ".join(str(c.name) for c in call.citizenships)))
    if call.required_documents:
        documents = ", ".join(str(DocumentKind(kind).label) for kind in call.required_documents)
        lines.append((_("Required documents"), documents))
    return lines
