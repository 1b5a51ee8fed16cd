"""Forms of grant projects: the project with its consortium, a status step, a reporting
deadline, an import row, the programmes and budget headings."""

from __future__ import annotations

from django import forms
from django.forms.models import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import coordinator_units, home_units
from hamkor.accounts.models import User
from hamkor.accounts.roles import Role
from hamkor.agreements.forms import BasePartyFormSet, PartnerField
from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.grants.models import (
    BudgetHeading,
    Programme,
    Project,
    ProjectPartner,
    ReportingDeadline,
)
from hamkor.partners.models import Institution

CURRENCIES = [("EUR", "EUR"), ("USD", "USD"), ("UZS", "UZS")]


class ProjectPartnerForm(forms.ModelForm):
    """One consortium member (see ``AgreementPartyForm`` on why it is a plain ModelForm)."""

    institution = forms.ModelChoiceField(
        label=_("Institution"),
        queryset=Institution.objects.order_by("name"),
        widget=forms.Select(
            attrs={"data-tom-select": "directory", "data-placeholder": _("Find an institution")}
        ),
    )

    class Meta:
        model = ProjectPartner
        fields = ["institution", "role"]


class BaseConsortiumFormSet(BasePartyFormSet):
    """The parties' row handling, with the consortium's own rule: an institution once, and
    a project may have no partner yet (an idea)."""

    def clean(self):
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            institution = form.cleaned_data.get("institution")
            if institution is None:
                continue
            if institution.pk in seen:
                form.add_error(
                    "institution",
                    _("Each institution can be in a project's consortium only once."),
                )
            seen.add(institution.pk)


def consortium_formset():
    return inlineformset_factory(
        Project,
        ProjectPartner,
        form=ProjectPartnerForm,
        formset=BaseConsortiumFormSet,
        extra=1,  # "Add a member" adds more on the page (hamkor.js)
        can_delete=True,
    )


class ProjectForm(ModelForm):
    """The project and, in ``partners``, its consortium: validated and saved together."""

    takes_user = True

    faculty = forms.ModelChoiceField(
        label=_("Faculty or unit"), queryset=home_units(), required=False
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
        help_text=_("Receives the reporting reminders."),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES)

    class Meta:
        model = Project
        fields = [
            "title",
            "acronym",
            "programme",
            "project_number",
            "call_year",
            "our_role",
            "faculty",
            "responsible",
            "starts_on",
            "ends_on",
            "currency",
            "total_budget",
            "our_share",
            "notes",
        ]
        widgets = {
            "starts_on": DateInput,
            "ends_on": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = coordinator_units(user) if user is not None else None
        if units is not None:
            # A coordinator records their faculty's projects: the choice is theirs only.
            self.fields["faculty"].queryset = units
            self.fields["faculty"].required = True
            if self.instance.pk is None:
                self.initial.setdefault("faculty", user.org_unit_id)
        if self.instance.pk is None and user is not None:
            self.initial.setdefault("responsible", user.pk)
        self.partners = consortium_formset()(
            data=self.data if self.is_bound else None,
            instance=self.instance,
            prefix="partners",
        )

    def is_valid(self) -> bool:
        project_valid = super().is_valid()
        partners_valid = self.partners.is_valid()
        return project_valid and partners_valid


class ProjectTransitionForm(Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportingDeadlineForm(ModelForm):
    class Meta:
        model = ReportingDeadline
        fields = ["kind", "due_on", "submitted_on", "notes"]
        widgets = {"due_on": DateInput, "submitted_on": DateInput}


class ProgrammeForm(ModelForm):
    class Meta:
        model = Programme
        fields = ["code", "name_uz", "name_ru", "name_en", "funder", "erasmus_action"]


class BudgetHeadingForm(ModelForm):
    class Meta:
        model = BudgetHeading
        fields = ["code", "name_uz", "name_ru", "name_en"]


class ProjectImportForm(forms.ModelForm):
    """One row of a project import: the project, its programme by code, its main partner."""

    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.all(),
        to_field_name="code",
        help_text=_("The programme's code (e.g. erasmus-ka171)."),
    )
    partner = PartnerField(
        label=_("Partner"),
        required=False,
        help_text=_("The Erasmus code or the exact name of the institution."),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES)

    class Meta:
        model = Project
        fields = [
            "title",
            "acronym",
            "programme",
            "project_number",
            "call_year",
            "our_role",
            "starts_on",
            "ends_on",
            "currency",
            "total_budget",
            "our_share",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["our_role"].help_text = ", ".join(Project.Role.values)

    def member(self) -> ProjectPartner | None:
        institution = self.cleaned_data.get("partner")
        return ProjectPartner(institution=institution) if institution else None


ProjectImportForm.base_fields = {
    name: ProjectImportForm.base_fields[name]
    for name in [*ProjectImportForm.Meta.fields[:2], "partner", *ProjectImportForm.Meta.fields[2:]]
}
