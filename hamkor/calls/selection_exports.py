"""A call's selection in files for people: the workbook of applications and scores, and the
ranking with the allocation for the committee's minutes (PDF), in the user's language.

The workbook holds plain values (numbers as numbers, times in Tashkent as date cells, words
in the user's language) as every export of Hamkor does (``core.exporting``): a sheet of the
applications with their averaged scores, spread, total and result; a sheet of every score
each reviewer gave; a sheet of the conflicts of interest declared.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.calls.committee_selectors import score_summary
from hamkor.calls.models import Application, Call, ConflictOfInterest, Score, SelectionChange
from hamkor.calls.selection_services import application_key
from hamkor.core.dates import format_datetime, format_long_date
from hamkor.core.exporting import xlsx_sheets_file
from hamkor.core.pdf import pdf_from_html


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0) if moment else None


def _preferences(application: Application) -> str:
    return "; ".join(
        f"{p.rank}. {p.place}" for p in sorted(application.preferences.all(), key=lambda p: p.rank)
    )


def _result(application: Application) -> str:
    return application.get_outcome_display() if application.outcome else ""


def scores_xlsx(*, call: Call, user):
    """The workbook of ``call``'s applications and scores (an open temporary file)."""
    criteria, rows = score_summary(call=call)
    headers = [_("Application"), _("Applicant"), _("Submitted"), _("GPA"), _("Language"),
               _("Language level"), _("Preferences")]  # fmt: skip
    for criterion in criteria:
        headers += [
            _("%(criterion)s: average") % {"criterion": criterion.name},
            _("%(criterion)s: spread") % {"criterion": criterion.name},
        ]
    headers += [_("Total"), _("Rank"), _("Outcome"), _("Place"), _("Reserve position"),
                _("Conflicts of interest")]  # fmt: skip

    def applications():
        for row in rows:
            a = row.application
            line = [application_key(a), str(a.person), _local(a.submitted_at), a.gpa,
                    a.language, a.cefr_level, _preferences(a)]  # fmt: skip
            for cell in row.cells:
                line += [cell.average, cell.spread]
            line += [a.total, a.rank, _result(a), str(a.allocated_place or ""),
                     a.reserve_position, row.conflicts]  # fmt: skip
            yield line

    def scores():
        given = (
            Score.objects.filter(application__call=call)
            .select_related("application__person", "reviewer", "criterion")
            .order_by("application_id", "reviewer__full_name", "criterion__order")
        )
        for score in given:
            yield [application_key(score.application), str(score.application.person),
                   str(score.reviewer), score.criterion.name, score.value,
                   _local(score.updated_at)]  # fmt: skip

    def conflicts():
        declared = (
            ConflictOfInterest.objects.filter(application__call=call)
            .select_related("application__person", "reviewer")
            .order_by("application_id")
        )
        for conflict in declared:
            yield [
                application_key(conflict.application),
                str(conflict.application.person),
                str(conflict.reviewer),
                conflict.reason,
                _local(conflict.created_at),
            ]

    person = [_("Application"), _("Applicant"), _("Reviewer")]
    return xlsx_sheets_file(
        [
            (_("Applications"), headers, applications()),
            (_("Scores"), [*person, _("Criterion"), _("Score"), _("Scored at")], scores()),
            (_("Conflicts of interest"), [*person, _("Reason"), _("Declared at")], conflicts()),
        ]
    )


def _field_label(name: str) -> str:
    try:
        return str(Application._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def ranking_pdf(*, call: Call, language: str | None = None) -> bytes:
    """The ranking with the allocation and the reserve list, the criteria and their
    weights, the places, and the manual changes with their reasons: the committee's minutes."""
    language = language or translation.get_language()
    with translation.override(language):
        criteria, rows = score_summary(call=call)
        ranked = sorted((r for r in rows if r.application.rank), key=lambda r: r.application.rank)
        changes = (
            SelectionChange.objects.filter(application__call=call)
            .select_related("application__person", "actor")
            .order_by("changed_at", "id")
        )
        html = render_to_string(
            "calls/ranking_pdf.html",
            {
                "language": language,
                "call": call,
                "criteria": criteria,
                "rows": [(row, application_key(row.application)) for row in ranked],
                "places": call.places.select_related("institution").order_by("pk"),
                "changes": [
                    (
                        change,
                        application_key(change.application),
                        format_datetime(change.changed_at),
                        _field_label(change.field),
                    )
                    for change in changes
                ],
                "reviewers": call.reviewers.select_related("user"),
                "made_on": format_long_date(timezone.localdate(), language),
            },
        )
    return pdf_from_html(html)
