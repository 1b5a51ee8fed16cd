"""Staff pages of mobilities: list, page with its steps and facts, edit, import, letters.

The rules of a mobility live in ``services.mobility_check``; these views parse, call the
services and show their errors beside the fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from hamkor.core import importing
from hamkor.core.documents import documents_context
from hamkor.core.views import generic
from hamkor.mobility import forms, import_forms
from hamkor.mobility.deadlines import registration_due, report_due
from hamkor.mobility.filters import QS_TOP, MobilityFilterSet
from hamkor.mobility.letters import invitation_pdf
from hamkor.mobility.models import PERSONAL_DATA, Mobility, Person
from hamkor.mobility.selectors import (
    mobility_status_changes,
    teaching_foreign_students,
    with_host_qs_rank,
)
from hamkor.mobility.services import (
    TRANSITIONS,
    mobility_invitation_issue,
    mobility_save,
    mobility_transition,
)
from hamkor.mobility.tables import MobilityTable, status_badge
from hamkor.mobility.views.people import PersonalDataHistoryView
from hamkor.partners.models import Institution

MOBILITIES = Mobility.objects.select_related(
    "person", "sending_institution", "receiving_institution", "home_unit", "agreement"
)
LISTED = Mobility.objects.select_related("person", "sending_institution", "receiving_institution")


@dataclass(frozen=True)
class Step:
    """How a status step is offered on the mobility's page."""

    name: str
    label: str
    label_incoming: str
    button: str  # Bootstrap button style
    asks_date: bool = False
    asks_reason: bool = False

    def label_for(self, mobility: Mobility) -> str:
        return self.label if mobility.is_outgoing else self.label_incoming


STEPS = {
    step.name: step
    for step in (
        Step(
            "nominate",
            gettext_lazy("Nominate to the host"),
            gettext_lazy("Nominated by the partner"),
            "btn-outline-primary",
        ),
        Step(
            "accept",
            gettext_lazy("Accepted by the host"),
            gettext_lazy("Accept the guest"),
            "btn-outline-primary",
        ),
        Step(
            "start_trip",
            gettext_lazy("Departed"),
            gettext_lazy("Arrived"),
            "btn-outline-success",
            asks_date=True,
        ),
        Step(
            "complete",
            gettext_lazy("Returned"),
            gettext_lazy("Left"),
            "btn-success",
            asks_date=True,
        ),
        Step(
            "cancel",
            gettext_lazy("Cancel"),
            gettext_lazy("Cancel"),
            "btn-outline-danger",
            asks_reason=True,
        ),
    )
}


def steps_available(mobility: Mobility, user) -> list[Step]:
    """The steps ``user`` may take now: with the permission, within reach, from this status."""
    if not user.has_perm("mobility.transition_mobility"):
        return []
    if not Mobility.objects.restrict(user, "change").filter(pk=mobility.pk).exists():
        return []
    names = {t.name for t in mobility.get_available_status_transitions()}
    return [STEPS[name] for name in TRANSITIONS if name in names]


# --- Lists ---------------------------------------------------------------------------------


class MobilityListView(generic.ObjectListView):
    queryset = LISTED
    filterset_class = MobilityFilterSet
    table_class = MobilityTable
    template_name = "mobility/mobility_list.html"

    def get_queryset(self, action=None):
        return with_host_qs_rank(super().get_queryset(action))


# --- One mobility --------------------------------------------------------------------------


def host_ranking(mobility: Mobility) -> dict | None:
    """The host's QS World rank for the mobility's year, and whether it is in the top 1000."""
    row = (
        with_host_qs_rank(Mobility.objects.filter(pk=mobility.pk))
        .values("host_qs_rank", "host_qs_edition", "host_qs_label")
        .first()
    )
    if not row or row["host_qs_rank"] is None:
        return None
    return {
        "rank": row["host_qs_label"],
        "edition": row["host_qs_edition"],
        "top": row["host_qs_rank"] <= QS_TOP,
    }


