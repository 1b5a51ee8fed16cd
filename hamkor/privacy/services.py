"""Writes of the personal-data app: the register, consents, and erasure on request.

:func:`person_anonymise` is the one place a person is erased; the security log (another
app) records it from here.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.core.models import Document
from hamkor.core.services import object_save
from hamkor.mobility.models import ANONYMISED, Mobility, Person
from hamkor.privacy.models import Consent, DataCategory, Erasure
from hamkor.privacy.scrub import documents_purge, history_update, identifiers_sweep
from hamkor.security.log import Kind, record

# What stays of an erased person: what the figures count (category, citizenship, faculty,
# institution, study level, academic title, position, the year of birth) and nothing else.
ANONYMOUS_LAST_NAME = ANONYMISED
ERASED_EMAIL = "anonymised-{kind}-{pk}@example.invalid"


def datacategory_save(*, category: DataCategory, actor, expected_version=None) -> DataCategory:
    return object_save(
        instance=category,
        actor=actor,
        reason="privacy.datacategory.edited",
        expected_version=expected_version,
    )


def consent_record(*, consent: Consent, actor) -> Consent:
    """Record a consent; only for a category whose legal basis is consent."""
    if consent.category_id and consent.category.legal_basis != DataCategory.Basis.CONSENT:
        raise ValidationError({"category": _("The legal basis of this category is not consent.")})
    if consent.given_at and consent.given_at > timezone.now():
        raise ValidationError({"given_at": _("A consent cannot be given in the future.")})
    return object_save(instance=consent, actor=actor, reason="privacy.consent.created")


def consent_withdraw(*, consent: Consent, actor) -> Consent:
    if consent.withdrawn_at is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    consent.withdrawn_at = timezone.now()
    return object_save(instance=consent, actor=actor, reason="privacy.consent.withdrawn")


def person_identifiers(person: Person) -> list[str]:
    """What names the person in text: their full name in either order, the name in the
    original script, e-mail, phone, passport and visa numbers, their account's name and
    address. Single names are left out: a surname alone belongs to many people."""
    first, last, middle = person.first_name, person.last_name, person.middle_name
    found = [
        f"{last} {first}",
        f"{first} {last}",
        f"{last} {first} {middle}".strip(),
        f"{last}, {first}",
        person.name_original,
        person.email,
        person.phone,
        person.passport_number,
    ]
    found += list(person.mobilities.exclude(visa_number="").values_list("visa_number", flat=True))
    from hamkor.students.models import ForeignStudent

    found += list(
        ForeignStudent.objects.filter(person=person)
        .exclude(visa_number="")
        .values_list("visa_number", flat=True)
    )
    if person.user_id:
        found += [person.user.email, person.user.full_name, person.user.phone]
    return [value for value in found if value and value.strip()]


def _records_of(person: Person) -> dict[str, list]:
    """The person's records in every app, by model label (the models are imported here so
    that the privacy app stays a reader of the others)."""
    from hamkor.calls.applications import Application
    from hamkor.events.models import Participant
    from hamkor.students.models import ForeignStudent, StudentRequest

    student = ForeignStudent.objects.filter(person=person).first()
    return {
        "mobility.person": [person],
        "mobility.mobility": list(Mobility.objects.filter(person=person)),
        "students.foreignstudent": [student] if student else [],
        "students.studentrequest": list(StudentRequest.objects.filter(student__person=person)),
        "events.participant": list(Participant.objects.filter(person=person)),
        "calls.application": list(Application.objects.filter(person=person)),
    }


def person_documents(person: Person):
    """Every document attached to the person or to one of their records."""
    match = Q(pk__in=[])
    for records in _records_of(person).values():
        if records:
            content_type = ContentType.objects.get_for_model(type(records[0]))
            match |= Q(content_type=content_type, object_id__in=[r.pk for r in records])
    return Document.objects.filter(match)


@transaction.atomic
def person_anonymise(*, person: Person, by, reason: str) -> Erasure:
    """Erase ``person`` on request by anonymisation, keeping every figure unchanged.

    Names, contacts, passport and visa numbers, the day and month of birth, free text and
    the person's files go, everywhere: records, their history rows, the outbox, webhook
    payloads. What figures count stays: the records themselves, category, citizenship,
    faculty, institution, dates of mobilities, statuses, certificates' existence. The user
    account is unlinked, deactivated and emptied. Refused for a person already erased.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the person is erased.")})
    person = Person.objects.select_for_update().get(pk=person.pk)
    if Erasure.objects.filter(person=person).exists():
        raise ValidationError(_("This person has already been erased."))
    identifiers = person_identifiers(person)
    records = _records_of(person)
    counts = {"documents": 0, "files": 0}
    counts["documents"], counts["files"] = documents_purge(person_documents(person))

    neutral = {
        "last_name": ANONYMOUS_LAST_NAME,
        "first_name": f"#{person.pk}",
        "middle_name": "",
        "name_original": "",
        "email": "",
        "phone": "",
        "passport_number": "",
        "passport_valid_to": None,
        "date_of_birth": (
            datetime.date(person.date_of_birth.year, 1, 1) if person.date_of_birth else None
        ),
    }
    replacement = f"{ANONYMOUS_LAST_NAME} #{person.pk}"
    user = person.user
    for name, value in neutral.items():
        setattr(person, name, value)
    person.user = None
    object_save(instance=person, actor=by, reason="privacy.person.anonymised")
    history_update(Person, [person.pk], **neutral, user=None)
    _scrub_records(records, person, replacement)
    if user is not None:
        _user_scrub(user)
    _website_scrub(identifiers, replacement)
    from hamkor.hemis.models import HemisLink

    # HEMIS's id would tie the anonymised record back to the person.
    HemisLink.objects.filter(person=person).delete()
    counts["texts"] = identifiers_sweep(identifiers, replacement)
    counts["records"] = sum(len(rows) for rows in records.values())
    erasure = Erasure.objects.create(person=person, erased_by=by, reason=reason, counts=counts)
    # After the sweep, which also replaced the person's name in earlier events of the log.
    record(Kind.PERSON_ANONYMISED, user=by, target=person, **counts)
    return erasure


