"""Staff pages of the calls: a call with its places, criteria and steps; the applications
received (a coordinator's are their faculty's) and the eligibility override."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Prefetch, Q

from hamkor.calls import forms, rules, services
from hamkor.calls.filters import ApplicationFilterSet, CallFilterSet
from hamkor.calls.models import Application, Call, Criterion, Place, Preference
from hamkor.calls.selectors import eligibility_lines
from hamkor.calls.tables import (
    ApplicationTable,
    CallTable,
    application_badge,
    call_badge,
)
from hamkor.core import transitions
from hamkor.core.documents import documents_context
from hamkor.core.views import generic

CALLS = Call.objects.all()


class CallListView(generic.ObjectListView):
    queryset = CALLS
    filterset_class = CallFilterSet
    table_class = CallTable
    bulk_actions = ("export",)


class CallDetailView(generic.ObjectDetailView):
    queryset = CALLS.prefetch_related(
        "faculties",
        Prefetch("places", queryset=Place.objects.select_related("institution", "agreement")),
        "criteria",
    )
    template_name = "calls/call_detail.html"

    def object_actions(self, obj) -> dict:
        actions = super().object_actions(obj)
        if obj.status != Call.Status.DRAFT:
            actions["delete_url"] = None  # closed and archived instead
        return actions

    def get_extra_context(self, obj) -> dict:
        user = self.request.user
        editable = obj.status in services.EDITABLE
        counts = Application.objects.restrict(user, "view").filter(call=obj)
        return {
            "status_badge": call_badge(obj),
            "steps": transitions.steps_available(obj, user),
            "open_refusal": rules.call_open_refusal(obj) if obj.status == Call.Status.DRAFT else "",
            "places": obj.places.all(),
            "criteria": obj.criteria.all(),
            "weights": sum(criterion.weight for criterion in obj.criteria.all()),
            "can_change_places": editable and user.has_perm("calls.change_place"),
            "can_change_criteria": editable and user.has_perm("calls.change_criterion"),
            "eligibility": eligibility_lines(obj),
            "applications": counts.aggregate(
                submitted=Count("pk", filter=Q(status=Application.Status.SUBMITTED)),
                all=Count("pk"),
            ),
            "can_view_applications": user.has_perm("calls.view_application"),
        }


class CallHistoryView(generic.ObjectHistoryView):
    queryset = CALLS


class CallEditView(generic.ObjectEditView):
    queryset = CALLS
    form_class = forms.CallForm

    @transaction.atomic
    def save(self, form, *, expected_version):
        call = services.call_save(
            call=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )
        form.save_m2m()
        return call


class CallDeleteView(generic.ObjectDeleteView):
    queryset = CALLS

    def delete(self, obj):
        services.call_delete(call=obj, actor=self.request.user)


class CallTransitionView(generic.ObjectStepView):
    queryset = CALLS

    def badge(self, call) -> str:
        return call_badge(call)

    def make_form(self, call, data=None):
        return forms.StepForm(data)

    def take_step(self, call, form):
        return services.call_transition(
            call=call,
            name=self.step.name,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        )


# --- Places and criteria, under their call --------------------------------------------------


class CallPartEditView(generic.ObjectEditView):
    """Add (``call_pk`` in the address) or edit a part of a call the user may change."""

    template_name = "calls/part_edit.html"
    service = None

    def alter_object(self, part):
        if "call_pk" in self.kwargs:
            part.call = self.get_parent(Call, "call_pk")
        return part

    def save(self, form, *, expected_version):
        return type(self).service(
            form.save(commit=False), actor=self.request.user, expected_version=expected_version
        )

    def get_success_url(self, instance) -> str:
        return instance.get_absolute_url()

    def get_extra_context(self, obj=None):
        return {"call": obj.call}


class PlaceEditView(CallPartEditView):
    queryset = Place.objects.select_related("call")
    form_class = forms.PlaceForm

    @staticmethod
    def service(place, **kwargs):
        return services.place_save(place=place, **kwargs)


class PlaceDeleteView(generic.ObjectDeleteView):
    queryset = Place.objects.select_related("call")

    def delete(self, obj):
        services.place_delete(place=obj, actor=self.request.user)

    def get_success_url(self, obj) -> str:
        return obj.get_absolute_url()


class CriterionEditView(CallPartEditView):
    queryset = Criterion.objects.select_related("call")
    form_class = forms.CriterionForm

    @staticmethod
    def service(criterion, **kwargs):
        return services.criterion_save(criterion=criterion, **kwargs)


class CriterionDeleteView(generic.ObjectDeleteView):
    queryset = Criterion.objects.select_related("call")

    def delete(self, obj):
        services.criterion_delete(criterion=obj, actor=self.request.user)

    def get_success_url(self, obj) -> str:
        return obj.get_absolute_url()


# --- Applications ---------------------------------------------------------------------------

APPLICATIONS = Application.objects.select_related("call", "person", "person__org_unit")


class ApplicationListView(generic.ObjectListView):
    queryset = APPLICATIONS
    filterset_class = ApplicationFilterSet
    table_class = ApplicationTable
    bulk_actions = ("export",)


class ApplicationDetailView(generic.ObjectDetailView):
    queryset = APPLICATIONS.select_related(
        "allocated_place__institution", "overridden_by", "mobility"
    ).prefetch_related(
        Prefetch("preferences", queryset=Preference.objects.select_related("place__institution"))
    )
    template_name = "calls/application_detail.html"

    def object_actions(self, obj) -> dict:
        actions = super().object_actions(obj)
        actions["edit_url"] = actions["delete_url"] = None  # the applicant's own words
        return actions

    def get_extra_context(self, obj) -> dict:
        user = self.request.user
        return {
            "status_badge": application_badge(obj),
            "preferences": obj.preferences.all(),
            "reasons": rules.reasons_text(obj),
            "documents": obj.documents.select_related("document"),
            "can_override": (
                obj.status == Application.Status.SUBMITTED
                and obj.eligible is False
                and not obj.override_reason
                and user.has_perm("calls.override_application")
                and Application.objects.within_reach(user, obj, "change")
            ),
            **documents_context(user, obj),
        }


class ApplicationHistoryView(generic.ObjectHistoryView):
    queryset = APPLICATIONS


class ApplicationOverrideView(generic.ObjectActionView):
    """Admit an application the eligibility check refused, with the reason recorded."""

    queryset = APPLICATIONS
    permission = "calls.override_application"

    @property
    def title(self):
        from django.utils.translation import gettext as _

        return _("Admit despite the eligibility check")

    def badge(self, obj) -> str:
        return application_badge(obj)

    def make_form(self, obj, data=None):
        return forms.OverrideForm(data)

    def perform(self, obj, form) -> str:
        application = services.application_override(
            application=obj, actor=self.request.user, reason=form.cleaned_data["reason"]
        )
        return application.get_absolute_url()
