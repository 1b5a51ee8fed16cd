"""The menu marks one item as the page the user is on: the longest address that starts the
page's own, so that a page under another item's address is not marked twice."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import login
from hamkor.accounts.roles import Role
from hamkor.core.navigation import menu_for
from hamkor.mobility.models import Person

pytestmark = pytest.mark.django_db


def active(user, path: str) -> list[str]:
    return [
        item["url"] for group in menu_for(user, path) for item in group["items"] if item["active"]
    ]


def test_a_page_under_another_items_address_marks_only_its_own_item(officer):
    assert active(officer, "/staff/foreign-students/figures/") == [
        "/staff/foreign-students/figures/"
    ]
    assert active(officer, "/staff/foreign-students/12/") == ["/staff/foreign-students/"]


def test_the_dashboard_is_marked_on_itself_only(officer):
    assert active(officer, "/staff/") == ["/staff/"]
    assert active(officer, "/staff/unknown-page/") == []


# --- The menu is kept once rendered: never stale ----------------------------------------------


def test_the_menu_follows_a_change_of_roles_at_once(client, leadership):
    login(client, leadership)
    assert 'href="/staff/users/"' not in client.get("/staff/people/").text
    leadership.groups.set(Group.objects.filter(name=Role.ADMINISTRATOR))
    TOTPDevice.objects.create(user=leadership, name="test", confirmed=True)
    login(client, leadership)
    assert 'href="/staff/users/"' in client.get("/staff/people/").text
    leadership.groups.set(Group.objects.filter(name=Role.LEADERSHIP))
    assert 'href="/staff/users/"' not in client.get("/staff/people/").text


def test_the_menu_follows_the_users_language_at_once(client, officer):
    login(client, officer)
    assert "Partner institutions" in client.get("/staff/people/").text
    officer.language = "ru"
    officer.save(update_fields=["language"])
    text = client.get("/staff/people/").text
    assert "Учреждения-партнёры" in text
    assert "Partner institutions" not in text


def test_the_menu_offers_my_university_once_the_account_has_a_person(client, officer):
    login(client, officer)
    portal = reverse("students:portal")
    assert f'href="{portal}"' not in client.get("/staff/people/").text
    Person.objects.create(user=officer, first_name="Aziz", last_name="Karimov", category="staff")
    assert f'href="{portal}"' in client.get("/staff/people/").text


def test_the_menu_marks_the_page_the_user_is_on(client, officer):
    login(client, officer)
    people = client.get("/staff/people/").text
    assert 'href="/staff/people/" aria-current="page"' in people
    mobilities = client.get("/staff/mobilities/").text
    assert 'href="/staff/mobilities/" aria-current="page"' in mobilities
    assert 'href="/staff/people/" aria-current="page"' not in mobilities


def test_an_htmx_page_of_results_does_not_work_out_the_menu(client, officer):
    login(client, officer)
    client.get("/staff/people/")
    with CaptureQueriesContext(connection) as full:
        client.get("/staff/people/")
    with CaptureQueriesContext(connection) as partial:
        client.get("/staff/people/", headers={"HX-Request": "true"})
    assert len(partial) < len(full)
