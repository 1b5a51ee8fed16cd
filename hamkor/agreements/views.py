"""Staff pages of agreements: list, expiring soon, detail, edit, steps, quotas, import."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from hamkor.agreements import forms, services
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
from hamkor.core import importing
from hamkor.core.documents import can_attach_documents, documents_context, documents_for
from hamkor.core.models import ImportJob
from hamkor.core.services import object_delete
from hamkor.core.views import generic

PARTIES = Prefetch(
    "parties", queryset=AgreementParty.objects.select_related("institution").order_by("id")
)
AGREEMENTS = Agreement.objects.select_related("responsible", "predecessor")
LISTED = Agreement.objects.prefetch_related(PARTIES, "quotas")


@dataclass(frozen=True)
class Step:
    """How a status transition is offered on the agreement's page."""

    name: str
    label: str
    button: str  # Bootstrap button style
    asks_reason: bool = False


STEPS = {
    step.name: step
    for step in (
        Step("negotiate", gettext_lazy("Start negotiation"), "btn-outline-primary"),
        Step("send_for_signature", gettext_lazy("Send for signature"), "btn-outline-primary"),
        Step("activate", gettext_lazy("Activate"), "btn-success"),
        Step("reopen", gettext_lazy("Back to negotiation"), "btn-outline-secondary", True),
        Step("terminate", gettext_lazy("Terminate"), "btn-outline-danger", True),
    )
}


# --- Lists ---------------------------------------------------------------------------------


class AgreementListView(generic.ObjectListView):
    queryset = LISTED
    filterset_class = AgreementFilterSet
    table_class = AgreementTable


