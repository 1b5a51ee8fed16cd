"""A stand-in for a university's HEMIS on 127.0.0.1: it answers ``/rest/v1/data/<list>``
from the files in ``responses/`` (``<list>-<page>.json``) to the bearer token ``TOKEN``."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

RESPONSES = Path(__file__).resolve().parent / "responses"
TOKEN = "test-token"


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self):
        self.server.requests.append(self.path)
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._send(401, {"success": False, "error": "Unauthorized", "data": None})
        name = url.path.removeprefix("/rest/v1/data/")
        file = RESPONSES / f"{name}-{query.get('page', ['1'])[0]}.json"
        if "/" in name or not file.is_file():
            return self._send(404, {"success": False, "error": "Not found", "data": None})
        return self._send(200, json.loads(file.read_text()))

    def _send(self, status: int, answer: dict):
        body = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@contextmanager
def fake_hemis():
    """The server's base URL, while it runs; ``.requests`` on the server lists the paths."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
