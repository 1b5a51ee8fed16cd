"""Importing a partner's IIA: planned first, applied whole, re-exported with the same hash."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from lxml import etree

from hamkor.agreements.models import Agreement, MobilityQuota
from hamkor.ewp import iia_hash, iias, importing, schemas
from hamkor.ewp.parsing import XmlRefused
from hamkor.ewp.tests.conftest import home_as, v7_examples
from hamkor.partners.models import Institution

pytestmark = pytest.mark.django_db
NEW = {"name": "Partner", "country": "NO"}


def _first_iia(data: bytes):
    return iia_hash.iias(etree.fromstring(data).getroottree())[0]


def _stated(iia) -> str:
    return next(e.text for e in iia if iia_hash.local(e) == "iia-hash")


def _heis(iia) -> list[str]:
    return [p[0].text for p in iia if iia_hash.local(p) == "partner"]


@pytest.mark.parametrize("example", v7_examples() or ["(none)"])
def test_import_of_our_own_iia_exports_it_again_with_the_same_hash(ewp_dir, officer, example):
    data = (ewp_dir / example).read_bytes()
    original = _first_iia(data)
    home_as(_heis(original)[0])
    plans = importing.read(data)
    (agreement,) = importing.apply(plans, actor=officer, new_institutions={_heis(original)[1]: NEW})

    exported = iias.get_response([agreement])
    schemas.validate(exported, schemas.IIAS_GET)
    again = _first_iia(exported)
    assert iia_hash.text_to_hash(again) == iia_hash.text_to_hash(original)
    assert _stated(again) == _stated(original)


@pytest.mark.parametrize("example", v7_examples() or ["(none)"])
def test_import_of_a_partners_iia_keeps_their_conditions_and_hash(ewp_dir, officer, example):
    data = (ewp_dir / example).read_bytes()
    original = _first_iia(data)
    partner_hei, our_hei = _heis(original)
    home_as(our_hei)
    plans = importing.read(data)
    assert plans[0].agreement is None and plans[0].partner is None
    (agreement,) = importing.apply(plans, actor=officer, new_institutions={partner_hei: NEW})

    party = agreement.parties.get()
    assert party.institution.schac_code == partner_hei
    assert party.iia_hash == _stated(original)
    # Built as the partner lists it, our record gives the hash the partner published.
    as_partner = iias.iia_element(agreement, local_first=False)
    assert iia_hash.iia_hash(as_partner) == _stated(original)
    # Our own response is valid and lists us first.
    ours = _first_iia(iias.get_response([agreement]))
    schemas.validate(iias.get_response([agreement]), schemas.IIAS_GET)
    assert _heis(ours) == [our_hei, partner_hei]


def test_import_again_updates_the_same_agreement_and_shows_the_difference(ewp_dir, officer):
    data = (ewp_dir / "ewp-specs-api-iias/endpoints/get-response-example.xml").read_bytes()
    home_as("hibo.no")
    (agreement,) = importing.apply(
        importing.read(data), actor=officer, new_institutions={"uw.edu.pl": NEW}
    )
    changed = data.replace(b"<mobilities-per-year>10<", b"<mobilities-per-year>12<")
    (plan,) = importing.read(changed)
    assert plan.agreement == agreement
    assert len(plan.removed) == 1 and len(plan.added) == 1
    assert "× 12" in plan.added[0] and "× 10" in plan.removed[0]
    importing.apply([plan], actor=officer, new_institutions={})
    assert Agreement.objects.count() == 1
    assert plan.contacts == []  # imported the first time
    places = sorted(agreement.quotas.values_list("places_per_year", flat=True))
    assert places == [2, 2, 2, 2, 12]


def test_import_refuses_an_unknown_institution_unless_created(ewp_dir, officer):
    data = (ewp_dir / "ewp-specs-api-iias/endpoints/get-response-example.xml").read_bytes()
    home_as("hibo.no")
    plans = importing.read(data)
    assert plans[0].suggested_country == "PL"
    with pytest.raises(XmlRefused, match=r"uw\.edu\.pl is not known"):
        importing.apply(plans, actor=officer, new_institutions={})
    assert not Agreement.objects.exists() and not MobilityQuota.objects.exists()
    assert not Institution.objects.filter(schac_code="uw.edu.pl").exists()


def test_import_is_all_or_nothing(ewp_dir, officer):
    data = (ewp_dir / "ewp-specs-api-iias/endpoints/get-response-example.xml").read_bytes()
    home_as("hibo.no")
    # A language the quotas refuse (not ISO 639) fails the last specification's save.
    last = data.rindex(b"<language>en</language>")
    bad = data[:last] + b"<language>qq</language>" + data[last + len(b"<language>en</language>") :]
    plans = importing.read(bad)
    with pytest.raises(ValidationError, match="ISO 639"):
        importing.apply(plans, actor=officer, new_institutions={"uw.edu.pl": NEW})
    assert not Agreement.objects.exists() and not MobilityQuota.objects.exists()
    assert not Institution.objects.filter(schac_code="uw.edu.pl").exists()


def test_import_refuses_a_file_that_does_not_name_us(ewp_dir, officer):
    data = (ewp_dir / "ewp-specs-api-iias/endpoints/get-response-example.xml").read_bytes()
    home_as("ksu.uz")
    with pytest.raises(XmlRefused, match="does not name our university"):
        importing.read(data)


def test_a_file_naming_our_agreement_with_another_partner_changes_nothing(ewp_dir, officer):
    """A partner's file may state any iia-id of ours: one of our agreement with someone else
    is refused, not rewritten with this partner's conditions."""
    data = (ewp_dir / "ewp-specs-api-iias/endpoints/get-response-example.xml").read_bytes()
    home_as("hibo.no")
    (agreement,) = importing.apply(
        importing.read(data), actor=officer, new_institutions={"uw.edu.pl": NEW}
    )
    Institution.objects.filter(schac_code="uw.edu.pl").update(schac_code="other.edu.pl")
    with pytest.raises(XmlRefused, match=r"is not with uw\.edu\.pl"):
        importing.read(data)
    assert agreement.parties.get().institution.schac_code == "other.edu.pl"
