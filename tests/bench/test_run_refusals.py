"""bench/run says in one line what it cannot reach, and exits non-zero."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[2] / "bench" / "run"


def closed_port() -> int:
    """A port nothing listens to (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, str(RUN), *args], capture_output=True, text=True, env=environment,
        timeout=300,
    )  # fmt: skip


def test_run_refuses_a_server_it_cannot_reach(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}"
    done = bench_run("--url", url, HAMKOR_VAR_DIR=str(tmp_path))
    assert done.returncode != 0
    assert done.stderr.startswith(f"bench/run: cannot reach the server at {url}: ")
    assert "refused" in done.stderr.lower()
    assert done.stderr.count("\n") == 1


def test_run_refuses_a_server_not_on_this_machine(tmp_path):
    done = bench_run("--url", "http://192.0.2.1:8000", HAMKOR_VAR_DIR=str(tmp_path))
    assert done.returncode != 0
    assert (
        done.stderr
        == "bench/run: refused http://192.0.2.1:8000: only a server on 127.0.0.1 is driven\n"
    )


def test_run_refuses_a_database_it_cannot_reach(tmp_path):
    url = f"postgres://postgres@127.0.0.1:{closed_port()}/hamkor_nowhere"
    done = bench_run(DATABASE_URL=url, HAMKOR_VAR_DIR=str(tmp_path))
    assert done.returncode != 0
    assert done.stderr.startswith(
        f"bench/run: cannot reach the database 127.0.0.1:{url.rsplit(':', 1)[1]}: "
    )
    assert done.stderr.count("\n") == 1
