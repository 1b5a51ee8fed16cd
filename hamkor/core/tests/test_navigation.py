"""The menu marks one item as the page the user is on: the longest address that starts the
page's own, so that a page under another item's address is not marked twice."""

import pytest

from hamkor.core.navigation import menu_for

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
