"""Static pages in a small tree: the public sees the published branch as its menu."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from hamkor.website.content.models import Page
from hamkor.website.content.services import page_save, page_transition
from hamkor.website.tests.content_factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(officer):
    guests = page_save(
        page=Page(title_uz="Xorijiy mehmonlar uchun", title_en="For foreign guests"), actor=officer
    )
    visa = page_save(
        page=Page(parent=guests, title_uz="Viza", title_en="Visa support", body_en="<p>Ask</p>"),
        actor=officer,
    )
    draft = page_save(
        page=Page(parent=guests, title_uz="Qoralama", title_en="Draft page"), actor=officer
    )
    for page in (guests, visa):
        page_transition(page=page, name="publish", actor=officer)
    return {"guests": guests, "visa": visa, "draft": draft}


def test_addresses_follow_the_tree(tree):
    assert tree["guests"].path == "for-foreign-guests"
    assert tree["visa"].path == "for-foreign-guests/visa-support"
    assert tree["visa"].get_public_url() == "/en/pages/for-foreign-guests/visa-support/"


def test_the_public_menu_and_page_show_published_pages_only(client, tree):
    home = client.get("/en/").text
    assert "For foreign guests" in home  # the top page is in the site's menu
    page = client.get("/en/pages/for-foreign-guests/visa-support/")
    assert page.status_code == 200
    assert "Visa support" in page.text and "Draft page" not in page.text
    assert client.get("/en/pages/for-foreign-guests/draft-page/").status_code == 404
    assert "Draft page" not in client.get("/en/pages/").text


def test_a_page_under_a_withdrawn_one_is_not_public(client, tree, officer):
    page_transition(page=tree["guests"], name="withdraw", actor=officer)
    assert client.get("/en/pages/for-foreign-guests/visa-support/").status_code == 404
    assert "For foreign guests" not in client.get("/en/").text


def test_moving_a_page_moves_the_pages_under_it(tree, officer):
    other = page_save(page=Page(title_uz="Talabalar", title_en="Students"), actor=officer)
    guests = tree["guests"]
    guests.parent = other
    page_save(page=guests, actor=officer)
    tree["visa"].refresh_from_db()
    assert tree["visa"].path == "students/for-foreign-guests/visa-support"


def test_a_page_cannot_go_under_itself_nor_deeper_than_three_levels(tree, officer):
    guests = tree["guests"]
    guests.parent = tree["visa"]
    with pytest.raises(ValidationError, match="under itself"):
        page_save(page=guests, actor=officer)
    third = page_save(page=Page(parent=tree["visa"], title_uz="Uch"), actor=officer)
    with pytest.raises(ValidationError, match="3 levels"):
        page_save(page=Page(parent=third, title_uz="Toʻrt"), actor=officer)


def test_two_pages_under_one_parent_cannot_share_an_address(tree, officer):
    with pytest.raises(ValidationError):
        page_save(
            page=Page(parent=tree["guests"], slug="visa-support", title_uz="V"), actor=officer
        )


def test_the_pages_in_uzbek_cyrillic_show_cyrillic(client, tree):
    page = client.get("/uz-cyrl/pages/for-foreign-guests/").text
    assert "Хорижий меҳмонлар учун" in page
    assert "Xorijiy mehmonlar uchun" not in page


def test_script_in_a_page_body_never_runs(client, officer):
    page = PageFactory(status="published", body_uz="<p>Salom</p><script>alert(1)</script>")
    # Saved around the service: sanitised again when shown.
    html = client.get(f"/uz/pages/{page.path}/").text
    assert "<script>alert(1)</script>" not in html
    assert "<p>Salom</p>" in html


def test_page_preview_is_for_staff(as_user, tree):
    url = f"/staff/pages/{tree['draft'].pk}/preview/ru/"
    assert as_user("officer").get(url).status_code == 200
    assert as_user("applicant").get(url).status_code == 403
