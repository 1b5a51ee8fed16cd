"""Crawl the site as one user and fuzz every form it shows (``tests/test_crawl.py``).

A breadth-first walk from the home pages over the same-site links a user is shown, one
address per URL pattern and query shape; each page's forms are sent empty and with hostile
values. What it gathers: server errors, hostile markers echoed unescaped, GET requests that
wrote to the database, and how long each answer took.
"""

from __future__ import annotations

import re
import time
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

# The hostile text: a script, an attribute break, an SQL fragment. Each marker must never
# come back raw in a page.
MARKERS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>")
HOSTILE_TEXT = f"{MARKERS[0]}\"'>{MARKERS[1]}' OR '1'='1'; DROP TABLE auth_user;--"
TEN_KB = ("Oʻzbekiston Тошкент " * 600)[:10_000]
ONE_MB = "x" * 1_000_000
NUL_TEXT = "before\x00after"
HUNDRED_WORDS = " ".join(f"soʻz{number}" for number in range(100))

# Links never followed: they end the session or change the language of the rest of the walk.
SKIPPED_URL_NAMES = re.compile(r"(^|:)(logout|set_language)$")
# Tables a GET may write to: bookkeeping, never a record a user sees change: the session,
# the login guard's records, the security log, the home page's "since your last visit",
# the unconfirmed key the two-factor setup page shows as a QR code.
GET_WRITABLE_TABLES = re.compile(
    r"django_session|axes_\w+|\w*securit\w*|workbench_homevisit|otp_totp_totpdevice"
)
_WRITE = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', re.IGNORECASE)

# What a file served is (pages, feeds and API answers aside); what may be shown inline: a
# picture, and the public calendar feed a calendar program subscribes to.
FILE_TYPES = (
    "application/pdf",
    "application/vnd.",
    "application/octet-stream",
    "application/zip",
    "text/csv",
    "image/",
)
SHOWN_INLINE = ("image/", "text/calendar")

TEXT_TYPES = {"text", "search", "email", "url", "tel", "password", "textarea", ""}
DATE_TYPES = {"date", "datetime-local", "month", "week", "time"}
SKIPPED_TYPES = {"submit", "button", "reset", "image", "file"}


