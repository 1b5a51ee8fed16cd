"""Forms of the students app: a student's record, steps, payments, requests, replies, imports.

Visa fields are personal data: removed from the form for users who may not read it, so they
can neither see nor blank them.
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import coordinator_units, home_units
from hamkor.accounts.models import OrgUnit, User
from hamkor.core.files import ACCEPT
from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.mobility.forms import UserFormBase, field_label
from hamkor.mobility.models import Person
from hamkor.partners.forms import ChoiceByLabelField, CountryByCodeOrNameField, ImportRowMixin
from hamkor.students.models import FeePayment, ForeignStudent, StudentRequest
from hamkor.students.services import student_check

DATES = (
    "enrolled_on",
    "entry_date",
    "visa_valid_from",
    "visa_valid_to",
    "registered_on",
    "registration_valid_to",
)


class StudentRulesMixin:
    """Runs the service's rules on the form, so that each error shows beside its field."""

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            student_check(self.instance)
        except forms.ValidationError as exc:
            self._update_errors(exc)


class ForeignStudentForm(StudentRulesMixin, UserFormBase):
    """A single edit. The status changes only through the steps on the student's page."""

    class Meta:
        model = ForeignStudent
        fields = [
            "person",
            "faculty",
            "programme",
            "level",
            "year_of_study",
            "enrolled_on",
            "contract_number",
            "annual_fee",
            "entry_date",
            "visa_number",
            "visa_valid_from",
            "visa_valid_to",
            "registered_on",
            "registration_valid_to",
            "notes",
        ]
        widgets = {
            **dict.fromkeys(DATES, DateInput),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "person": _("From the people register: add the person there first."),
            "entry_date": _("The last entry into Uzbekistan: registration is counted from it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.drop_personal_data()
        people = Person.objects.exclude(citizenship="UZ").filter(foreign_student__isnull=True)
        if self.instance.person_id:
            people = Person.objects.filter(
                Q(pk__in=people.values("pk")) | Q(pk=self.instance.person_id)
            )
        self.fields["person"].queryset = people.order_by("last_name", "first_name")
        self.fields["person"].widget.attrs["data-tom-select"] = "person"
        units = coordinator_units(self.user)
        faculties = home_units().filter(kind=OrgUnit.Kind.FACULTY)
        self.fields["faculty"].queryset = faculties if units is None else units


class StepForm(Form):
    """What a step asks: the day of enrolment, or the reason for leave or withdrawal."""

    on = forms.DateField(label=_("Date"), required=False, widget=DateInput)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, **kwargs)
        if not step.asks_date:
            del self.fields["on"]
        if not step.asks_reason:
            del self.fields["reason"]


class FeePaymentForm(ModelForm):
    class Meta:
        model = FeePayment
        fields = ["paid_on", "amount", "currency", "reference"]
        widgets = {
            "paid_on": DateInput,
            "currency": forms.TextInput(
                attrs={"maxlength": 3, "autocapitalize": "characters", "size": 4}
            ),
        }


class StudentRequestForm(UserFormBase):
    """Staff file a request for a student (a call, a visit) or assign one."""

    class Meta:
        model = StudentRequest
        fields = ["student", "kind", "subject", "description", "assignee"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = ForeignStudent.objects.restrict(
            self.user, "change"
        ).select_related("person")
        self.fields["assignee"].queryset = User.objects.filter(
            is_active=True, groups__name__in=("officer", "coordinator", "administrator")
        ).distinct()
        if self.instance.pk:
            self.fields["student"].disabled = True


class PortalRequestForm(Form):
    """A student's own request from "My university", with an optional attachment (the
    file is checked by ``document_add``: size and type by content)."""

    kind = forms.ChoiceField(
        label=_("What do you need help with?"), choices=StudentRequest.Kind.choices
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    file = forms.FileField(
        label=_("Attachment"), required=False, widget=forms.FileInput(attrs={"accept": ACCEPT})
    )


class ReplyForm(Form):
    body = forms.CharField(
        label=_("Reply to the student"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ForeignStudentImportForm(ImportRowMixin, StudentRulesMixin, forms.ModelForm):
    """One row of an import: the person by e-mail (a new one is added to the registry with
    the names and citizenship of the row), the faculty by its code. A row whose person is a
    student already updates them."""

    email = forms.EmailField(label=_("E-mail"))
    last_name = forms.CharField(label=field_label(Person, "last_name"), required=False)
    first_name = forms.CharField(label=field_label(Person, "first_name"), required=False)
    citizenship = CountryByCodeOrNameField(
        label=field_label(Person, "citizenship"),
        required=False,
        help_text=_("ISO code (TJ, TJK) or English name (Tajikistan)."),
    )
    faculty = forms.ModelChoiceField(
        label=field_label(ForeignStudent, "faculty"),
        queryset=OrgUnit.objects.filter(institution__is_home=True),
        to_field_name="code",
        error_messages={"invalid_choice": _("None of our units has this code.")},
    )
    level = ChoiceByLabelField(
        label=field_label(ForeignStudent, "level"), choices=ForeignStudent.Level.choices
    )

    class Meta:
        model = ForeignStudent
        fields = [
            "faculty",
            "programme",
            "level",
            "year_of_study",
            "enrolled_on",
            "contract_number",
            "annual_fee",
            "entry_date",
            "registered_on",
            "registration_valid_to",
        ]

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if not email:
            return cleaned
        person = Person.objects.filter(email__iexact=email).first()
        if person is None:
            missing = [
                name for name in ("last_name", "first_name", "citizenship") if not cleaned.get(name)
            ]
            for name in missing:
                self.add_error(name, _("Needed for a person not yet in the register."))
            if missing:
                return cleaned
            person = Person(
                category=Person.Category.FOREIGN_STUDENT,
                last_name=cleaned["last_name"],
                first_name=cleaned["first_name"],
                citizenship=cleaned["citizenship"],
                email=email,
            )
        elif not self.instance.pk and ForeignStudent.objects.filter(person=person).exists():
            self.add_error("email", _("This person is a foreign student already."))
        self.instance.person = person
        return cleaned


class ForeignStudentImportFormWithVisa(ForeignStudentImportForm):
    """For who may read personal data: the visa columns too."""

    class Meta(ForeignStudentImportForm.Meta):
        fields = [
            *ForeignStudentImportForm.Meta.fields,
            "visa_number",
            "visa_valid_from",
            "visa_valid_to",
        ]
