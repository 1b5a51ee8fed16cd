"""Staff pages of the people register: list, page, edit, merge of duplicates, import.

Personal data (date of birth, passport) is shown, edited and exported only for users with
``mobility.view_personal_data``; the others see that it is hidden.
"""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Upper
from django.urls import reverse

from hamkor.accounts.faculties import coordinator_units
from hamkor.core.views import generic
from hamkor.mobility import forms, import_forms
from hamkor.mobility.filters import PersonFilterSet
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.personal import hidden_fields as personal_hidden_fields
from hamkor.mobility.personal import may_see_personal_data, personal_data_shown
from hamkor.mobility.services import person_merge, person_save
from hamkor.mobility.tables import PersonTable, status_badge

PEOPLE = Person.objects.select_related("org_unit", "institution", "user")


def person_placeholders(person: Person) -> dict[str, str]:
    """The placeholders of a bulk e-mail (hamkor.core.bulk) about ``person``."""
    return {
        "name": person.full_name,
        "first_name": person.first_name,
        "last_name": person.last_name,
    }


class PersonListView(generic.ObjectListView):
    queryset = PEOPLE
    filterset_class = PersonFilterSet
    table_class = PersonTable
    bulk_actions = ("export", "email")

    def bulk_recipient(self, row):
        return row, person_placeholders(row)

    def get_queryset(self, action=None):
        # A subquery, not a grouped join: the database counts the mobilities of the page's
        # rows only, and the list's count leaves it out (a join counted every mobility).
        mobilities = (
            Mobility.objects.filter(person=OuterRef("pk"))
            .order_by()
            .values("person")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(action)
            .annotate(mobility_count=Coalesce(Subquery(mobilities), 0))
            .order_by("last_name", "first_name", "pk")
        )


def person_mobilities(person: Person) -> list[Mobility]:
    rows = list(
        person.mobilities.select_related("sending_institution", "receiving_institution").order_by(
            "-planned_start"
        )
    )
    for mobility in rows:
        mobility.badge = status_badge(mobility)
    return rows


class PersonDetailView(generic.ObjectDetailView):
    queryset = PEOPLE

    def get_extra_context(self, obj):
        user = self.request.user
        in_reach = Person.objects.restrict(user, "change").filter(pk=obj.pk).exists()
        add_url = None
        if in_reach and user.has_perm("mobility.add_mobility"):
            add_url = f"{reverse('mobility:mobility_add')}?person={obj.pk}"
            if obj.is_foreign:  # a guest's exchange is, most of the time, a visit here
                add_url += "&direction=incoming"
        return {
            "can_see_personal_data": personal_data_shown(self.request, obj),
            "mobilities": person_mobilities(obj),
            "add_mobility_url": add_url,
            "merge_url": reverse("mobility:person_merge", kwargs={"pk": obj.pk})
            if user.has_perm("mobility.merge_person")
            else None,
        }


class PersonalDataHistoryView(generic.ObjectHistoryView):
    """The record's history, without the changes of personal data fields for users who may
    not read personal data (the generic history shows every field's old and new value)."""

    def hidden_fields(self) -> set[str]:
        return super().hidden_fields() | set(
            personal_hidden_fields(self.request.user, self.queryset.model)
        )


class PersonHistoryView(PersonalDataHistoryView):
    queryset = PEOPLE


class PersonEditView(generic.ObjectEditView):
    queryset = PEOPLE
    form_class = forms.PersonForm
    template_name = "mobility/person_edit.html"

    def get_initial_object(self):
        person = Person()
        units = coordinator_units(self.request.user)
        if units is not None:
            person.org_unit = self.request.user.org_unit
        return person

    def save(self, form, *, expected_version):
        return person_save(
            person=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class PersonDeleteView(generic.ObjectDeleteView):
    queryset = PEOPLE


class PersonMergeView(generic.ObjectMergeView):
    queryset = PEOPLE
    template_name = "mobility/person_merge.html"
    merge_form_class = forms.PersonMergeForm

    def merge(self, *, keep, duplicate, actor):
        return person_merge(keep=keep, duplicate=duplicate, actor=actor)

    def get_extra_context(self, obj=None):
        keep, duplicate, query = obj, self.duplicate, self.query
        if duplicate is not None:
            return {"moving": person_mobilities(duplicate)}
        others = Person.objects.exclude(pk=keep.pk).select_related("org_unit", "institution")
        alike = Q(last_name__iexact=keep.last_name, first_name__iexact=keep.first_name)
        if keep.email:
            alike |= Q(email__iexact=keep.email)
        if keep.name_original:
            alike |= Q(name_original__iexact=keep.name_original)
        context = {"suggestions": list(others.filter(alike)[:20])}
        if query:
            found = PersonFilterSet({"q": query}, queryset=others, request=self.request)
            context["found"] = list(found.qs[:20]) if found.is_valid() else []
        return context


class PersonImportView(generic.BulkImportView):
    """A row with the e-mail of a person in the register updates them; others are added."""

    queryset = Person.objects.all()
    example = {
        "category": "foreign_professor",
        "last_name": "Yılmaz",
        "first_name": "Ayşe",
        "name_original": "Ayşe Yılmaz",
        "citizenship": "TR",
        "institution": "TR ANKARA01",
        "position": "Professor of Chemistry",
        "academic_title": "professor",
        "email": "ayse.yilmaz@ankara.edu.tr",
        "language": "en",
    }

    @property
    def import_form_class(self):
        if may_see_personal_data(self.request.user):
            return import_forms.PersonImportForm
        return import_forms.PersonImportFormWithoutPersonalData

    def lookup(self, values):
        email = str(values.get("email") or "").strip()
        if not email:
            return None
        return Person.objects.filter(email__iexact=email).first()

    def lookup_many(self, rows):
        """:meth:`lookup` for a batch of rows, in one query."""
        emails = [str(values.get("email") or "").strip() for values in rows]
        wanted = {email.upper() for email in emails if email}
        found = {}
        if wanted:
            people = (
                Person.objects.annotate(email_key=Upper("email"))
                .filter(email_key__in=wanted)
                .order_by(*Person._meta.ordering, "pk")
            )
            for person in people:
                found.setdefault(person.email_key, person)
        answers, seen = [], set()
        for email, values in zip(emails, rows, strict=True):
            key = email.upper()
            # A repeated e-mail gets a record of its own, as a row looked up alone does.
            alone = not email.isascii() or key in seen
            answers.append(self.lookup(values) if alone else found.get(key))
            seen.add(key)
        return answers
