"""No page scrolls sideways, on a phone (375 px) or a laptop (1366 px), for any role.

The pages come from the URL configuration: every named URL outside the API and Django's
admin site, with a record of each kind for the ones that need one, so a new page is
covered the day it is added. Each role opens each of them in Uzbek and in Russian; the
pages it may not open (403, 404, a redirect elsewhere, POST-only addresses) are left out,
as are files (letters, documents). The records carry 300-character names and titles
without a space, the longest a user can paste.

On failure the message names the page and the element that reaches furthest right.
Screenshots of the pages found too wide (of every page with ``HAMKOR_PHONE_SCREENSHOTS=1``)
land in ``var/screenshots/phone-<role>-<lang>-<page>.png``.
"""

from __future__ import annotations

import datetime
import os
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from hamkor.reports.tests.indicator_factories import report_records
from hamkor.website.tests.reception_factories import reception_walk_records
from tests.authorization_feeds import feeds_records
from tests.authorization_privacy import privacy_records
from tests.e2e.conftest import PHONE, log_in, screenshot
from tests.e2e.sidebar import (
    CURRENT_LINK_JS,
    EXPECTED,
    offer_problems,
    phone_menu_problems,
    sidebar_hrefs,
    unopened_links_problems,
)
from tests.e2e.walk_records import (
    _content_records,
    _event_records,
    _grant_records,
    _student_records,
    calls_walk_records,
    unbroken,
)

WIDTHS = (PHONE["width"], 1366)
LANGUAGES = ("uz", "ru")
PUBLIC_LANGUAGES = ("uz", "uz-cyrl", "ru", "en")
# Who walks in which language. Roles draw the same templates with other rows, and the
# administrator opens every page the officer does: each staff page is drawn in Uzbek (the
# administrator) and in Russian (the officer), each role's own pages in at least one language,
# the applicant's few in both; the visitor's pass covers the public pages in all four.
WALKS = (
    ("admin", "uz"),
    ("officer", "ru"),
    ("coordinator", "ru"),
    ("leadership", "uz"),
    ("applicant", "uz"),
    ("applicant", "ru"),
    ("anonymous", "uz"),
)

# Addresses that answer a file, not a page; the API's own pages; Django's admin site.
FILES = {
    "core:document_download",
    "mobility:mobility_letter",
    "mobility:portal_letter",
    "mobility:portal_download",
    "students:portal_download",
    "events:participant_certificate",
    "reports:dashboard_export",
    "website:siteimage_file",
}
LEFT_TO_OTHERS = ("admin:", "api:", "healthz")
# A full-page picture of every page costs more than the measuring: by default only the pages
# found too wide are pictured; HAMKOR_PHONE_SCREENSHOTS=1 pictures them all.
SCREENSHOTS_ALL = os.environ.get("HAMKOR_PHONE_SCREENSHOTS") == "1"
# The status step each model's step page is shown for.
STEPS = {
    "agreements:agreement": "terminate",
    "students:foreignstudent": "withdraw",
    "students:studentrequest": "decline",
    "website:inquiry": "reply",
    "website:booking": "cancel",
    "website:newsitem": "withdraw",
    "website:page": "withdraw",
    "website:opportunity": "withdraw",
    "calls:call": "close",
}
# Addresses answered with a query: the global search shows results for one.
QUERIES = {"workbench:search": "?q=Uni"}
# The figures whose records the walk lists (one of each kind of record), over a period that
# holds the walk's records.
ACHIEVEMENT_RECORDS = (
    "agreements_signed",
    "teachers_uk_europe",
    "professors_conferences_abroad",
    "webinars_with_partners",
    "grant_projects",
    "grant_income_usd",
    "partner_universities_active",
)
WIDE_PERIOD = "?from=2000-01-01&to=2099-12-31"


# scrolling container (a .table-responsive wrapper) holds.
WIDEST_ELEMENT_JS = """() => {
  const limit = document.documentElement.clientWidth;
  const inScroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  let widest = null, open = null;
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    if (right <= limit + 0.5) continue;
    if (!widest || right > widest.getBoundingClientRect().right) widest = el;
    if (!inScroller(el) && (!open || right > open.getBoundingClientRect().right)) open = el;
  }
  const el = open || widest;
  if (!el) return 'no element past the edge';
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  return `${name} reaches ${Math.round(el.getBoundingClientRect().right)} px: "${text}"`;
}"""


def url_names(resolver=None, namespace: str = "") -> list[tuple[str, set[str]]]:
    """Every named URL of the project, with its namespace, and the names of its arguments."""
    names = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            keys = set(getattr(pattern.pattern, "converters", {}))
            names.append((f"{namespace}{pattern.name}", keys))
    return names


