"""Small helpers to write EWP XML with lxml: every element in its parent's namespace."""

from __future__ import annotations

import re

from lxml import etree

CONTACT_NS = "https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# What XML 1.0 cannot carry (control characters a name typed or pasted may hold).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def E(namespace: str, name: str, text: str | None = None, **attributes):
    element = etree.Element(f"{{{namespace}}}{name}", **attributes)
    if text is not None:
        element.text = xml_text(text)
    return element


def sub(parent, name: str, text: str | None = None, **attributes):
    """A child of ``parent`` in ``parent``'s namespace."""
    namespace = etree.QName(parent).namespace
    element = etree.SubElement(parent, f"{{{namespace}}}{name}", **attributes)
    if text is not None:
        element.text = xml_text(text)
    return element


def document(root, *, contacts: bool = False) -> bytes:
    """The UTF-8 bytes of a response whose root is ``root``, with tidy namespace prefixes."""
    namespaces = {None: etree.QName(root).namespace}
    if contacts:
        namespaces["c"] = CONTACT_NS
    tidy = etree.Element(root.tag, nsmap=namespaces)
    tidy.extend(list(root))
    return etree.tostring(tidy, xml_declaration=True, encoding="UTF-8", pretty_print=True)
