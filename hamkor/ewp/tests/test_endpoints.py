"""The EWP endpoints: every response is valid against the official XSD; callers are checked."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from lxml import etree

from hamkor.accounts.tests.factories import OrgUnitFactory
from hamkor.agreements.models import Agreement, MobilityQuota
from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory
from hamkor.ewp import iia_hash, schemas
from hamkor.ewp.tests.conftest import home_as
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import MobilityFactory
from hamkor.partners.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db
PARTNER = "uni-a.edu.tr"
KEY = {"HTTP_X_HAMKOR_EWP_KEY": f"{PARTNER}:s3cret"}


@pytest.fixture
def records(ewp_dir, settings):
    settings.HAMKOR_EWP_CLIENTS = f"{PARTNER}=s3cret other.eu=x"
    home = home_as("ksu.uz")
    unit = OrgUnitFactory(institution=home, code="phil")
    partner = InstitutionFactory(schac_code=PARTNER, erasmus_code="TR ANKARA99", pic="999999999")
    other = InstitutionFactory(schac_code="other.eu")
    agreement = AgreementFactory(
        kind=Agreement.Kind.ERASMUS, reference="IIA-2024-001", partners=[partner]
    )
    MobilityQuotaFactory(agreement=agreement, language="en", cefr_level="B2", isced_code="0231")
    MobilityQuotaFactory(
        agreement=agreement,
        direction=MobilityQuota.Direction.INCOMING,
        mobility_kind=MobilityQuota.MobilityKind.STAFF_TEACHING,
        language="en",
        months=None,
        days=5,
    )
    AgreementFactory(kind=Agreement.Kind.ERASMUS, reference="IIA-2024-002", partners=[other])
    agreement.parties.update(iia_id="P-77")
    mobility = MobilityFactory(
        kind=Mobility.Kind.STUDENT_STUDY,
        receiving_institution=partner,
        home_unit=unit,
        agreement=agreement,
    )
    return {"agreement": agreement, "unit": unit, "mobility": mobility}


def _valid(response, schema: str):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/xml")
    return schemas.validate(response.content, schema).getroot()


def _texts(root, name: str) -> list[str]:
    return [
        e.text for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == name
    ]


def test_iias_index_and_get_are_valid_and_carry_the_hash(records, client):
    index = _valid(client.get(reverse("ewp:iias_index"), **KEY), schemas.IIAS_INDEX)
    assert _texts(index, "iia-id") == ["IIA-2024-001"]  # the other partner's is not shown
    got = _valid(
        client.get(reverse("ewp:iias_get"), {"iia_id": ["IIA-2024-001", "unknown"]}, **KEY),
        schemas.IIAS_GET,
    )
    (iia,) = iia_hash.iias(got)
    assert _texts(iia, "iia-hash") == [iia_hash.iia_hash(iia)]
    assert _texts(iia, "hei-id") == ["ksu.uz", PARTNER]
    assert _texts(iia, "sending-hei-id") == ["ksu.uz", PARTNER]
    assert _texts(iia, "total-days-per-year") == ["10"]


def test_iias_index_modified_since(records, client):
    url = reverse("ewp:iias_index")
    later = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)).isoformat()
    assert (
        _texts(
            _valid(client.get(url, {"modified_since": later}, **KEY), schemas.IIAS_INDEX), "iia-id"
        )
        == []
    )
    earlier = "2000-01-01T00:00:00+05:00"
    assert _texts(
        _valid(client.get(url, {"modified_since": earlier}, **KEY), schemas.IIAS_INDEX), "iia-id"
    ) == ["IIA-2024-001"]
    bad = client.get(url, {"modified_since": "yesterday"}, **KEY)
    assert bad.status_code == 400
    assert b"error-response" in bad.content


def test_staff_session_sees_every_iia(records, as_user):
    index = _valid(as_user("coordinator").get(reverse("ewp:iias_index")), schemas.IIAS_INDEX)
    assert _texts(index, "iia-id") == ["IIA-2024-001", "IIA-2024-002"]


def test_post_works_like_get(records, client):
    response = client.post(reverse("ewp:iias_get"), {"iia_id": "IIA-2024-001"}, **KEY)
    assert len(iia_hash.iias(_valid(response, schemas.IIAS_GET))) == 1


def test_a_wrong_key_is_refused(records, client):
    response = client.get(reverse("ewp:iias_index"), HTTP_X_HAMKOR_EWP_KEY=f"{PARTNER}:nope")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Signature realm="EWP"'


def test_institutions_are_valid(records, client):
    response = client.get(reverse("ewp:institutions"), {"hei_id": ["ksu.uz", PARTNER]}, **KEY)
    root = _valid(response, schemas.INSTITUTIONS)
    assert _texts(root, "hei-id") == ["ksu.uz", PARTNER]
    assert _texts(root, "ounit-id") == [str(records["unit"].pk)]
    assert "TR ANKARA99" in _texts(root, "other-id")


def test_a_partner_learns_of_us_and_of_itself_only(records, client):
    response = client.get(reverse("ewp:institutions"), {"hei_id": ["other.eu", PARTNER]}, **KEY)
    root = _valid(response, schemas.INSTITUTIONS)
    assert _texts(root, "hei-id") == [PARTNER]


def test_ounits_by_id_and_by_code_are_valid(records, client):
    url, unit = reverse("ewp:ounits"), records["unit"]
    by_id = _valid(
        client.get(url, {"hei_id": "ksu.uz", "ounit_id": unit.pk}, **KEY), schemas.OUNITS
    )
    by_code = _valid(
        client.get(url, {"hei_id": "ksu.uz", "ounit_code": "phil"}, **KEY), schemas.OUNITS
    )
    assert _texts(by_id, "ounit-code") == _texts(by_code, "ounit-code") == ["phil"]
    assert client.get(url, {"hei_id": "other.eu", "ounit_id": unit.pk}, **KEY).status_code == 400
    both = {"hei_id": "ksu.uz", "ounit_id": unit.pk, "ounit_code": "phil"}
    assert client.get(url, both, **KEY).status_code == 400


def test_outgoing_mobilities_index_and_get_are_valid(records, client):
    mobility = records["mobility"]
    index = _valid(
        client.get(reverse("ewp:omobilities_index"), {"sending_hei_id": "ksu.uz"}, **KEY),
        schemas.OMOBILITIES_INDEX,
    )
    assert _texts(index, "omobility-id") == [str(mobility.pk)]
    got = _valid(
        client.get(
            reverse("ewp:omobilities_get"),
            {"sending_hei_id": "ksu.uz", "omobility_id": mobility.pk},
            **KEY,
        ),
        schemas.OMOBILITIES_GET,
    )
    assert _texts(got, "status") == ["nomination"]
    assert _texts(got, "iia-id") == ["IIA-2024-001", "P-77"]  # ours, then the partner's
    assert _texts(got, "family-name") == [mobility.person.last_name]
    # Another partner's key does not reach a mobility sent elsewhere.
    other = client.get(
        reverse("ewp:omobilities_get"),
        {"sending_hei_id": "ksu.uz", "omobility_id": mobility.pk},
        HTTP_X_HAMKOR_EWP_KEY="other.eu:x",
    )
    assert _texts(_valid(other, schemas.OMOBILITIES_GET), "omobility-id") == []


def test_index_by_receiving_academic_year(records, client):
    iias_url, mobilities_url = reverse("ewp:iias_index"), reverse("ewp:omobilities_index")
    # The quotas run from 2024/2025 to 2025/2026; the mobility starts in March 2025.
    inside = {"receiving_academic_year_id": "2024/2025", "sending_hei_id": "ksu.uz"}
    outside = {"receiving_academic_year_id": "2026/2027", "sending_hei_id": "ksu.uz"}
    assert _texts(_valid(client.get(iias_url, inside, **KEY), schemas.IIAS_INDEX), "iia-id")
    assert not _texts(_valid(client.get(iias_url, outside, **KEY), schemas.IIAS_INDEX), "iia-id")
    found = client.get(mobilities_url, inside, **KEY)
    assert _texts(_valid(found, schemas.OMOBILITIES_INDEX), "omobility-id")
    none = client.get(mobilities_url, outside, **KEY)
    assert not _texts(_valid(none, schemas.OMOBILITIES_INDEX), "omobility-id")
    bad = {"receiving_academic_year_id": "next", "sending_hei_id": "ksu.uz"}
    assert client.get(iias_url, bad, **KEY).status_code == 400


def test_too_many_ids_are_refused(records, client):
    ids = [f"id-{n}" for n in range(101)]
    response = client.get(reverse("ewp:iias_get"), {"iia_id": ids}, **KEY)
    assert response.status_code == 400


def test_a_control_character_in_a_name_does_not_break_the_answer(records, client):
    mobility = records["mobility"]
    mobility.person.__class__.objects.filter(pk=mobility.person_id).update(last_name="Kim\x01\x0b")
    got = _valid(
        client.get(
            reverse("ewp:omobilities_get"),
            {"sending_hei_id": "ksu.uz", "omobility_id": mobility.pk},
            **KEY,
        ),
        schemas.OMOBILITIES_GET,
    )
    assert _texts(got, "family-name") == ["Kim"]
