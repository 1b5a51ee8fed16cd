"""Forms of the events app: an event, a participant, a publication, the public
registration, and the rows of the imports."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.agreements.models import Agreement
from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.services import participant_check
from hamkor.partners.models import Institution


def _partners_and(*chosen):
    return Institution.objects.filter(
        Q(pk__in=Institution.objects.partners().values("pk")) | Q(pk__in=chosen)
    ).order_by("name")


class EventForm(ModelForm):
    class Meta:
        model = Event
        fields = [
            "kind",
            "organisation",
            "format",
            "title_uz",
            "title_ru",
            "title_en",
            "start",
            "end",
            "starts_at",
            "ends_at",
            "city",
            "country",
            "venue",
            "partners",
            "languages",
            "link",
            "home_unit",
            "agreements",
            "registration_open",
            "capacity",
            "waiting_list",
            "description",
        ]
        widgets = {
            "start": DateInput,
            "end": DateInput,
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = (
            list(self.instance.partners.values_list("pk", flat=True)) if self.instance.pk else []
        )
        self.fields["partners"].queryset = _partners_and(*chosen)
        self.fields["home_unit"].queryset = home_units()
        self.fields["agreements"].queryset = Agreement.objects.order_by("-signed_on", "reference")


class ParticipantForm(ModelForm):
    """A participant: a person of the registry, or a name typed in; refused when the same
    person is at the event already (checked again by the service)."""

    class Meta:
        model = Participant
        fields = [
            "event",
            "person",
            "name",
            "email",
            "affiliation",
            "role",
            "hours",
            "language",
            "registration",
        ]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        participant = self.instance
        for name in ("event", "person", "name", "email"):
            setattr(
                participant,
                name,
                cleaned.get(name) or (None if name in ("event", "person") else ""),
            )
        if participant.event is not None:
            participant_check(participant)
        return cleaned


class PublicationForm(ModelForm):
    class Meta:
        model = Publication
        fields = ["event", "title", "authors", "venue", "year", "doi"]


class RegistrationForm(Form):
    """The public website's registration for one of our open events."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it should be printed on your certificate."),
    )
    email = forms.EmailField(label=_("E-mail"))
    affiliation = forms.CharField(
        label=_("Institution or affiliation"), max_length=300, required=False
    )
    language = forms.ChoiceField(label=_("Certificate language"), choices=settings.LANGUAGES)
    # A field people do not see: a form that fills it is a robot's.
    website = forms.CharField(required=False, widget=forms.HiddenInput)


class EventImportForm(forms.ModelForm):
    """One row of an event import (partners and agreements are set on the event's page)."""

    class Meta:
        model = Event
        fields = [
            "kind",
            "organisation",
            "format",
            "title_uz",
            "title_ru",
            "title_en",
            "start",
            "end",
            "city",
            "country",
            "venue",
            "languages",
            "link",
            "capacity",
        ]


class ParticipantImportForm(forms.ModelForm):
    """One row of a participant import: the event by its number in Hamkor, the person by
    e-mail from the registry when known, else the name typed."""

    person_email = forms.EmailField(label=_("E-mail of a person in the registry"), required=False)

    class Meta:
        model = Participant
        fields = [
            "event",
            "person_email",
            "name",
            "email",
            "affiliation",
            "role",
            "hours",
            "language",
        ]

    def clean(self):
        from hamkor.mobility.models import Person

        cleaned = super().clean()
        email = cleaned.get("person_email")
        if email:
            person = Person.objects.filter(email__iexact=email).first()
            if person is None:
                self.add_error(
                    "person_email", _("No person of the registry has this e-mail address.")
                )
                return cleaned
            self.instance.person = person
        if self.errors:
            return cleaned
        participant = self.instance
        participant.event = cleaned.get("event")
        participant.name = cleaned.get("name") or ""
        participant.email = cleaned.get("email") or ""
        participant_check(participant)
        return cleaned
