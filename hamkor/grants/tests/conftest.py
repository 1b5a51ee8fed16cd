"""Fixtures of the grants tests: the Erasmus+ tables and a stand-in for the Central Bank."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"

# Path under the rates address -> file answered (written in the bank's format).
CBU_ANSWERS = {
    "/json/": "cbu_today.json",
    "/json/all/2024-05-10/": "cbu_2024-05-10.json",
    # A Saturday: the bank answers with Friday's rates, the ones in force that day.
    "/json/all/2024-05-11/": "cbu_2024-05-10.json",
    "/json/all/2024-05-14/": "cbu_malformed.json",
    "/json/all/2024-05-15/": "cbu_empty.json",
    "/json/all/2024-05-16/": "cbu_not_json.html",
    # Well formed, but the second currency is not ISO 4217: the first must not stay saved.
    "/json/all/2024-05-20/": "cbu_unknown_currency.json",
}


@pytest.fixture(scope="module")
def erasmus_tables(django_db_setup, django_db_blocker):
    """The project's Erasmus+ rate file, loaded once per module inside a transaction rolled
    back at its end; each test runs in a savepoint within it."""
    from django.db import transaction

    from hamkor.grants.services import erasmus_rates_load

    with django_db_blocker.unblock(), transaction.atomic():
        erasmus_rates_load(actor=None)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def tables(erasmus_tables, db):
    return erasmus_tables


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        name = CBU_ANSWERS.get(self.path)
        if name is None:
            self.send_error(404)
            return
        body = (DATA / name).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def cbu_server(settings):
    """A local HTTP server answering like the Central Bank; the setting points at it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.HAMKOR_CBU_RATES_URL = f"http://127.0.0.1:{server.server_port}/json/"
    yield server
    server.shutdown()
    server.server_close()
