"""Mobility quotas added, edited and deleted from the agreement's page; utilisation."""

from __future__ import annotations

import pytest

from hamkor.agreements.models import MobilityQuota
from hamkor.agreements.selectors import agreement_utilisation, agreement_utilisation_total
from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(faculty_a):
    return AgreementFactory(units=[faculty_a])


def quota_data(**changes) -> dict:
    data = {
        "direction": "outgoing",
        "mobility_kind": "student_study",
        "isced_code": "0231",
        "eqf_level": "6",
        "places_per_year": "3",
        "months": "5",
        "days": "",
        "first_year": "2025",
        "last_year": "2027",
        "language": "EN",
        "cefr_level": "B2",
    }
    data.update(changes)
    return data


def test_quota_form_starts_with_the_agreement_years(as_user, agreement):
    response = as_user("officer").get(f"/staff/agreements/{agreement.pk}/quotas/add/")
    assert response.status_code == 200
    assert 'name="first_year" value="2024"' in response.text
    assert 'name="last_year" value="2028"' in response.text


def test_officer_adds_a_quota_and_returns_to_the_agreement(as_user, agreement, officer):
    response = as_user("officer").post(
        f"/staff/agreements/{agreement.pk}/quotas/add/", quota_data()
    )
    quota = MobilityQuota.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{agreement.get_absolute_url()}#quotas"
    assert (quota.agreement, quota.language, quota.places_per_year) == (agreement, "en", 3)
    assert quota.history.get().history_change_reason == "agreements.mobilityquota.added"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"language": "xx"}, "language", "This is not an ISO 639 language code."),
        ({"last_year": "2024"}, "last_year", "The last academic year cannot be before the first."),
        ({"isced_code": "abc"}, "isced_code", "An ISCED-F code has 2 to 4 digits."),
        ({"eqf_level": "3"}, "eqf_level", "greater than or equal to 5"),
    ],
)
def test_a_wrong_quota_is_refused_at_the_field(as_user, agreement, changes, field, message):
    response = as_user("officer").post(
        f"/staff/agreements/{agreement.pk}/quotas/add/", quota_data(**changes)
    )
    assert response.status_code == 400
    after = response.text[response.text.index(f'id="id_{field}"') :]
    assert message in after[:800]
    assert not MobilityQuota.objects.exists()


def test_a_three_letter_language_code_is_accepted(as_user, agreement):
    as_user("officer").post(
        f"/staff/agreements/{agreement.pk}/quotas/add/", quota_data(language="uzb")
    )
    assert MobilityQuota.objects.get().language == "uzb"


def test_quota_edit_with_a_stale_version_is_refused(as_user, agreement, officer):
    quota = MobilityQuotaFactory(agreement=agreement)
    url = f"/staff/agreements/quotas/{quota.pk}/edit/"
    client = as_user("officer")
    assert client.post(url, {**quota_data(places_per_year="4"), "_version": 1}).status_code == 302
    response = client.post(url, {**quota_data(places_per_year="9"), "_version": 1})
    assert response.status_code == 409
    quota.refresh_from_db()
    assert quota.places_per_year == 4


def test_quota_delete_goes_back_to_the_agreement(as_user, agreement):
    quota = MobilityQuotaFactory(agreement=agreement)
    client = as_user("coordinator")
    url = f"/staff/agreements/quotas/{quota.pk}/delete/"
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"{agreement.get_absolute_url()}#quotas"
    assert not MobilityQuota.objects.exists()


def test_coordinator_of_another_faculty_cannot_touch_the_quotas(as_user, agreement):
    quota = MobilityQuotaFactory(agreement=agreement)
    client = as_user("coordinator_b")
    assert (
        client.post(f"/staff/agreements/{agreement.pk}/quotas/add/", quota_data()).status_code
        == 404
    )
    assert (
        client.post(f"/staff/agreements/quotas/{quota.pk}/edit/", quota_data()).status_code == 404
    )
    assert client.post(f"/staff/agreements/quotas/{quota.pk}/delete/").status_code == 404
    assert MobilityQuota.objects.count() == 1


def test_utilisation_counts_places_per_academic_year_and_none_realised(agreement):
    MobilityQuotaFactory(agreement=agreement, places_per_year=3, first_year=2024, last_year=2025)
    MobilityQuotaFactory(
        agreement=agreement,
        direction="incoming",
        mobility_kind="staff_teaching",
        places_per_year=1,
        first_year=2025,
        last_year=2025,
    )
    rows = agreement_utilisation(agreement)
    assert [(r.year, r.quota.direction, r.places, r.realised, r.percent) for r in rows] == [
        (2024, "outgoing", 3, 0, 0),
        (2025, "incoming", 1, 0, 0),
        (2025, "outgoing", 3, 0, 0),
    ]
    assert agreement_utilisation_total(agreement) == (0, 7)


def test_utilisation_counts_realised_mobilities_when_they_are_recorded(agreement, monkeypatch):
    from hamkor.agreements import selectors

    MobilityQuotaFactory(agreement=agreement, places_per_year=4, first_year=2024, last_year=2024)
    monkeypatch.setattr(
        selectors,
        "realised_mobilities",
        lambda agreement: {(2024, "outgoing", "student_study"): 3},
    )
    [row] = agreement_utilisation(agreement)
    assert (row.realised, row.places, row.percent) == (3, 4, 75)
