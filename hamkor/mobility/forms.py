"""Forms of the mobility app: people, mobilities, their steps, merging, and import rows.

Personal data fields (date of birth, passport, visa) are in a form only for users who may
read personal data. They are removed before the form validates, so a user without the
permission can neither see them nor blank them by saving.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import coordinator_units, home_units
from hamkor.accounts.models import OrgUnit, User
from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.core.widgets import AutocompleteSelect
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.personal import hidden_fields
from hamkor.mobility.services import mobility_check
from hamkor.partners.models import Institution


def field_label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


def institution_choices(*current_pks):
    """Our university, the partners, institutions party to an agreement, and those chosen.

    The directory holds 15,000 institutions: a select of all of them would weigh megabytes.
    """
    return Institution.objects.filter(
        Q(is_home=True)
        | Q(pk__in=Institution.objects.partners().values("pk"))
        | Q(pk__in=AgreementParty.objects.values("institution"))
        | Q(pk__in=[pk for pk in current_pks if pk])
    ).order_by("-is_home", "name")


def funding_project_choices(user, current_id: int | None):
    """Projects with money (approved and after) that may fund a mobility of ``user``'s: a
    faculty coordinator's faculty's projects and the university-wide ones (no faculty);
    the mobility's current project stays offered."""
    from hamkor.grants.models import Project

    projects = Project.objects.restrict(user, "view").filter(status__in=Project.FUNDED)
    units = coordinator_units(user)
    if units is not None:
        projects = projects.filter(Q(faculty__isnull=True) | Q(faculty__in=units))
    return (
        Project.objects.filter(Q(pk__in=projects.values("pk")) | Q(pk=current_id))
        .select_related("programme")
        .order_by("-call_year", "acronym", "title")
    )


class UserFormBase(ModelForm):
    """An edit form that knows its user: subclasses narrow their fields to what the user may
    see and choose, in ``__init__`` (a form validates only when its errors are first read)."""

    takes_user = True

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def drop_personal_data(self) -> None:
        for name in hidden_fields(self.user, self._meta.model):
            self.fields.pop(name, None)


# --- People --------------------------------------------------------------------------------


class PersonForm(UserFormBase):
    account = forms.EmailField(
        label=_("User account (e-mail)"),
        required=False,
        help_text=_(
            "The e-mail of the person's account in Hamkor, if they have one: they then see "
            "their own mobilities. Empty: no account linked."
        ),
    )

    class Meta:
        model = Person
        fields = [
            "category",
            "last_name",
            "first_name",
            "middle_name",
            "name_original",
            "citizenship",
            "org_unit",
            "institution",
            "position",
            "academic_title",
            "study_level",
            "email",
            "phone",
            "language",
            "date_of_birth",
            "passport_number",
            "passport_valid_to",
        ]
        widgets = {"date_of_birth": DateInput, "passport_valid_to": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.drop_personal_data()
        units = coordinator_units(self.user)
        if units is not None:
            # A person outside the coordinator's faculty would be out of their reach at once.
            self.fields["org_unit"].queryset = units
            self.fields["org_unit"].required = True
            self.fields["org_unit"].help_text = _(
                "Your faculty or one of its departments; for a guest, the one that hosts them."
            )
        else:
            self.fields["org_unit"].queryset = home_units()
        self.fields["institution"].queryset = institution_choices(self.instance.institution_id)
        self.fields["institution"].widget.attrs["data-tom-select"] = "institution"
        if self.instance.user_id:
            self.initial.setdefault("account", self.instance.user.email)

    def clean_account(self):
        email = self.cleaned_data.get("account", "").strip().lower()
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise ValidationError(_("No user account has this e-mail address."))
        other = Person.objects.filter(user=user).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise ValidationError(
                _("This account is linked to %(person)s already.") % {"person": other}
            )
        return user

    def save(self, commit=True):
        person = super().save(commit=False)
        person.user = self.cleaned_data.get("account")
        if commit:
            person.save()
        return person


class PersonMergeForm(forms.Form):
    """The duplicate to merge into the person whose page the user came from."""

    duplicate = forms.ModelChoiceField(
        queryset=Person.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("This person cannot be merged.")},
    )

    def __init__(self, *args, keep: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = Person.objects.exclude(pk=keep.pk)


# --- Mobilities ----------------------------------------------------------------------------


class MobilityRulesMixin:
    """Validates the mobility with ``mobility_check``, the rules of every save, so that a
    broken rule is shown beside its field (a single edit) or as the row's reason (import).

    The database constraint on the dates is left to the service's clearer message.
    """

    def _post_clean(self):
        opts = self._meta
        exclude = self._get_validation_exclusions()
        try:
            self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)
        except ValidationError as exc:
            self._update_errors(exc)
        try:
            self.instance.full_clean(
                exclude=exclude, validate_unique=False, validate_constraints=False
            )
        except ValidationError as exc:
            self._update_errors(exc)
        if self._errors:
            return
        try:
            mobility_check(self.instance)
        except ValidationError as exc:
            for name, errors in exc.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)

    def fill_home_side(self, cleaned: dict) -> None:
        """Our university is the sending side of an outgoing mobility, the receiving side of
        an incoming one: left empty, it is filled in; the partner side is required."""
        direction = cleaned.get("direction")
        if direction not in Mobility.Direction.values:
            return
        outgoing = direction == Mobility.Direction.OUTGOING
        home_field = "sending_institution" if outgoing else "receiving_institution"
        partner_field = "receiving_institution" if outgoing else "sending_institution"
        if not cleaned.get(home_field) and home_field not in self.errors:
            home = Institution.objects.home()
            if home is None:
                self.add_error(home_field, _("No home university is set up yet."))
            else:
                cleaned[home_field] = home
        if not cleaned.get(partner_field) and partner_field not in self.errors:
            self.add_error(partner_field, _("Choose the partner institution."))


