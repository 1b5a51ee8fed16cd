"""The official EWP schemas: where they are, and validation against them.

``HAMKOR_EWP_SCHEMAS`` names a folder laid out like the official repositories
(``<repository>/<path>``, as ``../shared/ewp`` is in development and CI): every import is
then resolved inside it and nothing is fetched. Without it the schemas are downloaded from
their official addresses (raw.githubusercontent.com) into ``VAR_DIR/ewp-schemas`` the first
time they are needed and read from there afterwards. Each schema is built once per process.
"""

from __future__ import annotations

import functools
import re
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import xmlschema
from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree

from hamkor.ewp.parsing import XmlProblem, XmlRefused, parse

RAW = "https://raw.githubusercontent.com/erasmus-without-paper/"
GITHUB = "https://github.com/erasmus-without-paper/"
XML_XSD = ("http://www.w3.org/2001/03/xml.xsd", "http://www.w3.org/2001/xml.xsd")

# The schemas of the responses Hamkor serves, as paths inside the folder, and the branch of
# each repository they are fetched from when there is no folder.
IIAS_GET = "ewp-specs-api-iias/endpoints/get-response.xsd"
IIAS_INDEX = "ewp-specs-api-iias/endpoints/index-response.xsd"
INSTITUTIONS = "ewp-specs-api-institutions/response.xsd"
OUNITS = "ewp-specs-api-ounits/response.xsd"
OMOBILITIES_GET = "ewp-specs-api-omobilities/endpoints/get-response.xsd"
OMOBILITIES_INDEX = "ewp-specs-api-omobilities/endpoints/index-response.xsd"
BRANCHES = {
    "ewp-specs-api-iias": "stable-v7",
    "ewp-specs-api-institutions": "stable-v2",
    "ewp-specs-api-ounits": "stable-v2",
    "ewp-specs-api-omobilities": "stable-v2",
}
NAMESPACES = {
    IIAS_GET: f"{GITHUB}ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd",
    IIAS_INDEX: f"{GITHUB}ewp-specs-api-iias/blob/stable-v7/endpoints/index-response.xsd",
    INSTITUTIONS: f"{GITHUB}ewp-specs-api-institutions/tree/stable-v2",
    OUNITS: f"{GITHUB}ewp-specs-api-ounits/tree/stable-v2",
    OMOBILITIES_GET: f"{GITHUB}ewp-specs-api-omobilities/blob/stable-v2/endpoints/get-response.xsd",
    OMOBILITIES_INDEX: (
        f"{GITHUB}ewp-specs-api-omobilities/blob/stable-v2/endpoints/index-response.xsd"
    ),
}


def local_root() -> Path | None:
    configured = settings.HAMKOR_EWP_SCHEMAS
    return Path(configured) if configured and Path(configured).is_dir() else None


def cache_root() -> Path:
    return Path(settings.VAR_DIR) / "ewp-schemas"


def _stored_path(repo: str, branch: str, path: str) -> str:
    # The stored folder keeps one branch per repository, except academic-term's stable-v1.
    if repo == "ewp-specs-types-academic-term" and branch == "stable-v1":
        return f"{repo}/stable-v1/{path}"
    return f"{repo}/{path}"


def uri_mapper(uri: str) -> str:
    """Where to read the schema at ``uri``: the stored folder, else the download cache."""
    root = local_root()
    if uri in XML_XSD and root:
        return (root / "w3c" / "xml.xsd").as_uri()
    if not uri.startswith(RAW):
        return uri if root or uri.startswith("file:") else fetched(uri)
    repo, branch, path = uri[len(RAW) :].split("/", 2)
    if root:
        return (root / _stored_path(repo, branch, path)).as_uri()
    return fetched(uri)


def fetched(uri: str) -> str:
    """A local copy of the schema at ``uri``, downloaded once into the cache."""
    parsed = urlparse(uri)
    target = cache_root() / (parsed.netloc or "local") / parsed.path.lstrip("/")
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(uri, timeout=30) as response:
            data = response.read()
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
    return target.as_uri()


def source(schema: str) -> str:
    root = local_root()
    if root:
        return (root / schema).as_uri()
    repo, path = schema.split("/", 1)
    return fetched(f"{RAW}{repo}/{BRANCHES[repo]}/{path}")


@functools.cache
def _built(schema: str, root: str) -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(
        source(schema), uri_mapper=uri_mapper, allow="local" if root else "all"
    )


def get(schema: str) -> xmlschema.XMLSchema10:
    return _built(schema, str(local_root() or cache_root()))


@functools.cache
def _stored_namespaces(root: Path) -> dict[str, str]:
    found = {}
    for path in sorted(root.rglob("*.xsd")):
        match = re.search(r'targetNamespace="([^"]+)"', path.read_text(errors="replace")[:5000])
        if match:
            found.setdefault(match.group(1), str(path.relative_to(root)))
    return found


def schema_for(root_namespace: str) -> str | None:
    """The schema declaring ``root_namespace``: any stored one, or one of those we serve."""
    root = local_root()
    if root:
        return _stored_namespaces(root).get(root_namespace)
    return {value: key for key, value in NAMESPACES.items()}.get(root_namespace)


# A file may break the schema in thousands of places: the first ones tell what is wrong.
MAX_PROBLEMS = 20


def problems(tree, schema: str) -> list[XmlProblem]:
    """What is wrong with ``tree`` according to ``schema``: an empty list when valid.

    At most :data:`MAX_PROBLEMS`, then one line saying that there are more. The schema
    library words its reasons in English: each is said again in the reader's language,
    naming the element, the value or the attributes at fault.
    """
    found = []
    for error in get(schema).iter_errors(tree):
        if len(found) == MAX_PROBLEMS:
            found.append(XmlProblem(_("There are more problems; correct these first.")))
            break
        found.append(XmlProblem(_said_again(error), getattr(error, "sourceline", None)))
    return found


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else str(tag)


def _said_again(error) -> str:
    element = _local(error.elem.tag) if error.elem is not None else ""
    if isinstance(error, xmlschema.XMLSchemaChildrenValidationError):
        expected = ", ".join(_local(tag) for tag in (error.expected_tags or []))
        if error.invalid_tag is not None:
            place = {"child": _local(error.invalid_tag), "element": element}
            if not expected:
                return _("The element “%(child)s” is not expected inside “%(element)s”.") % place
            message = _(
                "The element “%(child)s” is not expected inside “%(element)s”; "
                "expected: %(expected)s."
            )
            return message % {**place, "expected": expected}
        return _("“%(element)s” lacks required elements: %(expected)s.") % {
            "element": element,
            "expected": expected,
        }
    if isinstance(error, xmlschema.XMLSchemaDecodeError):
        return _("“%(value)s” is not a valid value for “%(element)s”.") % {
            "value": str(error.obj)[:100],
            "element": element,
        }
    if isinstance(error.obj, dict):
        return _("“%(element)s” carries attributes the schema does not allow: %(names)s.") % {
            "element": element,
            "names": ", ".join(_local(name) for name in error.obj)[:200],
        }
    return _("“%(element)s” does not follow the schema.") % {"element": element}


def validate(data: bytes, schema: str | None = None):
    """Parse and validate ``data``; raise :class:`XmlRefused` with every problem found."""
    tree = parse(data)
    root_namespace = etree.QName(tree.getroot()).namespace or ""
    schema = schema or schema_for(root_namespace)
    if schema is None:
        raise XmlRefused([XmlProblem(_("This is not an Erasmus Without Paper document."), 1)])
    found = problems(tree, schema)
    if found:
        raise XmlRefused(found)
    return tree
