"""A reader of a university's HEMIS data API (``/rest/v1/data/...``).

The paths (``employee-list?type=all``, ``student-list``), the ``page`` and ``limit``
parameters, the bearer token and ``data.items`` are seen in the third-party code cited by
``../shared/uzbek-context.md``; the rest of the envelope is **assumed** (no official
documentation): ``{"success": true, "data": {"items": [...], "pagination": {"pageCount":
3}}}`` (``mapping.FIELDS`` and docs/hemis.md list what is assumed).
The client reads page after page until ``pageCount`` (without it, until a page is not
full); it knows nothing of Hamkor's models.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

from django.conf import settings

PAGE_SIZE = 200  # assumed to be served whole; a smaller page is read on all the same
MAX_PAGES = 1000  # a guard against a server that never reports its last page


class HemisError(Exception):
    """HEMIS could not be read: unreachable, refused the token, or answered nonsense."""


class HemisClient:
    def __init__(self, *, base_url: str, token: str, timeout: float = 30, page_size=PAGE_SIZE):
        if not base_url or not token:
            raise HemisError("HEMIS_BASE_URL and HEMIS_TOKEN must both be set.")
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.page_size = page_size

    @classmethod
    def from_settings(cls) -> HemisClient:
        return cls(
            base_url=settings.HEMIS_BASE_URL,
            token=settings.HEMIS_TOKEN,
            timeout=settings.HEMIS_TIMEOUT,
        )

    def employees(self) -> Iterator[dict]:
        """Every employee (``type=all``: teachers and other staff)."""
        return self.items("employee-list", type="all")

    def students(self) -> Iterator[dict]:
        return self.items("student-list")

    def items(self, name: str, **params) -> Iterator[dict]:
        """The items of list ``name``, page after page."""
        page = 1
        while page <= MAX_PAGES:
            data = self.get(name, page=page, limit=self.page_size, **params)
            items = data.get("items")
            if not isinstance(items, list):
                raise HemisError(f"{name}: the answer has no list of items.")
            yield from (item for item in items if isinstance(item, dict))
            if not items or self.last_page(name, data, page, len(items)):
                return
            page += 1

    def last_page(self, name: str, data: dict, page: int, count: int) -> bool:
        """Whether ``page`` is the last: ``pagination.pageCount`` says so (assumed); without
        it, a page shorter than asked for is the last (nothing past a full page is lost)."""
        pagination = data.get("pagination")
        if not isinstance(pagination, dict) or pagination.get("pageCount") in (None, ""):
            return count < self.page_size
        try:
            return page >= int(pagination["pageCount"])
        except (TypeError, ValueError) as exc:
            raise HemisError(f"{name}: pageCount is not a number.") from exc

    def get(self, name: str, **params) -> dict:
        """``data`` of one answer of ``/rest/v1/data/<name>``."""
        url = f"{self.base_url}/rest/v1/data/{name}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(
            url, headers={"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise HemisError(f"{name}: HEMIS answered {exc.code}.") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise HemisError(f"{name}: HEMIS cannot be reached ({exc}).") from exc
        try:
            answer = json.loads(body)
        except ValueError as exc:
            raise HemisError(f"{name}: the answer is not JSON.") from exc
        if not isinstance(answer, dict) or not answer.get("success"):
            error = answer.get("error") if isinstance(answer, dict) else None
            raise HemisError(f"{name}: HEMIS refused the request ({error or 'no reason'}).")
        data = answer.get("data")
        if not isinstance(data, dict):
            raise HemisError(f"{name}: the answer has no data.")
        return data
