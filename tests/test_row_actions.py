"""A coordinator is offered only what they may do: every link on a page they can open leads
to a page they may open, and records of other faculties carry no edit, delete, status or
upload controls (which would answer 404 or 403)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory
from hamkor.mobility.tests.world import world as mobility_world  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

MAIN = re.compile(r"<main\b.*?</main>", re.S)
HREF = re.compile(r'<a\b[^>]*\bhref="(/staff/[^"#?]*)[^"]*"')


def main_of(response) -> str:
    found = MAIN.search(response.text)
    assert found, response.request["PATH_INFO"]
    return found.group(0)


def links(html: str) -> set[str]:
    return {unescape(href) for href in HREF.findall(html)}


def post_forms(html: str) -> list[str]:
    return [m.group(0) for m in re.finditer(r"<form\b[^>]*method=\"post\"[^>]*>", html)]


@pytest.fixture
def records(request, faculty_a, faculty_b):
    world = request.getfixturevalue("mobility_world")
    ours = AgreementFactory(units=[faculty_a], partners=[world["wien"]], title="Ours")
    theirs = AgreementFactory(units=[faculty_b], partners=[world["seoul"]], title="Theirs")
    MobilityQuotaFactory(agreement=ours)
    MobilityQuotaFactory(agreement=theirs)
    return {**world, "ours": ours, "theirs": theirs}


def test_every_link_a_coordinator_is_shown_opens(as_user, records):
    client = as_user("coordinator")
    pages = [
        reverse("agreements:agreement_list"),
        reverse("mobility:mobility_list"),
        reverse("mobility:person_list"),
        reverse("mobility:deadlines"),
        reverse("workbench:home"),
        reverse("workbench:search") + "?q=Wien",
        reverse("agreements:agreement_expiring"),
        records["wien"].get_absolute_url(),
        records["seoul"].get_absolute_url(),
        records["ours"].get_absolute_url(),
        records["theirs"].get_absolute_url(),
        records["teaching"].get_absolute_url(),
        records["study"].get_absolute_url(),
        records["karimov"].get_absolute_url(),
        records["tosheva"].get_absolute_url(),
    ]
    broken = []
    seen = set()
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        for href in sorted(links(main_of(response)) - seen):
            seen.add(href)
            status = client.get(href).status_code
            if status not in (200, 302):
                broken.append(f"{page} -> {href}: {status}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("name", ["theirs", "study", "tosheva"])
def test_another_faculty_record_offers_no_change(as_user, records, name):
    """Faculty B's records are read-only to faculty A's coordinator: no form posts anything
    and no link leads to an edit, delete, status or upload page."""
    obj = records[name]
    client = as_user("coordinator")
    main = main_of(client.get(obj.get_absolute_url()))
    assert post_forms(main) == []
    changing = [
        href
        for href in links(main)
        if re.search(r"/(edit|delete|add|status|renew|amend|letter)", href)
    ]
    assert changing == []
    # The same page offers them to faculty B's coordinator, who may change the record.
    mine = main_of(as_user("coordinator_b").get(obj.get_absolute_url()))
    assert post_forms(mine) or any("/edit/" in href for href in links(mine))