class MobilityForm(MobilityRulesMixin, UserFormBase):
    """A single edit. The status changes only through the steps on the mobility's page."""

    class Meta:
        model = Mobility
        fields = [
            "person",
            "direction",
            "kind",
            "programme",
            "agreement",
            "sending_institution",
            "receiving_institution",
            "home_unit",
            "partner_unit",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "credits",
            "teaching_hours",
            "subjects",
            "funding_amount",
            "funding_currency",
            "funding_source",
            "funding_project",
            "official_km",
            "green_travel",
            "fewer_opportunities",
            "certificate_received",
            "report_received_on",
            "visa_type",
            "visa_number",
            "visa_valid_to",
            "registered_on",
            "registration_valid_to",
            "notes",
        ]
        widgets = {
            "planned_start": DateInput,
            "planned_end": DateInput,
            "actual_start": DateInput,
            "actual_end": DateInput,
            "report_received_on": DateInput,
            "visa_valid_to": DateInput,
            "registered_on": DateInput,
            "registration_valid_to": DateInput,
            "subjects": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "funding_currency": forms.TextInput(
                attrs={"maxlength": 3, "autocapitalize": "characters", "size": 4}
            ),
        }
        help_texts = {
            "sending_institution": _("Empty for an outgoing mobility: our university."),
            "receiving_institution": _("Empty for an incoming mobility: our university."),
            "agreement": _("It must be in force on the dates, with the partner a party to it."),
            "actual_start": _("Recorded when the trip starts; correct it here if needed."),
            "actual_end": _("Recorded when the trip ends; correct it here if needed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.drop_personal_data()
        instance = self.instance
        people = Person.objects.restrict(self.user, "change")
        if instance.person_id:
            people = Person.objects.filter(Q(pk__in=people.values("pk")) | Q(pk=instance.person_id))
        self.fields["person"].queryset = people
        self.fields["person"].widget.attrs["data-tom-select"] = "person"
        institutions = institution_choices(
            instance.sending_institution_id, instance.receiving_institution_id
        )
        for name in ("sending_institution", "receiving_institution"):
            self.fields[name].queryset = institutions
            self.fields[name].required = False
            self.fields[name].widget.attrs["data-tom-select"] = "institution"
        units = coordinator_units(self.user)
        if units is not None and instance.home_unit_id:
            units = OrgUnit.objects.filter(
                Q(pk__in=units.values("pk")) | Q(pk=instance.home_unit_id)
            )
        self.fields["home_unit"].queryset = home_units() if units is None else units
        # The picker offers the agreements with the partner chosen above, on the dates typed.
        self.fields["agreement"].widget = AutocompleteSelect(
            "agreement",
            depends={
                "direction": "direction",
                "sending": "sending_institution",
                "receiving": "receiving_institution",
                "start": "planned_start",
                "end": "planned_end",
            },
        )
        # After the widget: setting the queryset hands the widget its choices.
        self.fields["agreement"].queryset = Agreement.objects.filter(
            Q(status__in=Agreement.SIGNED) | Q(pk=instance.agreement_id)
        ).order_by("-signed_on", "reference")
        self.fields["funding_project"].queryset = funding_project_choices(
            self.user, instance.funding_project_id
        )

    def clean(self):
        cleaned = super().clean()
        self.fill_home_side(cleaned)
        person = cleaned.get("person")
        # Our staff and students travel for their own unit unless told otherwise.
        if (
            not cleaned.get("home_unit")
            and person is not None
            and self.fields["home_unit"].queryset.filter(pk=person.org_unit_id).exists()
        ):
            cleaned["home_unit"] = person.org_unit
        return cleaned


class MobilityStepForm(Form):
    """What a status step asks: the date of a departure or return, the reason to cancel."""

    on = forms.DateField(label=_("Date"), widget=DateInput)
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, step: str, mobility: Mobility, **kwargs):
        self.step, self.mobility = step, mobility
        super().__init__(*args, **kwargs)
        outgoing = self.mobility.is_outgoing
        if self.step == "start_trip":
            self.fields["on"].label = _("Departure date") if outgoing else _("Arrival date")
            self.fields["on"].initial = self.mobility.actual_start or timezone.localdate()
        elif self.step == "complete":
            self.fields["on"].label = _("Return date") if outgoing else _("Departure date")
            self.fields["on"].initial = self.mobility.actual_end or timezone.localdate()
        else:
            del self.fields["on"]
        if self.step == "cancel":
            self.fields["reason"].help_text = _("Why the mobility did not take place or ended.")
        else:
            del self.fields["reason"]


# --- Import rows ---------------------------------------------------------------------------
