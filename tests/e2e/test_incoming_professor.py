"""An officer takes a visiting professor from the partner, through the pages alone, from the
register to the end of the visit.

The professor is entered in the people register (Latin and Korean names), given an incoming
teaching visit, nominated by the partner and accepted; the invitation letter is issued and
downloaded, and its text reads back with its number and the guest's name on two pages (English
and Uzbek). The guest then arrives and leaves on the dates typed with the steps, and the page
shows the visit completed on those dates.
"""

from __future__ import annotations

import datetime
import re

import pytest

from tests.e2e.conftest import expect, log_in, pick, screenshot

PARTNER = "Seoul National University"
LAST, FIRST = "Kim", "Minjun"
LATIN_NAME = f"{LAST} {FIRST}"  # as the pages and the letter write it
KOREAN_NAME = "김민준"
FACULTY = "Faculty of Computer Science"
SUBJECTS = "Machine learning for language data"
REFERENCE = re.compile(r"^INV-\d{4}-\d{3}$")


@pytest.fixture
def partner(db):
    from hamkor.agreements.tests.factories import PartnerFactory

    return PartnerFactory(name=PARTNER, name_en=PARTNER, country="KR", city="Seoul")


@pytest.fixture
def faculty(home):
    from hamkor.accounts.tests.factories import OrgUnitFactory

    return OrgUnitFactory(
        institution=home, code="cs", name_en=FACULTY, name_uz="Kompyuter ilmlari fakulteti"
    )


def short_date(day: datetime.date) -> str:
    """A date as an English page writes it (``SHORT_DATE_FORMAT``)."""
    from django.utils import formats, translation

    with translation.override("en"):
        return formats.date_format(day, "SHORT_DATE_FORMAT")


def open_from_sidebar(page, label: str) -> None:
    with page.expect_navigation():
        page.locator("#sidebar nav[aria-label] a.nav-link", has_text=label).first.click()


def submit(page, form) -> None:
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()


def choose(page, form, name: str, option: str, search: str | None = None) -> None:
    """Pick ``option`` in the select ``name``: through its search box when the select is a
    Tom Select picker (``data-tom-select``), else as a plain select."""
    select = form.locator(f"select[name={name}]")
    if select.get_attribute("data-tom-select") is None:
        select.select_option(label=option)
        return
    pick(page, form.locator(f"div:has(> select[name={name}])"), search or option, option)


def add_person(page) -> None:
    """The professor, added to the register from the people list."""
    open_from_sidebar(page, "People")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Add", exact=True).click()
    form = page.locator("main form.edit-form")
    choose(page, form, "category", "Foreign professor or specialist")
    form.get_by_label("Last name (Latin)").fill(LAST)
    form.get_by_label("First name (Latin)").fill(FIRST)
    form.get_by_label("Name in the original script").fill(KOREAN_NAME)
    choose(page, form, "citizenship", "South Korea", search="Korea")
    choose(page, form, "institution", PARTNER, search="Seoul")
    form.get_by_label("Position").fill("Professor of Computer Science")
    choose(page, form, "academic_title", "Professor")
    form.get_by_label("E-mail", exact=True).fill("minjun.kim@snu.example.kr")
    choose(page, form, "language", "English")
    submit(page, form)

    expect(page.locator("main h1")).to_have_text(LATIN_NAME)
    person = page.locator("section[aria-labelledby=person-title]")
    expect(person.locator(".card-header .badge")).to_have_text("Foreign professor or specialist")
    expect(person.locator("dt:has-text('original script') + dd")).to_have_text(KOREAN_NAME)
    expect(person.locator("dt:has-text('Citizenship') + dd")).to_have_text("South Korea")
    expect(person.locator("dt:has-text('Institution') + dd")).to_have_text(PARTNER)
    expect(person.locator("dt:has-text('Language for letters') + dd")).to_have_text("English")


def add_incoming_mobility(page, start: datetime.date, end: datetime.date) -> None:
    """The teaching visit, from the "New incoming" button of the mobilities list."""
    open_from_sidebar(page, "Mobilities")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="New incoming").click()
    form = page.locator("main form.mobility-form")
    # Incoming, to our university: both given by the button.
    expect(form.locator("select[name=direction]")).to_have_value("incoming")
    expect(form.locator("select[name=receiving_institution] option:checked")).to_have_text(
        "Kokand State University"
    )
    choose(page, form, "person", LATIN_NAME, search=LAST)
    choose(page, form, "kind", "Staff teaching")
    choose(page, form, "programme", "Partner-funded")
    choose(page, form, "sending_institution", PARTNER, search="Seoul")
    choose(page, form, "home_unit", FACULTY)
    form.get_by_label("Planned start").fill(start.isoformat())
    form.get_by_label("Planned end").fill(end.isoformat())
    form.get_by_label("Teaching hours").fill("16")
    form.get_by_label("Subjects taught or studied").fill(SUBJECTS)
    submit(page, form)


