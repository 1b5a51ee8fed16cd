"""The generic pattern's guards: page sizes, bounded search, deleting with care and the
history of deleted records, the 405 page, private caching, the API documentation's login."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hamkor.accounts.tests.factories import OrgUnitFactory
from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.core.documents import document_add
from hamkor.core.models import Document
from hamkor.mobility.tests.test_services import MobilityFactory
from hamkor.partners.models import Contact, Institution, Interaction, RankingEntry
from hamkor.partners.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


# --- Page sizes -----------------------------------------------------------------------------


@pytest.fixture
def units(home):
    return [OrgUnitFactory(institution=home, code=f"u{n:02}") for n in range(30)]


@pytest.mark.parametrize("parameter", ["_per_page_unused", "per_page"])
def test_list_page_size_outside_the_offered_ones_is_not_honoured(as_user, units, parameter):
    response = as_user("officer").get("/staff/units/", {parameter: 100000})
    assert response.status_code == 200
    assert "Page 1 of 2" in response.text  # 30 rows, 25 a page


def test_list_page_past_the_last_shows_the_last(as_user, units):
    response = as_user("officer").get("/staff/units/", {"page": 99})
    assert "Page 2 of 2" in response.text


# --- Search -----------------------------------------------------------------------------------


def test_agreement_search_of_many_words_answers_and_says_only_some_count(as_user):
    AgreementFactory(title="Memorandum on academic cooperation")
    words = " ".join(["memorandum"] * 9 + ["cooperation"] + [f"word{n}" for n in range(30)])
    response = as_user("officer").get("/staff/agreements/", {"q": words})
    assert response.status_code == 200
    assert "Only the first 10 words of the search were used." in response.text
    assert "1 record" in response.text


def test_agreement_search_over_partners_lists_an_agreement_once(as_user):
    AgreementFactory(
        title="Double", partners=[PartnerFactory(name="Gazi A"), PartnerFactory(name="Gazi B")]
    )
    response = as_user("officer").get("/staff/agreements/", {"q": "gazi"})
    assert "1 record" in response.text


def test_search_adds_distinct_only_through_a_to_many_relation():
    from hamkor.accounts.filters import OrgUnitFilterSet
    from hamkor.accounts.models import OrgUnit
    from hamkor.agreements.filters import AgreementFilterSet

    units = OrgUnitFilterSet({"q": "a b"}, queryset=OrgUnit.objects.all()).qs
    agreements = AgreementFilterSet({"q": "a b"}, queryset=Agreement.objects.all()).qs
    assert not units.query.distinct
    assert agreements.query.distinct


# --- Deleting ---------------------------------------------------------------------------------


def test_institution_with_interactions_is_not_deleted_and_the_page_says_why(as_user, officer):
    partner = InstitutionFactory()
    Contact.objects.create(institution=partner, full_name="A. Partner")
    Interaction.objects.create(
        institution=partner, kind="email", date="2025-01-10", summary="s", owner=officer
    )
    client = as_user("officer")
    url = f"/staff/institutions/{partner.pk}/delete/"

    page = client.get(url).text
    response = client.post(url)

    assert "Contacts: 1" in page and "Interactions: 1" in page
    assert response.status_code == 400
    assert "Interactions: 1" in response.text
    assert Institution.objects.filter(pk=partner.pk).exists()
    assert Interaction.objects.filter(institution=partner).count() == 1


def test_blocked_delete_names_each_relation_of_the_same_kind(as_user, home):
    partner = InstitutionFactory()
    MobilityFactory(receiving_institution=partner)
    MobilityFactory(receiving_institution=partner)
    MobilityFactory(incoming=True, sending_institution=partner)
    text = as_user("officer").get(f"/staff/institutions/{partner.pk}/delete/").text
    assert "Mobilities as receiving institution: 2" in text
    assert "Mobilities as sending institution: 1" in text


def test_institution_deleted_with_its_rankings_documents_and_their_files(
    as_user, officer, django_capture_on_commit_callbacks
):
    partner = InstitutionFactory()
    RankingEntry.objects.create(
        institution=partner,
        ranking="qs_world",
        year=2025,
        rank="801-850",
        rank_low=801,
        rank_high=850,
    )
    document = document_add(
        record=partner,
        kind="other",
        upload=SimpleUploadedFile("note.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=officer,
    )
    stored = document.current.file
    assert stored.storage.exists(stored.name)
    client = as_user("officer")
    url = f"/staff/institutions/{partner.pk}/delete/"

    page = client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert "Documents, with their files: 1" in page
    assert response.status_code == 302
    assert not Institution.objects.filter(pk=partner.pk).exists()
    assert not RankingEntry.objects.filter(institution_id=partner.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not stored.storage.exists(stored.name)


def test_history_of_a_deleted_institution_stays_readable(as_user, officer):
    partner = InstitutionFactory(name="Gone University")
    client = as_user("officer")
    assert client.post(f"/staff/institutions/{partner.pk}/delete/").status_code == 302

    response = client.get(f"/staff/institutions/{partner.pk}/history/")

    assert response.status_code == 200
    assert "Gone University" in response.text
    assert "This record was deleted by" in response.text
    assert "Created" in response.text


def test_history_of_a_record_that_never_existed_is_not_found(as_user):
    assert as_user("officer").get("/staff/institutions/999999/history/").status_code == 404


def test_domain_refusal_of_a_delete_is_shown_on_the_page(as_user):
    agreement = AgreementFactory(status=Agreement.Status.ACTIVE)
    response = as_user("officer").post(f"/staff/agreements/{agreement.pk}/delete/")
    assert response.status_code == 400
    assert "Only a draft can be deleted" in response.text
    assert Agreement.objects.filter(pk=agreement.pk).exists()


# --- Pages and headers ------------------------------------------------------------------------


def test_get_on_a_post_only_address_gets_a_page_with_the_site_layout(as_user):
    response = as_user("officer").get("/account/logout/")
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert "<html" in response.text
    assert "This address is not opened directly" in response.text


def test_405_page_is_in_the_visitor_language(client, settings):
    settings.LANGUAGE_CODE = "uz"
    english = client.get("/account/language/", HTTP_ACCEPT_LANGUAGE="en").text
    russian = client.get("/account/language/", HTTP_ACCEPT_LANGUAGE="ru").text
    assert "This address is not opened directly" in english
    assert '<html lang="ru"' in russian


@pytest.mark.parametrize(
    "url",
    ["/staff/people/", "/api/v1/people/", "/staff/people/?export=csv"],
)
def test_pages_for_a_signed_in_user_are_kept_out_of_caches(as_user, url):
    response = as_user("officer").get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_person_page_letter_and_document_are_kept_out_of_caches(as_user, officer, home):
    guest = MobilityFactory(incoming=True, status="accepted")
    from hamkor.mobility.services import mobility_invitation_issue

    mobility_invitation_issue(mobility=guest, actor=officer)
    document = document_add(
        record=guest,
        kind="acceptance",
        upload=SimpleUploadedFile("acceptance.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=officer,
    )
    client = as_user("officer")
    for url in (
        guest.person.get_absolute_url(),
        f"/staff/mobilities/{guest.pk}/letter/",
        f"/staff/documents/version/{document.current.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url


def test_public_page_may_be_cached(client):
    assert "no-store" not in client.get("/").get("Cache-Control", "")


def test_api_docs_send_the_anonymous_visitor_to_login(client):
    response = client.get("/api/docs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/api/docs/")


def test_api_asks_an_anonymous_client_to_authenticate(client):
    response = client.get("/api/v1/people/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


@pytest.mark.parametrize("method", ["put", "patch", "post", "delete"])
def test_api_writes_nothing_so_no_write_skips_the_version_check(as_user, faculty_a, method):
    response = getattr(as_user("admin"), method)(
        f"/api/v1/org-units/{faculty_a.pk}/", {"name_en": "X"}, content_type="application/json"
    )
    assert response.status_code == 405
    faculty_a.refresh_from_db()
    assert faculty_a.name_en == "Faculty A"
