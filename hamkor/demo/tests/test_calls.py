"""The demo data's calls step: an open KA171 call on the public listing, a closed bilateral
call with submitted applications from applicants of the four languages; nothing added when
run again."""

from __future__ import annotations

import io

from hamkor.calls.models import Application, Call
from hamkor.calls.selectors import open_calls
from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import calls as demo_calls


def counts() -> tuple[int, ...]:
    return Call.objects.count(), Application.objects.count()


def test_an_open_ka171_call_and_a_closed_bilateral_one(demo):
    (listed,) = [call for call in open_calls() if call.programme == Call.Programme.KA171]
    assert listed.title_uz and listed.title_ru and listed.title_en
    assert sum(place.seats for place in listed.places.all()) == 4
    closed = Call.objects.get(programme=Call.Programme.BILATERAL)
    assert closed.status == Call.Status.EVALUATION
    applications = closed.applications.filter(status=Application.Status.SUBMITTED)
    assert applications.count() == len(demo_calls.APPLICANTS)
    assert {a.applicant.language for a in applications} == {"uz", "uz-cyrl", "ru", "en"}
    # One applicant is below the minimum GPA: the reason is kept for the office.
    assert applications.filter(eligible=False, eligibility_reasons=["gpa"]).count() == 1
    assert "hamkor.demo.calls.load" in STEPS


def test_a_second_run_adds_nothing(demo):
    before = counts()
    demo_calls.load(io.StringIO())
    assert counts() == before


def test_demo_calls_went_through_the_services(demo):
    call = Call.objects.get(programme=Call.Programme.BILATERAL)
    reasons = set(call.history.values_list("history_change_reason", flat=True))
    assert {
        "calls.call.created",
        "calls.call.open",
        "calls.call.close",
        "calls.call.evaluate",
    } <= reasons


def test_the_closed_call_has_scores_a_ranking_and_an_allocation(demo, client):
    from conftest import login
    from hamkor.accounts.models import User
    from hamkor.calls.models import Score

    call = Call.objects.get(programme=Call.Programme.BILATERAL)
    ranked = call.applications.filter(rank__isnull=False)
    assert ranked.count() == len(demo_calls.APPLICANTS) - 1  # the one below the minimum GPA
    assert Score.objects.filter(application__call=call).count() == ranked.count() * 3
    outcomes = set(call.applications.values_list("outcome", flat=True))
    assert outcomes == {"selected", "reserve", "not_selected"}
    selected = call.applications.filter(outcome="selected")
    assert selected.count() == 3  # seats 1 + 2 + 0
    login(client, User.objects.get(email="officer@hamkor.demo"))
    page = client.get(f"/staff/calls/{call.pk}/scores/")
    assert page.status_code == 200
    assert "Ergasheva" in page.text or "Yusupova" in page.text
