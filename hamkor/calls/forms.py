"""Forms of the calls: the office's (a call, its places and criteria, a step, an override)
and the applicant's (registration, the application, a document)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.calls.applications import Application
from hamkor.calls.models import Call, Cefr, Criterion, DocumentKind, Place, StudyLevel
from hamkor.calls.rules import language_choices
from hamkor.core.countries import CldrCountries
from hamkor.core.files import ACCEPT
from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.mobility.models import Person


class DateTimeInput(forms.DateTimeInput):
    """A date and a time in Tashkent (the active time zone), in one browser control."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


YEARS = [(year, str(year)) for year in range(1, 7)]


def language_select(form: forms.BaseForm, current: str, help_text: str) -> None:
    """The language chosen from a list by its name in the reader's language, not typed as a
    code; a code not on the list is refused."""
    model_field = form.fields["language"]
    form.fields["language"] = forms.ChoiceField(
        label=model_field.label,
        choices=language_choices(current),
        required=model_field.required,
        help_text=help_text,
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class CallForm(ModelForm):
    faculties = forms.ModelMultipleChoiceField(
        label=_("Faculties"),
        queryset=home_units().filter(kind="faculty"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every faculty."),
    )
    study_levels = forms.MultipleChoiceField(
        label=_("Study levels"),
        choices=StudyLevel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every level."),
    )
    years_of_study = forms.TypedMultipleChoiceField(
        label=_("Years of study"),
        choices=YEARS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every year."),
    )
    required_documents = forms.MultipleChoiceField(
        label=_("Required documents"),
        choices=DocumentKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Call
        fields = [
            "title_uz",
            "title_ru",
            "title_en",
            "description_uz",
            "description_ru",
            "description_en",
            "programme",
            "project",
            "audience",
            "opens_at",
            "closes_at",
            "max_preferences",
            "faculties",
            "study_levels",
            "years_of_study",
            "min_gpa",
            "gpa_scale",
            "language",
            "min_cefr",
            "citizenships",
            "required_documents",
        ]
        widgets = {"opens_at": DateTimeInput(), "closes_at": DateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_select(self, self.instance.language, _("The language an applicant must know."))


class PlaceForm(ModelForm):
    class Meta:
        model = Place
        fields = [
            "institution",
            "agreement",
            "mobility_kind",
            "seats",
            "months",
            "days",
            "study_level",
            "field",
            "semester",
            "starts_on",
            "ends_on",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class CriterionForm(ModelForm):
    class Meta:
        model = Criterion
        fields = ["code", "name_uz", "name_ru", "name_en", "weight", "order"]


class StepForm(Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class OverrideForm(Form):
    reason = forms.CharField(
        label=_("Why the application is admitted"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


# The applicant's forms ------------------------------------------------------------------------


class RegistrationForm(Form):
    first_name = forms.CharField(label=_("First name (Latin)"), max_length=100)
    last_name = forms.CharField(label=_("Last name (Latin)"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    category = forms.ChoiceField(
        label=_("I am"),
        choices=[
            (Person.Category.STUDENT, _("a student of the university")),
            (Person.Category.STAFF, _("a staff member of the university")),
        ],
    )
    faculty = forms.ModelChoiceField(label=_("Faculty"), queryset=home_units())
    citizenship = forms.ChoiceField(
        label=_("Citizenship"),
        choices=lambda: [(country.code, country.name) for country in CldrCountries()],
        initial="UZ",
    )
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(render_value=False), strip=False
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class ApplicationForm(ModelForm):
    """The application's own fields and, in ``preference_<n>``, the places ranked."""

    class Meta:
        model = Application
        fields = ["study_level", "year_of_study", "gpa", "language", "cefr_level", "motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        places = call.places.select_related("institution").order_by("institution__name", "id")
        chosen = {}
        if self.instance.pk:
            chosen = {p.rank: p.place_id for p in self.instance.preferences.all()}
        for rank in range(1, call.max_preferences + 1):
            field = forms.ModelChoiceField(
                label=_("Choice %(rank)s") % {"rank": rank},
                queryset=places,
                required=False,
                initial=chosen.get(rank),
            )
            field.widget.attrs["class"] = "form-select"
            self.fields[f"preference_{rank}"] = field
        gpa = self.fields["gpa"]
        gpa.max_value = call.gpa_scale
        gpa.widget.attrs.update(max=str(call.gpa_scale), step="0.01")
        gpa.help_text = _("On the scale of 0 to %(scale)s.") % {"scale": call.gpa_scale}
        self.fields["cefr_level"].choices = [("", "—"), *Cefr.choices]
        language_select(self, self.instance.language, _("The language of your certificate."))

    def preferences(self) -> list[Place]:
        ranked = [
            self.cleaned_data.get(f"preference_{rank}")
            for rank in range(1, self.call.max_preferences + 1)
        ]
        return [place for place in ranked if place is not None]

    def clean(self):
        data = super().clean()
        places = self.preferences() if hasattr(self, "cleaned_data") else []
        if len({place.pk for place in places}) != len(places):
            self.add_error(None, _("Each place may be chosen once."))
        return data


class DocumentForm(Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("PDF, DOCX, XLSX, JPEG or PNG."),
    )
