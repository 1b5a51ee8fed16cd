"""An applicant applies to an open call end to end, in a browser.

From the call's public page: "Create an account", the confirmation link from the e-mail,
logging in, the application form (GPA, motivation, two places ranked), the draft saved,
the transcript uploaded, a refused submission of a file of the wrong type, the submission,
the receipt e-mail, and the status in My university.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.e2e.conftest import expect

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "madina.yusupova@example.org"
PASSWORD = "kokand-exchange-2027"


def link_in(message, pattern: str) -> str:
    return next(word for word in message.body.split() if re.search(pattern, word))


def test_an_applicant_registers_applies_and_follows_the_status(
    new_page, department, faculty_a, live_server, tmp_path
):
    from hamkor.calls.models import Application
    from hamkor.calls.tests.factories import open_call

    call = open_call(places=2, required_documents=["transcript"])
    first, second = call.places.order_by("id")

    # 1. The call's public page offers an account to apply with.
    page = new_page()
    page.goto(f"/en/calls/{call.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(call.title_en)
    with page.expect_navigation():
        page.get_by_role("link", name="Create an account").click()
    form = page.locator("main form")
    form.locator("input[name=first_name]").fill("Madina")
    form.locator("input[name=last_name]").fill("Yusupova")
    form.locator("input[name=email]").fill(EMAIL)
    form.locator("select[name=faculty]").select_option(str(faculty_a.pk))
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.get_by_role("status")).to_contain_text("Check your e-mail")

    # 2. The address is confirmed from the e-mail's link; then the applicant logs in.
    (confirmation,) = mail.outbox
    assert confirmation.to == [EMAIL]
    link = link_in(confirmation, "/apply/confirm/")
    page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/account/login/" in page.url
    page.fill("input[name=username]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    # Logged in, the applicant is back at the call they were applying to.
    assert f"/my/calls/{call.pk}/apply/" in page.url

    # 3. Apply: the form, two places ranked, the draft saved.
    page.goto(f"/en/calls/{call.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Apply", exact=True).click()
    form = page.locator("form.application-form")
    form.locator("select[name=study_level]").select_option("bachelor")
    form.locator("input[name=year_of_study]").fill("2")
    form.locator("input[name=gpa]").fill("4.6")
    form.locator("textarea[name=motivation]").fill("Linguistics at a partner university.")
    form.locator("select[name=preference_1]").select_option(str(second.pk))
    form.locator("select[name=preference_2]").select_option(str(first.pk))
    with page.expect_navigation():
        form.get_by_role("button", name="Save the draft").click()
    expect(page.locator("body")).to_contain_text("Your draft is saved")
    application = Application.objects.get(applicant__email=EMAIL)
    assert list(application.preferences.values_list("place", flat=True)) == [second.pk, first.pk]

    # 4. A submission without the transcript is refused and names it; nothing typed is lost.
    with page.expect_navigation():
        page.locator("form.application-form").get_by_role(
            "button", name="Submit the application"
        ).click()
    expect(page.locator("main")).to_contain_text("Transcript of records")
    expect(page.locator("textarea[name=motivation]")).to_have_value(
        "Linguistics at a partner university."
    )

    # 5. A program renamed .pdf is refused; the real transcript is attached.
    fake = tmp_path / "transcript.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a PDF")
    documents = page.locator("form.document-form")
    documents.locator("select[name=kind]").select_option("transcript")
    documents.locator("input[name=file]").set_input_files(str(fake))
    with page.expect_navigation():
        documents.get_by_role("button", name="Attach").click()
    expect(page.locator("form.document-form")).to_contain_text("Only PDF, DOCX")
    real = tmp_path / "transcript-real.pdf"
    real.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    documents = page.locator("form.document-form")
    documents.locator("select[name=kind]").select_option("transcript")
    documents.locator("input[name=file]").set_input_files(str(real))
    with page.expect_navigation():
        documents.get_by_role("button", name="Attach").click()
    expect(page.locator("#documents")).to_contain_text("transcript-real.pdf")

    # 6. Submitted, with a receipt by e-mail.
    mail.outbox.clear()
    with page.expect_navigation():
        page.locator("form.application-form").get_by_role(
            "button", name="Submit the application"
        ).click()
    expect(page.locator("body")).to_contain_text("Your application is submitted")
    (receipt,) = mail.outbox
    assert call.title_en in receipt.subject

    # 7. My university shows the application and its status.
    page.goto("/my/university/")
    card = page.locator(".my-application")
    expect(card).to_contain_text(call.title_en)
    expect(card).to_contain_text("Submitted")
