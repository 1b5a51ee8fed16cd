"""Import rows of the mobility app: one row of a spreadsheet is one person or one mobility.

A row is checked by the same rules as a single edit (``MobilityRulesMixin`` runs
``mobility_check``), so an import applies every row or none.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import OrgUnit
from hamkor.agreements.models import Agreement
from hamkor.mobility.forms import MobilityRulesMixin, field_label
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.personal import PERSON_PERSONAL
from hamkor.partners.forms import (
    ChoiceByLabelField,
    CountryByCodeOrNameField,
    ImportRowMixin,
    institution_by_name_or_code,
)


class InstitutionRefField(forms.CharField):
    """An institution named by its Erasmus code or its exact (original or English) name."""

    cache_in_imports = True  # an import looks each name up once

    def clean(self, value):
        value = super().clean(value)
        return institution_by_name_or_code(value) if value else None


class MobilityImportForm(MobilityRulesMixin, forms.ModelForm):
    """One row of a mobility import: the person by e-mail or by last and first name,
    institutions by Erasmus code or name, the agreement by reference, our unit by code.

    The row is checked with the same rules as a single edit; rows of one file are checked
    against each other when the import is applied.
    """

    person_email = forms.EmailField(label=_("Person's e-mail"), required=False)
    person_last_name = forms.CharField(label=_("Person's last name"), required=False)
    person_first_name = forms.CharField(label=_("Person's first name"), required=False)
    direction = ChoiceByLabelField(
        label=field_label(Mobility, "direction"), choices=Mobility.Direction.choices
    )
    kind = ChoiceByLabelField(label=field_label(Mobility, "kind"), choices=Mobility.Kind.choices)
    programme = ChoiceByLabelField(
        label=field_label(Mobility, "programme"), choices=Mobility.Programme.choices
    )
    agreement = forms.ModelChoiceField(
        label=field_label(Mobility, "agreement"),
        queryset=Agreement.objects.all(),
        to_field_name="reference",
        required=False,
        error_messages={"invalid_choice": _("No agreement has this reference number.")},
    )
    sending_institution = InstitutionRefField(
        label=field_label(Mobility, "sending_institution"),
        required=False,
        help_text=_("Erasmus code or name; empty for outgoing: our university."),
    )
    receiving_institution = InstitutionRefField(
        label=field_label(Mobility, "receiving_institution"),
        required=False,
        help_text=_("Erasmus code or name; empty for incoming: our university."),
    )
    home_unit = forms.ModelChoiceField(
        label=field_label(Mobility, "home_unit"),
        queryset=OrgUnit.objects.filter(institution__is_home=True),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": _("None of our units has this code.")},
    )

    class Meta:
        model = Mobility
        fields = [
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
            "certificate_received",
            "notes",
        ]

    def clean(self):
        cleaned = super().clean()
        person = self.find_person(cleaned)
        if person is not None:
            self.instance.person = person
            if not cleaned.get("home_unit") and person.org_unit_id:
                cleaned["home_unit"] = person.org_unit
        self.fill_home_side(cleaned)
        return cleaned

    def find_person(self, cleaned) -> Person | None:
        email = cleaned.get("person_email")
        last, first = cleaned.get("person_last_name"), cleaned.get("person_first_name")
        if email:
            found = list(Person.objects.filter(email__iexact=email)[:2])
            where = "person_email"
        elif last and first:
            found = list(
                Person.objects.filter(last_name__iexact=last, first_name__iexact=first)[:2]
            )
            where = "person_last_name"
        else:
            self.add_error(
                "person_email", _("Give the person's e-mail, or their last and first name.")
            )
            return None
        if len(found) == 1:
            return found[0]
        if found:
            self.add_error(where, _("Several people match: give the person's e-mail."))
        else:
            self.add_error(where, _("No person in the register matches; add them first."))
        return None


# The person first: import templates and previews list columns in this order.
MobilityImportForm.base_fields = {
    name: MobilityImportForm.base_fields[name]
    for name in ["person_email", "person_last_name", "person_first_name"]
    + [n for n in MobilityImportForm.base_fields if not n.startswith("person_")]
}


class PersonImportForm(ImportRowMixin, forms.ModelForm):
    """One row of a people import; a row with the e-mail of a person updates them (only in
    the columns the file has)."""

    category = ChoiceByLabelField(
        label=field_label(Person, "category"), choices=Person.Category.choices
    )
    citizenship = CountryByCodeOrNameField(
        label=field_label(Person, "citizenship"),
        help_text=_("ISO code (TR, TUR) or English name (Turkey)."),
    )
    org_unit = forms.ModelChoiceField(
        label=field_label(Person, "org_unit"),
        queryset=OrgUnit.objects.filter(institution__is_home=True),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": _("None of our units has this code.")},
    )
    institution = InstitutionRefField(
        label=field_label(Person, "institution"),
        required=False,
        help_text=_("Erasmus code or name."),
    )
    language = forms.ChoiceField(
        label=field_label(Person, "language"),
        choices=Person._meta.get_field("language").choices,
        required=False,
        help_text=_("Empty: English."),
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

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or "en"


class PersonImportFormWithoutPersonalData(PersonImportForm):
    """For a user who may import but not read personal data."""

    class Meta(PersonImportForm.Meta):
        fields = [f for f in PersonImportForm.Meta.fields if f not in PERSON_PERSONAL]
