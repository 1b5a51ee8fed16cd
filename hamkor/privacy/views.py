"""Staff pages of personal data: the register (administrators edit it, officers read it),
the retention runs' reports, and on a person's page consents, export and erasure."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from hamkor.core.views import generic
from hamkor.mobility.models import Person
from hamkor.privacy import services
from hamkor.privacy.export import person_export
from hamkor.privacy.filters import DataCategoryFilterSet, RetentionRunFilterSet
from hamkor.privacy.forms import ConsentForm, DataCategoryForm, EraseForm
from hamkor.privacy.models import Consent, DataCategory, RetentionRun
from hamkor.privacy.tables import DataCategoryTable, RetentionRunTable

CATEGORIES = DataCategory.objects.all()
RUNS = RetentionRun.objects.select_related("started_by")


class DataCategoryListView(generic.ObjectListView):
    queryset = CATEGORIES
    filterset_class = DataCategoryFilterSet
    table_class = DataCategoryTable


class DataCategoryDetailView(generic.ObjectDetailView):
    queryset = CATEGORIES


class DataCategoryHistoryView(generic.ObjectHistoryView):
    queryset = CATEGORIES


class DataCategoryEditView(generic.ObjectEditView):
    queryset = CATEGORIES
    form_class = DataCategoryForm

    def save(self, form, *, expected_version):
        return services.datacategory_save(
            category=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class RetentionRunListView(generic.ObjectListView):
    queryset = RUNS
    filterset_class = RetentionRunFilterSet
    table_class = RetentionRunTable


class RetentionRunDetailView(generic.ObjectDetailView):
    queryset = RUNS

    def get_extra_context(self, obj):
        names = {c.code: c for c in DataCategory.objects.all()}
        return {
            "rows": [
                (names.get(code, code), done["records"], done["files"])
                for code, done in obj.counts.items()
            ]
        }


class _PersonAction(generic.ObjectActionView):
    """A form about a person the user may see (the people register is read by every staff
    role; the permission of the action is what limits it)."""

    queryset = Person.objects.all()

    def get_object(self, action=None):
        return super().get_object("view")


class ConsentAddView(_PersonAction):
    permission = "privacy.add_consent"
    title = _("Record a consent")
    intro = _("Only for categories whose legal basis is consent (see the register).")

    def make_form(self, obj, data=None):
        return ConsentForm(data)

    def perform(self, obj, form):
        services.consent_record(consent=form.consent(obj), actor=self.request.user)
        messages.success(self.request, _("The consent is recorded."))
        return obj.get_absolute_url()


class ConsentWithdrawView(generic.ObjectDetailView):
    """POST: the person withdrew this consent (it stays, with the time of withdrawal)."""

    queryset = Consent.objects.all()
    action = "change"
    http_method_names = ["post"]

    def post(self, request, pk):
        consent = self.get_object()
        try:
            services.consent_withdraw(consent=consent, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The consent is withdrawn."))
        return redirect(consent.person)


class PersonExportView(generic.ObjectPermissionMixin, View):
    """POST: the person's data as one archive, served privately. No form: the button on the
    person's page is the whole request."""

    queryset = Person.objects.all()
    http_method_names = ["post"]

    def get_required_permission(self) -> str:
        return "privacy.export_person"

    def post(self, request, pk, **kwargs):
        person = self.get_object("view")
        # A file, not memory: a person's uploads may be large. FileResponse closes it.
        handle = tempfile.TemporaryFile()  # noqa: SIM115
        person_export(person=person, handle=handle, by=request.user)
        handle.seek(0)
        name = f"personal-data-{person.pk}-{timezone.localdate():%Y%m%d}.zip"
        response = FileResponse(
            handle, as_attachment=True, filename=name, content_type="application/zip"
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class PersonEraseView(_PersonAction):
    permission = "privacy.erase_person"
    template_name = "privacy/person_erase.html"
    title = _("Erase (anonymise)")
    submit_label = _("Erase this person")
    submit_class = "btn-danger"

    def get_object(self, action=None):
        person = super().get_object(action)
        if hasattr(person, "erasure"):
            raise Http404  # an erased person is erased once
        return person

    def make_form(self, obj, data=None):
        return EraseForm(data)

    def perform(self, obj, form):
        services.person_anonymise(
            person=obj, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(self.request, _("The person is erased: their record is anonymised."))
        return reverse("mobility:person_detail", kwargs={"pk": obj.pk})