class AgreementExpiringView(AgreementListView):
    """Active agreements that end within the next 180 days, soonest first."""

    table_class = ExpiringAgreementTable
    template_name = "agreements/agreement_expiring.html"
    within_days = 180

    def get_queryset(self, action=None):
        return agreements_expiring(
            within_days=self.within_days, queryset=super().get_queryset(action)
        )

    def base_context(self, **extra):
        context = super().base_context(**extra)
        context["verbose_name_plural"] = _("agreements expiring soon")
        context["within_days"] = self.within_days
        return context


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
        can_change = Agreement.objects.restrict(user, "change").filter(pk=obj.pk).exists()
        steps = [STEPS[name] for name in services.transitions_available(obj, user)]
        steps.sort(key=lambda step: step.asks_reason)  # buttons first, then those with a form
        renewals = list(obj.renewals.all())
        amendments = list(obj.amendments.all())
        return {
            "status_badge": status_badge(obj),
            "parties": obj.parties.all(),
            "status_changes": agreement_status_changes(obj),
            "steps": steps,
            "missing_signed_copy": any(s.name == "activate" for s in steps)
            and not has_signed_copy(obj),
            "utilisation": agreement_utilisation(obj),
            "quotas": list(obj.quotas.all()),
            "amendments": [(a, documents_for(a)) for a in amendments],
            "amendment_content_type_id": ContentType.objects.get_for_model(Amendment).pk,
            "can_attach_to_amendments": bool(amendments)
            and can_attach_documents(user, amendments[0]),
            "renewals": renewals,
            "can_renew": can_change
            and user.has_perm("agreements.add_agreement")
            and obj.status in (Agreement.Status.ACTIVE, Agreement.Status.EXPIRED)
            and not renewals,
            "can_amend": can_change
            and user.has_perm("agreements.add_amendment")
            and obj.status == Agreement.Status.ACTIVE,
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

    def post(self, request, pk):
        agreement = self.get_object()
        try:
            services.agreement_delete(agreement=agreement, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(agreement.get_absolute_url())
        messages.success(request, _("%(name)s deleted.") % {"name": agreement})
        return HttpResponseRedirect(reverse("agreements:agreement_list"))


class AgreementActionView(generic.ObjectPermissionMixin, View, ABC):
    """A form about one agreement the user may change (a step, a renewal, an amendment).

    Subclasses say which form (``make_form``) and which service (``perform``).
    """

    queryset = AGREEMENTS
    action = "change"
    permission: str = ""
    template_name = "agreements/agreement_action.html"
    title = ""
    intro = ""
    submit_label = gettext_lazy("Save")

    def get_required_permission(self) -> str:
        return self.permission

    @abstractmethod
    def make_form(self, agreement, data=None):
        """The form of this action, bound to ``data`` when posted."""

    @abstractmethod
    def perform(self, agreement, form):
        """Call the service; answer the page to go to. Raise ValidationError to refuse."""

    def get(self, request, pk, **kwargs):
        agreement = self.get_object()
        return self.render(agreement, self.make_form(agreement))

    def post(self, request, pk, **kwargs):
        agreement = self.get_object()
        form = self.make_form(agreement, request.POST)
        if form.is_valid():
            try:
                return HttpResponseRedirect(self.perform(agreement, form))
            except ValidationError as exc:
                generic._add_errors(form, exc)
        return self.render(agreement, form, status=400)

    def render(self, agreement, form, status=200):
        context = self.base_context(
            object=agreement,
            form=form,
            title=self.title,
            intro=self.intro,
            submit_label=self.submit_label,
            submit_class="btn-primary",
            status_badge=status_badge(agreement),
        )
        context.update(self.extra_context(agreement))
        return render(self.request, self.template_name, context, status=status)

    def extra_context(self, agreement) -> dict:
        return {}


class AgreementTransitionView(AgreementActionView):
    """Apply a status step; terminating asks why (and from when), reopening asks why."""

    permission = "agreements.transition_agreement"

    def dispatch(self, request, *args, **kwargs):
        self.step = STEPS.get(kwargs.get("name", ""))
        if self.step is None:
            raise Http404
        self.title = self.step.label
        self.submit_label = self.step.label
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, agreement, data=None):
        return forms.AgreementTransitionForm(data, step=self.step.name)

    def extra_context(self, agreement):
        return {
            "step": self.step,
            "submit_class": self.step.button.replace("btn-outline-", "btn-"),
            "missing_signed_copy": self.step.name == "activate" and not has_signed_copy(agreement),
        }

    def perform(self, agreement, form):
        agreement = services.agreement_transition(
            agreement=agreement,
            name=self.step.name,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
            on=form.cleaned_data.get("on"),
        )
        messages.success(
            self.request,
            _("%(agreement)s is now “%(status)s”.")
            % {"agreement": agreement.reference, "status": agreement.get_status_display()},
        )
        return agreement.get_absolute_url()


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

    def get(self, request, pk=None, agreement_pk=None):
        return super().get(request, pk)

    def post(self, request, pk=None, agreement_pk=None):
        return super().post(request, pk)

    def get_initial_object(self):
        agreement = get_object_or_404(
            Agreement.objects.restrict(self.request.user, "change"), pk=self.kwargs["agreement_pk"]
        )
        start = agreement.valid_from or agreement.signed_on
        first = start.year if start else None
        last = agreement.valid_to.year - 1 if agreement.valid_to else None
        return MobilityQuota(
            agreement=agreement,
            first_year=first,
            last_year=last if last and first and last >= first else first,
        )

    def save(self, form, *, expected_version):
        return services.agreement_quota_save(
            quota=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )

    def get_success_url(self, instance) -> str:
        return instance.get_absolute_url()

    def render(self, obj, form, *, version, conflicts=(), status=200):
        context = self.base_context(
            object=obj if obj.pk else None,
            agreement=obj.agreement,
            form=form,
            version=version,
            conflicts=conflicts,
        )
        return render(self.request, self.template_name, context, status=status)


class MobilityQuotaDeleteView(generic.ObjectDeleteView):
    queryset = QUOTAS
    template_name = "agreements/mobilityquota_delete.html"

    def get(self, request, pk):
        quota = self.get_object()
        return render(
            request,
            self.template_name,
            self.base_context(object=quota, agreement=quota.agreement),
        )

    def post(self, request, pk):
        quota = self.get_object()
        object_delete(instance=quota, actor=request.user, reason="agreements.mobilityquota.deleted")
        messages.success(request, _("%(name)s deleted.") % {"name": quota})
        return HttpResponseRedirect(quota.agreement.get_absolute_url() + "#quotas")


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

    def apply(self, job):
        result = self.validate(bytes(job.content))
        if not result.is_valid:
            return self._refuse(
                job, result, _("The import has rejected rows; nothing was applied.")
            )
        rows = [(row.number, row.form) for row in result.rows]
        try:
            created = services.agreements_import(
                rows=[
                    (
                        number,
                        {
                            "agreement": form.agreement(),
                            "party": form.party(),
                            "scope_units": form.cleaned_data["faculties"],
                            "active": form.cleaned_data["status"] == Agreement.Status.ACTIVE,
                        },
                    )
                    for number, form in rows
                ],
                actor=self.request.user,
            )
        except ValidationError as exc:
            return self._refuse(job, result, " ".join(exc.messages))
        job.status = ImportJob.Status.APPLIED
        job.rows_created, job.rows_updated = created, 0
        job.save(update_fields=["status", "rows_created", "rows_updated"])
        messages.success(
            self.request,
            _("Import applied: %(created)d created, %(updated)d updated.")
            % {"created": created, "updated": 0},
        )
        return HttpResponseRedirect(reverse("agreements:agreement_list"))

    def _refuse(self, job, result: importing.ImportResult, error: str):
        job.status = ImportJob.Status.REJECTED
        job.rows_rejected = len(result.rejected)
        job.save(update_fields=["status", "rows_rejected"])
        return self.render(result=result, error=error, status=400)
