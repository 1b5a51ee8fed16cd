"""Results: the notifications, accepting a place (a nominated mobility with the documents
and the agreement's quota), declining it (offered to the reserve), the last seat taken once."""

from __future__ import annotations

import datetime
import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from hamkor.accounts.tests.factories import UserFactory
from hamkor.agreements.selectors import realised_mobilities
from hamkor.agreements.tests.factories import AgreementFactory, put_in_status
from hamkor.calls.applying import application_submit
from hamkor.calls.models import Application, Call
from hamkor.calls.results import application_accept, application_decline, offers_expire
from hamkor.calls.services import call_transition
from hamkor.calls.tests.factories import complete_draft, open_call, person_for, set_status
from hamkor.core.reminders import daily_jobs
from hamkor.core.tasks import daily_reminders
from hamkor.mobility.models import Mobility
from hamkor.partners.tests.factories import HomeInstitutionFactory

pytestmark = pytest.mark.django_db


def _applicant(faculty, n: int, language: str = "en"):
    user = UserFactory(roles=["applicant"], language=language)
    person_for(user, faculty, last_name=f"Applicant{n}")
    return user


def _result(application, **fields):
    """What the committee's allocation writes (callsalloc's service), set directly."""
    Application.objects.filter(pk=application.pk).update(**fields)
    application.refresh_from_db()
    return application


@pytest.fixture
def selection(faculty_a, officer, django_capture_on_commit_callbacks):
    """A call under evaluation: A selected for the first place, B and C on the reserve list
    (C ranked first there but did not list the place), D not selected."""
    HomeInstitutionFactory()
    call = open_call(places=2, required_documents=["transcript"])
    first, second = call.places.order_by("id")
    agreement = AgreementFactory(partners=[first.institution], valid_to=datetime.date(2035, 1, 1))
    put_in_status(agreement, "active")
    first.agreement = agreement
    first.save()
    users = [_applicant(faculty_a, n, "uz" if n == 0 else "en") for n in range(4)]
    apps = []
    with django_capture_on_commit_callbacks(execute=True):
        for n, user in enumerate(users):
            places = [first] if n != 2 else [second]
            application = complete_draft(call, user, places=places)
            apps.append(application_submit(application=application, actor=user))
    set_status(call, Call.Status.EVALUATION)
    a, b, c, d = apps
    _result(a, outcome="selected", allocated_place=first, rank=1)
    _result(c, outcome="reserve", reserve_position=1, rank=2)
    _result(b, outcome="reserve", reserve_position=2, rank=3)
    _result(d, outcome="not_selected", rank=4, outcome_reason="GPA below the others")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_transition(call=call, name="publish", actor=officer)
    return call, first, apps


def test_publishing_tells_each_applicant_in_their_language(selection):
    call, first, (a, b, _c, d) = selection

    by_address = {message.to[0]: message for message in mail.outbox}
    assert len(by_address) == 4
    assert call.title_uz in by_address[a.applicant.email].subject
    assert str(first.institution) in by_address[a.applicant.email].body
    assert "position 2" in by_address[b.applicant.email].body
    assert "GPA below the others" in by_address[d.applicant.email].body
    a.refresh_from_db()
    assert a.offer_deadline is not None


def test_accepting_makes_a_nominated_mobility_with_the_documents(selection):
    _call, first, (a, *_rest) = selection

    application_accept(application=a, actor=a.applicant)

    a.refresh_from_db()
    assert a.status == Application.Status.ACCEPTED
    mobility = a.mobility
    assert mobility.status == Mobility.Status.NOMINATED
    assert mobility.person == a.person
    assert mobility.receiving_institution == first.institution
    assert mobility.agreement == first.agreement
    from hamkor.core.documents import documents_for

    (document,) = documents_for(mobility)
    assert document.kind == "transcript"
    assert document.current.filename == "transcript.pdf"
    # The agreement's quota counts it once it takes place.
    from hamkor.mobility.services import mobility_transition

    for step in ("accept", "start_trip"):
        mobility = mobility_transition(mobility=mobility, name=step, actor=a.applicant)
    assert sum(realised_mobilities(first.agreement).values()) == 1


