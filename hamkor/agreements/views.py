"""Staff pages of agreements: list, expiring soon, detail, edit, steps, quotas, import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hamkor.agreements import forms, rules, services
from hamkor.agreements.filters import AgreementFilterSet
from hamkor.agreements.models import (
    Agreement,
    AgreementParty,
    Amendment,
    MobilityQuota,
    has_signed_copy,
)
from hamkor.agreements.selectors import (
    agreement_status_changes,
    agreement_utilisation,
    agreements_expiring,
)
from hamkor.agreements.tables import AgreementTable, ExpiringAgreementTable, status_badge
from hamkor.core import transitions
from hamkor.core.documents import (
    can_attach_documents,
    documents_by_record,
    documents_context,
)
from hamkor.core.views import generic

PARTIES = Prefetch(
    "parties",
    queryset=AgreementParty.objects.select_related("institution", "unit").order_by("id"),
)
AGREEMENTS = Agreement.objects.select_related("responsible", "predecessor")
LISTED = Agreement.objects.prefetch_related(PARTIES, "quotas")


# --- Lists ---------------------------------------------------------------------------------


class AgreementListView(generic.ObjectListView):
    queryset = LISTED
    filterset_class = AgreementFilterSet
    table_class = AgreementTable
    bulk_actions = (
        "export",
        "transition:negotiate",
        "transition:send_for_signature",
        "transition:activate",
        "transition:terminate",
        "assign_faculty",
        "set:public",
        "set:not_public",
    )
    bulk_set_labels = {
        "public": gettext_lazy("Show on the public website"),
        "not_public": gettext_lazy("Hide from the public website"),
    }
    bulk_transition_labels = {
        name: step.label for name, step in transitions.steps(Agreement).items()
    }

    def bulk_transition(self, row, *, name, request):
        services.agreement_transition(
            agreement=row, name=name, actor=request.user, reason=request.POST.get("reason", "")
        )

    def bulk_set(self, row, *, name, request):
        services.agreement_publish(agreement=row, public=name == "public", actor=request.user)

    def bulk_assign_faculty(self, row, *, unit, request):
        """Adds ``unit`` to the agreement's scope (the units it had stay)."""
        services.agreement_save(
            agreement=row,
            actor=request.user,
            scope_units=[*row.scope_units.all(), unit],
            reason="agreements.agreement.unit_assigned",
        )


class AgreementExpiringView(AgreementListView):
    """Active agreements that end within the next 180 days, soonest first."""

    table_class = ExpiringAgreementTable
    template_name = "agreements/agreement_expiring.html"
    within_days = 180

    def get_queryset(self, action=None):
        return agreements_expiring(
            within_days=self.within_days, queryset=super().get_queryset(action)
        )

    def get_extra_context(self, obj=None):
        return {
            "verbose_name_plural": _("agreements expiring soon"),
            "within_days": self.within_days,
        }


# --- One agreement ------------------------------------------------------------------------


class AgreementDetailView(generic.ObjectDetailView):
    queryset = AGREEMENTS.prefetch_related(
        PARTIES, "scope_units", "areas", "renewals", "quotas", "amendments"
    )

    def object_actions(self, obj) -> dict:
        actions = super().object_actions(obj)
        if obj.status != Agreement.Status.DRAFT:
            actions["delete_url"] = None  # an agreement past its draft is terminated instead
        return actions

    def get_extra_context(self, obj) -> dict:
        user = self.request.user
        can_change = rules.may_change(obj, user)
        steps = transitions.steps_available(obj, user)
        steps.sort(key=lambda step: step.asks_reason)  # buttons first, then those with a form
        renewals = list(obj.renewals.all())
        amendments = list(obj.amendments.all())
        amendment_documents = documents_by_record(amendments)
        return {
            "status_badge": status_badge(obj),
            "parties": obj.parties.all(),
            "status_changes": agreement_status_changes(obj),
            "steps": steps,
            "missing_signed_copy": any(s.name == "activate" for s in steps)
            and not has_signed_copy(obj),
            "utilisation": agreement_utilisation(obj),
            "quotas": list(obj.quotas.all()),
            "amendments": [(a, amendment_documents[a.pk]) for a in amendments],
            "amendment_content_type_id": ContentType.objects.get_for_model(Amendment).pk,
            "can_attach_to_amendments": bool(amendments)
            and can_attach_documents(user, amendments[0]),
            "renewals": renewals,
            "can_renew": can_change and rules.can_renew(obj, user, renewals=renewals),
            "can_amend": can_change and rules.can_amend(obj, user),
            "can_add_quota": can_change and user.has_perm("agreements.add_mobilityquota"),
            "can_change_quota": can_change and user.has_perm("agreements.change_mobilityquota"),
            "can_delete_quota": can_change and user.has_perm("agreements.delete_mobilityquota"),
            **documents_context(user, obj),
        }


