"""An officer records a new partner and its first agreement, through the pages alone.

The partner is added (past the similar-institutions warning), the memorandum is drafted with
the partner as its first party, refused activation while its signed scan is missing, given
that scan (a real PDF) and activated; the partner's page then lists it, and the scan comes
back from the agreement's page as the same PDF.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import expect, log_in, pick, screenshot

PARTNER = "Universitas Airlangga"
PARTNER_EN = "Airlangga University"  # the name an English page shows
TITLE = "Memorandum of understanding on academic cooperation"
SIGNED_RULE = "An agreement becomes active only with its signed copy"
REFERENCE = re.compile(r"^MOU-\d{4}-\d{3}$")


@pytest.fixture
def directory_lookalike(db):
    """A directory entry whose name resembles the new partner's: the form warns about it."""
    from hamkor.partners.models import Institution
    from hamkor.partners.tests.factories import InstitutionFactory

    return InstitutionFactory(
        name="Universitas Erlangga",
        name_en="",
        country="ID",
        city="Semarang",
        partnership=Institution.Partnership.NONE,
    )


def signed_scan(tmp_path):
    """A real PDF, as the scanner would give: the signed memorandum."""
    import weasyprint

    path = tmp_path / "mou-airlangga-signed.pdf"
    weasyprint.HTML(
        string=(
            "<h1>Memorandum of Understanding</h1>"
            f"<p>between Kokand State University and {PARTNER}</p>"
            "<p>Signed: A. Karimova, M. Nasih</p>"
        )
    ).write_pdf(path)
    return path


def open_from_sidebar(page, label: str) -> None:
    with page.expect_navigation():
        page.locator("#sidebar nav[aria-label] a.nav-link", has_text=label).first.click()


def submit(page, form) -> None:
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()


def add_partner(page) -> None:
    """Add the institution from the partners list, ticking past the similar-names warning."""
    open_from_sidebar(page, "Partner institutions")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Add", exact=True).click()
    form = page.locator("main form.edit-form")
    form.get_by_label("Name (original)").fill(PARTNER)
    form.get_by_label("Name in English").fill(PARTNER_EN)
    form.get_by_label("Country").select_option(label="Indonesia")
    form.get_by_label("City").fill("Surabaya")
    form.get_by_label("Partnership").select_option(label="Active partner")
    submit(page, form)

    # The directory entry with a similar name stops the first save: tick, and save again.
    warning = page.locator(".similar-institutions")
    expect(warning).to_contain_text("Universitas Erlangga")
    screenshot(page, "partner-similar-warning")
    form.get_by_label("It is a different institution").check()
    submit(page, form)
    expect(page.locator("main h1")).to_have_text(PARTNER_EN)
    expect(page.locator("#profile-title").locator("xpath=../..")).to_contain_text(PARTNER)


