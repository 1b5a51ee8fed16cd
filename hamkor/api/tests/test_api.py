"""The REST API answers with the same permissions and filters as the pages."""

import pytest

from hamkor.accounts.tests.factories import OrgUnitFactory


def test_api_lists_units_to_staff_with_the_list_pages_filters(as_user, faculty_a, faculty_b):
    response = as_user("coordinator").get("/api/v1/org-units/", {"q": "faculty-a"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["code"] == "faculty-a"


def test_api_names_units_in_the_requested_language(as_user, home):
    OrgUnitFactory(
        institution=home, code="law", name_uz="Huquq fakulteti", name_en="Faculty of Law"
    )
    client = as_user("officer")
    english = client.get("/api/v1/org-units/", headers={"accept-language": "en"}).json()
    assert english["results"][0]["name"] == "Faculty of Law"


@pytest.mark.parametrize(("persona", "status"), [("applicant", 403), ("anonymous", 401)])
def test_api_refuses_who_may_not_read_units(as_user, faculty_a, persona, status):
    assert as_user(persona).get("/api/v1/org-units/").status_code == status


def test_api_lists_users_to_administrators_only(as_user, officer):
    assert as_user("officer").get("/api/v1/users/").status_code == 403
    emails = [u["email"] for u in as_user("admin").get("/api/v1/users/").json()["results"]]
    assert officer.email in emails


def test_api_is_read_only_for_now(as_user, faculty_a):
    response = as_user("officer").post("/api/v1/org-units/", {"code": "x"})
    assert response.status_code == 405


def test_openapi_schema_describes_the_endpoints(as_user, home):
    response = as_user("officer").get("/api/schema/", {"format": "json"})
    paths = response.json()["paths"]
    assert "/api/v1/org-units/" in paths


@pytest.mark.django_db
def test_openapi_schema_is_valid_and_warning_free(tmp_path):
    from django.core.management import call_command

    # Fails on any warning of drf-spectacular (an unnamed enum, an unguessable field).
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")
    )
    assert "/api/v1/calls/{id}/transitions/{name}/" in (tmp_path / "schema.yaml").read_text()
