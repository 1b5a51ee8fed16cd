"""Reads about grant projects that are more than a filter: the status timeline."""

from __future__ import annotations

from django.utils.translation import gettext

from hamkor.agreements.selectors import StatusChange
from hamkor.grants.models import Project


def project_status_changes(project: Project) -> list[StatusChange]:
    """The project's statuses in order, each with who set it, when and why, from history."""
    changes: list[StatusChange] = []
    previous = None
    records = project.history.select_related("history_user").order_by("history_date", "pk")
    for record in records:
        if record.status == previous:
            continue
        previous = record.status
        code = record.history_change_reason or ""
        note = gettext("Imported") if code.endswith(".imported") else record.status_reason
        changes.append(
            StatusChange(
                status=record.status,
                label=str(Project.Status(record.status).label),
                at=record.history_date,
                by=record.history_user,
                note=note,
            )
        )
    return changes
