"""A partner's organisational units in an imported IIA: stored on the partner institution's
units with their EWP ids, shown, and written back (same conditions, same hash)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from lxml import etree

from hamkor.accounts.models import OrgUnit
from hamkor.ewp import iia_hash, iias, importing, schemas
from hamkor.ewp.tests.conftest import home_as

pytestmark = pytest.mark.django_db
EXAMPLE = "ewp-specs-api-iias/endpoints/get-response-example.xml"
NEW = {"uw.edu.pl": {"name": "University of Warsaw", "country": "PL"}}


def _iia(data: bytes):
    return iia_hash.iias(etree.fromstring(data).getroottree())[0]


def _with_partner_unit(data: bytes, ounit_id: str) -> bytes:
    """The official example with ``ounit-id`` in the first partner (University of Warsaw),
    where the schema puts it: right after its ``hei-id``."""
    marker = b"<hei-id>uw.edu.pl</hei-id>"
    assert data.count(marker) == 1
    return data.replace(marker, marker + f"<ounit-id>{ounit_id}</ounit-id>".encode())


def _texts(element, name: str) -> list[str]:
    return [e.text for e in element.iter(etree.Element) if iia_hash.local(e) == name]


def test_the_partners_units_of_the_official_example_are_stored_shown_and_exported(
    ewp_dir, officer, as_user
):
    data = (ewp_dir / EXAMPLE).read_bytes()
    home_as("hibo.no")
    plans = importing.read(data)
    # The page shows the units it will add before anything is written.
    assert plans[0].units == ["140"]
    assert plans[0].new_units == ["140"]

    (agreement,) = importing.apply(plans, actor=officer, new_institutions=NEW)

    warsaw = agreement.parties.get().institution
    unit = warsaw.units.get()
    assert (unit.ewp_ounit_id, unit.name_en) == ("140", "140")
    page = as_user("officer").get(reverse("partners:institution_detail", kwargs={"pk": warsaw.pk}))
    assert "<code>140</code>" in page.content.decode()
    exported = iias.get_response([agreement])
    schemas.validate(exported, schemas.IIAS_GET)
    ours = _iia(exported)
    assert _texts(ours, "sending-ounit-id") == _texts(_iia(data), "sending-ounit-id")
    assert _texts(ours, "receiving-ounit-id") == _texts(_iia(data), "receiving-ounit-id")

    again = importing.read(data)
    assert again[0].new_units == []
    importing.apply(again, actor=officer, new_institutions={})
    assert OrgUnit.objects.filter(institution=warsaw).count() == 1


def test_an_agreement_with_a_partners_unit_keeps_it_and_its_hash(ewp_dir, officer, as_user):
    data = _with_partner_unit((ewp_dir / EXAMPLE).read_bytes(), "ounit-law-7")
    home_as("hibo.no")
    original = _iia(data)

    (agreement,) = importing.apply(importing.read(data), actor=officer, new_institutions=NEW)

    party = agreement.parties.select_related("unit").get()
    assert party.unit.ewp_ounit_id == "ounit-law-7"
    assert party.unit.institution == party.institution
    assert set(party.institution.units.values_list("ewp_ounit_id", flat=True)) == {
        "ounit-law-7",
        "140",
    }
    # Written back where the partner wrote it: the partner's hash of the agreement is theirs.
    as_partner = iias.iia_element(agreement, local_first=False)
    assert iia_hash.iia_hash(as_partner) == iia_hash.iia_hash(original)
    exported = iias.get_response([agreement])
    schemas.validate(exported, schemas.IIAS_GET)
    partners = [e for e in _iia(exported) if iia_hash.local(e) == "partner"]
    assert _texts(partners[1], "ounit-id") == ["ounit-law-7"]
    assert _texts(partners[0], "ounit-id") == []
    page = as_user("officer").get(agreement.get_absolute_url())
    assert "<code>ounit-law-7</code>" in page.content.decode()


def test_a_later_file_without_the_unit_makes_the_agreement_the_whole_institutions(ewp_dir, officer):
    plain = (ewp_dir / EXAMPLE).read_bytes()
    home_as("hibo.no")
    (agreement,) = importing.apply(
        importing.read(_with_partner_unit(plain, "9")), actor=officer, new_institutions=NEW
    )

    importing.apply(importing.read(plain), actor=officer, new_institutions={})

    party = agreement.parties.get()
    assert party.unit is None
    # The unit stays among the institution's units (other agreements may name it).
    assert party.institution.units.filter(ewp_ounit_id="9").exists()
    assert _texts(_iia(iias.get_response([agreement])), "ounit-id") == []
