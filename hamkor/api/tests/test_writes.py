"""API writes through the pages' services, and the API's bad-input answers: a stale version
409, a refused rule 400 naming the field, another faculty's record 404, a bad filter 400 —
all JSON, never a 500."""

from __future__ import annotations

import pytest

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import MobilityFactory, StaffFactory
from hamkor.partners.models import Contact, Institution

pytestmark = pytest.mark.django_db

JSON = "application/json"


def test_an_institution_is_created_and_edited_with_its_version(as_user, officer):
    client = as_user("officer")
    created = client.post(
        "/api/v1/institutions/",
        {"name": "Universität Wien", "name_en": "University of Vienna", "country": "AT"},
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    institution = Institution.objects.get(pk=body["id"])
    assert institution.history.first().history_change_reason == "partners.institution.created"
    url = f"/api/v1/institutions/{institution.pk}/"
    edited = client.patch(url, {"city": "Wien", "version": body["version"]}, content_type=JSON)
    assert edited.status_code == 200
    stale = client.patch(url, {"city": "Graz", "version": body["version"]}, content_type=JSON)
    assert stale.status_code == 409
    assert "after you opened it" in stale.json()["detail"][0]
    institution.refresh_from_db()
    assert institution.city == "Wien"


def test_a_write_without_a_version_or_with_a_bad_one_is_400(as_user):
    partner = PartnerFactory()
    client = as_user("officer")
    url = f"/api/v1/institutions/{partner.pk}/"
    assert client.patch(url, {"city": "x"}, content_type=JSON).json()["version"]
    response = client.patch(url, {"city": "x", "version": "two"}, content_type=JSON)
    assert response.status_code == 400


def test_a_contact_is_added_to_a_partner(as_user):
    partner = PartnerFactory()
    response = as_user("officer").post(
        "/api/v1/contacts/",
        {"institution": partner.pk, "full_name": "Ayşe Yılmaz", "email": "ayse@example.org"},
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    assert Contact.objects.get().institution == partner


def test_an_agreement_is_created_with_its_parties_and_a_quota(as_user, faculty_a):
    partner = PartnerFactory()
    client = as_user("coordinator")
    response = client.post(
        "/api/v1/agreements/",
        {
            "kind": "mou",
            "title": "Exchange of students",
            "scope_units": [faculty_a.pk],
            "parties": [{"institution": partner.pk, "role": "partner"}],
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["reference"]
    assert [p["institution"] for p in body["parties"]] == [partner.pk]
    quota = client.post(
        "/api/v1/agreement-quotas/",
        {
            "agreement": body["id"],
            "direction": "outgoing",
            "mobility_kind": "student_study",
            "places_per_year": 3,
            "first_year": 2026,
            "last_year": 2030,
            "language": " EN ",
        },
        content_type=JSON,
    )
    assert quota.status_code == 201, quota.content
    assert quota.json()["language"] == "en"


def test_an_agreement_keeps_the_pages_rules(as_user, faculty_a, faculty_b):
    partner = PartnerFactory()
    client = as_user("coordinator")
    without_partner = client.post(
        "/api/v1/agreements/",
        {"kind": "mou", "title": "Alone", "scope_units": [faculty_a.pk]},
        content_type=JSON,
    )
    assert without_partner.status_code == 400
    assert "at least one partner" in str(without_partner.json())
    elsewhere = client.post(
        "/api/v1/agreements/",
        {
            "kind": "mou",
            "title": "Not mine",
            "scope_units": [faculty_b.pk],
            "parties": [{"institution": partner.pk, "role": "partner"}],
        },
        content_type=JSON,
    )
    assert elsewhere.status_code == 400
    assert "scope_units" in elsewhere.json()
    assert not Agreement.objects.exists()


def test_a_person_and_a_mobility_are_written_through_the_services(as_user, faculty_a):
    client = as_user("officer")
    person = client.post(
        "/api/v1/people/",
        {
            "category": "staff",
            "last_name": "Karimov",
            "first_name": "Aziz",
            "citizenship": "UZ",
            "org_unit": faculty_a.pk,
        },
        content_type=JSON,
    )
    assert person.status_code == 201, person.content
    partner = PartnerFactory()
    home = Institution.objects.get(is_home=True)
    values = {
        "person": person.json()["id"],
        "direction": "outgoing",
        "kind": "staff_teaching",
        "programme": "ka171",
        "sending_institution": home.pk,
        "receiving_institution": partner.pk,
        "home_unit": faculty_a.pk,
        "planned_start": "2030-03-10",
        "planned_end": "2030-03-01",
    }
    refused = client.post("/api/v1/mobilities/", values, content_type=JSON)
    assert refused.status_code == 400
    assert "planned_end" in refused.json()
    values["planned_end"] = "2030-03-16"
    created = client.post("/api/v1/mobilities/", values, content_type=JSON)
    assert created.status_code == 201, created.content
    mobility = Mobility.objects.get()
    assert mobility.history.first().history_change_reason == "mobility.mobility.created"


def test_a_step_is_a_post_on_its_own_address(as_user, faculty_a):
    mobility = MobilityFactory(person=StaffFactory(org_unit=faculty_a), home_unit=faculty_a)
    client = as_user("coordinator")
    url = f"/api/v1/mobilities/{mobility.pk}/transitions/cancel/"
    assert client.post(url, {}, content_type=JSON).status_code == 400
    stale = {"reason": "Visa refused", "version": mobility.version + 1}
    assert client.post(url, stale, content_type=JSON).status_code == 409
    sent = {"reason": "Visa refused", "version": mobility.version}
    response = client.post(url, sent, content_type=JSON)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    unknown = client.post(
        f"/api/v1/mobilities/{mobility.pk}/transitions/fly/", {}, content_type=JSON
    )
    assert unknown.status_code == 400


def test_another_facultys_record_is_404_for_a_write(as_user, faculty_a):
    mobility = MobilityFactory(person=StaffFactory(org_unit=faculty_a), home_unit=faculty_a)
    client = as_user("coordinator_b")
    response = client.patch(
        f"/api/v1/mobilities/{mobility.pk}/",
        {"credits": 5, "version": mobility.version},
        content_type=JSON,
    )
    assert response.status_code == 404
    assert response.json()["detail"]
    step = client.post(
        f"/api/v1/mobilities/{mobility.pk}/transitions/cancel/", {"reason": "x"}, content_type=JSON
    )
    assert step.status_code == 404


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/api/v1/agreements/", {"status": "nonsense"}),
        ("/api/v1/mobilities/", {"status": "flying"}),
        ("/api/v1/institutions/", {"country": "ZZZ"}),
        ("/api/v1/calls/", {"programme": "x" * 300}),
        ("/api/v1/agreements/", {"page": "999"}),
    ],
)
def test_a_bad_filter_or_page_is_a_json_400_or_404(as_user, url, query):
    AgreementFactory()
    response = as_user("officer").get(url, query)
    assert response.status_code in (400, 404)
    assert response["content-type"] == JSON
    assert response.json()


def test_a_deletion_may_carry_its_version(as_user):
    partner = PartnerFactory()
    client = as_user("officer")
    url = f"/api/v1/institutions/{partner.pk}/"
    assert client.delete(f"{url}?version={partner.version + 1}").status_code == 409
    assert client.delete(f"{url}?version=x").status_code == 400
    assert client.delete(f"{url}?version={partner.version}").status_code == 204
    assert not Institution.objects.filter(pk=partner.pk).exists()


def test_a_coordinator_cannot_put_another_facultys_person_or_project_on_a_mobility(
    as_user, faculty_a, faculty_b
):
    """Faculty B's coordinator sends A's student and A's grant project: refused, as the edit
    page refuses them, though the mobility itself is B's."""
    from hamkor.grants.tests.factories import ProjectFactory

    theirs = StaffFactory(org_unit=faculty_a)
    project = ProjectFactory(faculty=faculty_a, status="approved")
    home = Institution.objects.get(is_home=True)
    values = {
        "person": theirs.pk,
        "direction": "outgoing",
        "kind": "staff_teaching",
        "programme": "ka171",
        "sending_institution": home.pk,
        "receiving_institution": PartnerFactory().pk,
        "home_unit": faculty_b.pk,
        "funding_project": project.pk,
        "planned_start": "2030-03-10",
        "planned_end": "2030-03-16",
    }

    response = as_user("coordinator_b").post("/api/v1/mobilities/", values, content_type=JSON)

    assert response.status_code == 400
    assert {"person", "funding_project"} <= set(response.json())
    assert not Mobility.objects.exists()


@pytest.mark.parametrize(
    ("method", "address", "body"),
    [
        ("put", "/api/v1/institutions/{institution}/", []),
        ("patch", "/api/v1/agreements/{agreement}/", {"parties": [{"role": "partner"}]}),
        ("delete", "/api/v1/institutions/{institution}/?version=²", None),
    ],
)
def test_malformed_requests_get_a_json_400_never_a_500(as_user, method, address, body):
    agreement = AgreementFactory()
    url = address.format(institution=PartnerFactory().pk, agreement=agreement.pk)
    if isinstance(body, dict):
        body["version"] = agreement.version
    client = as_user("officer")
    client.raise_request_exception = False
    response = getattr(client, method)(url, body, content_type=JSON)
    assert response.status_code == 400, response.content
    assert response.json()


def test_a_filter_with_a_digit_int_refuses_finds_nothing(as_user):
    response = as_user("officer").get("/api/v1/mobilities/?person=٣")
    assert response.status_code == 200
    assert response.json()["count"] == 0
