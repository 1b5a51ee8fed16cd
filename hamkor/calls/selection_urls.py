"""Staff addresses of the committee and the selection (included by ``calls/urls.py``)."""

from django.urls import path

from hamkor.calls import committee_views as committee
from hamkor.calls import selection_views as selection

urlpatterns = [
    path(
        "staff/calls/<int:pk>/committee/",
        committee.CallReviewersView.as_view(),
        name="call_reviewers",
    ),
    path(
        "staff/calls/committee/<int:pk>/delete/",
        committee.ReviewerDeleteView.as_view(),
        name="reviewer_delete",
    ),
    path("staff/reviews/", committee.ReviewerCallsView.as_view(), name="reviewer_calls"),
    path(
        "staff/reviews/<int:reviewer_pk>/",
        committee.ReviewQueueView.as_view(),
        name="reviewer_queue",
    ),
    path(
        "staff/reviews/<int:reviewer_pk>/applications/<int:pk>/",
        committee.ScoreEditView.as_view(),
        name="score_edit",
    ),
    path(
        "staff/reviews/<int:reviewer_pk>/applications/<int:pk>/conflict/",
        committee.ConflictDeclareView.as_view(),
        name="conflict_add",
    ),
    path("staff/calls/<int:pk>/scores/", selection.CallScoresView.as_view(), name="call_scores"),
    path(
        "staff/calls/<int:pk>/ranking/",
        selection.SelectionComputeView.as_view(),
        name="call_rank",
    ),
    path(
        "staff/calls/applications/<int:pk>/result/",
        selection.SelectionChangeView.as_view(),
        name="application_selection",
    ),
    path(
        "staff/calls/<int:pk>/selection.json",
        selection.SelectionFileView.as_view(),
        name="call_selection_json",
    ),
    path(
        "staff/calls/<int:pk>/scores.xlsx",
        selection.ScoresWorkbookView.as_view(),
        name="call_scores_xlsx",
    ),
    path(
        "staff/calls/<int:pk>/ranking.pdf",
        selection.RankingPdfView.as_view(),
        name="call_ranking_pdf",
    ),
]
