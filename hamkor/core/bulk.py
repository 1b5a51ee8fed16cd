"""Bulk actions on list pages: export, a named status step, a faculty, an e-mail.

A list view declares what its toolbar offers::

    bulk_actions = ("export", "transition:activate", "assign_faculty", "email", "job:letters",
                    "set:public")

and, for the actions that change rows, the hooks that call its domain's services
(:meth:`bulk_transition`, :meth:`bulk_assign_faculty`, :meth:`bulk_recipient`, and
:meth:`bulk_set` for a ``set:<name>`` action labelled by ``bulk_set_labels``); a
``job:<name>`` action starts a background job over the rows the user may see
(:meth:`bulk_job`, labelled by ``bulk_job_labels``) and opens its progress page. The user
selects rows by their checkboxes, or every row matching the list's filters; the rows are
then narrowed by ``restrict(user, action)``, so rows outside the user's reach are ignored,
never acted on. Each row is changed by its own service call in its own transaction: a row
whose step is refused is reported with the reason, and the other rows are changed (the
toolbar says so before the user applies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import django_tables2 as tables
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hamkor.accounts.models import OrgUnit
from hamkor.core.models import EmailTemplate
from hamkor.core.validators import is_number

# A selection larger than this is refused: long work belongs in a background task.
MAX_BULK_ROWS = 2000
# How many refused rows the message names; the rest are counted.
MAX_REPORTED = 10

ACTION_PERMISSIONS = {"export": "export", "transition": "transition", "job": "view"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class BulkChoice:
    """One entry of the toolbar's action menu."""

    value: str
    label: str


@dataclass
class BulkOutcome:
    done: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)


def bulk_choices(view) -> list[BulkChoice]:
    """The actions of ``view.bulk_actions`` the user may apply, labelled for the menu."""
    user = view.request.user
    choices = []
    for action in view.bulk_actions:
        kind, _sep, name = action.partition(":")
        if not user.has_perm(bulk_permission(view.model, kind)):
            continue
        if kind == "export":
            choices += [
                BulkChoice("export:csv", gettext_lazy("Export as CSV")),
                BulkChoice("export:xlsx", gettext_lazy("Export as XLSX")),
            ]
        elif kind == "transition":
            label = view.bulk_transition_labels.get(name, name)
            choices.append(BulkChoice(action, _("Status: %(step)s") % {"step": label}))
        elif kind == "assign_faculty":
            choices.append(BulkChoice(action, gettext_lazy("Assign a faculty")))
        elif kind == "email":
            choices.append(BulkChoice(action, gettext_lazy("Send an e-mail from a template")))
        elif kind == "job":
            choices.append(BulkChoice(action, view.bulk_job_labels.get(name, name)))
        elif kind == "set":
            choices.append(BulkChoice(action, view.bulk_set_labels.get(name, name)))
    return choices


class SelectColumn(tables.CheckBoxColumn):
    """The row's checkbox: the ``<input>`` of ``CheckBoxColumn``, whose attributes (constants
    here, never checked) are written once a column rather than once a row."""

    def render(self, value, bound_column, record):
        if self.checked is not None:
            return super().render(value, bound_column, record)
        halves = self.__dict__.get("_halves")
        if halves is None or halves[0] != bound_column.name:
            mark = "\x00value\x00"
            html = super().render(mark, bound_column, record)
            before, _mark, after = html.partition(mark)
            halves = self._halves = (bound_column.name, before, after)
        return mark_safe(f"{halves[1]}{conditional_escape(value)}{halves[2]}")


def bulk_context(view) -> dict:
    """What the list template needs for the toolbar, and the checkbox column's options."""
    choices = bulk_choices(view)
    if not choices:
        return {}
    kinds = {choice.value.partition(":")[0] for choice in choices}
    select = SelectColumn(
        accessor="pk",
        orderable=False,
        exclude_from_export=True,
        attrs={
            "input": {
                "name": "pk",
                "form": "bulk-form",
                "class": "form-check-input",
                "data-bulk-row": "",
            },
            "th__input": {
                "class": "form-check-input",
                "data-bulk-page": "",
                "aria-label": _("Select all rows on this page"),
            },
        },
    )
    return {
        "bulk_choices": choices,
        "bulk_faculties": faculties() if "assign_faculty" in kinds else None,
        "bulk_templates": EmailTemplate.objects.all() if "email" in kinds else None,
        "table_options": {"extra_columns": [("select", select)], "sequence": ("select", "...")},
    }


def bulk_permission(model: type[models.Model], kind: str) -> str:
    """Export needs the export permission, a status step the transition permission, a
    background job over the rows the view permission, the other actions the change
    permission."""
    opts = model._meta
    return f"{opts.app_label}.{ACTION_PERMISSIONS.get(kind, 'change')}_{opts.model_name}"


def faculties():
    return OrgUnit.objects.filter(institution__is_home=True, is_active=True).order_by(
        "kind", "name_uz"
    )