@pytest.fixture
def records(home, faculty_a, officer, applicant, department):
    """One record of each kind, named as long as its fields allow, without a space."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hamkor.accounts.tests.factories import OrgUnitFactory
    from hamkor.agreements.tests.factories import (
        AgreementFactory,
        MobilityQuotaFactory,
        PartnerFactory,
        put_in_status,
    )
    from hamkor.core.documents import document_add
    from hamkor.core.models import EmailTemplate, OutboxMessage
    from hamkor.mobility.models import Mobility, Person
    from hamkor.mobility.services import mobility_invitation_issue
    from hamkor.partners.models import Contact, Interaction

    partner = PartnerFactory(
        name=unbroken(300), name_en=unbroken(300), name_uz=unbroken(300), name_ru=unbroken(300)
    )
    unit = OrgUnitFactory(
        institution=home, name_uz=unbroken(200), name_ru=unbroken(200), name_en=unbroken(200)
    )
    contact = Contact.objects.create(institution=partner, full_name=unbroken(200))
    interaction = Interaction.objects.create(
        institution=partner, kind="email", date="2025-01-10", summary=unbroken(300), owner=officer
    )
    agreement = AgreementFactory(title=unbroken(300), partners=[partner], units=[faculty_a])
    put_in_status(agreement, "active")
    quota = MobilityQuotaFactory(agreement=agreement)
    soon = timezone.localdate() + datetime.timedelta(days=10)
    mobilities = {}
    for key, user, org_unit in (("mobility", None, faculty_a), ("portal", applicant, None)):
        person = Person.objects.create(
            category="foreign_professor",
            last_name=unbroken(100),
            first_name=unbroken(100),
            citizenship="DE",
            org_unit=org_unit,
            user=user,
        )
        mobility = Mobility.objects.create(
            person=person,
            direction="incoming",
            kind="research",
            programme="partner",
            sending_institution=partner,
            receiving_institution=home,
            home_unit=faculty_a,
            agreement=agreement,
            status="accepted",
            planned_start=soon,
            planned_end=soon + datetime.timedelta(days=20),
        )
        mobility_invitation_issue(mobility=mobility, actor=officer)
        mobilities[key] = mobility
    document = document_add(
        record=mobilities["portal"],
        kind="acceptance",
        upload=SimpleUploadedFile(f"{unbroken(80)}.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=officer,
    )
    students = _student_records(mobilities, faculty_a, officer)
    message = OutboxMessage.objects.create(
        sender="a@example.org",
        recipients="b@example.org",
        subject=unbroken(300),
        body=unbroken(2000),
        status="kept",
    )
    template = EmailTemplate.objects.create(
        code="welcome", subject_uz=unbroken(200), body_uz=unbroken(2000)
    )
    event, participant, publication = _event_records(faculty_a, partner, officer)
    grants = _grant_records(faculty_a, partner)
    return {
        **grants,
        **_content_records(officer),
        "event": event.pk,
        "participant": participant.pk,
        "publication": publication.pk,
        "certificate_token": participant.certificate_token,
        "institution": partner.pk,
        "orgunit": unit.pk,
        "contact": contact.pk,
        "interaction": interaction.pk,
        "agreement": agreement.pk,
        "mobilityquota": quota.pk,
        "person": mobilities["mobility"].person_id,
        "mobility": mobilities["mobility"].pk,
        "portal_mobility": mobilities["portal"].pk,
        "departmentprofile": department.pk,
        "outboxmessage": message.pk,
        "emailtemplate": template.pk,
        "user": officer.pk,
        "document": document.pk,
        "token": mobilities["mobility"].invitation_token,
        **students,
        **report_records(faculty_a, officer, note=unbroken(2000)),
        **reception_walk_records(unbroken),
        **calls_walk_records(faculty_a),
        **feeds_records(unbroken),
        **privacy_records(mobilities["mobility"].person_id),
    }


def url_kwargs(name: str, pattern_keys: set[str], records: dict) -> dict | None:
    """The arguments of a named URL, from the records; None when no record fits it."""
    model = name.split(":")[-1].rsplit("_", 1)[0]
    kwargs = {}
    for key in pattern_keys:
        if key == "pk":
            if name.startswith("mobility:portal_"):
                kwargs[key] = records["portal_mobility"]
            elif name == "students:portal_request":
                kwargs[key] = records["portal_request"]
            elif name == "accounts:user_two_factor_reset":
                kwargs[key] = records["user"]
            elif model in records:
                kwargs[key] = records[model]
            else:
                return None
        elif key.endswith("_pk") and key.removesuffix("_pk") in records:
            kwargs[key] = records[key.removesuffix("_pk")]
        elif key == "language":  # a preview
            kwargs[key] = "uz-cyrl"
        elif key == "name":  # a status step
            kwargs[key] = STEPS.get(name.split(":")[0] + ":" + model, "cancel")
        else:
            return None
    return kwargs


def staff_addresses(records: dict) -> list[tuple[str, str]]:
    """(label, address) of every page outside the public site, from the URL configuration."""
    addresses = []
    for name, keys in url_names():
        if name in FILES or name.startswith(LEFT_TO_OTHERS) or name.startswith("public:"):
            continue
        if name == "reports:achievement_records":
            for key in ACHIEVEMENT_RECORDS:
                address = reverse(name, kwargs={"key": key}) + WIDE_PERIOD
                addresses.append((f"{name}:{key}", address))
            continue
        if name == "accounts:password_reset_confirm":
            kwargs = {"uidb64": "MQ", "token": "set-password"}
        elif name in ("core:autocomplete", "core:document_add"):
            continue  # JSON for the pickers; a form's target, POST only
        else:
            kwargs = url_kwargs(name, keys, records)
        if kwargs is None:
            continue
        addresses.append((name, reverse(name, kwargs=kwargs) + QUERIES.get(name, "")))
    return addresses


def public_addresses(records: dict) -> list[tuple[str, str]]:
    addresses = []
    for language in PUBLIC_LANGUAGES:
        with translation.override(language):
            addresses.append((f"public:home:{language}", reverse("public:home")))
            widget = reverse("public:embed_achievements")
            addresses.append((f"public:embed_achievements:{language}", widget))
            verify = reverse("public:letter_verify", kwargs={"token": records["token"]})
            addresses.append((f"public:letter_verify:{language}", verify))
            addresses.append((f"public:event_list:{language}", reverse("public:event_list")))
            event = reverse("public:event_detail", kwargs={"pk": records["event"]})
            addresses.append((f"public:event_detail:{language}", event))
            certificate = reverse(
                "public:certificate_verify", kwargs={"token": records["certificate_token"]}
            )
            addresses.append((f"public:certificate_verify:{language}", certificate))
            addresses.append((f"public:contact:{language}", reverse("public:contact")))
            addresses.append((f"public:reception:{language}", reverse("public:reception")))
            cancel = reverse("public:reception_cancel", kwargs={"token": records["booking_token"]})
            addresses.append((f"public:reception_cancel:{language}", cancel))
            news = reverse("public:news_detail", kwargs={"key": records["news_key"]})
            opportunity = reverse(
                "public:opportunity_detail", kwargs={"key": records["opportunity_key"]}
            )
            page = reverse("public:page_detail", kwargs={"path": records["page_path"]})
            addresses += [
                (f"public:news_list:{language}", reverse("public:news_list")),
                (f"public:news_detail:{language}", news),
                (f"public:page_index:{language}", reverse("public:page_index")),
                (f"public:page_detail:{language}", page),
                (f"public:opportunity_list:{language}", reverse("public:opportunity_list")),
                (f"public:opportunity_detail:{language}", opportunity),
            ]
    return addresses


def slug(label: str) -> str:
    return label.replace(":", "-").replace("_", "-")


def set_language(page, user, language: str, site: str) -> None:
    """Staff pages follow the user's saved language; the others the language cookie."""
    from django.conf import settings

    if user is not None:
        type(user).objects.filter(pk=user.pk).update(language=language)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": site}]
    )


