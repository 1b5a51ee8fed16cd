"""Contact inquiries: the public form and its guards, the number and the e-mails, the
office's steps up to the answer, and who may read them."""

from __future__ import annotations

import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from hamkor.website.inquiries.models import Inquiry
from hamkor.website.inquiries.services import inquiry_receive, inquiry_transition
from hamkor.website.spam import started_token
from hamkor.website.tests.reception_factories import InquiryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """``with sent():`` the e-mails written inside leave when the block ends, as they do
    when the request's transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def contact_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("public:contact")


def filled(**changes) -> dict:
    """The contact form as a person sends it, shown a minute ago."""
    return {
        "name": "Dilnoza Yusupova",
        "email": "dilnoza@example.org",
        "phone": "",
        "subject": "Exchange semester",
        "message": "Which documents do I need?",
        "homepage": "",
        "started": started_token(time.time() - 60),
        **changes,
    }


def test_inquiry_receive_numbers_it_and_confirms_in_the_senders_language(sent):
    with sent():
        inquiry = inquiry_receive(
            name="Sherzod",
            email="sherzod@example.org",
            subject="Stipendiya",
            message="Savolim bor",
            language="uz",
        )
        again = inquiry_receive(
            name="Sherzod", email="s2@example.org", subject="Yana", message="Matn", language="ru"
        )
    assert inquiry.reference.startswith("INQ-") and again.reference != inquiry.reference
    first, second = mail.outbox
    assert first.to == ["sherzod@example.org"]
    assert inquiry.reference in first.subject and inquiry.reference in first.body
    # Typed by anyone for any address: the confirmation repeats none of it (no spam relay).
    assert "Savolim bor" not in first.body and "Stipendiya" not in first.subject + first.body
    assert "Sherzod" not in first.body
    assert again.reference in second.subject


def test_contact_form_creates_the_inquiry_in_the_pages_language(client, sent):
    with sent():
        response = client.post(contact_url("ru"), filled(), follow=True)
    assert response.status_code == 200
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "ru" and inquiry.status == Inquiry.Status.NEW
    assert inquiry.reference in response.text
    assert mail.outbox[0].to == ["dilnoza@example.org"]
    # The outcome has its own address: reloading it shows it again and sends nothing.
    (outcome, _status) = response.redirect_chain[-1]
    assert inquiry.reference in client.get(outcome).text
    assert Inquiry.objects.count() == 1


def test_contact_form_shows_script_as_text(client, as_user):
    script = "<script>alert(1)</script>"
    client.post(contact_url(), filled(subject=script, message=script))
    inquiry = Inquiry.objects.get()
    page = as_user("officer").get(inquiry.get_absolute_url())
    assert script not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_honeypot_refuses_and_keeps_what_was_typed(client):
    response = client.post(contact_url(), filled(homepage="http://spam.example"))
    assert response.status_code == 400
    assert not Inquiry.objects.exists()
    assert "Leave the hidden field empty" in response.text
    assert "Which documents do I need?" in response.text


def test_form_sent_too_quickly_is_refused_and_can_be_sent_again(client):
    response = client.post(contact_url(), filled(started=started_token()))
    assert response.status_code == 400
    assert "sent too quickly" in response.text
    assert "Which documents do I need?" in response.text
    assert not Inquiry.objects.exists()


def test_form_without_a_valid_stamp_is_refused(client):
    response = client.post(contact_url(), filled(started="forged"))
    assert response.status_code == 400
    assert "expired" in response.text and not Inquiry.objects.exists()


def test_rate_limit_per_address_says_how_long_to_wait(client, settings):
    settings.HAMKOR_PUBLIC_SENDS_PER_EMAIL = 2
    settings.HAMKOR_PUBLIC_SENDS_WINDOW = 3600
    for _ in range(2):
        assert client.post(contact_url(), filled()).status_code == 302
    response = client.post(contact_url(), filled(message="A third question"))
    assert response.status_code == 429
    assert "Please wait" in response.text and "minute" in response.text
    assert "A third question" in response.text  # nothing is lost
    assert Inquiry.objects.count() == 2
    # Another address from the same client is still served.
    other = client.post(contact_url(), filled(email="other@example.org"))
    assert other.status_code == 302


def test_rate_limit_per_client_address(client, settings):
    settings.HAMKOR_PUBLIC_SENDS_PER_IP = 2
    for number in range(2):
        client.post(contact_url(), filled(email=f"a{number}@example.org"))
    response = client.post(contact_url("uz"), filled(email="a3@example.org"))
    assert response.status_code == 429
    assert "daqiqa" in response.text or "minut" in response.text
    assert Inquiry.objects.count() == 2


def test_rate_limit_per_client_address_counts_an_ipv6_64_as_one(client, settings):
    settings.HAMKOR_PUBLIC_SENDS_PER_IP = 2
    for number in range(2):
        client.post(
            contact_url(), filled(email=f"a{number}@example.org"), REMOTE_ADDR=f"2001:db8::{number}"
        )
    response = client.post(
        contact_url(), filled(email="a3@example.org"), REMOTE_ADDR="2001:db8::ffff:1"
    )
    assert response.status_code == 429
    other = client.post(
        contact_url(), filled(email="a4@example.org"), REMOTE_ADDR="2001:db8:0:1::1"
    )
    assert other.status_code == 302


def test_invalid_form_says_which_field(client):
    response = client.post(contact_url(), filled(email="not-an-address", message=""))
    assert response.status_code == 400
    assert 'name="email"' in response.text and "is-invalid" in response.text
    assert not Inquiry.objects.exists()


def test_assign_reply_close_and_reopen(officer, admin, sent):
    inquiry = InquiryFactory(language="ru", email="asker@example.org")
    inquiry = inquiry_transition(inquiry=inquiry, name="assign", actor=officer, assignee=admin)
    assert inquiry.status == Inquiry.Status.ASSIGNED and inquiry.assignee == admin
    with sent():
        inquiry = inquiry_transition(
            inquiry=inquiry, name="reply", actor=admin, answer="Нужен паспорт и справка."
        )
    assert inquiry.status == Inquiry.Status.ANSWERED
    assert inquiry.answer == "Нужен паспорт и справка." and inquiry.answered_by == admin
    (answer,) = mail.outbox
    assert answer.to == ["asker@example.org"]
    assert "Нужен паспорт и справка." in answer.body
    assert inquiry.reference in answer.subject
    assert inquiry.name in answer.body
    inquiry = inquiry_transition(inquiry=inquiry, name="close", actor=admin)
    assert inquiry.status == Inquiry.Status.CLOSED
    inquiry = inquiry_transition(inquiry=inquiry, name="reopen", actor=officer)
    assert inquiry.status == Inquiry.Status.ASSIGNED
    reasons = list(inquiry.history.values_list("history_change_reason", flat=True))
    assert "website.inquiry.reply" in reasons


def test_reply_without_text_and_a_closed_inquiry_are_refused(officer):
    from django.core.exceptions import ValidationError

    inquiry = InquiryFactory()
    with pytest.raises(ValidationError, match="Write the answer"):
        inquiry_transition(inquiry=inquiry, name="reply", actor=officer, answer="  ")
    inquiry = inquiry_transition(inquiry=inquiry, name="close", actor=officer)
    with pytest.raises(ValidationError, match="cannot take this step"):
        inquiry_transition(inquiry=inquiry, name="reply", actor=officer, answer="Late")
    assert not mail.outbox


def test_answer_page_sends_the_answer(as_user, sent):
    inquiry = InquiryFactory()
    client = as_user("officer")
    url = reverse("website:inquiry_transition", kwargs={"pk": inquiry.pk, "name": "reply"})
    assert client.get(url).status_code == 200
    empty = client.post(url, {"answer": ""})
    assert empty.status_code == 400
    with sent():
        response = client.post(url, {"answer": "Welcome in September."})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED
    assert mail.outbox[-1].body.count("Welcome in September.") == 1


def test_only_who_may_read_inquiries_sees_them(as_user):
    inquiry = InquiryFactory()
    for persona in ("leadership", "coordinator", "applicant"):
        assert as_user(persona).get(inquiry.get_absolute_url()).status_code == 403, persona
        assert as_user(persona).get(reverse("website:inquiry_list")).status_code == 403, persona
    step = reverse("website:inquiry_transition", kwargs={"pk": inquiry.pk, "name": "close"})
    assert as_user("leadership").post(step).status_code == 403


def test_inbox_filters_by_status_and_searches(as_user):
    InquiryFactory(subject="Visa question")
    closed = InquiryFactory(subject="Dormitory place")
    Inquiry.objects.filter(pk=closed.pk).update(status=Inquiry.Status.CLOSED)
    client = as_user("officer")
    by_status = client.get(reverse("website:inquiry_list"), {"status": "closed"})
    assert closed.reference in by_status.text and "Visa question" not in by_status.text
    found = client.get(reverse("website:inquiry_list"), {"q": "visa"})
    assert "Visa question" in found.text and closed.reference not in found.text


def test_export_keeps_a_formula_as_text(as_user):
    InquiryFactory(message='=HYPERLINK("http://evil.example")')
    response = as_user("officer").get(reverse("website:inquiry_list"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Reference" in body.splitlines()[0]
    assert "'=HYPERLINK" in body
