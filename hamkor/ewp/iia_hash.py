"""The iia-hash of IIAs API v7, computed in our own code.

The specification defines the hash as the SHA-256 (lowercase hex) of the UTF-8 text that its
XSLT 2.0 transformation (``transform_version_7.xsl`` in ``ewp-specs-api-iias``) builds from an
``<iia>`` of a get response. This module writes the same rules in Python:

* when the cooperation conditions are terminated as a whole, ``_@terminated-as-a-whole@_``;
* for each partner, in order, ``_iia-id_<position>=<its iia-id, or nothing>_``;
* for each mobility specification, in document order, every element inside it (at any
  depth) except the sending and receiving contacts' content, the two academic-year elements
  and anything under an element marked ``not-yet-defined``:
  * its attributes other than ``not-yet-defined`` and ``v6-value``, as
    ``_@<great-grandparent>.<grandparent>.<parent>.<attribute>=<value>@_``;
  * when it has no child elements, ``_<grandparent>.<parent>.<name>=<text>_``, where an
    ``isced-f-code`` with a ``v6-value`` gives that value instead of its text;
* then ``_receiving-first-academic-year-id=…_`` and ``_receiving-last-academic-year-id=…_``.

Names are local names (namespaces play no part). One difference from the XSLT, on purpose:
the XSLT looks for ``terminated-as-a-whole`` anywhere in the document, so in a response with
several IIAs one terminated IIA would mark them all; we read each IIA's own conditions (the
same result for a response of one IIA, which is what the hash is computed on).
"""

from __future__ import annotations

import hashlib

from lxml import etree

CONTACTS = {"sending-contact", "receiving-contact"}
YEARS = ("receiving-first-academic-year-id", "receiving-last-academic-year-id")
SKIPPED_ATTRIBUTES = {"not-yet-defined", "v6-value"}
TRUE = {"true", "1"}


def local(node) -> str:
    return etree.QName(node).localname if node is not None else ""


def _children(element, name: str) -> list:
    return [child for child in element if isinstance(child.tag, str) and local(child) == name]


def _text(element) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _value(element) -> str:
    if local(element) == "isced-f-code" and element.get("v6-value"):
        return element.get("v6-value")
    return _text(element)


def _undefined(element) -> bool:
    return element.get("not-yet-defined") in TRUE


def text_to_hash(iia) -> str:
    """The text the iia-hash is taken of, for one ``<iia>`` element."""
    parts = []
    conditions = _children(iia, "cooperation-conditions")
    if conditions and conditions[0].get("terminated-as-a-whole") in TRUE:
        parts.append("_@terminated-as-a-whole@_")
    for position, partner in enumerate(_children(iia, "partner"), start=1):
        ids = _children(partner, "iia-id")
        parts.append(f"_iia-id_{position}={_text(ids[0]) if ids else ''}_")
    for spec in (
        (child for child in conditions[0] if isinstance(child.tag, str)) if conditions else ()
    ):
        parts.extend(_spec_parts(spec))
    return "".join(parts)


def _spec_parts(spec) -> list[str]:
    parts = []
    for element in spec.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        ancestors = list(element.iterancestors())
        if any(local(a) in CONTACTS for a in ancestors) or local(element) in YEARS:
            continue
        if _undefined(element) or any(_undefined(a) for a in ancestors):
            continue
        parent, grandparent = element.getparent(), element.getparent().getparent()
        for name, value in element.attrib.items():
            name = etree.QName(name).localname
            if name in SKIPPED_ATTRIBUTES:
                continue
            path = ".".join(local(n) for n in (grandparent, parent, element))
            parts.append(f"_@{path}.{name}={value}@_")
        if not any(isinstance(child.tag, str) for child in element):
            path = ".".join((local(grandparent), local(parent), local(element)))
            parts.append(f"_{path}={_value(element)}_")
    for name in YEARS:
        found = _children(spec, name)
        parts.append(f"_{name}={_text(found[0]) if found else ''}_")
    return parts


def iia_hash(iia) -> str:
    """The iia-hash of one ``<iia>`` element: SHA-256 of its text to hash, in hex."""
    return hashlib.sha256(text_to_hash(iia).encode("utf-8")).hexdigest()


def iias(tree) -> list:
    """The ``<iia>`` elements of a get response (or of any document holding them)."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    return [e for e in root.iter() if isinstance(e.tag, str) and local(e) == "iia"]


def iia_label(iia) -> str:
    """The id a person knows an IIA by: the first partner's iia-id, else the second's."""
    for partner in _children(iia, "partner"):
        ids = _children(partner, "iia-id")
        if ids and _text(ids[0]):
            return _text(ids[0])
    return ""
