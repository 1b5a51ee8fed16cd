"""The authorization matrix's rows for a call's committee and selection (calls app).

A reviewer's pages are addressed by their own membership: the personas, none of whom is
that reviewer, find nothing (404) or lack the permission (403). The averaged scores and the
files are the office's and leadership's; the ranking and manual changes are the office's.
"""

from __future__ import annotations

_OFFICE_WRITE = (200, 200, 403, 403, 403, 403, 403, 403, 403, 302)
_OFFICE_READ = (200, 200, 403, 403, 200, 403, 403, 403, 403, 302)
# The reviewer persona's own pages; the administrator may score, not as them.
_OWN_REVIEW = (404, 403, 403, 403, 403, 403, 403, 403, 200, 302)

SELECTION_MATRIX = {
    "calls:call_reviewers": _OFFICE_WRITE,
    # POST only: who may remove a member gets 405 for a GET, the others 403.
    "calls:reviewer_delete": (405, 405, 403, 403, 403, 403, 403, 403, 403, 302),
    "calls:reviewer_calls": (200, 403, 403, 403, 403, 403, 403, 403, 200, 302),
    "calls:reviewer_queue": _OWN_REVIEW,
    "calls:score_edit": _OWN_REVIEW,
    "calls:conflict_add": _OWN_REVIEW,
    "calls:call_scores": _OFFICE_READ,
    "calls:call_rank": (405, 405, 403, 403, 403, 403, 403, 403, 403, 302),
    "calls:application_selection": _OFFICE_WRITE,
    "calls:call_selection_json": _OFFICE_READ,
    "calls:call_scores_xlsx": _OFFICE_READ,
    "calls:call_ranking_pdf": _OFFICE_READ,
}


def selection_records(officer, reviewer) -> dict:
    """The reviewer persona's call under evaluation with one application they scored, ranked."""
    from hamkor.calls.models import Reviewer
    from hamkor.calls.selection_services import selection_compute
    from hamkor.calls.tests.committee_world import places, score, submitted

    membership = Reviewer.objects.get(user=reviewer)
    call = membership.call
    application = submitted(call, *places(call))
    score(application, reviewer, gpa=80, language=70, motivation=60)
    selection_compute(call=call, actor=officer)
    return {
        "selection_call": call.pk,
        "selection_application": application.pk,
        "selection_reviewer": membership.pk,
    }


def selection_kwargs(name: str, objects: dict) -> dict | None:
    """The address arguments of a row above, ``None`` for other names."""
    if name not in SELECTION_MATRIX:
        return None
    if name in ("calls:reviewer_queue",):
        return {"reviewer_pk": objects["selection_reviewer"]}
    if name in ("calls:score_edit", "calls:conflict_add"):
        return {
            "reviewer_pk": objects["selection_reviewer"],
            "pk": objects["selection_application"],
        }
    if name == "calls:reviewer_delete":
        return {"pk": objects["selection_reviewer"]}
    if name == "calls:application_selection":
        return {"pk": objects["selection_application"]}
    if name == "calls:reviewer_calls":
        return {}
    return {"pk": objects["selection_call"]}