class MobilityDetailView(generic.ObjectDetailView):
    queryset = MOBILITIES

    def get_extra_context(self, obj):
        user = self.request.user
        today = timezone.localdate()
        can_change = Mobility.objects.restrict(user, "change").filter(pk=obj.pk).exists()
        context = {
            "status_badge": status_badge(obj),
            "status_changes": mobility_status_changes(obj),
            "steps": [(step, step.label_for(obj)) for step in steps_available(obj, user)],
            "today": today,
            "can_see_personal_data": user.has_perm(PERSONAL_DATA),
            "partner": obj.receiving_institution if obj.is_outgoing else obj.sending_institution,
            "host_ranking": host_ranking(obj) if obj.is_outgoing else None,
            "taught_foreign_students": teaching_foreign_students(
                Mobility.objects.filter(pk=obj.pk)
            ).exists(),
            **documents_context(user, obj),
        }
        if obj.is_outgoing:
            due = report_due(obj.actual_end) if obj.actual_end else None
            context.update(
                report_due=due,
                report_overdue=bool(due and not obj.report_received_on and due < today),
            )
        else:
            due = registration_due(obj.actual_start) if obj.actual_start else None
            context.update(
                registration_due=due,
                registration_overdue=bool(due and not obj.registered_on and due < today),
                can_issue_letter=can_change
                and user.has_perm("mobility.change_mobility")
                and not obj.invitation_reference
                and obj.status != Mobility.Status.CANCELLED,
                letter_url=reverse("mobility:mobility_letter", kwargs={"pk": obj.pk})
                if obj.invitation_reference
                else None,
            )
        return context


class MobilityHistoryView(PersonalDataHistoryView):
    queryset = MOBILITIES
    personal_fields = forms.MOBILITY_PERSONAL