def test_officer_records_partner_and_activates_signed_agreement(
    page, live_server, officer, directory_lookalike, tmp_path
):
    """From a new partner to its active memorandum, found on the partner's page."""
    log_in(page, officer)

    # 1. The partner, past the warning about the directory entry with a similar name.
    add_partner(page)
    partner_url = page.url
    expect(page.locator("#profile-title + .badge")).to_have_text("Active partner")
    expect(page.locator("#agreements")).to_contain_text("No agreements with this institution.")
    screenshot(page, "partner-created")

    # 2. The memorandum, with the new partner in the first party row.
    open_from_sidebar(page, "Agreements")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Add", exact=True).click()
    today = datetime.date.today()
    signed_on = today - datetime.timedelta(days=30)
    valid_to = signed_on + datetime.timedelta(days=5 * 365)
    form = page.locator("main form.agreement-form")
    form.get_by_label("Kind").select_option(label="Memorandum of understanding")
    form.get_by_label("Title").fill(TITLE)
    form.get_by_label("Signed on").fill(signed_on.isoformat())
    form.get_by_label("Valid from").fill(signed_on.isoformat())
    form.get_by_label("Valid to").fill(valid_to.isoformat())
    first_party = form.locator("fieldset.party-row").first
    # The partner picker searches as one types (Tom Select).
    pick(
        page,
        first_party.locator("div:has(> select[name=parties-0-institution])"),
        "Airlangga",
        PARTNER_EN,
    )
    first_party.get_by_label("Signatory", exact=True).fill("Prof. Mohammad Nasih")
    submit(page, form)

    reference_cell = page.locator("dt:has-text('Reference') + dd")
    reference = reference_cell.inner_text().strip()
    assert REFERENCE.match(reference), f"unexpected reference {reference!r}"
    assert reference.startswith(f"MOU-{signed_on.year}-")
    expect(page.locator("main h1")).to_contain_text(reference)
    status = page.locator("#status")
    expect(status.locator(".badge").first).to_have_text("Draft")
    expect(page.get_by_role("table").filter(has_text="Signatory")).to_contain_text(PARTNER_EN)
    screenshot(page, "agreement-draft")
    agreement_url = page.url

    # 3. Without the signed scan, Activate is disabled and the page says why, once.
    activate = status.get_by_role("button", name="Activate")
    expect(status.locator("#activate-rule")).to_contain_text(SIGNED_RULE)
    expect(activate).to_have_attribute("aria-describedby", "activate-rule")
    expect(activate).to_be_disabled()
    expect(page.locator("main").get_by_text(SIGNED_RULE)).to_have_count(1)
    screenshot(page, "agreement-activation-refused")
    expect(status.locator(".badge").first).to_have_text("Draft")

    # 4. The signed scan, attached as a "Signed copy".
    scan = signed_scan(tmp_path)
    documents = page.locator("section.documents")
    documents.get_by_label("File").set_input_files(scan)
    documents.get_by_label("Kind").select_option(label="Signed copy")
    documents.get_by_label("Title").fill("Signed memorandum")
    submit(page, documents.locator("form").last)
    expect(page.locator(".messages .alert-success")).to_contain_text(scan.name)
    expect(documents.locator(".list-group-item").first).to_contain_text("Signed copy")
    expect(status.locator("#activate-rule")).to_have_count(0)

    # 5. Activated: the status says so.
    with page.expect_navigation():
        status.get_by_role("button", name="Activate").click()
    expect(page.locator(".messages .alert-success")).to_contain_text(f"{reference} is now")
    expect(status.locator(".badge").first).to_have_text("Active")
    expect(status.locator(".status-changes")).to_contain_text("Active")
    screenshot(page, "agreement-active")

    # 6. The partner's page lists it; the scan downloads as the same PDF.
    # The parties table names the partner without linking to its page: through the list.
    open_from_sidebar(page, "Partner institutions")
    with page.expect_navigation():
        page.locator("main table").get_by_role("link", name=PARTNER_EN).click()
    assert page.url == partner_url
    row = page.locator("#agreements tbody tr", has_text=reference)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(TITLE)
    expect(row.locator(".badge")).to_have_text("Active")
    screenshot(page, "partner-page-with-agreement")

    with page.expect_navigation():
        row.get_by_role("link", name=reference).click()
    assert page.url.startswith(agreement_url)
    with page.expect_download() as download_info:
        page.locator("section.documents").get_by_role("link", name=scan.name).click()
    download = download_info.value
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF")
    assert content == scan.read_bytes()

    # What the pages showed is what was stored.
    from hamkor.agreements.models import Agreement

    agreement = Agreement.objects.get(reference=reference)
    assert agreement.status == Agreement.Status.ACTIVE
    assert [party.institution.name for party in agreement.parties.all()] == [PARTNER]


