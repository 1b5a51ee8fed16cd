"""Bad files: malformed, schema-invalid, XML bombs; refused with line numbers, nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from hamkor.ewp import parsing, schemas
from hamkor.ewp.parsing import XmlRefused

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<iias-get-response>&lol9;</iias-get-response>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<r>&x;</r>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion", "external"])
def test_xml_bombs_are_refused_before_parsing(data):
    with pytest.raises(XmlRefused, match="Document type declarations"):
        parsing.parse(data)


def test_malformed_xml_names_its_line():
    with pytest.raises(XmlRefused) as refused:
        parsing.parse(b"<a>\n<b>\n</a>")
    assert refused.value.problems[0].line == 3
    assert str(refused.value.problems[0]).startswith("Line 3: ")


def test_schema_errors_name_their_lines(ewp_dir):
    data = (ewp_dir / "ewp-specs-api-iias/endpoints/get-response-example.xml").read_bytes()
    bad = data.replace(b"<in-effect>true</in-effect>", b"<in-effect>maybe</in-effect>")
    with pytest.raises(XmlRefused) as refused:
        schemas.validate(bad)
    (problem,) = refused.value.problems
    assert problem.line == 45 and "maybe" in problem.message


def test_a_file_outside_ewp_is_refused(ewp_dir):
    with pytest.raises(XmlRefused, match="not an Erasmus Without Paper document"):
        schemas.validate(b"<note>hello</note>")


def test_schemas_are_fetched_once_into_the_cache_without_the_folder(settings, tmp_path):
    # A local file address stands for the official one: the same download-and-keep path.
    source = tmp_path / "remote.xsd"
    source.write_text("<schema/>")
    settings.HAMKOR_EWP_SCHEMAS = ""
    settings.VAR_DIR = tmp_path / "var"
    kept = schemas.fetched(source.as_uri())
    assert kept.startswith((tmp_path / "var" / "ewp-schemas").as_uri())
    source.write_text("<changed/>")
    assert schemas.fetched(source.as_uri()) == kept
    assert Path(kept.removeprefix("file://")).read_text() == "<schema/>"
    assert schemas.uri_mapper(source.as_uri()) == source.as_uri()  # already local
