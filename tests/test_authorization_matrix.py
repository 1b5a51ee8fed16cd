"""Every URL of Hamkor, and what each persona gets when it opens it.

Adding a URL without a row here fails ``test_every_url_is_in_the_matrix``: a new page must
say who may open it. Django's own admin site (``admin:``) is left to Django, which admits
only active users with ``is_staff`` (administrators); its entry page is checked below.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS
from tests.authorization_api import API_MATRIX
from tests.authorization_calls import CALLS_MATRIX, calls_records
from tests.authorization_ewp import EWP_MATRIX
from tests.authorization_feeds import FEEDS_MATRIX, feeds_records
from tests.authorization_opportunities import OPPORTUNITIES_MATRIX, opportunity_records
from tests.authorization_privacy import PRIVACY_MATRIX, privacy_records
from tests.authorization_records import (
    RECEPTION_MATRIX,
    REPORTS_INDICATORS_MATRIX,
    content_records,
    event_records,
    grant_money_records,
    indicator_records,
    kwargs_for,
    mobility_records,
    office_records,
    portal_records,
    reception_records,
    student_records,
)
from tests.authorization_selection import SELECTION_MATRIX, selection_records

# Expected status for GET, per persona, in PERSONAS order:
#            admin officer coord coord_b leader applicant anonymous
STAFF_READ = (200, 200, 200, 200, 200, 403, 302)
OFFICE_WRITE = (200, 200, 403, 403, 403, 403, 302)
ADMIN_ONLY = (200, 403, 403, 403, 403, 403, 302)
LOGGED_IN = (200, 200, 200, 200, 200, 200, 302)
EVERYONE = (200, 200, 200, 200, 200, 200, 200)
POST_ONLY = (405, 405, 405, 405, 405, 405, 405)
POST_ONLY_LOGGED_IN = (405, 405, 405, 405, 405, 405, 302)
# The API answers a request without credentials 401 (its token challenge), not 403.
API_STAFF = (200, 200, 200, 200, 200, 403, 401)
API_ADMIN = (200, 403, 403, 403, 403, 403, 401)
# A status step through the API (POST only): who may take steps gets 405 for a GET.
API_STEP = (405, 405, 405, 405, 403, 403, 401)
# Records scoped to faculty A: its coordinator may change them, faculty B's finds nothing.
FACULTY_WRITE = (200, 200, 200, 404, 403, 403, 302)
# A traveller's own record (the applicant persona's): nobody else finds it, staff included.
OWN_ONLY = (404, 404, 404, 404, 404, 200, 302)
# Records scoped to faculty A for reading too (foreign students): faculty B's coordinator
# finds nothing, leadership reads.
FACULTY_READ = (200, 200, 200, 404, 200, 403, 302)
API_FACULTY_READ = (200, 200, 200, 404, 200, 403, 401)

MATRIX: dict[str, tuple[int, ...]] = {
    "healthz": EVERYONE,
    "sitemap": EVERYONE,
    "robots_txt": EVERYONE,
    "public:home": EVERYONE,
    "public:letter_verify": (404, 404, 404, 404, 404, 404, 404),  # an unknown code
    # The achievements widget another site frames: public, like the page it comes from.
    "public:embed_achievements": EVERYONE,
    "workbench:home": (200, 200, 200, 200, 200, 302, 302),
    "core:autocomplete": STAFF_READ,
    "core:outboxmessage_list": ADMIN_ONLY,
    "workbench:search": STAFF_READ,
    "core:outboxmessage_detail": ADMIN_ONLY,
    "core:emailtemplate_list": ADMIN_ONLY,
    "core:emailtemplate_add": ADMIN_ONLY,
    "core:emailtemplate_detail": ADMIN_ONLY,
    "core:emailtemplate_edit": ADMIN_ONLY,
    "core:emailtemplate_delete": ADMIN_ONLY,
    "core:emailtemplate_history": ADMIN_ONLY,
    # A file is served to whoever may see its record; to anyone else it does not exist.
    "core:document_download": (200, 200, 200, 200, 200, 404, 302),
    "core:document_add": POST_ONLY_LOGGED_IN,
    # Background jobs: staff list their own; a job (the officer's) and its file exist only
    # for its owner and for who sees every job (officers, administrators).
    "core:job_list": STAFF_READ,
    "core:job_detail": (200, 200, 404, 404, 404, 403, 302),
    "core:job_download": (200, 200, 404, 404, 404, 403, 302),
    # The annual report's page: every staff role (a coordinator's report is their faculty's).
    "reports:annual_report": STAFF_READ,
    "partners:institution_load_directory": POST_ONLY_LOGGED_IN,
    "core:document_version_add": POST_ONLY_LOGGED_IN,
    "accounts:login": (302, 302, 302, 302, 302, 302, 200),
    "accounts:logout": POST_ONLY,
    "accounts:set_language": POST_ONLY,
    "accounts:profile": LOGGED_IN,
    "accounts:password_change": LOGGED_IN,
    "accounts:password_reset": EVERYONE,
    "accounts:password_reset_done": EVERYONE,
    "accounts:password_reset_confirm": EVERYONE,
    "accounts:password_reset_complete": EVERYONE,
    "accounts:two_factor": LOGGED_IN,
    "accounts:two_factor_setup": LOGGED_IN,
    "accounts:two_factor_verify": LOGGED_IN,
    "accounts:two_factor_disable": POST_ONLY_LOGGED_IN,
    # Recovery codes exist beside an authenticator: without one, the page sends to set-up.
    "accounts:recovery_codes": (200, 302, 302, 302, 302, 302, 302),
    "accounts:orgunit_list": STAFF_READ,
    "accounts:orgunit_detail": STAFF_READ,
    "accounts:orgunit_history": STAFF_READ,
    "accounts:orgunit_add": OFFICE_WRITE,
    "accounts:orgunit_edit": OFFICE_WRITE,
    "accounts:orgunit_delete": OFFICE_WRITE,
    "accounts:orgunit_import": OFFICE_WRITE,
    "accounts:user_list": ADMIN_ONLY,
    "accounts:user_detail": ADMIN_ONLY,
    "accounts:user_history": ADMIN_ONLY,
    "accounts:user_add": ADMIN_ONLY,
    "accounts:user_edit": ADMIN_ONLY,
    "accounts:user_two_factor_reset": (405, 403, 403, 403, 403, 403, 302),
    "website:departmentprofile_current": (302, 302, 302, 302, 302, 403, 302),
    "website:departmentprofile_detail": STAFF_READ,
    "website:departmentprofile_history": STAFF_READ,
    "website:departmentprofile_edit": OFFICE_WRITE,
    # The site's content: staff read it (and preview it); the office writes and publishes.
    "website:newsitem_list": STAFF_READ,
    "website:newsitem_detail": STAFF_READ,
    "website:newsitem_history": STAFF_READ,
    "website:newsitem_preview": STAFF_READ,
    "website:newsitem_add": OFFICE_WRITE,
    "website:newsitem_edit": OFFICE_WRITE,
    "website:newsitem_delete": OFFICE_WRITE,
    "website:newsitem_transition": OFFICE_WRITE,
    "website:page_list": STAFF_READ,
    "website:page_detail": STAFF_READ,
    "website:page_history": STAFF_READ,
    "website:page_preview": STAFF_READ,
    "website:page_add": OFFICE_WRITE,
    "website:page_edit": OFFICE_WRITE,
    "website:page_delete": OFFICE_WRITE,
    "website:page_transition": OFFICE_WRITE,
    "website:siteimage_list": STAFF_READ,
    "website:siteimage_detail": STAFF_READ,
    "website:siteimage_history": STAFF_READ,
    "website:siteimage_add": OFFICE_WRITE,
    "website:siteimage_edit": OFFICE_WRITE,
    "website:siteimage_delete": OFFICE_WRITE,
    # A picture's public file; an unknown one is not found.
    "website:siteimage_file": (404, 404, 404, 404, 404, 404, 404),
    # The public news, its feeds and the static pages: published ones for everybody.
    "public:news_list": EVERYONE,
    "public:news_rss": EVERYONE,
    "public:news_atom": EVERYONE,
    "public:news_detail": EVERYONE,
    "public:page_index": EVERYONE,
    "public:page_detail": EVERYONE,
    "agreements:agreement_list": STAFF_READ,
    "agreements:agreement_expiring": STAFF_READ,
    "agreements:agreement_detail": STAFF_READ,
    "agreements:agreement_history": STAFF_READ,
    "agreements:agreement_add": (200, 200, 200, 200, 403, 403, 302),
    "agreements:agreement_edit": FACULTY_WRITE,
    "agreements:agreement_delete": OFFICE_WRITE,
    "agreements:agreement_import": OFFICE_WRITE,
    "agreements:agreement_transition": FACULTY_WRITE,
    "agreements:agreement_renew": FACULTY_WRITE,
    "agreements:agreement_amend": FACULTY_WRITE,
    "agreements:mobilityquota_add": FACULTY_WRITE,
    "agreements:mobilityquota_edit": FACULTY_WRITE,
    "agreements:mobilityquota_delete": FACULTY_WRITE,
    "mobility:deadlines": STAFF_READ,
    "mobility:portal": LOGGED_IN,  # a user without a person gets a friendly page
    "mobility:portal_mobility": OWN_ONLY,
    "mobility:portal_upload": POST_ONLY_LOGGED_IN,
    "mobility:portal_letter": OWN_ONLY,
    "mobility:portal_download": OWN_ONLY,
    "mobility:person_list": STAFF_READ,
    "mobility:person_detail": STAFF_READ,
    "mobility:person_history": STAFF_READ,
    "mobility:person_add": (200, 200, 200, 200, 403, 403, 302),
    "mobility:person_edit": FACULTY_WRITE,
    "mobility:person_delete": OFFICE_WRITE,
    "mobility:person_import": OFFICE_WRITE,
    "mobility:person_merge": OFFICE_WRITE,
    "mobility:mobility_list": STAFF_READ,
    "mobility:mobility_detail": STAFF_READ,
    "mobility:mobility_history": STAFF_READ,
    "mobility:mobility_add": (200, 200, 200, 200, 403, 403, 302),
    "mobility:mobility_edit": FACULTY_WRITE,
    "mobility:mobility_delete": OFFICE_WRITE,
    "mobility:mobility_import": OFFICE_WRITE,
    "mobility:mobility_transition": FACULTY_WRITE,
    # POST only: those who may change mobilities get 405 for a GET, the others 403.
    "mobility:mobility_letter_issue": (405, 405, 405, 405, 403, 403, 302),
    # An issued letter, to whoever may see the mobility.
    "mobility:mobility_letter": STAFF_READ,
    # A foreign student's own pages (the applicant persona is one), and the staff's.
    "students:portal": LOGGED_IN,  # a user without a person gets a friendly page
    "students:portal_request": OWN_ONLY,
    "students:portal_download": OWN_ONLY,
    "students:figures": STAFF_READ,
    # The dashboard and its tables' downloads: every staff role (a coordinator, their
    # faculty's numbers).
    "reports:dashboard": STAFF_READ,
    "reports:dashboard_export": STAFF_READ,
    "students:foreignstudent_list": STAFF_READ,
    "students:foreignstudent_detail": FACULTY_READ,
    "students:foreignstudent_history": FACULTY_READ,
    "students:foreignstudent_add": (200, 200, 200, 200, 403, 403, 302),
    "students:foreignstudent_edit": FACULTY_WRITE,
    "students:foreignstudent_delete": OFFICE_WRITE,
    "students:foreignstudent_import": OFFICE_WRITE,
    "students:foreignstudent_transition": FACULTY_WRITE,
    "students:feepayment_add": FACULTY_WRITE,
    "students:feepayment_delete": FACULTY_WRITE,
    "students:studentrequest_list": STAFF_READ,
    "students:studentrequest_detail": FACULTY_READ,
    "students:studentrequest_history": FACULTY_READ,
    "students:studentrequest_add": (200, 200, 200, 200, 403, 403, 302),
    "students:studentrequest_edit": FACULTY_WRITE,
    "students:studentrequest_delete": OFFICE_WRITE,
    "students:studentrequest_import": OFFICE_WRITE,
    "students:studentrequest_transition": FACULTY_WRITE,
    # POST only: who may reply gets 405 for a GET, the others 403.
    "students:studentrequest_reply": (405, 405, 405, 405, 403, 403, 302),
    "partners:institution_list": STAFF_READ,
    "partners:institution_detail": STAFF_READ,
    "partners:institution_history": STAFF_READ,
    "partners:institution_add": OFFICE_WRITE,
    "partners:institution_edit": OFFICE_WRITE,
    "partners:institution_delete": OFFICE_WRITE,
    "partners:institution_import": OFFICE_WRITE,
    "partners:institution_merge": OFFICE_WRITE,
    "partners:dormant": STAFF_READ,
    "partners:contact_list": STAFF_READ,
    "partners:contact_detail": STAFF_READ,
    "partners:contact_history": STAFF_READ,
    "partners:contact_add": OFFICE_WRITE,
    "partners:institution_contact_add": OFFICE_WRITE,
    "partners:contact_edit": OFFICE_WRITE,
    "partners:contact_delete": OFFICE_WRITE,
    "partners:contact_import": OFFICE_WRITE,
    "partners:interaction_list": STAFF_READ,
    "partners:interaction_detail": STAFF_READ,
    "partners:interaction_history": STAFF_READ,
    "partners:interaction_add": OFFICE_WRITE,
    "partners:institution_interaction_add": OFFICE_WRITE,
    "partners:interaction_edit": OFFICE_WRITE,
    "partners:interaction_delete": OFFICE_WRITE,
    # POST only: those who may change interactions get 405 for a GET, the others 403.
    "partners:interaction_done": (405, 405, 403, 403, 403, 403, 302),
    "grants:project_list": STAFF_READ,
    "grants:project_detail": STAFF_READ,
    "grants:project_history": STAFF_READ,
    "grants:project_add": (200, 200, 200, 200, 403, 403, 302),
    "grants:project_edit": FACULTY_WRITE,
    "grants:project_delete": OFFICE_WRITE,
    "grants:project_import": OFFICE_WRITE,
    "grants:project_transition": FACULTY_WRITE,
    "grants:project_grants": STAFF_READ,
    "grants:reportingdeadline_add": FACULTY_WRITE,
    "grants:reportingdeadline_edit": FACULTY_WRITE,
    "grants:reportingdeadline_delete": FACULTY_WRITE,
    "grants:programme_list": STAFF_READ,
    "grants:programme_detail": STAFF_READ,
    "grants:programme_history": STAFF_READ,
    "grants:programme_add": OFFICE_WRITE,
    "grants:programme_edit": OFFICE_WRITE,
    "grants:programme_delete": OFFICE_WRITE,
    "grants:budgetheading_list": STAFF_READ,
    "grants:budgetheading_detail": STAFF_READ,
    "grants:budgetheading_history": STAFF_READ,
    "grants:budgetheading_add": OFFICE_WRITE,
    "grants:budgetheading_edit": OFFICE_WRITE,
    "grants:budgetheading_delete": OFFICE_WRITE,
    "grants:planner": STAFF_READ,
    "grants:receipt_list": STAFF_READ,
    "grants:receipt_detail": STAFF_READ,
    "grants:receipt_history": STAFF_READ,
    "grants:receipt_add": (200, 200, 200, 200, 403, 403, 302),
    # A project of faculty A: its coordinator records its money, faculty B's finds nothing.
    "grants:project_receipt_add": FACULTY_WRITE,
    "grants:receipt_edit": FACULTY_WRITE,
    "grants:receipt_delete": OFFICE_WRITE,
    "grants:receipt_import": OFFICE_WRITE,
    "grants:expense_list": STAFF_READ,
    "grants:expense_detail": STAFF_READ,
    "grants:expense_history": STAFF_READ,
    "grants:expense_add": (200, 200, 200, 200, 403, 403, 302),
    "grants:project_expense_add": FACULTY_WRITE,
    "grants:expense_edit": FACULTY_WRITE,
    "grants:expense_delete": OFFICE_WRITE,
    "grants:expense_import": OFFICE_WRITE,
    "grants:project_money": STAFF_READ,
    "grants:exchangerate_list": STAFF_READ,
    "grants:exchangerate_detail": STAFF_READ,
    "grants:exchangerate_history": STAFF_READ,
    "grants:exchangerate_add": OFFICE_WRITE,
    "grants:exchangerate_edit": OFFICE_WRITE,
    "grants:exchangerate_delete": OFFICE_WRITE,
    "grants:exchangerate_import": OFFICE_WRITE,
    # POST only: who may add rates gets 405 for a GET, the others 403.
    "grants:exchangerate_fetch": (405, 405, 403, 403, 403, 403, 302),
    "api:api-root": API_STAFF,
    "api:schema": API_STAFF,
    # A page read in a browser: the anonymous visitor is sent to the login page.
    "api:docs": (200, 200, 200, 200, 200, 403, 302),
    "api:orgunit-list": API_STAFF,
    "api:orgunit-detail": API_STAFF,
    "api:user-list": API_ADMIN,
    "api:user-detail": API_ADMIN,
    "api:agreement-list": API_STAFF,
    "api:agreement-detail": API_STAFF,
    "api:agreement-transition": API_STEP,
    "api:institution-list": API_STAFF,
    "api:institution-detail": API_STAFF,
    "api:contact-list": API_STAFF,
    "api:contact-detail": API_STAFF,
    "api:person-list": API_STAFF,
    "api:person-detail": API_STAFF,
    "api:mobility-list": API_STAFF,
    "api:mobility-detail": API_STAFF,
    "api:mobility-transition": API_STEP,
    "api:project-list": API_STAFF,
    "api:project-detail": API_STAFF,
    "api:project-transition": API_STEP,
    "api:foreignstudent-list": API_STAFF,
    "api:foreignstudent-detail": API_FACULTY_READ,
    "api:foreignstudent-transition": API_STEP,
    "api:feepayment-list": API_STAFF,
    "api:feepayment-detail": API_FACULTY_READ,
    "api:studentrequest-list": API_STAFF,
    "api:studentrequest-detail": API_FACULTY_READ,
    "api:studentrequest-transition": API_STEP,
    "api:receipt-list": API_STAFF,
    "api:receipt-detail": API_STAFF,
    "api:expense-list": API_STAFF,
    "api:expense-detail": API_STAFF,
    "api:exchangerate-list": API_STAFF,
    "api:exchangerate-detail": API_STAFF,
    "api:event-list": API_STAFF,
    "api:event-detail": API_STAFF,
    "api:participant-list": API_STAFF,
    "api:participant-detail": API_STAFF,
    "api:publication-list": API_STAFF,
    "api:publication-detail": API_STAFF,
    "events:event_list": STAFF_READ,
    "events:event_detail": STAFF_READ,
    "events:event_history": STAFF_READ,
    "events:event_add": (200, 200, 200, 200, 403, 403, 302),
    "events:event_edit": FACULTY_WRITE,
    "events:event_delete": OFFICE_WRITE,
    "events:event_import": OFFICE_WRITE,
    "events:participant_list": STAFF_READ,
    "events:participant_detail": STAFF_READ,
    "events:participant_history": STAFF_READ,
    "events:participant_add": (200, 200, 200, 200, 403, 403, 302),
    "events:participant_edit": FACULTY_WRITE,
    "events:participant_delete": OFFICE_WRITE,
    "events:participant_import": OFFICE_WRITE,
    # POST only: those who may change participants get 405 for a GET, the others 403.
    "events:participant_step": (405, 405, 405, 405, 403, 403, 302),
    # An issued certificate, to whoever may see the participant.
    "events:participant_certificate": STAFF_READ,
    "events:publication_list": STAFF_READ,
    "events:publication_detail": STAFF_READ,
    "events:publication_history": STAFF_READ,
    "events:publication_add": (200, 200, 200, 200, 403, 403, 302),
    "events:publication_edit": FACULTY_WRITE,
    "events:publication_delete": OFFICE_WRITE,
    # The public pages of our open events; unknown codes and links find nothing.
    "public:event_list": EVERYONE,
    "public:event_detail": EVERYONE,
    "public:events_ics": EVERYONE,
    # The public partners on a map, and the map as a widget for the university's site.
    "public:partners": EVERYONE,
    "public:partners_embed": EVERYONE,
    "public:event_cancel": (404, 404, 404, 404, 404, 404, 404),
    # A link that is not valid says so (and registers nobody).
    "public:event_confirm": (400, 400, 400, 400, 400, 400, 400),
    "public:certificate_verify": (404, 404, 404, 404, 404, 404, 404),
    "public:certificate_download": (404, 404, 404, 404, 404, 404, 404),
    # The achievements: every staff role (a coordinator reads their faculty's figures).
    "reports:achievements": STAFF_READ,
    "reports:achievement_records": STAFF_READ,
    **REPORTS_INDICATORS_MATRIX,
    **RECEPTION_MATRIX,
    **OPPORTUNITIES_MATRIX,
    **CALLS_MATRIX,
    **API_MATRIX,
    **SELECTION_MATRIX,
    **EWP_MATRIX,
    **FEEDS_MATRIX,
    **PRIVACY_MATRIX,
}


def url_names(resolver=None, namespace: str = "") -> set[str]:
    """Every named URL, with its namespace, except Django's admin site."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if inner.startswith("admin:"):
                continue
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_is_in_the_matrix():
    missing = url_names() - MATRIX.keys()
    assert not missing, f"URLs without an authorisation entry: {sorted(missing)}"
    stale = MATRIX.keys() - url_names()
    assert not stale, f"Entries for URLs that no longer exist: {sorted(stale)}"


@pytest.fixture
def objects(faculty_a, officer, applicant):
    records = {
        **office_records(faculty_a, officer),
        **grant_money_records(faculty_a),
        **portal_records(applicant, officer),
        **mobility_records(faculty_a, officer),
        **student_records(faculty_a, applicant, officer),
        **event_records(faculty_a, officer),
        **indicator_records(faculty_a, officer),
        **reception_records(),
        **calls_records(faculty_a, applicant, officer),
        **content_records(officer),
        **opportunity_records(),
        **selection_records(officer),
        **feeds_records(),
    }
    return {**records, **privacy_records(records["person"])}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_answers_each_persona_as_declared(name, objects, request, client):
    from conftest import login

    url = reverse(name, kwargs=kwargs_for(name, objects))
    got = []
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            login(client, request.getfixturevalue(persona))
        got.append(client.get(url).status_code)
    assert tuple(got) == MATRIX[name], dict(zip(PERSONAS, got, strict=True))


def test_django_admin_admits_administrators_only(as_user):
    assert as_user("officer").get("/django-admin/").status_code == 302
    assert as_user("admin").get("/django-admin/").status_code == 200
