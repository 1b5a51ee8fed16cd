"""The agreements API: the list page's filters and scoping, steps, deleting drafts."""

from __future__ import annotations

import pytest

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory, PartnerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/agreements/"


@pytest.fixture
def agreements(faculty_a):
    active = AgreementFactory(
        reference="MOU-2024-001",
        status=Agreement.Status.ACTIVE,
        partners=[PartnerFactory(name="Korea University", country="KR")],
        units=[faculty_a],
    )
    MobilityQuotaFactory(agreement=active)
    draft = AgreementFactory(reference="CA-2025-001", kind="cooperation")
    return active, draft


def test_api_lists_agreements_with_parties_and_quotas(as_user, agreements):
    response = as_user("leadership").get(URL)
    assert response.status_code == 200
    rows = {row["reference"]: row for row in response.json()["results"]}
    assert set(rows) == {"MOU-2024-001", "CA-2025-001"}
    active = rows["MOU-2024-001"]
    assert active["parties"][0]["country"] == "KR"
    assert active["parties"][0]["name"] == "Korea University"
    assert active["quotas"][0]["places_per_year"] == 2


def test_api_uses_the_list_filters(as_user, agreements):
    response = as_user("officer").get(URL, {"country": "KR"})
    assert [row["reference"] for row in response.json()["results"]] == ["MOU-2024-001"]
    response = as_user("officer").get(URL, {"status": "draft", "q": "CA-2025"})
    assert [row["reference"] for row in response.json()["results"]] == ["CA-2025-001"]


def test_api_answers_one_agreement(as_user, agreements):
    active, _draft = agreements
    response = as_user("coordinator_b").get(f"{URL}{active.pk}/")
    assert response.json()["reference"] == "MOU-2024-001"


def test_api_deletes_drafts_only_and_refuses_a_bad_agreement(as_user, agreements):
    active, draft = agreements
    client = as_user("officer")
    assert client.post(URL, {"title": "x"}).status_code == 400
    refused = client.delete(f"{URL}{active.pk}/")
    assert refused.status_code == 400
    assert "Only a draft can be deleted" in refused.json()["detail"][0]
    assert client.delete(f"{URL}{draft.pk}/").status_code == 204
    assert list(Agreement.objects.all()) == [active]


def test_api_refuses_applicants_and_anonymous_visitors(as_user, agreements):
    assert as_user("applicant").get(URL).status_code == 403
    from django.test import Client

    # No credentials: a 401 with the token challenge, as for a bad token.
    response = Client().get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_api_lists_the_steps_the_status_allows(as_user, agreements):
    active, draft = agreements
    client = as_user("officer")
    assert client.get(f"{URL}{draft.pk}/").json()["steps"] == [
        "negotiate",
        "send_for_signature",
        "activate",
    ]  # a draft is deleted, not terminated
    assert client.get(f"{URL}{active.pk}/").json()["steps"] == ["terminate"]  # not "expire"


def test_api_takes_a_step_through_the_service_with_its_whole_reason(as_user, agreements):
    active, _draft = agreements
    reason = "The partner closed its international office. " * 5
    response = as_user("coordinator").post(
        f"{URL}{active.pk}/transitions/terminate/", {"reason": reason}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "terminated"
    active.refresh_from_db()
    assert active.termination_reason == reason.strip()
    assert active.status_reason == reason.strip()
    assert active.history.first().history_change_reason == "agreements.agreement.terminate"


def test_api_refuses_a_step_as_the_service_does(as_user, agreements):
    active, draft = agreements
    client = as_user("officer")
    response = client.post(f"{URL}{draft.pk}/transitions/reopen/", {"reason": "x"})
    assert response.status_code == 400
    assert "cannot take this step" in response.json()["detail"][0]
    response = client.post(f"{URL}{active.pk}/transitions/expire/", {})
    assert response.status_code == 400
    assert response.json()["detail"] == ["Only the daily task takes this step."]
    active.refresh_from_db()
    assert active.status == Agreement.Status.ACTIVE


def test_api_steps_keep_the_faculty_scope_and_the_permission(as_user, agreements):
    active, _draft = agreements
    url = f"{URL}{active.pk}/transitions/terminate/"
    data = {"reason": "x"}
    assert as_user("coordinator_b").post(url, data).status_code == 404
    assert as_user("leadership").post(url, data).status_code == 403
    active.refresh_from_db()
    assert active.status == Agreement.Status.ACTIVE
