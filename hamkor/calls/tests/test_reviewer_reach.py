"""A committee member reads only the calls they review, never a draft: on the list, the
call's page, and the places and criteria read with it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import login
from hamkor.calls.models import Call, Place, Reviewer
from hamkor.calls.tests.committee_world import call_under_evaluation, reviewer
from hamkor.calls.tests.factories import CallFactory, set_status

pytestmark = pytest.mark.django_db


def test_a_reviewer_reads_only_the_calls_they_review_and_no_draft(client):
    theirs = call_under_evaluation()
    user = reviewer(theirs)
    other = call_under_evaluation()
    draft = CallFactory()
    Reviewer.objects.create(call=draft, user=user)  # named to a call still being drafted

    assert list(Call.objects.restrict(user, "view")) == [theirs]
    assert set(Place.objects.restrict(user, "view")) == set(theirs.places.all())
    login(client, user)
    listing = client.get(reverse("calls:call_list")).text
    assert theirs.title_en in listing
    for hidden in (other, draft):
        assert client.get(reverse("calls:call_detail", args=[hidden.pk])).status_code == 404
    # Nor on their own pages of the committee.
    assert draft.title_en not in client.get(reverse("calls:reviewer_calls")).text
    membership = Reviewer.objects.get(call=draft, user=user)
    assert client.get(reverse("calls:reviewer_queue", args=[membership.pk])).status_code == 404


def test_a_reviewer_reads_their_call_once_it_opens(client):
    draft = CallFactory()
    user = reviewer(draft)
    set_status(draft, Call.Status.OPEN)

    login(client, user)

    assert client.get(reverse("calls:call_detail", args=[draft.pk])).status_code == 200


def test_the_office_still_reads_every_call(officer):
    draft = CallFactory()

    assert list(Call.objects.restrict(officer, "view")) == [draft]
