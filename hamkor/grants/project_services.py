"""Writes about grant projects: the project with its consortium, its status steps, its
reporting deadlines, the programmes and budget headings the office keeps."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, unit_in_faculty
from hamkor.core import transitions
from hamkor.core.services import object_delete, object_save
from hamkor.grants.models import Project, ProjectPartner, ReportingDeadline

# Statuses in which a project may still be deleted (entered by mistake); later ones are
# withdrawn, rejected or closed instead, so that their history stays.
DELETABLE = (Project.Status.IDEA, Project.Status.PREPARATION)


def _check_scope(*, actor, project: Project) -> None:
    """A faculty coordinator records projects of their own faculty only."""
    faculty = coordinator_faculty(actor)
    if faculty is UNLIMITED:
        return
    if project.faculty is None or not unit_in_faculty(project.faculty, faculty):
        raise ValidationError(
            {"faculty": _("As a faculty coordinator you may only record your faculty's projects.")}
        )


def _check_partners(partners: list[ProjectPartner]) -> None:
    institutions = [partner.institution_id for partner in partners]
    if len(set(institutions)) != len(institutions):
        raise ValidationError(_("Each institution can be in a project's consortium only once."))


@transaction.atomic
def project_save(
    *,
    project: Project,
    actor,
    partners: list[ProjectPartner] | None = None,
    expected_version: int | None = None,
    reason: str | None = None,
) -> Project:
    """Create or edit a project; ``partners`` (when given) are its consortium from now on:
    unsaved rows are added, saved ones updated, the others removed."""
    _check_scope(actor=actor, project=project)
    if partners is not None:
        _check_partners(partners)
    created = project.pk is None
    object_save(
        instance=project,
        actor=actor,
        reason=reason or ("grants.project.created" if created else "grants.project.edited"),
        expected_version=expected_version,
    )
    if partners is not None:
        kept = {partner.pk for partner in partners if partner.pk}
        for partner in project.partners.exclude(pk__in=kept):
            object_delete(instance=partner, actor=actor, reason="grants.projectpartner.removed")
        for partner in partners:
            partner.project = project
            object_save(
                instance=partner,
                actor=actor,
                reason="grants.projectpartner.edited"
                if partner.pk
                else "grants.projectpartner.added",
            )
    return project


@transaction.atomic
def project_transition(
    *, project: Project, name: str, actor, reason: str = "", on: datetime.date | None = None
) -> Project:
    """Apply the named status step, recording who, when and why. Rejecting and withdrawing
    need a reason; approving needs the budget (the money pages count from it)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    step = transitions.step_check(
        project, name, refused=_("A project that is “%(status)s” cannot take this step.")
    )
    if step.asks_reason and not reason.strip():
        raise ValidationError({"reason": _("Say why.")})
    if name == "approve" and project.our_share is None and project.total_budget is None:
        raise ValidationError(_("Enter the approved budget before marking the project approved."))
    getattr(project, name)()
    project.status_changed_at = timezone.now()
    project.status_reason = reason.strip()
    return object_save(instance=project, actor=actor, reason=f"grants.project.{name}")


@transaction.atomic
def project_delete(*, project: Project, actor) -> None:
    """Delete a project entered by mistake: only an idea or one in preparation."""
    if project.status not in DELETABLE:
        raise ValidationError(
            _("Only an idea or a project in preparation can be deleted; withdraw or close it.")
        )
    object_delete(instance=project, actor=actor, reason="grants.project.deleted")


@transaction.atomic
def project_import(*, project: Project, partner: ProjectPartner | None, actor) -> Project:
    """Record a project from an import row, with its main partner when one is named."""
    return project_save(
        project=project,
        actor=actor,
        partners=[partner] if partner else [],
        reason="grants.project.imported",
    )


def deadline_save(
    *, deadline: ReportingDeadline, actor, expected_version: int | None = None
) -> ReportingDeadline:
    """Record or change a reporting deadline; a new due date starts its reminders again
    (they are kept per due date)."""
    if deadline.submitted_on and deadline.submitted_on > timezone.localdate():
        raise ValidationError({"submitted_on": _("A report cannot be submitted in the future.")})
    created = deadline.pk is None
    return object_save(
        instance=deadline,
        actor=actor,
        expected_version=expected_version,
        reason="grants.reportingdeadline.added" if created else "grants.reportingdeadline.edited",
    )
