"""The staff pages of every app open on generated rows and show them."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from hamkor.accounts.models import User
from hamkor.benchdata import agreements, calls, events, grants, mobility, people, students
from hamkor.calls.models import Application
from hamkor.partners.models import Institution

LISTS = (
    "partners:institution_list",
    "agreements:agreement_list",
    "mobility:person_list",
    "mobility:mobility_list",
    "mobility:deadlines",
    "events:event_list",
    "events:participant_list",
    "grants:project_list",
    "grants:receipt_list",
    "grants:expense_list",
    "students:foreignstudent_list",
    "students:studentrequest_list",
    "calls:call_list",
    "calls:application_list",
)


@pytest.fixture
def generated(db):
    call_command("bench_data", "--scale", "0.01", stdout=io.StringIO())


@pytest.fixture
def officer_client(client, generated):
    client.force_login(User.objects.get(email="officer@hamkor.demo"))
    return client


@pytest.mark.parametrize("name", LISTS)
def test_every_staff_list_opens_on_generated_rows(officer_client, name):
    response = officer_client.get(reverse(name))

    assert response.status_code == 200


def test_the_lists_show_generated_records(officer_client):
    person = people.generated().order_by("last_name", "first_name").first()
    project = grants.generated_projects().order_by("-starts_on", "-id").first()
    agreement = agreements.generated().order_by("-pk").first()

    assert person.last_name in officer_client.get(reverse("mobility:person_list")).text
    assert project.acronym in officer_client.get(reverse("grants:project_list")).text
    found = officer_client.get(reverse("agreements:agreement_list"), {"q": agreement.reference})
    assert agreement.reference in found.text


def test_detail_pages_open_for_generated_records(officer_client):
    records = [
        Institution.objects.partners().first(),
        agreements.generated().first(),
        people.generated().first(),
        mobility.generated().first(),
        events.generated().first(),
        grants.generated_projects().first(),
        students.generated().first(),
        calls.generated().first(),
        Application.objects.filter(call__in=calls.generated())
        .exclude(status=Application.Status.DRAFT)
        .first(),
    ]

    for record in records:
        response = officer_client.get(record.get_absolute_url())
        assert response.status_code == 200, (type(record).__name__, response.status_code)