class AgreementHistoryView(generic.ObjectHistoryView):
    queryset = AGREEMENTS


class AgreementEditView(generic.ObjectEditView):
    """Create or edit an agreement with its parties, in one transaction."""

    queryset = AGREEMENTS
    form_class = forms.AgreementForm
    template_name = "agreements/agreement_edit.html"

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        if "pk" not in self.kwargs:
            kwargs["partner"] = self.request.GET.get("institution")
        return kwargs

    @transaction.atomic
    def save(self, form, *, expected_version):
        agreement = form.save(commit=False)
        created = agreement.pk is None
        try:
            return services.agreement_save(
                agreement=agreement,
                actor=self.request.user,
                scope_units=form.cleaned_data["scope_units"],
                areas=form.cleaned_data["areas"],
                parties=form.parties.kept_instances(),
                expected_version=expected_version,
            )
        except ValidationError:
            if created:
                # Rolled back: the form is shown again as the new record it still is.
                agreement.pk = None
                agreement.reference = ""
                agreement._state.adding = True
            raise


class AgreementDeleteView(generic.ObjectDeleteView):
    queryset = AGREEMENTS

    def delete(self, obj):
        services.agreement_delete(agreement=obj, actor=self.request.user)


class AgreementActionView(generic.ObjectActionView):
    """A form about one agreement the user may change (a renewal, an amendment)."""

    queryset = AGREEMENTS
    template_name = "agreements/agreement_action.html"

    def badge(self, agreement) -> str:
        return status_badge(agreement)


class AgreementTransitionView(generic.ObjectStepView):
    """Apply a status step; terminating asks why (and from when), reopening asks why."""

    queryset = AGREEMENTS
    template_name = "agreements/agreement_action.html"

    def badge(self, agreement) -> str:
        return status_badge(agreement)

    def make_form(self, agreement, data=None):
        return forms.AgreementTransitionForm(data, step=self.step.name)

    def get_extra_context(self, obj=None):
        return {
            **super().get_extra_context(obj),
            "missing_signed_copy": self.step.name == "activate" and not has_signed_copy(obj),
        }

    def take_step(self, agreement, form):
        return services.agreement_transition(
            agreement=agreement,
            name=self.step.name,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
            on=form.cleaned_data.get("on"),
        )

    def record_name(self, agreement) -> str:
        return agreement.reference


class AgreementRenewView(AgreementActionView):
    """Start the successor of an agreement: a draft with the same parties, scope and quotas."""

    permission = "agreements.add_agreement"
    title = gettext_lazy("Renew")
    intro = gettext_lazy(
        "The renewal is a new agreement in draft, with the same parties, faculties, areas "
        "and quotas, linked to this one. Its signed copy is attached to it when it is signed."
    )
    submit_label = gettext_lazy("Start the renewal")

    def make_form(self, agreement, data=None):
        return forms.AgreementRenewForm(
            data, initial=forms.AgreementRenewForm.initial_for(agreement)
        )

    def perform(self, agreement, form):
        successor = services.agreement_renew(
            agreement=agreement,
            actor=self.request.user,
            valid_from=form.cleaned_data["valid_from"],
            valid_to=form.cleaned_data["valid_to"],
        )
        messages.success(
            self.request,
            _("%(successor)s is the renewal of %(agreement)s; complete it and send it.")
            % {"successor": successor.reference, "agreement": agreement.reference},
        )
        return successor.get_absolute_url()


