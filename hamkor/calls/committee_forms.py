"""Forms of the committee and the selection: a reviewer's scores, a conflict of interest,
a reviewer's assignment, and the office's manual change of a result."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import User
from hamkor.accounts.roles import Role
from hamkor.calls.models import Application, Call, Criterion, Place, Reviewer
from hamkor.core.forms import Form


def score_field_name(criterion: Criterion) -> str:
    return f"criterion_{criterion.pk}"


class ScoresForm(Form):
    """One field per criterion of the call (0 to 100, two decimals); an empty field
    clears the reviewer's score on it. Made for a call by :func:`scores_form`."""

    criteria: list[Criterion] = []

    def values(self) -> dict[int, object]:
        return {c.pk: self.cleaned_data[score_field_name(c)] for c in self.criteria}


def scores_form(criteria: list[Criterion], data=None, *, initial_scores: dict) -> ScoresForm:
    """The scores form of these criteria (heaviest first), showing ``initial_scores``
    (criterion id to value). The fields are declared on a class of their own so that the
    base form styles them like every field."""
    fields = {
        score_field_name(criterion): forms.DecimalField(
            label=f"{criterion.name} ({criterion.weight} %)",
            min_value=0,
            max_value=100,
            max_digits=5,
            decimal_places=2,
            required=False,
            initial=initial_scores.get(criterion.pk),
            widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        )
        for criterion in criteria
    }
    form_class = type("ScoresForm", (ScoresForm,), {**fields, "criteria": list(criteria)})
    return form_class(data)


class ConflictForm(Form):
    reason = forms.CharField(
        label=_("What is the conflict of interest?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. a relative, or a student you supervise. You will not score them."),
    )


class ReviewerForm(Form):
    """A committee member for the call: a user holding the selection committee's role."""

    user = forms.ModelChoiceField(label=_("Committee member"), queryset=User.objects.none())

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        taken = Reviewer.objects.filter(call=call).values("user")
        self.fields["user"].queryset = (
            User.objects.filter(groups__name=Role.REVIEWER, is_active=True)
            .exclude(pk__in=taken)
            .order_by("full_name", "email")
        )


class SelectionChangeForm(Form):
    """The office's change of one application's result; the reason is recorded."""

    outcome = forms.ChoiceField(label=_("Outcome"), choices=Application.Outcome.choices)
    place = forms.ModelChoiceField(
        label=_("Place"),
        queryset=Place.objects.none(),
        required=False,
        help_text=_("For a selected application: a place with a free seat."),
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    _version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, application: Application, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "outcome": application.outcome,
                "place": application.allocated_place_id,
                "_version": application.version,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.filter(
            call=application.call_id
        ).select_related("institution")
