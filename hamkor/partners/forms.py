"""Forms of the partners app: single edits, the merge choice, and import rows."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from hamkor.accounts.models import User
from hamkor.accounts.roles import Role
from hamkor.core.autocomplete import picker_field
from hamkor.core.forms import DateInput, ModelForm
from hamkor.partners.models import Contact, Institution, Interaction
from hamkor.partners.services import institutions_similar


def _officers(current_pk: int | None = None):
    """Who may be responsible for a partner or a follow-up: active office staff."""
    return User.objects.filter(
        Q(is_active=True, groups__name__in=[Role.OFFICER, Role.ADMINISTRATOR]) | Q(pk=current_pk)
    ).distinct()


def _posted_pk(form: forms.BaseForm, name: str) -> int | None:
    """The primary key posted for ``name``, or None when absent or not a number."""
    value = form.data.get(form.add_prefix(name)) if form.is_bound else None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class InstitutionForm(ModelForm):
    """Create or edit an institution; creating one that resembles others asks to confirm."""

    confirm_different = forms.BooleanField(
        label=_("It is a different institution"),
        required=False,
        help_text=_("Tick this when none of the institutions listed above is the one you add."),
    )

    class Meta:
        model = Institution
        fields = [
            "name",
            "name_en",
            "name_uz",
            "name_ru",
            "acronym",
            "kind",
            "country",
            "city",
            "latitude",
            "longitude",
            "website",
            "email_domains",
            "erasmus_code",
            "pic",
            "schac_code",
            "ror_id",
            "partnership",
            "owner",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.similar: list[tuple[Institution, int]] = []
        if self.instance.pk:
            del self.fields["confirm_different"]
        else:
            # Added by hand, an institution is one the office deals with, or will.
            self.initial["partnership"] = Institution.Partnership.PROSPECT
        self.fields["owner"].queryset = _officers(self.instance.owner_id)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and not cleaned.get("confirm_different"):
            self.similar = similar_institutions(
                names=(cleaned.get("name"), cleaned.get("name_en")),
                country=cleaned.get("country") or "",
            )
            if self.similar:
                self.add_error(
                    "confirm_different",
                    _(
                        "Institutions with a similar name exist already. Open them to check; "
                        "tick this box if yours is a different one."
                    ),
                )
        return cleaned


def similar_institutions(*, names, country: str) -> list[tuple[Institution, int]]:
    """Institutions resembling any of ``names`` (original, English), best score first."""
    best: dict[int, tuple[Institution, int]] = {}
    for name in dict.fromkeys(n for n in names if n):
        for institution, score in institutions_similar(name=name, country=str(country)):
            if score > best.get(institution.pk, (None, -1))[1]:
                best[institution.pk] = (institution, score)
    return sorted(best.values(), key=lambda pair: -pair[1])


class InstitutionMergeForm(forms.Form):
    """The duplicate to merge into the institution whose page the user came from."""

    duplicate = forms.ModelChoiceField(
        queryset=Institution.objects.filter(is_home=False),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("This institution cannot be merged.")},
    )

    def __init__(self, *args, keep: Institution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = Institution.objects.filter(is_home=False).exclude(
            pk=keep.pk
        )


class ContactForm(ModelForm):
    class Meta:
        model = Contact
        fields = [
            "institution",
            "full_name",
            "position",
            "unit",
            "email",
            "phone",
            "is_primary",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    takes_user = True

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A partner, or the institution already chosen (which may be a directory one).
        picker_field(
            self.fields["institution"], "partner", user, keep=[self.instance.institution_id]
        )


class InteractionForm(ModelForm):
    """Their participants are chosen among the contacts of the interaction's institution."""

    class Meta:
        model = Interaction
        fields = [
            "institution",
            "kind",
            "date",
            "contacts",
            "participants",
            "summary",
            "follow_up_on",
            "follow_up_done",
            "owner",
        ]
        widgets = {
            "date": DateInput,
            "follow_up_on": DateInput,
            "contacts": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "participants": _("Who took part on our side."),
            "owner": _("Who sees the follow-up on their home page."),
        }

    takes_user = True

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        institution_pk = _posted_pk(self, "institution") or self.instance.institution_id
        picker_field(
            self.fields["institution"], "partner", user, keep=[self.instance.institution_id]
        )
        # Only this institution's people: another one's contact is not a valid choice.
        self.fields["contacts"].queryset = Contact.objects.filter(institution=institution_pk)
        self.fields["owner"].queryset = _officers(self.instance.owner_id)


