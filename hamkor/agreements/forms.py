"""Forms of the agreements app: the agreement with its parties, quotas, steps, import rows."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.accounts.models import User
from hamkor.accounts.roles import Role
from hamkor.agreements.models import (
    Agreement,
    AgreementParty,
    CooperationArea,
    MobilityQuota,
)
from hamkor.core.autocomplete import picker_field
from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.core.validators import is_number
from hamkor.core.widgets import use_picker
from hamkor.partners.models import Institution


class AgreementPartyForm(forms.ModelForm):
    """One party: a partner institution, its role and who signs for it.

    Not a BootstrapMixin form: that mixin validates a bound form while constructing it, before
    an inline formset has added the link to the agreement, which then counts as missing.
    The formset gives the Bootstrap classes, and marks the fields with errors once validated.
    """

    # Any institution, from the partners to the whole world directory: one chosen from the
    # directory becomes a partner when the agreement is saved (``agreement_partners_follow``).
    # The picker searches as the user types: the page carries only the chosen institution.
    institution = forms.ModelChoiceField(
        label=_("Institution"),
        queryset=Institution.objects.none(),  # the picker's rows, set for the user
        widget=forms.Select(attrs={"data-placeholder": _("Find an institution")}),
    )

    class Meta:
        model = AgreementParty
        fields = ["institution", "role", "signatory", "signatory_title"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        picker_field(
            self.fields["institution"], "directory", user, keep=[self.instance.institution_id]
        )


class BasePartyFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            use_picker(field)
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            elif not widget.is_hidden:
                widget.attrs["class"] = "form-control"

    def full_clean(self):
        super().full_clean()
        for form in self.forms:
            for name in form.errors:
                if name in form.fields:
                    attrs = form.fields[name].widget.attrs
                    attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()

    def clean(self):
        seen = set()
        kept = 0
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            institution = form.cleaned_data.get("institution")
            if institution is None:
                continue
            if institution.pk in seen:
                form.add_error(
                    "institution",
                    _("Each institution can be a party to an agreement only once."),
                )
            seen.add(institution.pk)
            kept += 1
        if not kept:
            raise forms.ValidationError(_("Add at least one partner institution."))
        super().clean()

    def kept_instances(self) -> list[AgreementParty]:
        """The parties to keep, with the values typed in (blank and deleted rows left out)."""
        return [
            form.instance
            for form in self.forms
            if form.cleaned_data.get("institution") and not self._should_delete_form(form)
        ]


def party_formset():
    return inlineformset_factory(
        Agreement,
        AgreementParty,
        form=AgreementPartyForm,
        formset=BasePartyFormSet,
        # One blank row; "Add a party" adds more on the page (see hamkor.js).
        extra=1,
        can_delete=True,
    )


class AgreementForm(ModelForm):
    """The agreement and, in ``parties``, its parties: validated and saved together."""

    takes_user = True

    # Querysets are declared, not set in __init__: a bound form is validated while
    # BootstrapMixin sets it up, before __init__ could narrow them.
    scope_units = forms.ModelMultipleChoiceField(
        label=_("Faculties and units"),
        queryset=home_units(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Agreement._meta.get_field("scope_units").help_text,
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of cooperation"),
        queryset=CooperationArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible officer"),
        required=False,
        queryset=User.objects.filter(
            is_active=True,
            groups__name__in=[Role.ADMINISTRATOR, Role.OFFICER, Role.COORDINATOR],
        )
        .distinct()
        .order_by("full_name"),
        help_text=_("Receives the renewal reminders."),
    )

    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "scope_units",
            "areas",
            "signed_on",
            "valid_from",
            "valid_to",
            "auto_renewal",
            "notice_period_days",
            "home_signatory",
            "responsible",
            "public",
            "notes",
        ]
        help_texts = {
            "public": _(
                "Names its partners and its kind on the website's partners page and map while"
                " it is in force."
            ),
        }
        widgets = {
            "signed_on": DateInput,
            "valid_from": DateInput,
            "valid_to": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user=None, partner: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and user is not None:
            # The initial values of a new record are its empty fields: fill the useful ones.
            self.initial["responsible"] = self.initial.get("responsible") or user.pk
            if user.has_role(Role.COORDINATOR) and user.org_unit_id:
                self.initial["scope_units"] = self.initial.get("scope_units") or [user.org_unit_id]
        formset_class = party_formset()
        # "New agreement" from a partner's page: the partner is the first party.
        first = [{"institution": int(partner)}] if partner and is_number(str(partner)) else None
        self.parties = formset_class(
            data=self.data if self.is_bound else None,
            instance=self.instance,
            prefix="parties",
            form_kwargs={"user": user},
            initial=first if self.instance.pk is None and not self.is_bound else None,
        )

    def is_valid(self) -> bool:
        # Both, so that every error shows at once.
        agreement_valid = super().is_valid()
        parties_valid = self.parties.is_valid()
        return agreement_valid and parties_valid


class AgreementTransitionForm(Form):
    """The reason for a step (required to terminate) and, to terminate, the day it ends."""

    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    on = forms.DateField(
        label=_("Ends on"),
        required=False,
        widget=DateInput,
        help_text=_("Empty: today."),
    )

    def __init__(self, *args, step: str, **kwargs):
        super().__init__(*args, **kwargs)
        if step == "terminate":
            # Marked as required; the service refuses an empty reason with its own message.
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = _(
                "Say why the agreement is terminated."
            )
        else:
            del self.fields["on"]
        if step not in ("terminate", "reopen"):
            self.fields["reason"].label = _("Comment")


class AgreementRenewForm(Form):
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)
    valid_to = forms.DateField(
        label=_("Valid to"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty for an open-ended agreement."),
    )

    @classmethod
    def initial_for(cls, agreement: Agreement) -> dict:
        """The day after the current end, for as long as the current term."""
        if agreement.valid_to is None:
            return {"valid_from": timezone.localdate()}
        start = agreement.valid_to + datetime.timedelta(days=1)
        initial = {"valid_from": start}
        if agreement.valid_from:
            initial["valid_to"] = start + (agreement.valid_to - agreement.valid_from)
        return initial


class AgreementAmendForm(Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput)
    summary = forms.CharField(
        label=_("What changed"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    valid_to = forms.DateField(
        label=_("New end date"),
        required=False,
        widget=DateInput,
        help_text=_("Only when the amendment moves the end of the agreement."),
    )


class MobilityQuotaForm(ModelForm):
    class Meta:
        model = MobilityQuota
        fields = [
            "direction",
            "mobility_kind",
            "isced_code",
            "eqf_level",
            "places_per_year",
            "months",
            "days",
            "first_year",
            "last_year",
            "language",
            "cefr_level",
        ]

    def clean_language(self):
        return self.cleaned_data["language"].strip().lower()


class PartnerField(forms.CharField):
    """An institution named by its Erasmus code or its exact name (in any language)."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        code = " ".join(value.split()).upper()
        by_code = list(Institution.objects.filter(erasmus_code=code)[:2])
        if by_code:
            return by_code[0]
        by_name = list(
            Institution.objects.filter(
                Q(name__iexact=value)
                | Q(name_en__iexact=value)
                | Q(name_uz__iexact=value)
                | Q(name_ru__iexact=value)
            ).exclude(is_home=True)[:2]
        )
        if not by_name:
            raise forms.ValidationError(
                _("No institution has this Erasmus code or this name: %(value)s."),
                params={"value": value},
            )
        if len(by_name) > 1:
            raise forms.ValidationError(
                _("Several institutions have this name: give the Erasmus code.")
            )
        return by_name[0]


