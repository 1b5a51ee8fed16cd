"""A local receiver of webhook deliveries for the tests: it answers each POST with the next
of ``answers`` (status, body) and keeps what it was sent."""

from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append((dict(self.headers), body))
        answers = self.server.answers
        status, text = answers.pop(0) if len(answers) > 1 else answers[0]
        payload = text.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):
        pass


@contextmanager
def receiver(*answers: tuple[int, str]):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.received = []
    server.answers = list(answers) or [(200, "ok")]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()