# Import rows ----------------------------------------------------------------------------


class ChoiceByLabelField(forms.ChoiceField):
    """A choice given by its value ("university") or its label in any interface language."""

    def to_python(self, value):
        value = super().to_python(value)
        valid = {str(key) for key, _label in self.choices}
        if value in valid or not value:
            return value
        folded = value.casefold()
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for key, label in self.choices:
                    if str(label).casefold() == folded or str(key).casefold() == folded:
                        return key
        return value


def country_code(value: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country given by code (TR, TUR) or English name."""
    value = str(value or "").strip()
    if not value:
        return None
    code = countries.alpha2(value) or countries.by_name(value)
    if code:
        return code
    import pycountry

    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        return None


class CountryByCodeOrNameField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        code = country_code(value)
        if code is None:
            raise ValidationError(
                _("“%(value)s” is neither an ISO country code nor an English country name."),
                params={"value": value},
                code="unknown_country",
            )
        return code


def institution_by_name_or_code(value) -> Institution:
    """The institution with this Erasmus code, or else with this (original or English) name."""
    value = " ".join(str(value or "").split())
    if not value:
        raise ValidationError(_("This field is required."), code="required")
    found = Institution.objects.filter(erasmus_code=value.upper()).first()
    if found:
        return found
    named = list(Institution.objects.filter(Q(name__iexact=value) | Q(name_en__iexact=value))[:2])
    if len(named) == 1:
        return named[0]
    if named:
        raise ValidationError(
            _("Several institutions are called “%(value)s”: give the Erasmus code."),
            params={"value": value},
            code="ambiguous",
        )
    raise ValidationError(
        _("No institution has the Erasmus code or the name “%(value)s”."),
        params={"value": value},
        code="unknown",
    )


class InstitutionByNameOrCodeField(forms.CharField):
    cache_in_imports = True  # an import looks each name up once

    def clean(self, value):
        return institution_by_name_or_code(super().clean(value))


def _label(model, name: str):
    """The model field's label, as Django gives it to the fields it makes itself."""
    return capfirst(model._meta.get_field(name).verbose_name)


class ImportRowMixin:
    """An import row updates only the columns the file has.

    A file with a few columns (names and partnership, say) must not blank the identifiers
    of the institutions it updates; an empty cell in a column the file has does clear it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.is_bound:
            for name in list(self.fields):
                if name not in self.data:
                    del self.fields[name]


class InstitutionImportForm(ImportRowMixin, forms.ModelForm):
    """One row of an institution import; the row updates the institution with its Erasmus
    code, or else with its name in its country (see the import view's ``lookup``)."""

    country = CountryByCodeOrNameField(
        label=_label(Institution, "country"),
        help_text=_("ISO code (TR, TUR) or English name (Turkey)."),
    )
    kind = ChoiceByLabelField(
        label=_label(Institution, "kind"), choices=Institution.Kind.choices, required=False
    )
    partnership = ChoiceByLabelField(
        label=_label(Institution, "partnership"),
        choices=Institution.Partnership.choices,
        required=False,
    )

    class Meta:
        model = Institution
        fields = [
            "name",
            "name_en",
            "name_uz",
            "name_ru",
            "acronym",
            "kind",
            "country",
            "city",
            "website",
            "email_domains",
            "erasmus_code",
            "pic",
            "schac_code",
            "ror_id",
            "partnership",
            "latitude",
            "longitude",
        ]

    def clean_kind(self):
        return self.cleaned_data.get("kind") or self.instance.kind or Institution.Kind.UNIVERSITY

    def clean_partnership(self):
        return (
            self.cleaned_data.get("partnership")
            or self.instance.partnership
            or Institution.Partnership.NONE
        )


class ContactImportForm(ImportRowMixin, forms.ModelForm):
    """One row of a contact import; the row updates the contact with the same e-mail at
    the same institution."""

    institution = InstitutionByNameOrCodeField(
        label=_label(Contact, "institution"), help_text=_("Its Erasmus code or its name.")
    )

    class Meta:
        model = Contact
        fields = [
            "institution",
            "full_name",
            "position",
            "unit",
            "email",
            "phone",
            "is_primary",
            "notes",
        ]
