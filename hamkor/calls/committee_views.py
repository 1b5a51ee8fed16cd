"""The committee's pages: the office assigns reviewers to a call; a reviewer sees the
applications to score, scores each on the call's criteria and may declare a conflict of
interest. A reviewer's pages are addressed by their own membership: another reviewer's
address answers 404, as if it did not exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from hamkor.calls.committee_forms import ConflictForm, ReviewerForm, ScoresForm, scores_form
from hamkor.calls.committee_selectors import criteria_heaviest_first, reviewer_queue
from hamkor.calls.committee_services import (
    conflict_declare,
    reviewer_assign,
    reviewer_remove,
    scores_save,
)
from hamkor.calls.models import Application, Call, ConflictOfInterest, Reviewer, Score
from hamkor.calls.selection_services import application_label
from hamkor.core.views.generic.base import _add_errors, reverse_or_none


class PermissionView(LoginRequiredMixin, View):
    """A page that needs ``permission`` (403 without it; the login page when anonymous)."""

    permission = ""

    def allowed(self, user) -> bool:
        return user.has_perm(self.permission)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def call_of(self, pk: int, action: str = "view") -> Call:
        return get_object_or_404(Call.objects.restrict(self.request.user, action), pk=pk)


def call_context(call: Call) -> dict:
    return {"call": call, "call_url": reverse_or_none("calls:call_detail", pk=call.pk)}


class CallReviewersView(PermissionView):
    """The call's committee: its members, and a form to add one."""

    permission = "calls.add_reviewer"

    def get(self, request, pk):
        call = self.call_of(pk)
        return self.render(call, ReviewerForm(call=call))

    def post(self, request, pk):
        call = self.call_of(pk)
        form = ReviewerForm(request.POST, call=call)
        if form.is_valid():
            try:
                reviewer_assign(call=call, user=form.cleaned_data["user"], actor=request.user)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The committee member is added."))
                return HttpResponseRedirect(reverse("calls:call_reviewers", args=[call.pk]))
        return self.render(call, form, status=400)

    def render(self, call, form, status=200):
        members = Reviewer.objects.filter(call=call).select_related("user")
        context = {**call_context(call), "form": form, "members": members}
        return render(self.request, "calls/call_reviewers.html", context, status=status)


class ReviewerDeleteView(PermissionView):
    permission = "calls.delete_reviewer"

    def post(self, request, pk):
        reviewer = get_object_or_404(Reviewer.objects.select_related("call", "user"), pk=pk)
        self.call_of(reviewer.call_id)
        try:
            reviewer_remove(reviewer=reviewer, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(user)s is off the committee.") % {"user": reviewer.user})
        return HttpResponseRedirect(reverse("calls:call_reviewers", args=[reviewer.call_id]))


class ReviewerCallsView(PermissionView):
    """The calls the user reviews."""

    permission = "calls.add_score"

    def get(self, request):
        memberships = (
            # A call still drafted is the office's: its committee sees it once opened.
            Reviewer.objects.filter(user=request.user)
            .exclude(call__status=Call.Status.DRAFT)
            .select_related("call")
            .order_by("-call__closes_at")
        )
        return render(request, "calls/reviewer_calls.html", {"memberships": memberships})


class ReviewerPageMixin(PermissionView):
    """A page of the user's own membership ``reviewer_pk``; anyone else's is 404."""

    permission = "calls.add_score"

    def membership(self) -> Reviewer:
        return get_object_or_404(
            Reviewer.objects.select_related("call").exclude(call__status=Call.Status.DRAFT),
            pk=self.kwargs["reviewer_pk"],
            user=self.request.user,
        )

    def application_of(self, reviewer: Reviewer) -> Application:
        return get_object_or_404(
            Application.objects.restrict(self.request.user, "view")
            .filter(call=reviewer.call_id)
            .select_related("person", "call"),
            pk=self.kwargs["pk"],
        )


class ReviewQueueView(ReviewerPageMixin):
    """The applications the reviewer is to score, with their own progress."""

    def get(self, request, reviewer_pk):
        reviewer = self.membership()
        context = {
            **call_context(reviewer.call),
            "reviewer": reviewer,
            "rows": reviewer_queue(reviewer=reviewer),
            "criteria_count": reviewer.call.criteria.count(),
        }
        return render(request, "calls/review_queue.html", context)


class ScoreEditView(ReviewerPageMixin):
    """A reviewer's scores of one application, criterion by criterion."""

    def get(self, request, reviewer_pk, pk):
        reviewer = self.membership()
        application = self.application_of(reviewer)
        return self.render(reviewer, application, self.make_form(reviewer, application))

    def post(self, request, reviewer_pk, pk):
        reviewer = self.membership()
        application = self.application_of(reviewer)
        form = self.make_form(reviewer, application, request.POST)
        if form.is_valid():
            try:
                scores_save(
                    application=application,
                    reviewer=request.user,
                    values=form.values(),
                    actor=request.user,
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Your scores of %(application)s are saved.")
                    % {"application": application_label(application)},
                )
                return HttpResponseRedirect(reverse("calls:reviewer_queue", args=[reviewer.pk]))
        return self.render(reviewer, application, form, status=400)

    def make_form(self, reviewer, application, data=None) -> ScoresForm:
        own = Score.objects.filter(application=application, reviewer=self.request.user)
        return scores_form(
            criteria_heaviest_first(reviewer.call),
            data,
            initial_scores={s.criterion_id: s.value for s in own},
        )

    def render(self, reviewer, application, form, status=200):
        conflict = ConflictOfInterest.objects.filter(
            application=application, reviewer=self.request.user
        ).first()
        context = {
            **call_context(reviewer.call),
            "reviewer": reviewer,
            "application": application,
            "label": application_label(application),
            "preferences": application.preferences.select_related("place__institution"),
            "form": form,
            "conflict": conflict,
        }
        return render(self.request, "calls/score_edit.html", context, status=status)


class ConflictDeclareView(ReviewerPageMixin):
    """The reviewer declares a conflict of interest with one application."""

    def get(self, request, reviewer_pk, pk):
        reviewer = self.membership()
        return self.render(reviewer, self.application_of(reviewer), ConflictForm())

    def post(self, request, reviewer_pk, pk):
        reviewer = self.membership()
        application = self.application_of(reviewer)
        form = ConflictForm(request.POST)
        if form.is_valid():
            try:
                conflict_declare(
                    application=application,
                    reviewer=request.user,
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Your conflict of interest with %(application)s is recorded.")
                    % {"application": application_label(application)},
                )
                return HttpResponseRedirect(reverse("calls:reviewer_queue", args=[reviewer.pk]))
        return self.render(reviewer, application, form, status=400)

    def render(self, reviewer, application, form, status=200):
        context = {
            **call_context(reviewer.call),
            "reviewer": reviewer,
            "application": application,
            "label": application_label(application),
            "form": form,
        }
        return render(self.request, "calls/conflict_declare.html", context, status=status)