def take_step(page, label: str, on: datetime.date | None = None) -> None:
    """A status step from the mobility's page; a dated one opens its form first."""
    steps = page.locator("#status .steps")
    if on is None:
        with page.expect_navigation():
            steps.get_by_role("button", name=label, exact=True).click()
        return
    step = steps.locator("details", has=page.locator("summary", has_text=label))
    step.locator("summary").click()
    step.get_by_label("On").fill(on.isoformat())
    with page.expect_navigation():
        step.get_by_role("button", name=label, exact=True).click()


def test_officer_takes_incoming_professor_from_planned_to_completed(
    page, live_server, officer, partner, faculty, tmp_path
):
    """Registered, invited, accepted, arrived and left; the letter reads back as issued."""
    from pypdf import PdfReader

    today = datetime.date.today()
    planned_start = today + datetime.timedelta(days=20)
    planned_end = today + datetime.timedelta(days=30)
    arrived = planned_start + datetime.timedelta(days=1)
    left = planned_end - datetime.timedelta(days=1)
    log_in(page, officer)

    # 1. The professor in the register.
    add_person(page)

    # 2. The incoming visit: planned.
    add_incoming_mobility(page, planned_start, planned_end)
    expect(page.locator("main h1")).to_have_text(f"{LATIN_NAME} — {PARTNER}")
    overview = page.locator("section[aria-labelledby=overview-title]")
    expect(overview.locator("dt:has-text('Person') + dd")).to_have_text(
        f"{LATIN_NAME} ({KOREAN_NAME})"
    )
    expect(overview.locator("dt:has-text('Direction') + dd")).to_have_text("Incoming")
    expect(overview.locator("dt:has-text('Programme') + dd")).to_have_text("Partner-funded")
    expect(overview.locator("dt:has-text('Receiving institution') + dd")).to_have_text(
        "Kokand State University"
    )
    expect(overview.locator("dt:has-text('Partner country') + dd")).to_have_text("South Korea")
    expect(overview.locator("dt:has-text('Planned') + dd")).to_have_text(
        f"{short_date(planned_start)} – {short_date(planned_end)}"
    )
    expect(overview.locator("dt:has-text('Subjects') + dd")).to_have_text(SUBJECTS)
    badge = page.locator("#status .card-body .badge").first
    expect(badge).to_have_text("Planned")
    mobility_url = page.url
    screenshot(page, "incoming-planned")

    # 3. Nominated by the partner, then accepted.
    take_step(page, "Nominated by the partner")
    expect(page.locator(".messages .alert-success")).to_contain_text("is now “Nominated”")
    expect(badge).to_have_text("Nominated")
    take_step(page, "Accept the guest")
    expect(badge).to_have_text("Accepted")
    assert page.url == mobility_url

    # 4. The invitation letter: issued, then downloaded and read back.
    letter = page.locator("#letter .letter")
    with page.expect_navigation():
        letter.get_by_role("button", name="Issue the invitation letter").click()
    reference = letter.locator("strong").inner_text().strip()
    assert REFERENCE.match(reference), f"unexpected reference {reference!r}"
    expect(page.locator(".messages .alert-success")).to_contain_text(
        f"The invitation letter {reference} is issued."
    )
    expect(letter.get_by_role("button", name="Issue the invitation letter")).to_have_count(0)
    # The redirect lands on #letter: from the top, the sticky menu bar is not drawn mid-page.
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "incoming-accepted-letter")

    with page.expect_download() as download_info:
        letter.get_by_role("link", name="Download the letter (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"{reference}.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    pages = [pdf_page.extract_text() for pdf_page in PdfReader(saved).pages]
    assert len(pages) == 2, "the letter has a page in English and one in Uzbek"
    for text in pages:
        assert reference in text
        assert LATIN_NAME in text
    assert "Letter of invitation" in pages[0]
    assert "Taklifnoma" in pages[1]

    # 5. Arrived, then left, on the dates typed with the steps.
    take_step(page, "Arrived", on=arrived)
    expect(badge).to_have_text("In progress")
    registration = page.locator("#letter .registration")
    expect(registration.locator("dt:has-text('Arrived on') + dd")).to_have_text(short_date(arrived))
    take_step(page, "Left", on=left)
    expect(page.locator(".messages .alert-success")).to_contain_text("is now “Completed”")
    expect(badge).to_have_text("Completed")
    expect(overview.locator("dt:has-text('Arrived – left') + dd")).to_have_text(
        f"{short_date(arrived)} – {short_date(left)}"
    )
    expect(page.locator("#status .steps")).to_have_count(0)
    expect(letter).to_contain_text(reference)
    screenshot(page, "incoming-completed")

    # What the pages showed is what was stored.
    from hamkor.mobility.models import Mobility

    mobility = Mobility.objects.select_related("person").get(invitation_reference=reference)
    assert mobility.status == Mobility.Status.COMPLETED
    assert mobility.direction == Mobility.Direction.INCOMING
    assert mobility.sending_institution == partner
    assert mobility.receiving_institution.is_home
    assert mobility.home_unit == faculty
    assert (mobility.actual_start, mobility.actual_end) == (arrived, left)
    assert mobility.person.name_original == KOREAN_NAME
    assert mobility.person.citizenship.code == "KR"
    assert mobility.person.institution == partner
