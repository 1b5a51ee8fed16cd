"""Import rows of the students app beyond the student's own (in forms.py): requests."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.mobility.forms import field_label
from hamkor.partners.forms import ChoiceByLabelField
from hamkor.students.models import ForeignStudent, StudentRequest


class StudentRequestImportForm(forms.ModelForm):
    """One request: the student named by their e-mail in the register."""

    student = forms.ModelChoiceField(
        label=_("Student's e-mail"),
        queryset=ForeignStudent.objects.all(),
        to_field_name="person__email",
        error_messages={"invalid_choice": _("No foreign student has this e-mail address.")},
    )
    kind = ChoiceByLabelField(
        label=field_label(StudentRequest, "kind"), choices=StudentRequest.Kind.choices
    )

    class Meta:
        model = StudentRequest
        fields = ["student", "kind", "subject", "description"]
