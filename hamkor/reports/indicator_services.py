"""Writes of the reports app: the university's totals per year, closing and reopening a
year, strategy targets. Each records who and why in the record's history."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.core.services import object_delete, object_save
from hamkor.reports.indicators import indicator_years, snapshot_of
from hamkor.reports.models import Target, UniversityYear


@transaction.atomic
def university_year_save(
    *, record: UniversityYear, actor, expected_version: int | None = None, reason: str = ""
) -> UniversityYear:
    """Save the year's totals. A closed year may be corrected: its snapshot stays as it was
    reported, and the indicators page shows the corrected value beside it."""
    created = record.pk is None
    return object_save(
        instance=record,
        actor=actor,
        expected_version=expected_version,
        reason=reason
        or ("reports.universityyear.created" if created else "reports.universityyear.edited"),
    )


@transaction.atomic
def university_year_close(
    *, record: UniversityYear, actor, today: datetime.date | None = None
) -> UniversityYear:
    """Close the year: keep a snapshot of every indicator and its inputs as they are now.

    Only a year that has ended may be closed, and only once; from then on the indicators
    page reports the snapshot, whatever later corrections change in the records.
    """
    record = UniversityYear.objects.select_for_update().get(pk=record.pk)
    today = today or timezone.localdate()
    if record.is_closed:
        raise ValidationError(_("The year %(year)d is closed already.") % {"year": record.year})
    if record.year >= today.year:
        raise ValidationError(
            _("A year can be closed once it has ended: %(year)d ends on 31 December.")
            % {"year": record.year}
        )
    [computed] = indicator_years([record.year], today=today)
    record.snapshot = snapshot_of(computed)
    record.closed_at = timezone.now()
    record.closed_by = actor
    record.reopen_reason = ""
    return object_save(instance=record, actor=actor, reason="reports.universityyear.closed")


@transaction.atomic
def university_year_reopen(*, record: UniversityYear, actor, reason: str) -> UniversityYear:
    """Reopen a closed year (administrators only, checked by the view): its snapshot is
    dropped (the history keeps it) and the indicators read live again; the reason is kept."""
    record = UniversityYear.objects.select_for_update().get(pk=record.pk)
    if not record.is_closed:
        raise ValidationError(_("The year %(year)d is not closed.") % {"year": record.year})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the year is reopened.")})
    record.snapshot = {}
    record.closed_at = None
    record.closed_by = None
    record.reopen_reason = reason.strip()
    return object_save(instance=record, actor=actor, reason="reports.universityyear.reopened")


@transaction.atomic
def university_year_delete(*, record: UniversityYear, actor) -> None:
    """Delete the year's totals; a closed year keeps what was reported until reopened."""
    if record.is_closed:
        raise ValidationError(
            _("A closed year keeps what was reported: reopen it before deleting it.")
        )
    object_delete(instance=record, actor=actor, reason="reports.universityyear.deleted")


@transaction.atomic
def target_save(
    *, target: Target, actor, expected_version: int | None = None, reason: str = ""
) -> Target:
    """Save a strategy target; one per figure, year and faculty (see ``Target.clean``)."""
    created = target.pk is None
    return object_save(
        instance=target,
        actor=actor,
        expected_version=expected_version,
        reason=reason or ("reports.target.created" if created else "reports.target.edited"),
    )
