"""Invitation letters: issued from the guest's page, downloaded as a PDF whose text reads
back with the number, the guest's name and a page in the guest's language and in Uzbek."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory

PASSPORT = "P77001234"


@pytest.fixture
def guest(home, faculty_a):
    person = PersonFactory(
        last_name="Schneider",
        first_name="Katharina",
        citizenship="DE",
        position="Professor of Linguistics",
        passport_number=PASSPORT,
        date_of_birth=datetime.date(1975, 2, 3),
        org_unit=faculty_a,
        language="en",
    )
    return MobilityFactory(
        incoming=True,
        person=person,
        kind=Mobility.Kind.STAFF_TEACHING,
        subjects="German phonetics",
        home_unit=faculty_a,
        planned_start=datetime.date(2026, 4, 6),
        planned_end=datetime.date(2026, 4, 17),
    )


def issue(client, mobility: Mobility):
    return client.post(reverse("mobility:mobility_letter_issue", kwargs={"pk": mobility.pk}))


def letter_url(mobility: Mobility) -> str:
    return reverse("mobility:mobility_letter", kwargs={"pk": mobility.pk})


def pdf_pages(response) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


def test_letter_issued_from_the_page_opens_as_a_pdf_with_its_number_and_the_guest(as_user, guest):
    client = as_user("officer")

    issued = issue(client, guest)
    guest.refresh_from_db()
    response = client.get(letter_url(guest))

    assert issued.status_code == 302
    assert guest.invitation_reference.startswith("INV-")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{guest.invitation_reference}.pdf"'
    )
    pages = pdf_pages(response)
    assert len(pages) == 2  # the guest's language, then Uzbek
    for text in pages:
        assert guest.invitation_reference in text
        assert "Schneider Katharina" in text
    assert "Letter of invitation" in pages[0]
    assert PASSPORT in pages[0]


def test_letter_in_the_guest_language_comes_before_the_uzbek_page(as_user, guest):
    guest.person.language = "ru"
    guest.person.save()
    client = as_user("officer")
    issue(client, guest)

    pages = pdf_pages(client.get(letter_url(guest)))

    assert len(pages) == 2
    assert all("Schneider Katharina" in text for text in pages)


def test_letter_page_offers_issue_then_download(as_user, guest):
    client = as_user("officer")

    before = client.get(guest.get_absolute_url()).text
    issue(client, guest)
    after = client.get(guest.get_absolute_url()).text

    assert "Issue the invitation letter" in before
    assert f'href="{letter_url(guest)}"' not in before
    assert "Download the letter (PDF)" in after
    assert f'href="{letter_url(guest)}"' in after


def test_letter_is_not_found_before_it_is_issued(as_user, guest):
    assert as_user("officer").get(letter_url(guest)).status_code == 404


def test_letter_is_not_found_for_an_outgoing_mobility(as_user, home):
    mobility = MobilityFactory(invitation_reference="INV-2026-999", invitation_token="x" * 32)

    assert as_user("officer").get(letter_url(mobility)).status_code == 404


def test_letter_cannot_be_issued_for_an_outgoing_mobility(as_user, home):
    mobility = MobilityFactory()

    response = issue(as_user("officer"), mobility)

    mobility.refresh_from_db()
    assert response.status_code == 302
    assert mobility.invitation_reference == ""


def test_letter_copy_for_a_coordinator_leaves_out_the_passport(as_user, guest, officer):
    from hamkor.mobility.services import mobility_invitation_issue

    mobility_invitation_issue(mobility=guest, actor=officer)

    response = as_user("coordinator_b").get(letter_url(guest))
    text = "".join(pdf_pages(response))

    assert response.status_code == 200
    assert guest.invitation_reference in text
    assert PASSPORT not in text
    guest.person.refresh_from_db()
    assert guest.person.passport_number == PASSPORT  # the copy changed nothing stored


def test_letter_is_refused_to_those_who_may_not_see_the_mobility(as_user, guest, officer):
    from hamkor.mobility.services import mobility_invitation_issue

    mobility_invitation_issue(mobility=guest, actor=officer)

    assert as_user("applicant").get(letter_url(guest)).status_code == 403
    assert issue(as_user("leadership"), guest).status_code == 403


@pytest.mark.parametrize(
    ("language", "born", "citizenship", "stay"),
    [
        ("en", "3 February 1975", "Germany", "6 April 2026 – 17 April 2026"),
        ("uz", "3 fevral 1975", "Germaniya", "6 aprel 2026 – 17 aprel 2026"),
        ("uz-cyrl", "3 феврал 1975", "Германия", "6 апрел 2026 – 17 апрел 2026"),
        ("ru", "3 февраля 1975", "Германия", "6 апреля 2026 – 17 апреля 2026"),
    ],
)
def test_letter_writes_dates_with_the_month_in_words_and_the_country_in_the_language(
    as_user, guest, language, born, citizenship, stay
):
    # 03/02/1975 reads as 3 February or March 2 depending on the consulate.
    guest.person.language = language
    guest.person.save()
    client = as_user("officer")
    issue(client, guest)

    first_page = pdf_pages(client.get(letter_url(guest)))[0]

    assert born in first_page
    assert citizenship in first_page
    assert stay in " ".join(first_page.split())
    assert "03/02/1975" not in first_page and "03.02.1975" not in first_page


def test_uzbek_page_of_a_letter_names_the_citizenship_in_uzbek(as_user, guest):
    client = as_user("officer")
    issue(client, guest)

    uzbek_page = pdf_pages(client.get(letter_url(guest)))[1]

    assert "Germaniya" in uzbek_page
    assert "Germany" not in uzbek_page


@pytest.mark.parametrize(
    ("language", "stay"),
    [("en", "6 April 2026 – 17 April 2026"), ("ru", "6 апреля 2026 – 17 апреля 2026")],
)
def test_letter_check_page_writes_the_dates_with_the_month_in_words(
    as_user, client, guest, language, stay
):
    from django.utils import translation

    issue(as_user("officer"), guest)
    guest.refresh_from_db()
    with translation.override(language):
        url = reverse("public:letter_verify", kwargs={"token": guest.invitation_token})

    text = client.get(url).text

    assert stay in text


def test_letter_of_a_cancelled_visit_is_marked_cancelled_on_every_page(as_user, guest, officer):
    """A letter downloaded after the visit was cancelled cannot pass for a valid one."""
    from django.utils import translation
    from django.utils.translation import pgettext

    from hamkor.mobility.services import mobility_transition

    client = as_user("officer")
    issue(client, guest)
    guest.refresh_from_db()
    assert "CANCELLED" not in " ".join(pdf_pages(client.get(letter_url(guest))))

    mobility_transition(mobility=guest, name="cancel", actor=officer, reason="The guest fell ill.")
    pages = pdf_pages(client.get(letter_url(guest)))

    assert len(pages) == 2  # English, then Uzbek: each carries the mark in its language
    for language, text in zip(("en", "uz"), pages, strict=True):
        with translation.override(language):
            mark = pgettext("invitation letter mark", "CANCELLED")
        assert mark in text, f"no cancelled mark on the {language} page"
    assert "no longer valid" in pages[0]