def test_declining_offers_the_place_to_the_first_reserve_applicant_who_listed_it(
    selection, django_capture_on_commit_callbacks
):
    _call, first, (a, b, c, _d) = selection
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        application_decline(application=a, actor=a.applicant)

    b.refresh_from_db()
    c.refresh_from_db()
    assert b.allocated_place == first  # C is first on the list but did not choose it
    assert b.outcome == Application.Outcome.SELECTED
    assert b.offer_deadline is not None
    assert c.allocated_place is None
    (offer,) = mail.outbox
    assert offer.to == [b.applicant.email]
    application_accept(application=b, actor=b.applicant)


def test_the_last_seat_goes_to_one_applicant_only(selection):
    _call, first, (a, b, *_rest) = selection
    # A manual change gave the one seat to B as well.
    Application.objects.filter(pk=b.pk).update(
        outcome="selected", allocated_place=first, reserve_position=None
    )
    b.refresh_from_db()

    application_accept(application=a, actor=a.applicant)
    with pytest.raises(ValidationError, match="no seat is left"):
        application_accept(application=b, actor=b.applicant)

    assert Mobility.objects.count() == 1


def test_nothing_is_answered_before_the_results_are_published(faculty_a):
    call = open_call(places=1)
    user = _applicant(faculty_a, 9)
    application = _result(
        complete_draft(call, user), outcome="selected", allocated_place=call.places.get()
    )

    with pytest.raises(ValidationError, match="not published"):
        application_accept(application=application, actor=user)


def _after_deadline(application) -> datetime.datetime:
    application.refresh_from_db()
    return application.offer_deadline + datetime.timedelta(seconds=1)


def test_an_expired_offer_is_passed_on_to_the_next_reserve_applicant(
    selection, django_capture_on_commit_callbacks
):
    _call, first, (a, b, _c, _d) = selection
    later = _after_deadline(a)
    mail.outbox.clear()

    assert offers_expire(now=later - datetime.timedelta(seconds=2)) == {
        "expired": 0,
        "passed_on": 0,
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert offers_expire(now=later) == {"expired": 1, "passed_on": 1}

    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == Application.Status.DECLINED
    assert a.history.first().history_change_reason == "calls.application.offer_expired"
    assert b.allocated_place == first
    assert b.offer_deadline == later + datetime.timedelta(days=7)
    expired, offer = mail.outbox
    assert expired.to == [a.applicant.email]
    assert expired.body.startswith("Hurmatli")  # in A's language, Uzbek
    assert str(first.institution) in expired.body
    assert offer.to == [b.applicant.email]
    # Run again the same day: nothing more.
    assert offers_expire(now=later) == {"expired": 0, "passed_on": 0}


def test_an_answered_offer_does_not_expire(selection):
    _call, _first, (a, *_rest) = selection
    later = _after_deadline(a)
    application_accept(application=a, actor=a.applicant)

    assert offers_expire(now=later) == {"expired": 0, "passed_on": 0}


def test_offers_expire_daily_through_beat_and_by_the_command(selection):
    _call, first, (a, b, *_rest) = selection
    Application.objects.filter(pk=a.pk).update(
        offer_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    # The daily beat task runs every app's daily job, the calls' among them.
    beat = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "hamkor.core.tasks.daily_reminders" in beat
    assert "calls" in {job.name for job in daily_jobs()}
    out = io.StringIO()

    call_command("calls", "expire-offers", stdout=out)

    assert out.getvalue().strip() == "offers expired: 1, passed on: 1"
    b.refresh_from_db()
    assert b.allocated_place == first
    assert daily_reminders()["calls"] == {"expired": 0, "passed_on": 0}