@dataclass
class Field:
    name: str
    kind: str  # the input's type, "select" or "textarea"
    value: str
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    action: str
    method: str
    fields: list[Field] = field(default_factory=list)

    def editable(self) -> list[Field]:
        return [f for f in self.fields if f.kind not in ("hidden", "checkbox", "radio")]


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = Form(attrs.get("action") or "", (attrs.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is None or not attrs.get("name"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_TYPES:
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            value = attrs.get("value") or ("on" if kind in ("checkbox", "radio") else "")
            self._form.fields.append(Field(attrs["name"], kind, value))
        elif tag == "select":
            self._select = Field(attrs["name"], "select", "")
            self._form.fields.append(self._select)
        elif tag == "textarea":
            self._textarea = Field(attrs["name"], "textarea", "")
            self._form.fields.append(self._textarea)
        if tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select.options.append(value)
            if "selected" in attrs or len(self._select.options) == 1:
                self._select.value = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._form = None


def read_page(html: str) -> _PageReader:
    reader = _PageReader()
    reader.feed(html)
    return reader


def submissions(form: Form) -> list[tuple[str, dict[str, str]]]:
    """What each form is sent: empty, then each hostile kind in turn (one submission per
    kind, every field of the fitting type set to it)."""
    base = {f.name: f.value for f in form.fields}

    def with_values(text=None, number=None, date=None, select=None, only_first=False):
        data = dict(base)
        texts = [f for f in form.editable() if f.kind in TEXT_TYPES]
        for item in form.editable():
            if item.kind in TEXT_TYPES and text is not None:
                if not only_first or item is (texts[0] if texts else None):
                    data[item.name] = text
            elif item.kind == "number" and number is not None:
                data[item.name] = number
            elif item.kind in DATE_TYPES and date is not None:
                data[item.name] = date
            elif item.kind == "select" and select is not None:
                data[item.name] = select
        return data

    empty = {f.name: ("" if f in form.editable() else f.value) for f in form.fields}
    empty = {k: v for k, v in empty.items() if v != "on"}
    # Five sendings a form: the hostile text alone (a valid form then stores it, and later
    # pages show it), then the other hostile kinds two by two.
    long_text = ("100 words", HUNDRED_WORDS) if form.method == "get" else ("1 MB", ONE_MB)
    return [
        ("empty", empty),
        ("script and SQL", with_values(text=HOSTILE_TEXT)),
        ("NUL, wrong types", with_values(text=NUL_TEXT, number="abc", date="abc", select="abc")),
        (
            "10 kB, negative, far past",
            with_values(text=TEN_KB, number="-1", date="0001-01-01", select="-1"),
        ),
        (
            f"{long_text[0]}, huge, far future",
            with_values(
                text=long_text[1],
                number=str(10**20),
                date="9999-12-31",
                select=str(10**20),
                only_first=form.method == "post",
            ),
        ),
    ]


def url_key(url: str) -> str:
    """One address per URL pattern and query shape: the URL's name and its query's keys."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
        name = match.view_name
    except Resolver404:
        name = parts.path
    keys = sorted({key for key, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{name}?{'&'.join(keys)}"


def _url_name(url: str) -> str:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return ""


@dataclass
class Finding:
    kind: str
    url: str
    detail: str = ""

    def __str__(self):
        return f"{self.kind}: {self.url} {self.detail}".strip()


@dataclass
class Crawler:
    client: object
    max_pages: int = 150
    fuzz: bool = True
    visited: dict[str, str] = field(default_factory=dict)  # key -> first URL
    fuzzed: set[str] = field(default_factory=set)  # forms sent, shared between crawlers
    timings: list[tuple[float, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    requests: int = 0
    private: bool = True  # a signed-in user: every download is private
    downloads: set[str] = field(default_factory=set)  # URL names of the files served

    def crawl(self, *starts: str) -> None:
        queue = deque(starts)
        while queue and len(self.visited) < self.max_pages:
            url = queue.popleft()
            key = url_key(url)
            if key in self.visited:
                continue
            self.visited[key] = url
            response = self._get(url)
            if response is not None and self._is_download(response):
                self._check_download(url, response)
            if response is None or not self._is_html(response):
                continue
            page = read_page(response.text)
            for href in page.links:
                target = self._same_site(url, href)
                if target and url_key(target) not in self.visited:
                    queue.append(target)
            if self.fuzz:
                for form in page.forms:
                    self._fuzz_form(url, form, response)

    # --- requests -------------------------------------------------------------------------

    def _get(self, url: str):
        with CaptureQueriesContext(connection) as queries:
            response = self._timed("GET", url, lambda: self.client.get(url))
        writes = self._writes(queries)
        if writes:
            self.findings.append(Finding("GET wrote to the database", url, ", ".join(writes)))
        if response is not None and response.status_code in (301, 302, 303, 307, 308):
            location = response.get("Location", "")
            target = self._same_site(url, location)
            if target and url_key(target) not in self.visited:
                return self._get_after_redirect(target)
        return response

    def _get_after_redirect(self, url: str):
        self.visited.setdefault(url_key(url), url)
        with CaptureQueriesContext(connection) as queries:
            response = self._timed("GET", url, lambda: self.client.get(url))
        writes = self._writes(queries)
        if writes:
            self.findings.append(Finding("GET wrote to the database", url, ", ".join(writes)))
        return response

    def _timed(self, method: str, url: str, call, label: str = ""):
        started = time.perf_counter()
        self.requests += 1
        try:
            response = call()
        except Exception as exc:  # the test client re-raises a view's exception
            self.findings.append(Finding("server error", f"{method} {url}", f"{label} {exc!r}"))
            return None
        finally:
            self.timings.append((time.perf_counter() - started, f"{method} {url} {label}"))
        if response.status_code >= 500:
            self.findings.append(Finding(f"{response.status_code}", f"{method} {url}", label))
        elif self._is_html(response):
            for marker in MARKERS:
                if marker in response.text:
                    self.findings.append(Finding("unescaped", f"{method} {url}", label))
                    break
        return response

    @staticmethod
    def _writes(queries) -> list[str]:
        tables = []
        for query in queries.captured_queries:
            match = _WRITE.match(query["sql"])
            if match and not GET_WRITABLE_TABLES.fullmatch(match.group(2)):
                tables.append(match.group(2))
        return sorted(set(tables))

    @staticmethod
    def _is_download(response) -> bool:
        kind = response.get("Content-Type", "")
        return response.status_code == 200 and (
            response.has_header("Content-Disposition") or kind.startswith(FILE_TYPES)
        )

    def _check_download(self, url: str, response) -> None:
        """A file is served as an attachment (a picture may be shown inline), never sniffed
        into another type, and, to a signed-in user, kept by no cache."""
        self.downloads.add(_url_name(url) or url)
        problems = []
        disposition = response.get("Content-Disposition", "")
        kind = response.get("Content-Type", "")
        if not disposition.startswith("attachment") and not kind.startswith(SHOWN_INLINE):
            problems.append(f"Content-Disposition {disposition!r}")
        if response.get("X-Content-Type-Options") != "nosniff":
            problems.append("no X-Content-Type-Options: nosniff")
        cache = response.get("Cache-Control", "")
        if self.private and not ("private" in cache and "no-store" in cache):
            problems.append(f"Cache-Control {cache!r}")
        if problems:
            self.findings.append(Finding("download headers", url, "; ".join(problems)))

    @staticmethod
    def _is_html(response) -> bool:
        return response.get("Content-Type", "").startswith("text/html") and not getattr(
            response, "streaming", False
        )

    @staticmethod
    def _same_site(base: str, href: str) -> str | None:
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            return None
        parts = urlsplit(urljoin(base, href))
        if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
            return None
        if parts.path.startswith(("/static/", "/media/")):
            return None
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if SKIPPED_URL_NAMES.search(_url_name(url)):
            return None
        return url

    # --- forms ----------------------------------------------------------------------------

    def _fuzz_form(self, page_url: str, form: Form, page) -> None:
        action = self._same_site(page_url, form.action) if form.action else page_url
        if action is None or not form.editable():
            return  # a button (delete, transition, logout) or another site's form
        names = sorted({f.name for f in form.fields})
        key = f"{form.method} {url_key(action.split('?')[0])} {names}"
        if key in self.fuzzed:
            return
        self.fuzzed.add(key)
        token = page.cookies.get("csrftoken")
        for label, data in submissions(form):
            if form.method == "post":
                if token is not None:
                    data.setdefault("csrfmiddlewaretoken", token.value)
                self._timed("POST", action, lambda d=data: self.client.post(action, d), label)
            else:
                target = action.split("?")[0] + "?" + urlencode(data)
                self._timed("GET", action, lambda t=target: self.client.get(t), label)

    def slowest(self, count: int = 10) -> list[tuple[float, str]]:
        return sorted(self.timings, reverse=True)[:count]