class AgreementAmendView(AgreementActionView):
    """Record an amendment, which may move the end date; its document is attached after."""

    permission = "agreements.add_amendment"
    title = gettext_lazy("Amend")
    intro = gettext_lazy(
        "An amendment is a new version of this agreement. Attach its signed document "
        "to it on the agreement's page once it is recorded."
    )
    submit_label = gettext_lazy("Record the amendment")

    def make_form(self, agreement, data=None):
        return forms.AgreementAmendForm(data)

    def perform(self, agreement, form):
        amendment = services.agreement_amend(
            agreement=agreement,
            actor=self.request.user,
            signed_on=form.cleaned_data["signed_on"],
            summary=form.cleaned_data["summary"],
            valid_to=form.cleaned_data["valid_to"],
        )
        messages.success(self.request, _("%(amendment)s recorded.") % {"amendment": amendment})
        return amendment.get_absolute_url()


# --- Quotas --------------------------------------------------------------------------------

QUOTAS = MobilityQuota.objects.select_related("agreement")


class MobilityQuotaEditView(generic.ObjectEditView):
    """Add (``agreement_pk`` in the address) or edit a quota of an agreement in reach."""

    queryset = QUOTAS
    form_class = forms.MobilityQuotaForm
    template_name = "agreements/mobilityquota_edit.html"

    def alter_object(self, quota):
        """A new quota belongs to the agreement in the address, for its years by default."""
        if "agreement_pk" in self.kwargs:
            agreement = self.get_parent(Agreement, "agreement_pk")
            start = agreement.valid_from or agreement.signed_on
            first = start.year if start else None
            last = agreement.valid_to.year - 1 if agreement.valid_to else None
            quota.agreement = agreement
            quota.first_year = first
            quota.last_year = last if last and first and last >= first else first
        return quota

    def save(self, form, *, expected_version):
        return services.agreement_quota_save(
            quota=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )

    def get_success_url(self, instance) -> str:
        return instance.get_absolute_url()

    def get_extra_context(self, obj=None):
        return {"agreement": obj.agreement}


class MobilityQuotaDeleteView(generic.ObjectDeleteView):
    queryset = QUOTAS
    template_name = "agreements/mobilityquota_delete.html"

    def get_extra_context(self, obj=None):
        return {"agreement": obj.agreement}

    def get_success_url(self, obj) -> str:
        return obj.agreement.get_absolute_url() + "#quotas"


# --- Import --------------------------------------------------------------------------------


class AgreementImportView(generic.BulkImportView):
    """One row per agreement with its main partner; applied whole or not at all."""

    queryset = AGREEMENTS
    import_form_class = forms.AgreementImportForm
    template_name = "agreements/agreement_import.html"
    example = {
        "reference": "",
        "kind": "mou",
        "title": "Memorandum of understanding on academic cooperation",
        "partner": "Ankara University",
        "signatory": "Prof. Dr. Necdet Ünüvar, Rector",
        "signed_on": "2023-05-15",
        "valid_from": "2023-05-15",
        "valid_to": "2028-05-14",
        "status": "active",
        "faculties": "",
        "auto_renewal": "false",
        "notice_period_days": "90",
        "notes": "",
    }

    def apply_rows(self, rows, actor):
        created = services.agreements_import(
            rows=[
                (
                    row.number,
                    {
                        "agreement": row.form.agreement(),
                        "party": row.form.party(),
                        "scope_units": row.form.cleaned_data["faculties"],
                        "active": row.form.cleaned_data["status"] == Agreement.Status.ACTIVE,
                    },
                )
                for row in rows
            ],
            actor=actor,
        )
        return created, 0