class MobilityEditView(generic.ObjectEditView):
    """Create or edit through ``mobility_save``: every rule checked, errors beside fields."""

    queryset = MOBILITIES
    form_class = forms.MobilityForm
    template_name = "mobility/mobility_edit.html"

    def get_initial_object(self):
        """A new outgoing mobility leaves from our university; an incoming one comes to it."""
        params = self.request.GET
        direction = params.get("direction")
        if direction not in Mobility.Direction.values:
            direction = Mobility.Direction.OUTGOING
        mobility = Mobility(direction=direction)
        home = Institution.objects.home()
        if direction == Mobility.Direction.OUTGOING:
            mobility.sending_institution = home
        else:
            mobility.receiving_institution = home
        person_pk = params.get("person", "")
        if person_pk.isdigit():
            person = (
                Person.objects.restrict(self.request.user, "change").filter(pk=person_pk).first()
            )
            if person is not None:
                mobility.person = person
                mobility.home_unit_id = person.org_unit_id
        return mobility

    def save(self, form, *, expected_version):
        return mobility_save(
            mobility=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class MobilityDeleteView(generic.ObjectDeleteView):
    queryset = MOBILITIES


class MobilityTransitionView(generic.ObjectPermissionMixin, View):
    """A status step: departure and return ask for the date (today by default), cancelling
    for the reason. The page is the fallback of the buttons on the mobility's page, and
    where a refused step shows why."""

    queryset = MOBILITIES
    action = "transition"
    template_name = "mobility/mobility_step.html"

    def dispatch(self, request, *args, **kwargs):
        self.step = STEPS.get(kwargs.get("name", ""))
        if self.step is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk, name):
        mobility = self.get_object()
        form = forms.MobilityStepForm(step=self.step.name, mobility=mobility)
        return self.render(mobility, form)

    def post(self, request, pk, name):
        mobility = self.get_object()
        form = forms.MobilityStepForm(request.POST, step=self.step.name, mobility=mobility)
        if form.is_valid():
            try:
                mobility = mobility_transition(
                    mobility=mobility,
                    name=self.step.name,
                    actor=request.user,
                    reason=form.cleaned_data.get("reason", ""),
                    on=form.cleaned_data.get("on"),
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    generic._add_errors(form, exc)
                else:
                    # The step's own refusal is about what the form asks, when it asks.
                    field = next(iter(form.fields), None)
                    form.add_error(field, exc)
            else:
                messages.success(
                    request,
                    _("%(mobility)s is now “%(status)s”.")
                    % {"mobility": mobility, "status": mobility.get_status_display()},
                )
                return HttpResponseRedirect(mobility.get_absolute_url())
        return self.render(mobility, form, status=400)

    def render(self, mobility, form, status=200):
        context = self.base_context(
            object=mobility,
            form=form,
            step=self.step,
            title=self.step.label_for(mobility),
            status_badge=status_badge(mobility),
        )
        return render(self.request, self.template_name, context, status=status)


# --- Invitation letters --------------------------------------------------------------------


class MobilityLetterIssueView(generic.ObjectPermissionMixin, View):
    """Give an incoming guest's invitation letter its number (POST only)."""

    queryset = MOBILITIES
    action = "change"
    http_method_names = ["post"]

    def post(self, request, pk):
        mobility = self.get_object()
        try:
            mobility = mobility_invitation_issue(mobility=mobility, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("The invitation letter %(reference)s is issued.")
                % {"reference": mobility.invitation_reference},
            )
        return HttpResponseRedirect(mobility.get_absolute_url() + "#letter")


class MobilityLetterView(generic.ObjectPermissionMixin, View):
    """The issued invitation letter as a PDF, for whoever may see the mobility.

    The letter shows the guest's passport and date of birth; for a user who may not read
    personal data they are left out of the copy (the verification code is the same).
    """

    queryset = MOBILITIES

    def get(self, request, pk):
        mobility = self.get_object()
        if mobility.is_outgoing or not mobility.invitation_reference:
            raise Http404
        if not request.user.has_perm(PERSONAL_DATA):
            # In memory only: this request never saves the person.
            mobility.person.passport_number = ""
            mobility.person.date_of_birth = None
        response = HttpResponse(invitation_pdf(mobility), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="{mobility.invitation_reference}.pdf"'
        )
        return response


# --- Import --------------------------------------------------------------------------------


class MobilityImportView(generic.BulkImportView):
    """Rows are checked like single edits, then against each other; all or nothing."""

    queryset = MOBILITIES
    import_form_class = import_forms.MobilityImportForm
    example = {
        "person_email": "d.karimov@example.uz",
        "person_last_name": "Karimov",
        "person_first_name": "Dilshod",
        "direction": "outgoing",
        "kind": "staff_teaching",
        "programme": "ka171",
        "agreement": "IIA-2024-003",
        "sending_institution": "",
        "receiving_institution": "TR ANKARA01",
        "home_unit": "phil",
        "planned_start": "2025-03-03",
        "planned_end": "2025-03-09",
        "teaching_hours": "8",
        "funding_amount": "1260",
        "funding_currency": "EUR",
        "funding_source": "Erasmus+ KA171",
    }

    def validate(self, content: bytes) -> importing.ImportResult:
        result = super().validate(content)
        _reject_overlaps_within(result)
        return result

    def apply_rows(self, rows, actor):
        for row in rows:
            with importing.row_context(row):
                mobility_save(
                    mobility=row.form.save(commit=False),
                    actor=actor,
                    reason="mobility.mobility.imported",
                )
        return len(rows), 0


def _reject_overlaps_within(result: importing.ImportResult) -> None:
    """Two rows of one file that send the same person away at the same time: the later row
    is rejected, as it would be once the first were saved."""
    seen: dict[int, list[tuple[int, Mobility]]] = {}
    for row in result.rows:
        if row.errors:
            continue
        mobility = row.form.instance
        for number, other in seen.get(mobility.person_id, []):
            if other.start <= mobility.end and mobility.start <= other.end:
                row.errors.append(
                    _("%(person)s is away on the mobility of row %(row)d at that time.")
                    % {"person": mobility.person, "row": number}
                )
                break
        seen.setdefault(mobility.person_id, []).append((row.number, mobility))
