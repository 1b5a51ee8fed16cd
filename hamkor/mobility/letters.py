"""Invitation letters for incoming guests: one PDF, in the guest's language and in Uzbek.

Each letter carries its number and a QR code of the public page that confirms it was issued
(``public:letter_verify``), so a consulate or border officer can check it.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from hamkor.core.pdf import pdf_from_html, qr_svg
from hamkor.core.urls_helpers import absolute_url
from hamkor.mobility.models import Mobility
from hamkor.website.selectors import department_profile_get


def verification_url(mobility: Mobility) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("public:letter_verify", kwargs={"token": mobility.invitation_token})
    return absolute_url(path)


def letter_languages(mobility: Mobility) -> list[str]:
    """The guest's language first, then Uzbek (once, if the guest reads Uzbek)."""
    first = mobility.person.language or "en"
    return [first] if first in ("uz", "uz-cyrl") else [first, "uz"]


def invitation_pdf(mobility: Mobility, *, person=None) -> bytes:
    """The invitation letter of an incoming guest whose letter has been issued.

    ``person`` is the guest as the reader may see them (``personal.person_redact``); by
    default the whole record, for the office's own copy.
    """
    if not mobility.invitation_reference:
        raise ValueError("Issue the invitation (mobility_invitation_issue) first.")
    url = verification_url(mobility)
    profile = department_profile_get()
    pages = []
    for language in letter_languages(mobility):
        with translation.override(language):
            pages.append(
                render_to_string(
                    "mobility/letters/invitation_page.html",
                    {
                        "mobility": mobility,
                        "person": person or mobility.person,
                        "profile": profile,
                        "home": profile.institution if profile else mobility.receiving_institution,
                        "today": timezone.localdate(),
                        "language": language,
                    },
                )
            )
    html = render_to_string(
        "mobility/letters/invitation.html",
        {
            "pages": pages,
            "qr_svg": qr_svg(url),
            "url": url,
            "mobility": mobility,
        },
    )
    return pdf_from_html(html)
