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


BOMB_BODY = BILLION_LAUGHS.replace(
    b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-16"?>'
)


@pytest.mark.parametrize(
    "data",
    [
        BOMB_BODY.decode().encode("utf-16"),
        BOMB_BODY.decode().encode("utf-16-be"),
        BOMB_BODY.decode().encode("utf-32"),
        b'<?xml version="1.0" encoding="UTF-7"?><r>+ADw-</r>',
        b'<?xml version="1.0" encoding="ISO-8859-1"?><r>\xe9</r>',
    ],
    ids=["utf-16", "utf-16-be", "utf-32", "utf-7", "latin-1"],
)
def test_a_file_not_in_utf8_is_refused_before_parsing(data):
    # In UTF-16 the declaration's bytes are not "<!DOCTYPE": the encoding is checked first.
    with pytest.raises(XmlRefused, match="UTF-8"):
        parsing.parse(data)


def test_malformed_xml_is_explained_in_the_readers_language():
    from django.utils import translation

    with translation.override("ru"), pytest.raises(XmlRefused) as refused:
        parsing.parse(b"<a>\n<b>\n</a>")
    (problem,) = refused.value.problems
    assert problem.line == 3 and "XML" in problem.message
    assert "tag mismatch" not in problem.message and "Opening" not in problem.message


def test_schema_problems_are_bounded_and_in_the_readers_language(ewp_dir):
    from django.utils import translation

    data = (ewp_dir / "ewp-specs-api-iias/endpoints/get-response-example.xml").read_bytes()
    # A thousand unknown elements: the file breaks the schema a thousand times.
    bad = data.replace(
        b"<in-effect>true</in-effect>", b"<in-effect>true</in-effect>" + b"<x/>" * 1000
    )
    with translation.override("uz"), pytest.raises(XmlRefused) as refused:
        schemas.validate(bad)
    problems = refused.value.problems
    assert len(problems) == schemas.MAX_PROBLEMS + 1
    assert "Unexpected" not in str(refused.value) and "expected" not in str(refused.value)
    assert "“x”" in problems[0].message and "“iia”" in problems[0].message
