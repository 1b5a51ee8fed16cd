"""What Hamkor reads of HEMIS, and how sure it is of each name: every field the reader uses
is declared in ``mapping.FIELDS`` as seen (in the sources of uzbek-context.md) or assumed,
and docs/hemis.md says the same; paging does not depend on the assumed ``pageCount``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hamkor.hemis import client, mapping, oauth
from hamkor.hemis.client import HemisClient, HemisError

DOCS = Path(__file__).resolve().parents[3] / "docs" / "hemis.md"


def _read_in_code() -> set[str]:
    """The HEMIS fields the reader's code names (``item.get("x")``, ``_named(item, "x")``
    with its part, and the envelope's keys)."""
    source = Path(mapping.__file__).read_text()
    found = set(re.findall(r'item\.get\("(\w+)"\)', source))
    for key, part in re.findall(r'_named\(item, "(\w+)"(?:, "(\w+)")?\)', source):
        found.add(f"{key}.{part or 'name'}")
    for key in ("studentStatus", "employeeStatus"):  # named through a conditional
        found.discard(f"{key}.name")
    found |= {"studentStatus.name", "employeeStatus.name"}
    client_source = Path(client.__file__).read_text()
    assert 'answer.get("success")' in client_source and 'data.get("items")' in client_source
    assert '"pageCount"' in client_source
    found |= {"success", "data.items", "data.pagination.pageCount"}
    oauth_source = Path(oauth.__file__).read_text()
    assert '.get("access_token")' in oauth_source and 'answer.get("id")' in oauth_source
    return found | {"oauth:access_token", "oauth:id"}


def test_every_field_read_is_declared_seen_or_assumed():
    assert _read_in_code() == set(mapping.FIELDS)
    assert set(mapping.FIELDS.values()) <= {mapping.SEEN, mapping.ASSUMED}


def test_the_docs_say_of_each_field_what_the_code_says():
    rows = {}
    for line in DOCS.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            for name in re.findall(r"`([^`]+)`", cells[0]):
                rows[name] = cells[1]
    documented = {name: rows.get(name) for name in mapping.FIELDS}
    assert documented == dict(mapping.FIELDS)


class _Pages(HemisClient):
    """A client whose pages come from a list (no network): the paging rule alone."""

    def __init__(self, pages, page_size=3):
        super().__init__(base_url="http://hemis.invalid", token="t", page_size=page_size)
        self.pages, self.asked = pages, []

    def get(self, name, **params):
        self.asked.append(params["page"])
        return self.pages[params["page"] - 1]


def test_without_page_count_every_full_page_is_followed_by_the_next():
    pages = [{"items": [{"id": 1}, {"id": 2}, {"id": 3}]}, {"items": [{"id": 4}]}]
    reader = _Pages(pages)

    assert [item["id"] for item in reader.items("employee-list")] == [1, 2, 3, 4]
    assert reader.asked == [1, 2]


def test_a_page_count_that_is_not_a_number_is_an_error():
    reader = _Pages([{"items": [{"id": 1}], "pagination": {"pageCount": "many"}}])

    with pytest.raises(HemisError, match="pageCount"):
        list(reader.items("student-list"))