# What the measuring needs of a page at one width, in one call: its width, and whether it has
# folding filters and a deadlines table.
PAGE_FACTS_JS = """() => [
  document.documentElement.scrollWidth,
  document.querySelector('#more-filters') !== null,
  document.querySelector('.deadlines-table') !== null,
]"""


def measure(page, label: str, address: str) -> list[str]:
    """What sticks out of ``address`` at each width, as messages naming page and element.

    The page is loaded at 375 px and measured there first; the laptop width is then a resize of
    the same page (no second load), and the viewport goes back to 375 px for the next page.
    """
    problems = []
    for width in WIDTHS:
        if page.viewport_size["width"] != width:
            page.set_viewport_size({"width": width, "height": PHONE["height"]})
        scroll_width, has_filters, has_deadlines = page.evaluate(PAGE_FACTS_JS)
        if has_filters:
            problems += filters_folded(page, label, width)
        if has_deadlines and width == PHONE["width"]:
            problems += deadline_columns_shown(page, label)
        if scroll_width > width:
            widest = page.evaluate(WIDEST_ELEMENT_JS)
            problems.append(
                f"{label} ({address}) is {scroll_width} px wide at {width} px: {widest}"
            )
    page.set_viewport_size(PHONE)
    return problems


def may_open(page, address: str) -> bool:
    """Whether ``address`` may be a page for this role, asked without drawing it in the browser:
    most addresses answer a role 403 or 404, or send it elsewhere (the login page), and
    drawing those costs the browser as much as a page. An error answer (5xx), or a redirect to
    the same path, goes to the browser, which judges and reports it as before."""
    response = page.request.get(address, max_redirects=0)
    try:
        status = response.status
        if 300 <= status < 400:
            location = response.headers.get("location", "")
            return urlsplit(location).path == urlsplit(address).path
        if status == 200:
            return response.headers.get("content-type", "").startswith("text/html")
        return status >= 500
    finally:
        response.dispose()