class UnitCodesField(forms.CharField):
    """Codes of units of the home university, separated by commas."""

    def clean(self, value):
        value = super().clean(value)
        codes = [code.strip() for code in str(value or "").replace(";", ",").split(",")]
        codes = [code for code in codes if code]
        units = list(home_units().filter(code__in=codes))
        unknown = sorted(set(codes) - {unit.code for unit in units})
        if unknown:
            raise forms.ValidationError(
                _("Unknown unit code: %(codes)s."), params={"codes": ", ".join(unknown)}
            )
        return units


class AgreementImportForm(forms.ModelForm):
    """One row of an agreement import: the agreement with its main partner.

    ``status`` is ``draft`` or ``active``; an agreement signed before Hamkor comes in as
    active when its signing date is given, and its signed scan is attached afterwards.
    """

    reference = forms.CharField(
        label=_("Reference number"),
        required=False,
        max_length=30,
        help_text=_("Empty: a new number is given."),
    )
    partner = PartnerField(
        label=_("Partner"), help_text=_("The Erasmus code or the exact name of the institution.")
    )
    signatory = forms.CharField(label=_("Partner's signatory"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Agreement.Status.DRAFT, Agreement.Status.DRAFT.label),
            (Agreement.Status.ACTIVE, Agreement.Status.ACTIVE.label),
        ],
        required=False,
        help_text=_("draft or active; active needs the signing date."),
    )
    faculties = UnitCodesField(
        label=_("Faculties"),
        required=False,
        help_text=_("Unit codes separated by commas; empty: the whole university."),
    )

    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "signed_on",
            "valid_from",
            "valid_to",
            "auto_renewal",
            "notice_period_days",
            "notes",
        ]

    field_order = [
        "reference",
        "kind",
        "title",
        "partner",
        "signatory",
        "signed_on",
        "valid_from",
        "valid_to",
        "status",
        "faculties",
        "auto_renewal",
        "notice_period_days",
        "notes",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].help_text = ", ".join(Agreement.Kind.values)

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        if reference and Agreement.objects.filter(reference=reference).exists():
            raise forms.ValidationError(_("An agreement with this reference exists already."))
        return reference

    def clean_status(self):
        return self.cleaned_data["status"] or Agreement.Status.DRAFT

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Agreement.Status.ACTIVE and not cleaned.get("signed_on"):
            self.add_error("status", _("An agreement imported as active needs its signing date."))
        return cleaned

    def agreement(self) -> Agreement:
        agreement = self.save(commit=False)
        agreement.reference = self.cleaned_data["reference"]
        return agreement

    def party(self) -> AgreementParty:
        return AgreementParty(
            institution=self.cleaned_data["partner"],
            signatory=self.cleaned_data.get("signatory", ""),
        )


# Spreadsheet columns in this order (the template's and the import page's): a ModelForm puts
# its model fields first, and ``field_order`` orders only the fields of an instance.
AgreementImportForm.base_fields = {
    name: AgreementImportForm.base_fields[name] for name in AgreementImportForm.field_order
}
