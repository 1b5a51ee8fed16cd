"""The applicant's writes (registering is in :mod:`hamkor.calls.registration`): drafting an
application with ranked preferences and documents, submitting it (deadline, completeness,
eligibility), withdrawing it. Nothing the applicant typed is lost on a refusal: a draft is
saved whatever the call's state, and only the submission is refused."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.calls import rules
from hamkor.calls.models import Application, ApplicationDocument, Call, DocumentKind, Place
from hamkor.calls.selectors import application_upload_usage
from hamkor.core.documents import document_add, document_add_version
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_save
from hamkor.core.urls_helpers import absolute_url
from hamkor.mobility.models import Person
from hamkor.webhooks.events import event_emit


class VersionMissing(ValidationError):
    """A draft's save came without the version its form was opened at: it could overwrite
    a later save (another window), so it is refused rather than saved blind."""


def _language_of(user, person: Person | None = None) -> str:
    return user.language or (person.language if person else "") or "uz"


# Drafts -----------------------------------------------------------------------------------


@transaction.atomic
def application_start(*, call: Call, actor, now: datetime.datetime | None = None) -> Application:
    """A new draft of ``actor`` for ``call`` (their existing one when they have one), while
    the call takes applications at ``now``."""
    existing = Application.objects.filter(call=call, applicant=actor).first()
    if existing is not None:
        return existing
    person = Person.objects.filter(user=actor).first()
    if person is None:
        raise ValidationError(_("Your account is not linked to a person: ask the office."))
    refusal = rules.submission_refusal(call, now=now)
    if refusal:
        raise ValidationError(refusal)
    application = Application(
        call=call,
        applicant=actor,
        person=person,
        study_level=person.study_level,
        language=call.language,
    )
    try:
        with transaction.atomic():
            return object_save(
                instance=application, actor=actor, reason="calls.application.started"
            )
    except IntegrityError:  # the same applicant's other tab came first
        return Application.objects.get(call=call, applicant=actor)


def _check_draft(application: Application) -> None:
    if application.status != Application.Status.DRAFT:
        raise ValidationError(
            _("This application is “%(status)s”: it can no longer be changed.")
            % {"status": application.get_status_display()}
        )


def _check_gpa(application: Application) -> None:
    scale = application.call.gpa_scale
    if application.gpa is not None and not 0 <= application.gpa <= scale:
        raise ValidationError({"gpa": _("A GPA is between 0 and %(scale)s.") % {"scale": scale}})


@transaction.atomic
def application_save(
    *,
    application: Application,
    preferences: list[Place],
    actor,
    expected_version: int | None,
) -> Application:
    """Save a draft with its ranked preferences (first choice first), whatever the call's
    state: what the applicant typed is kept even when the deadline has passed.

    ``expected_version`` is the version the applicant's form was opened at: a stale one is
    refused (:class:`StaleObjectError`), and so is none at all (:class:`VersionMissing`).
    """
    if expected_version is None:
        raise VersionMissing(
            _(
                "This form could not be checked against your saved draft, so it was not "
                "saved. Open the application again: what you typed is kept below."
            )
        )
    _check_draft(Application.objects.select_for_update().get(pk=application.pk))
    _check_gpa(application)
    call = application.call
    if len(preferences) > call.max_preferences:
        raise ValidationError(
            {
                "preferences": _("Rank at most %(n)s places.") % {"n": call.max_preferences},
            }
        )
    if len({place.pk for place in preferences}) != len(preferences):
        raise ValidationError({"preferences": _("Each place may be chosen once.")})
    if any(place.call_id != call.pk for place in preferences):
        raise ValidationError({"preferences": _("Choose places of this call.")})
    application = object_save(
        instance=application,
        actor=actor,
        expected_version=expected_version,
        reason="calls.application.saved",
    )
    application.preferences.all().delete()
    application.preferences.bulk_create(
        [
            application.preferences.model(application=application, place=place, rank=rank)
            for rank, place in enumerate(preferences, start=1)
        ]
    )
    return application


@transaction.atomic
def application_document_add(
    *, application: Application, kind: str, upload, actor
) -> ApplicationDocument:
    """Attach one of the call's documents (checked like every upload: type by content,
    size); a second file of the same kind becomes the document's new version."""
    _check_draft(Application.objects.select_for_update().get(pk=application.pk))
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Choose a kind of document from the list.")})
    _check_upload_cap(application, upload)
    existing = application.documents.select_related("document").filter(kind=kind).first()
    if existing is not None:
        document_add_version(document=existing.document, upload=upload, actor=actor)
        return existing
    document = document_add(
        record=application,
        kind="application",
        title=str(DocumentKind(kind).label),
        upload=upload,
        actor=actor,
    )
    return ApplicationDocument.objects.create(application=application, kind=kind, document=document)


