"""Staff pages of mobilities: list, page with its steps and facts, edit, import, letters.

The rules of a mobility live in ``services.mobility_check``; these views parse, call the
services and show their errors beside the fields.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from hamkor.core import importing, transitions
from hamkor.core.documents import documents_context
from hamkor.core.validators import is_number
from hamkor.core.views import generic
from hamkor.grants.mobility_grant import mobility_grant
from hamkor.mobility import forms, import_forms
from hamkor.mobility.deadlines import registration_due, report_due
from hamkor.mobility.filters import MobilityFilterSet
from hamkor.mobility.letters import invitation_pdf
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.personal import person_redact, personal_data_shown
from hamkor.mobility.rules import can_issue_letter
from hamkor.mobility.selectors import (
    mobility_host_ranking,
    mobility_status_changes,
    teaching_foreign_students,
    with_host_qs_rank,
)
from hamkor.mobility.services import (
    mobilities_import,
    mobility_invitation_issue,
    mobility_overlaps_within,
    mobility_save,
    mobility_transition,
)
from hamkor.mobility.tables import MobilityTable, status_badge
from hamkor.mobility.tasks import letters_start
from hamkor.mobility.views.people import PersonalDataHistoryView, person_placeholders
from hamkor.partners.models import Institution

MOBILITIES = Mobility.objects.select_related(
    "person",
    "sending_institution",
    "receiving_institution",
    "home_unit",
    "agreement",
    "funding_project__programme",
)
LISTED = Mobility.objects.select_related("person", "sending_institution", "receiving_institution")


# --- Lists ---------------------------------------------------------------------------------


# The steps offered on the list, in the order of a mobility's life.
BULK_STEPS = ("nominate", "accept", "start_trip", "complete", "cancel")


class MobilityListView(generic.ObjectListView):
    queryset = LISTED
    filterset_class = MobilityFilterSet
    table_class = MobilityTable
    template_name = "mobility/mobility_list.html"
    bulk_actions = (
        "export",
        *(f"transition:{name}" for name in BULK_STEPS),
        "assign_faculty",
        "email",
        "job:letters",
    )
    bulk_job_labels = {"letters": gettext_lazy("Invitation letters (one zip file)")}
    # Named by the status reached: the steps' own labels differ by direction.
    bulk_transition_labels = {
        "nominate": Mobility.Status.NOMINATED.label,
        "accept": Mobility.Status.ACCEPTED.label,
        "start_trip": Mobility.Status.IN_PROGRESS.label,
        "complete": Mobility.Status.COMPLETED.label,
        "cancel": Mobility.Status.CANCELLED.label,
    }

    def get_queryset(self, action=None):
        return with_host_qs_rank(super().get_queryset(action))

    def bulk_transition(self, row, *, name, request):
        mobility_transition(
            mobility=row, name=name, actor=request.user, reason=request.POST.get("reason", "")
        )

    @transaction.atomic
    def bulk_assign_faculty(self, row, *, unit, request):
        """Sets our unit of the mobility; refused when the user could not change it after."""
        row.home_unit = unit
        mobility_save(mobility=row, actor=request.user, reason="mobility.mobility.unit_assigned")
        if not Mobility.objects.restrict(request.user, "change").filter(pk=row.pk).exists():
            raise ValidationError(_("This faculty would take the mobility out of your reach."))

    def bulk_job(self, rows, *, name, request):
        if name != "letters":
            raise PermissionDenied
        return letters_start(
            owner=request.user, mobility_ids=list(rows.values_list("pk", flat=True))
        )

    def bulk_recipient(self, row):
        partner = row.receiving_institution if row.is_outgoing else row.sending_institution
        values = person_placeholders(row.person)
        values.update(
            partner=str(partner),
            start=row.start.isoformat(),
            end=row.end.isoformat(),
        )
        return row.person, values


# --- One mobility --------------------------------------------------------------------------


class MobilityDetailView(generic.ObjectDetailView):
    queryset = MOBILITIES

    def get_extra_context(self, obj):
        user = self.request.user
        today = timezone.localdate()
        context = {
            "status_badge": status_badge(obj),
            "status_changes": mobility_status_changes(obj),
            "steps": [
                (step, step.label_for(obj)) for step in transitions.steps_available(obj, user)
            ],
            "today": today,
            "can_see_personal_data": personal_data_shown(self.request, obj),
            "partner": obj.receiving_institution if obj.is_outgoing else obj.sending_institution,
            "host_ranking": mobility_host_ranking(obj) if obj.is_outgoing else None,
            "erasmus_grant": mobility_grant(obj),
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
                can_issue_letter=can_issue_letter(obj, user),
                letter_url=reverse("mobility:mobility_letter", kwargs={"pk": obj.pk})
                if obj.invitation_reference
                else None,
            )
        return context


class MobilityHistoryView(PersonalDataHistoryView):
    queryset = MOBILITIES


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
        if is_number(person_pk):
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


class MobilityTransitionView(generic.ObjectStepView):
    """A status step: departure and return ask for the date (today by default), cancelling
    for the reason."""

    queryset = MOBILITIES
    automatic_steps = True

    def badge(self, mobility) -> str:
        return status_badge(mobility)

    def make_form(self, mobility, data=None):
        return forms.MobilityStepForm(data, step=self.step.name, mobility=mobility)

    def add_refusal(self, form, exc):
        if hasattr(exc, "error_dict"):
            super().add_refusal(form, exc)
        else:
            # The step's own refusal is about what the form asks, when it asks.
            form.add_error(next(iter(form.fields), None), exc)

    def take_step(self, mobility, form):
        return mobility_transition(
            mobility=mobility,
            name=self.step.name,
            actor=self.request.user,
            reason=form.cleaned_data.get("reason", ""),
            on=form.cleaned_data.get("on"),
        )


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
        response = HttpResponse(
            invitation_pdf(mobility, person=person_redact(mobility.person, request.user)),
            content_type="application/pdf",
        )
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

    def validate(self, content: bytes, *, keep_rows: bool = True) -> importing.ImportResult:
        # Every row is kept: the overlaps are checked between the file's own rows.
        result = super().validate(content)
        _reject_overlaps_within(result)
        return result

    def apply_rows(self, rows, actor):
        # One service checks every rule, the overlaps between the file's own rows included.
        mobilities_import(
            rows=[_field_values(row.form.save(commit=False)) for row in rows],
            numbers=[row.number for row in rows],
            actor=actor,
        )
        return len(rows), 0


def _reject_overlaps_within(result: importing.ImportResult) -> None:
    """Shows in the preview the rows ``mobilities_import`` would refuse as overlapping."""
    valid = [row for row in result.rows if not row.errors]
    refused = mobility_overlaps_within([(row.number, row.form.instance) for row in valid])
    for row in valid:
        if row.number in refused:
            row.errors.append(refused[row.number])


def _field_values(mobility: Mobility) -> dict:
    """An unsaved mobility's concrete field values, as ``mobilities_import`` takes a row."""
    return {
        field.attname: getattr(mobility, field.attname)
        for field in Mobility._meta.concrete_fields
        if not field.primary_key
    }
