"""Reading EWP XML safely.

Files come from partners and from uploads: a document type declaration is refused outright
(EWP documents never carry one, and entity expansion is how XML bombs work), entities are
never resolved, nothing is fetched from the network and lxml's limits on huge documents
stay on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from lxml import etree

MAX_BYTES = 5 * 1024 * 1024
_DECLARED_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}


@dataclass(frozen=True)
class XmlProblem:
    """One reason a document was refused, with the line it was found on (when known)."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class XmlRefused(ValueError):
    """The document cannot be read or does not follow its schema."""

    def __init__(self, problems: list[XmlProblem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse(data: bytes) -> etree._ElementTree:
    """Parse ``data`` or raise :class:`XmlRefused` naming the line of the problem."""
    if len(data) > MAX_BYTES:
        raise XmlRefused([XmlProblem(_("The file is larger than 5 MB."))])
    if not _is_utf8(data):
        raise XmlRefused([XmlProblem(_("The file must be written in UTF-8, as EWP requires."))])
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise XmlRefused(
            [XmlProblem(_("Document type declarations and entities are not accepted."))]
        )
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        message = _("This is not well-formed XML: look at column %(column)d.")
        problem = XmlProblem(message % {"column": error.position[1]}, error.lineno)
        raise XmlRefused([problem]) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise XmlRefused(
            [XmlProblem(_("Document type declarations and entities are not accepted."))]
        )
    return tree


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text, as every EWP document is.

    Checked before anything else reads the bytes: in UTF-16 or UTF-32 a document type
    declaration would not show as the bytes ``<!DOCTYPE``.
    """
    declared = _DECLARED_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in _UTF8_NAMES:
        return False
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