def _scrub_records(records: dict[str, list], person: Person, replacement: str) -> None:
    from hamkor.calls.applications import Application
    from hamkor.events.models import Participant
    from hamkor.students.models import ForeignStudent, RequestReply, StudentRequest

    mobility_ids = [m.pk for m in records["mobility.mobility"]]
    history_update(Mobility, mobility_ids, visa_number="", notes="", subjects="")
    history_update(
        ForeignStudent,
        [s.pk for s in records["students.foreignstudent"]],
        visa_number="",
        notes="",
    )
    request_ids = [r.pk for r in records["students.studentrequest"]]
    history_update(StudentRequest, request_ids, subject="—", description="")
    reply_ids = list(
        RequestReply.objects.filter(request_id__in=request_ids).values_list("pk", flat=True)
    )
    history_update(RequestReply, reply_ids, body="—", emailed_to="")
    participants = [p.pk for p in records["events.participant"]]
    named = [p.pk for p in records["events.participant"] if p.name]
    history_update(Participant, participants, email="")
    history_update(Participant, named, name=replacement)
    history_update(
        Application,
        [a.pk for a in records["calls.application"]],
        motivation="",
        override_reason="",
    )


def _user_scrub(user) -> None:
    """Unlink, deactivate and empty the person's account (applications keep pointing at it:
    an applicant's account cannot go, but it no longer names anybody)."""
    from hamkor.accounts.models import User

    values = {
        "email": ERASED_EMAIL.format(kind="user", pk=user.pk),
        "full_name": ANONYMOUS_LAST_NAME,
        "phone": "",
        "is_active": False,
    }
    user.set_unusable_password()
    User.objects.filter(pk=user.pk).update(password=user.password, **values)
    history = getattr(User, "history", None)
    if history is not None:
        history.filter(id=user.pk).update(**values)


def _website_scrub(identifiers: list[str], replacement: str) -> None:
    """Inquiries and bookings sent with the person's e-mail address."""
    from hamkor.website.inquiries.models import Inquiry
    from hamkor.website.reception.models import Booking

    emails = [value for value in identifiers if "@" in value]
    if not emails:
        return
    match = Q(pk__in=[])
    for email in emails:
        match |= Q(email__iexact=email)
    for model, text in ((Inquiry, "message"), (Booking, "purpose")):
        for pk in model.objects.filter(match).values_list("pk", flat=True):
            email = ERASED_EMAIL.format(kind=model._meta.model_name, pk=pk)
            history_update(model, [pk], name=replacement, email=email, phone="", **{text: "—"})
