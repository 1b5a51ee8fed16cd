"""The iia-hash computed by our code equals the one written in every official v7 example."""

from __future__ import annotations

import pytest
from lxml import etree

from hamkor.ewp import iia_hash
from hamkor.ewp.tests.conftest import v7_examples

NAMESPACE = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/"


@pytest.mark.parametrize("example", v7_examples() or ["(none)"])
def test_iia_hash_of_each_official_example_is_the_stated_one(ewp_dir, example):
    tree = etree.parse(str(ewp_dir / example))
    found = iia_hash.iias(tree)
    assert found
    for iia in found:
        stated = iia.find(f"{{{NAMESPACE}get-response.xsd}}iia-hash").text
        assert iia_hash.iia_hash(iia) == stated


def test_v7_examples_are_found(ewp_dir):
    assert len(v7_examples()) >= 2


def _iia(body: str, conditions_attributes: str = ""):
    return etree.fromstring(
        f"<iia><partner><hei-id>a.eu</hei-id><iia-id>A1</iia-id></partner>"
        f"<partner><hei-id>b.eu</hei-id></partner><in-effect>true</in-effect>"
        f"<cooperation-conditions {conditions_attributes}>{body}</cooperation-conditions>"
        f"<iia-hash>0</iia-hash></iia>"
    )


SPEC = (
    "<staff-training-mobility-spec><sending-hei-id>a.eu</sending-hei-id>"
    "<sending-contact><contact-name>X</contact-name></sending-contact>"
    "<receiving-hei-id>b.eu</receiving-hei-id>"
    "<receiving-first-academic-year-id>2024/2025</receiving-first-academic-year-id>"
    "<receiving-last-academic-year-id>2025/2026</receiving-last-academic-year-id>"
    "<mobilities-per-year>2</mobilities-per-year>"
    "<subject-area><isced-f-code v6-value='03'>0314</isced-f-code></subject-area>"
    "</staff-training-mobility-spec>"
)


def test_text_to_hash_follows_the_rules():
    text = iia_hash.text_to_hash(_iia(SPEC))
    assert text == (
        "_iia-id_1=A1__iia-id_2=_"
        "_cooperation-conditions.staff-training-mobility-spec.sending-hei-id=a.eu_"
        "_cooperation-conditions.staff-training-mobility-spec.receiving-hei-id=b.eu_"
        "_cooperation-conditions.staff-training-mobility-spec.mobilities-per-year=2_"
        "_staff-training-mobility-spec.subject-area.isced-f-code=03_"
        "_receiving-first-academic-year-id=2024/2025__receiving-last-academic-year-id=2025/2026_"
    )


def test_text_to_hash_marks_termination_and_skips_what_is_not_yet_defined():
    spec = SPEC.replace("<mobilities-per-year>", "<mobilities-per-year not-yet-defined='true'>")
    text = iia_hash.text_to_hash(_iia(spec, "terminated-as-a-whole='true'"))
    assert text.startswith("_@terminated-as-a-whole@__iia-id_1=A1_")
    assert "mobilities-per-year" not in text
