"""The retention rules of the register, applied (nightly, or ``hamkor privacy retention``).

Each category's code names a rule here: which records it covers, the date its period counts
from, and what "delete the files", "anonymise" or "keep" means for them. The period is the
category's ``retention_years`` (an administrator sets it); a category without one, or whose
action is "keep", is left alone. Every rule touches only what it has not done before, so a
second run the same day finds nothing, and every change reaches the history rows too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from hamkor.core.models import Document
from hamkor.mobility.models import Mobility, Person
from hamkor.privacy.models import DataCategory, RetentionRun
from hamkor.privacy.scrub import documents_purge, history_update


@dataclass
class Done:
    records: int = 0
    files: int = 0


def _years_before(today: datetime.date, years: int) -> datetime.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _ended_mobilities(cutoff):
    return Mobility.objects.annotate(ends=Coalesce("actual_end", "planned_end")).filter(
        ends__lt=cutoff
    )


def _people_done_before(cutoff):
    """People whose every mobility ended before ``cutoff`` (and who have one)."""
    return Person.objects.annotate(
        last_end=Max(Coalesce("mobilities__actual_end", "mobilities__planned_end"))
    ).filter(last_end__lt=cutoff)


def _documents_of(model, ids) -> Q:
    return Q(content_type=ContentType.objects.get_for_model(model), object_id__in=list(ids))


def passport(cutoff, dry_run) -> Done:
    """Passport and visa numbers (and passport copies sent with applications) of people
    whose exchanges ended before the cutoff; foreign students who left before it."""
    from hamkor.calls.applications import ApplicationDocument
    from hamkor.students.models import ForeignStudent

    people = list(
        _people_done_before(cutoff)
        .filter(~Q(passport_number="") | Q(passport_valid_to__isnull=False))
        .values_list("pk", flat=True)
    )
    mobilities = list(
        _ended_mobilities(cutoff).exclude(visa_number="").values_list("pk", flat=True)
    )
    students = list(
        ForeignStudent.objects.filter(
            status__in=["graduated", "withdrawn"], status_changed_at__date__lt=cutoff
        )
        .exclude(visa_number="")
        .values_list("pk", flat=True)
    )
    copies = Document.objects.filter(
        pk__in=ApplicationDocument.objects.filter(
            kind="passport", application__call__closes_at__date__lt=cutoff
        ).values("document_id")
    )
    documents, files = documents_purge(copies, dry_run=dry_run)
    if not dry_run:
        history_update(Person, people, passport_number="", passport_valid_to=None)
        history_update(Mobility, mobilities, visa_number="", visa_valid_to=None)
        history_update(ForeignStudent, students, visa_number="")
    return Done(len(people) + len(mobilities) + len(students) + documents, files)


def documents(cutoff, dry_run) -> Done:
    """Files uploaded to mobilities that ended before the cutoff, and to their people."""
    mobilities = _ended_mobilities(cutoff).values_list("pk", flat=True)
    people = _people_done_before(cutoff).values_list("pk", flat=True)
    found = Document.objects.filter(
        _documents_of(Mobility, mobilities) | _documents_of(Person, people)
    )
    records, files = documents_purge(found, dry_run=dry_run)
    return Done(records, files)


def requests(cutoff, dry_run) -> Done:
    """Foreign students' requests (health insurance among them) closed before the cutoff:
    their text and replies go; kind, status and dates stay."""
    from hamkor.students.models import RequestReply, StudentRequest

    closed = StudentRequest.objects.filter(
        status__in=["resolved", "declined"], status_changed_at__date__lt=cutoff
    )
    ids = list(closed.exclude(subject="—", description="").values_list("pk", flat=True))
    records, files = documents_purge(
        Document.objects.filter(_documents_of(StudentRequest, closed.values_list("pk", flat=True))),
        dry_run=dry_run,
    )
    if not dry_run:
        history_update(StudentRequest, ids, subject="—", description="")
        replies = RequestReply.objects.filter(request_id__in=ids).values_list("pk", flat=True)
        history_update(RequestReply, list(replies), body="—", emailed_to="")
    return Done(len(ids) + records, files)


def applications(cutoff, dry_run) -> Done:
    """Applications to calls closed before the cutoff: motivation letters and uploaded
    files go; preferences, scores and outcomes (what the selection counted) stay."""
    from hamkor.calls.applications import Application

    old = Application.objects.filter(call__closes_at__date__lt=cutoff)
    ids = list(old.exclude(motivation="").values_list("pk", flat=True))
    records, files = documents_purge(
        Document.objects.filter(_documents_of(Application, old.values_list("pk", flat=True))),
        dry_run=dry_run,
    )
    if not dry_run:
        history_update(Application, ids, motivation="")
    return Done(len(ids) + records, files)


def events(cutoff, dry_run) -> Done:
    """People typed in by name at events held before the cutoff (not in the registry): their
    e-mail goes and their name becomes "Participant #id"."""
    from hamkor.events.models import Participant

    old = Participant.objects.filter(person__isnull=True, event__end__lt=cutoff).exclude(
        name__startswith="Participant #"
    )
    rows = list(old.values_list("pk", flat=True))
    if not dry_run:
        for pk in rows:
            history_update(Participant, [pk], name=f"Participant #{pk}", email="")
    return Done(len(rows), 0)


def website(cutoff, dry_run) -> Done:
    """Inquiries and reception bookings received before the cutoff."""
    from hamkor.privacy.services import ERASED_EMAIL
    from hamkor.website.inquiries.models import Inquiry
    from hamkor.website.reception.models import Booking

    done = 0
    for model, text in ((Inquiry, "message"), (Booking, "purpose")):
        old = model.objects.filter(created_at__date__lt=cutoff).exclude(
            email__endswith="@example.invalid"
        )
        rows = list(old.values_list("pk", flat=True))
        done += len(rows)
        if dry_run:
            continue
        for pk in rows:
            history_update(
                model,
                [pk],
                name=f"#{pk}",
                email=ERASED_EMAIL.format(kind=model._meta.model_name, pk=pk),
                phone="",
                **{text: "—"},
            )
    return Done(done, 0)


RULES: dict[str, Callable[[datetime.date, bool], Done]] = {
    "passport": passport,
    "documents": documents,
    "requests": requests,
    "applications": applications,
    "events": events,
    "inquiries": website,
}


def retention_apply(*, dry_run: bool = False, actor=None, today=None) -> RetentionRun:
    """Apply every category's rule; record what was done (or would be) in a run."""
    today = today or timezone.localdate()
    run = RetentionRun.objects.create(dry_run=dry_run, started_by=actor)
    counts = {}
    for category in DataCategory.objects.order_by("code"):
        rule = RULES.get(category.code)
        if (
            rule is None
            or category.action == DataCategory.Action.KEEP
            or category.retention_years is None
        ):
            continue
        with transaction.atomic():
            done = rule(_years_before(today, category.retention_years), dry_run)
        counts[category.code] = {"records": done.records, "files": done.files}
    run.counts = counts
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "finished_at"])
    return run