def _check_upload_cap(application: Application, upload) -> None:
    """At most ``HAMKOR_APPLICATION_MAX_FILES`` files (every version counts, since each is
    kept) and ``HAMKOR_APPLICATION_MAX_MB`` in all on one application."""
    count, size = application_upload_usage(application)
    if count + 1 > settings.HAMKOR_APPLICATION_MAX_FILES:
        raise ValidationError(
            {
                "file": _(
                    "An application holds at most %(n)s files, and this one has them all. "
                    "Ask the office if a document is missing."
                )
                % {"n": settings.HAMKOR_APPLICATION_MAX_FILES}
            }
        )
    limit = settings.HAMKOR_APPLICATION_MAX_MB * 1024 * 1024
    if size + (upload.size or 0) > limit:
        left = max(0, limit - size) / (1024 * 1024)
        raise ValidationError(
            {
                "file": _(
                    "The files of an application may take %(total)s MB in all; %(left)s MB "
                    "are left. Send a smaller file."
                )
                % {"total": settings.HAMKOR_APPLICATION_MAX_MB, "left": f"{left:.1f}"}
            }
        )


# Submission and withdrawal -----------------------------------------------------------------


@transaction.atomic
def application_submit(
    *, application: Application, actor, now: datetime.datetime | None = None
) -> Application:
    """Submit a complete draft while the call is open (``now`` no later than its closing
    time); eligibility is checked and its reasons kept; a receipt goes to the applicant."""
    application = (
        Application.objects.select_for_update()
        .select_related("call", "person")
        .get(pk=application.pk)
    )
    _check_draft(application)
    refusal = rules.submission_refusal(application.call, now=now)
    if refusal:
        raise ValidationError(refusal)
    missing = rules.missing_items(application)
    if missing:
        raise ValidationError(
            _("Complete the application before submitting it; it lacks: %(items)s.")
            % {"items": "; ".join(missing)}
        )
    _check_gpa(application)
    reasons = rules.eligibility_reasons(application)
    application.eligible = not reasons
    application.eligibility_reasons = reasons
    application.submit()
    application.submitted_at = now or timezone.now()
    application = object_save(
        instance=application, actor=actor, reason="calls.application.submitted"
    )
    _receipt_send(application)
    event_emit(event="application.submitted", record=application)
    return application


def _receipt_send(application: Application) -> None:
    language = _language_of(application.applicant, application.person)
    with translation.override(language):
        message = EmailMessage(
            _("Application received: %(call)s") % {"call": application.call.title},
            render_to_string(
                "calls/email/receipt.txt",
                {
                    "application": application,
                    "call": application.call,
                    "preferences": application.preferences.select_related("place__institution"),
                    "reasons": rules.reasons_text(application),
                    "link": absolute_url(
                        reverse("calls:my_application", kwargs={"pk": application.pk})
                    ),
                },
            ),
            to=[application.applicant.email],
        )
    email_send_on_commit(message)


@transaction.atomic
def application_withdraw(*, application: Application, actor) -> Application:
    """The applicant withdraws a draft or a submitted application. A place already
    allocated is declined instead (so that it goes to the reserve list)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.allocated_place_id and application.call.status == Call.Status.PUBLISHED:
        raise ValidationError(_("A place is allocated to you: decline it instead."))
    if application.status not in (Application.Status.DRAFT, Application.Status.SUBMITTED):
        raise ValidationError(
            _("This application is “%(status)s”: it cannot be withdrawn.")
            % {"status": application.get_status_display()}
        )
    application.withdraw()
    application.withdrawn_at = timezone.now()
    return object_save(instance=application, actor=actor, reason="calls.application.withdrawn")