def test_scan_attached_as_a_draft_does_not_activate(page, live_server, officer, tmp_path):
    """The kind must be chosen; a scan attached as a draft is no signed copy, so activation
    is still refused and the agreement stays a draft."""
    from hamkor.agreements.models import Agreement
    from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory

    partner = PartnerFactory(name=PARTNER, name_en=PARTNER_EN, country="ID", city="Surabaya")
    agreement = AgreementFactory(partners=[partner], title=TITLE)
    log_in(page, officer)
    page.goto(agreement.get_absolute_url())

    documents = page.locator("section.documents")
    scan = signed_scan(tmp_path)
    documents.get_by_label("File").set_input_files(scan)
    kind = documents.get_by_label("Kind")
    expect(kind.locator("option:checked")).to_have_text("Choose…")
    kind.select_option(label="Draft")
    submit(page, documents.locator("form").last)
    expect(page.locator(".messages .alert-success")).to_contain_text(scan.name)
    expect(documents.locator(".list-group-item").first).to_contain_text("Draft")

    status = page.locator("#status")
    expect(status.locator("#activate-rule")).to_contain_text(SIGNED_RULE)
    expect(status.get_by_role("button", name="Activate")).to_be_disabled()
    expect(status.locator(".badge").first).to_have_text("Draft")
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT


def test_new_agreement_from_the_partner_page_with_a_second_party_added_on_the_page(
    page, live_server, officer
):
    """ "New agreement" on a partner's page fills the partner in; "Add a party" adds a row
    without saving, in which a directory institution is chosen; both are parties on save,
    and the directory institution has become a prospect."""
    from hamkor.agreements.tests.factories import PartnerFactory
    from hamkor.partners.tests.factories import InstitutionFactory

    partner = PartnerFactory(name=PARTNER, name_en=PARTNER_EN, country="ID", city="Surabaya")
    directory_entry = InstitutionFactory(
        name="Universidad de Salamanca", name_en="University of Salamanca", country="ES"
    )
    log_in(page, officer)
    page.goto(partner.get_absolute_url())
    with page.expect_navigation():
        page.locator("#agreements").get_by_role("link", name="New agreement").click()

    form = page.locator("main form.agreement-form")
    rows = form.locator("fieldset.party-row:visible")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("select[name=parties-0-institution] option:checked")).to_have_text(
        PARTNER_EN
    )
    form.get_by_label("Kind").select_option(label="Memorandum of understanding")
    form.get_by_label("Title").fill(TITLE)

    form.get_by_role("button", name="Add a party").click()
    expect(rows).to_have_count(2)
    form.get_by_role("button", name="Add a party").click()
    expect(rows).to_have_count(3)
    rows.nth(2).get_by_role("button", name="Remove this row").click()
    expect(rows).to_have_count(2)
    second = rows.nth(1)
    institution = second.locator("div:has(> select[name=parties-1-institution])")
    pick(page, institution, "Salamanca", "University of Salamanca")
    expect(second.locator("select[name=parties-1-institution]")).to_have_value(
        str(directory_entry.pk)
    )
    screenshot(page, "agreement-second-party")
    expect(form.locator("input[name=parties-TOTAL_FORMS]")).to_have_value("3")
    second.get_by_label("Signatory", exact=True).fill("Prof. Ricardo Rivero")
    submit(page, form)

    # Saved: the agreement's page names both parties; the directory entry became a prospect.
    expect(page.locator(".messages .alert-success")).to_contain_text("created")
    parties = page.get_by_role("table").filter(has_text="Signatory")
    expect(parties).to_contain_text(PARTNER_EN)
    expect(parties).to_contain_text("University of Salamanca")
    expect(parties).to_contain_text("Prof. Ricardo Rivero")
    screenshot(page, "agreement-two-parties-saved")

    from hamkor.agreements.models import Agreement
    from hamkor.partners.models import Institution

    agreement = Agreement.objects.get(title=TITLE)
    assert page.url.rstrip("/").endswith(f"/{agreement.pk}")
    assert {party.institution_id for party in agreement.parties.all()} == {
        partner.pk,
        directory_entry.pk,
    }
    directory_entry.refresh_from_db()
    assert directory_entry.partnership == Institution.Partnership.PROSPECT