def walk(page, role: str, language: str, addresses, screenshots: bool) -> tuple[list, list, dict]:
    """Open each address the role may open; return (opened labels, problems, and the sidebar
    entry each opened page without a query marks as current, by its path)."""
    opened, problems, current = [], [], {}
    for label, address in addresses:
        if not may_open(page, address):
            continue
        response = page.goto(address)  # waits for the page's "load": styles, fonts, images
        if response is None or response.status != 200:
            continue
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        if urlsplit(page.url).path != urlsplit(address).path:
            continue  # sent elsewhere: the page it lands on has its own entry
        opened.append(label)
        if "?" not in address:
            current[address] = page.evaluate(f"() => {CURRENT_LINK_JS}")
        found = measure(page, label, address)
        problems += found
        if screenshots or found:
            screenshot(page, f"phone-{role}-{language}-{slug(label)}")
    return opened, problems, current


def filters_folded(page, label: str, width: int) -> list[str]:
    """A list's filters other than the search fold away on a phone and show on a laptop."""
    if page.url.find("?") != -1:
        return []
    shown = page.locator("#more-filters").locator("select, input").first.is_visible()
    if shown == (width > PHONE["width"]):
        return []
    state = "shown" if shown else "hidden"
    return [f"{label}: the filters besides the search are {state} at {width} px"]


def deadline_columns_shown(page, label: str) -> list[str]:
    """On a phone the deadlines table shows its Due and Days-left columns without scrolling."""
    problems = []
    for index in (0, 1):
        cell = page.locator(".deadlines-table thead th").nth(index)
        box = cell.bounding_box()
        if not cell.is_visible() or box is None or box["x"] + box["width"] > PHONE["width"]:
            problems.append(f"{label}: column {index + 1} of the deadlines is not in view")
    return problems


# Each role and language is a test of its own, so that the two workers share the walk; the
# roles with the most pages come first.
@pytest.mark.parametrize(("role", "language"), WALKS)
def test_no_page_scrolls_sideways(role, language, request, new_page, live_server, records):
    """Every page the role reaches fits 375 px and 1366 px, in Uzbek and in Russian; its
    sidebar offers exactly what the role may open, each entry a page, folded on a phone."""
    user = None if role == "anonymous" else request.getfixturevalue(role)
    page = new_page(viewport=PHONE)
    if user is not None:
        log_in(page, user)
    hrefs = sidebar_hrefs(page) if role in EXPECTED else []
    addresses = staff_addresses(records)
    # The public pages carry their language in the address: one pass covers them.
    public = role == "anonymous" and language == LANGUAGES[0]
    if public:
        addresses += public_addresses(records)
    set_language(page, user, language, live_server.url)
    opened, problems, current = walk(page, role, language, addresses, SCREENSHOTS_ALL)
    if hrefs:
        problems += offer_problems(role, hrefs)
        problems += unopened_links_problems(page, hrefs, current)
        problems += phone_menu_problems(page, role, hrefs[0])
    assert opened, f"{role} opened no page"
    expected = {
        "admin": "accounts:user_list",
        "officer": "partners:institution_edit",
        "coordinator": "mobility:mobility_edit",
        "leadership": "mobility:deadlines",
        "applicant": "mobility:portal_mobility",
        "anonymous": "public:letter_verify:ru" if public else "accounts:password_reset",
    }[role]
    assert expected in opened, f"{role} did not reach {expected}: {sorted(set(opened))}"
    if role not in ("applicant", "anonymous"):
        assert "reports:achievement_records:grant_income_usd" in opened
    assert not problems, "\n".join(problems)
