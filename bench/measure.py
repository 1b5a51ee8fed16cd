"""Requests from outside the server, and what its ``Server-Timing`` header says.

A :class:`Browser` keeps one keep-alive connection and its cookies; :func:`time_case`
requests a page ``runs`` times and gathers the server's own time, database time and query
count (``HAMKOR_SERVER_TIMING``), and the wall-clock time this side saw.
"""

from __future__ import annotations

import http.client
import http.cookies
import re
import statistics
import time
import urllib.parse
from dataclasses import dataclass, field

TIMING = re.compile(r'total;dur=([\d.]+), db;dur=([\d.]+), queries;desc="(\d+)"')


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict
    wall_ms: float

    @property
    def timing(self) -> tuple[float, float, int] | None:
        found = TIMING.search(self.headers.get("server-timing", ""))
        return (float(found[1]), float(found[2]), int(found[3])) if found else None


class Browser:
    """One visitor: a keep-alive connection to 127.0.0.1, its cookies, its CSRF token."""

    def __init__(self, base: str, headers: dict | None = None):
        parsed = urllib.parse.urlparse(base)
        self.base, self.host, self.port = base, parsed.hostname, parsed.port or 80
        self.cookies: dict[str, str] = {}
        self.headers = dict(headers or {})
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=900)

    def request(self, method: str, path: str, body: bytes | None = None, headers=None) -> Answer:
        sent = {**self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            sent.update({"X-CSRFToken": self.cookies.get("csrftoken", ""), "Referer": self.base})
        start = time.perf_counter()
        for attempt in (1, 2):  # a keep-alive connection the server closed: once more
            try:
                self.connection.request(method, path, body=body, headers=sent)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                if attempt == 2:
                    raise
        wall = (time.perf_counter() - start) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
        headers = {k.lower(): v for k, v in response.getheaders()}
        return Answer(response.status, data, headers, wall)

    def get(self, path: str, params: dict | None = None) -> Answer:
        return self.request("GET", _with_query(path, params))

    def post(self, path: str, fields: dict, files: dict | None = None) -> Answer:
        if files:
            body, kind = multipart(fields, files)
        else:
            body, kind = (
                urllib.parse.urlencode(fields).encode(),
                "application/x-www-form-urlencoded",
            )
        return self.request("POST", path, body, {"Content-Type": kind})

    def login(self, email: str, password: str) -> None:
        self.get("/account/login/")
        answer = self.post("/account/login/", {"username": email, "password": password})
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"bench/run: the login of {email} failed ({answer.status})")


def _with_query(path: str, params: dict | None) -> str:
    return f"{path}?{urllib.parse.urlencode(params)}" if params else path


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = "----hamkorbenchrun7d1f"
    parts = []
    for name, value in fields.items():
        parts += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", value]
    chunks = [("\r\n".join(parts) + "\r\n").encode() if parts else b""]
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        chunks += [head.encode(), content, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


@dataclass
class Figures:
    """One item's figures, as printed and written to the JSON file."""

    name: str
    kind: str  # list, detail, api, report, public, export, import, throughput
    median_ms: float | None = None
    p95_ms: float | None = None
    db_ms: float | None = None
    queries: int | None = None
    wall_ms: float | None = None
    raw_ms: float | None = None
    raw_kind: str = ""  # "hand": written in bench/rawsql.py; "replay": the page's own SQL
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    extra: dict = field(default_factory=dict)


def percentile95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def time_case(browser: Browser, path: str, params: dict | None, runs: int, before=None):
    """``runs`` requests (after one that warms the page); ``before()`` is called before each
    (clearing the cache, for a cold measure). Answers server times, db times, queries,
    wall-clock times and the last answer."""
    server, db, walls, queries, answer = [], [], [], 0, None
    browser.get(path, params)
    for _ in range(runs):
        if before is not None:
            before()
        answer = browser.get(path, params)
        if answer.status != 200:
            raise SystemExit(f"bench/run: {path} answered {answer.status}")
        timing = answer.timing
        if timing is None:
            raise SystemExit(
                f"bench/run: {path} has no Server-Timing header: start the server with "
                "HAMKOR_SERVER_TIMING=on"
            )
        server.append(timing[0])
        db.append(timing[1])
        queries = timing[2]
        walls.append(answer.wall_ms)
    return server, db, queries, walls, answer
