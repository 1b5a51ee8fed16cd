"""Staff pages of opportunities: the generic screens, publishing steps and a preview in
each language, as for the news."""

from __future__ import annotations

from hamkor.core.views import generic
from hamkor.website.content.views_staff import (
    ContentDetailMixin,
    ContentEditMixin,
    ContentStepView,
    PreviewView,
)
from hamkor.website.opportunities import services
from hamkor.website.opportunities.filters import OpportunityFilterSet
from hamkor.website.opportunities.forms import OpportunityForm
from hamkor.website.opportunities.models import Opportunity
from hamkor.website.opportunities.tables import OpportunityTable, opportunity_badge

OPPORTUNITIES = Opportunity.objects.select_related("partner")


class OpportunityListView(generic.ObjectListView):
    queryset = OPPORTUNITIES
    filterset_class = OpportunityFilterSet
    table_class = OpportunityTable
    bulk_actions = ("export",)


class OpportunityDetailView(ContentDetailMixin, generic.ObjectDetailView):
    queryset = OPPORTUNITIES
    status_badge = staticmethod(opportunity_badge)


class OpportunityHistoryView(generic.ObjectHistoryView):
    queryset = OPPORTUNITIES


class OpportunityEditView(ContentEditMixin, generic.ObjectEditView):
    queryset = OPPORTUNITIES
    form_class = OpportunityForm
    template_name = "website/content_edit.html"

    def save(self, form, *, expected_version):
        return services.opportunity_save(
            opportunity=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class OpportunityDeleteView(generic.ObjectDeleteView):
    queryset = OPPORTUNITIES


class OpportunityStepView(ContentStepView):
    queryset = OPPORTUNITIES
    status_badge = staticmethod(opportunity_badge)

    def take_step(self, obj, form):
        return services.opportunity_transition(
            opportunity=obj, name=self.step.name, actor=self.request.user
        )


class OpportunityPreviewView(PreviewView):
    queryset = OPPORTUNITIES
    public_template = "website/opportunity_public.html"

    def public_context(self, obj):
        return {"opportunity": obj}