def bulk_apply(view, request, filtered: models.QuerySet):
    """Apply the posted action to the selected rows of ``filtered`` (the list's filters)."""
    action = request.POST.get("action", "")
    kind, _sep, name = action.partition(":")
    declared = {f"export:{f}" for f in view.export_formats if "export" in view.bulk_actions}
    if action not in declared | set(view.bulk_actions) - {"export"}:
        messages.error(request, _("Choose an action from the list."))
        return _back(request)
    if not request.user.has_perm(bulk_permission(view.model, kind)):
        raise PermissionDenied
    scope = {"export": "export", "job": "view"}.get(kind, "change")
    rows = filtered.filter(pk__in=view.model.objects.restrict(request.user, scope).values("pk"))
    if request.POST.get("all_matching") != "1":
        pks = [pk for pk in request.POST.getlist("pk") if is_number(pk)]
        rows = rows.filter(pk__in=pks)
    count = rows.count()
    if not count:
        messages.error(request, _("Select at least one row you may change."))
        return _back(request)
    if count > MAX_BULK_ROWS:
        messages.error(
            request,
            _("At most %(max)d rows at once: narrow the list with its filters.")
            % {"max": MAX_BULK_ROWS},
        )
        return _back(request)
    if kind == "export":
        if name not in view.export_formats:
            raise PermissionDenied
        return view.export(rows, name)
    if kind == "job":
        job = view.bulk_job(rows, name=name, request=request)
        return HttpResponseRedirect(job.get_absolute_url())
    try:
        if kind == "transition":
            outcome = _each(rows, lambda row: view.bulk_transition(row, name=name, request=request))
        elif kind == "set":
            outcome = _each(rows, lambda row: view.bulk_set(row, name=name, request=request))
        elif kind == "assign_faculty":
            unit = _faculty(request.POST.get("faculty"))
            outcome = _each(
                rows, lambda row: view.bulk_assign_faculty(row, unit=unit, request=request)
            )
        else:
            template = _template(request.POST.get("template"))
            outcome = bulk_email(rows, template=template, recipient=view.bulk_recipient)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _back(request)
    _report(request, outcome)
    return _back(request)


def _faculty(value) -> OrgUnit:
    unit = faculties().filter(pk=value).first() if is_number(str(value or "")) else None
    if unit is None:
        raise ValidationError(_("Choose the faculty to assign."))
    return unit


def _template(value) -> EmailTemplate:
    found = EmailTemplate.objects.filter(pk=value) if is_number(str(value or "")) else None
    template = found.first() if found is not None else None
    if template is None:
        raise ValidationError(_("Choose the e-mail template to send."))
    return template


def _each(rows, apply) -> BulkOutcome:
    """Apply ``apply`` to every row; a refused row is reported and the others go on."""
    outcome = BulkOutcome()
    for row in rows:
        try:
            apply(row)
        except ValidationError as exc:
            outcome.refused.append((str(row), " ".join(exc.messages)))
        else:
            outcome.done += 1
    return outcome


def render_placeholders(text: str, values: dict[str, str]) -> str:
    """``{name}`` and the like replaced by ``values``; unknown placeholders left as typed.

    Not ``str.format``: a template typed by staff must not reach attributes of the values.
    """
    return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group())), text)


def bulk_email(rows, *, template: EmailTemplate, recipient) -> BulkOutcome:
    """Send ``template`` to the person of each row, in that person's language.

    ``recipient(row)`` answers ``(person, placeholder values)``. The messages leave once
    the transaction commits (a rolled-back request sends nothing) and the mail backend
    keeps each in the outbox. A person without an e-mail address is reported.
    """
    outcome = BulkOutcome()
    outgoing = []
    for row in rows:
        person, values = recipient(row)
        if not person.email:
            outcome.refused.append((str(row), _("No e-mail address.")))
            continue
        with translation.override(person.language or "en"):
            subject = render_placeholders(template.subject, values)
            body = render_placeholders(template.body, values)
        outgoing.append(EmailMessage(subject, body, to=[person.email]))
        outcome.done += 1
    transaction.on_commit(lambda: [message.send() for message in outgoing])
    return outcome


def _report(request, outcome: BulkOutcome) -> None:
    if outcome.done:
        messages.success(
            request,
            ngettext("Done for %(count)d row.", "Done for %(count)d rows.", outcome.done)
            % {"count": outcome.done},
        )
    if outcome.refused:
        refused = len(outcome.refused)
        named = "; ".join(f"{row}: {reason}" for row, reason in outcome.refused[:MAX_REPORTED])
        if refused > MAX_REPORTED:
            named += " …"
        messages.warning(
            request,
            ngettext(
                "Not done for %(count)d row: %(rows)s",
                "Not done for %(count)d rows: %(rows)s",
                refused,
            )
            % {"count": refused, "rows": named},
        )


def _back(request) -> HttpResponseRedirect:
    # The list with the same filters: the POST went to the list's own address.
    return HttpResponseRedirect(request.get_full_path())
