"""The servers bench/run drives: gunicorn (and a Celery worker with Redis) on 127.0.0.1,
nginx serving a page as a file; the one-line refusals when a database or server is out of
reach; the processes' peak memory (``/proc``)."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def deployment_gunicorn(port: int) -> list[str]:
    """gunicorn as the deployment's unit starts it (``deploy/systemd/hamkor-web@.service``),
    on ``port``; the later options given after it (workers, threads, timeout) win."""
    unit = ROOT / "deploy" / "systemd" / "hamkor-web@.service"
    text = unit.read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    command = line.removeprefix("ExecStart=/srv/hamkor/venv/bin/").replace("%i", str(port))
    return shlex.split(command)


class Refused(SystemExit):
    """One line on standard error and a non-zero exit: what cannot be reached, and why."""

    def __init__(self, message: str):
        super().__init__(f"bench/run: {message}")


def database_check() -> str:
    """The database of ``DATABASE_URL``, reachable and PostgreSQL; answers its description."""
    from django.conf import settings
    from django.db import connection
    from django.db.utils import Error

    database = settings.DATABASES["default"]
    if connection.vendor != "postgresql":
        raise Refused("PostgreSQL only: set DATABASE_URL=postgres://... (SQLite is in use)")
    where = f"{database.get('HOST') or 'localhost'}:{database.get('PORT') or 5432}"
    where += f"/{database['NAME']}"
    try:
        connection.ensure_connection()
    except Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise Refused(f"cannot reach the database {where}: {reason}") from None
    return where


def server_check(url: str) -> None:
    host = urllib.parse.urlparse(url).hostname
    if host not in LOOPBACK:
        raise Refused(f"refused {url}: only a server on 127.0.0.1 is driven")
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/healthz", timeout=10) as response:
            if response.status == 200:
                return
            reason = f"/healthz answered {response.status}"
    except urllib.error.HTTPError as exc:
        reason = f"/healthz answered {exc.code}"
    except (OSError, urllib.error.URLError) as exc:
        reason = str(getattr(exc, "reason", exc))
    raise Refused(f"cannot reach the server at {url}: {reason}")


def free_port(first: int) -> int:
    """The first port from ``first`` on that nothing listens to (0: any free port)."""
    for port in range(first, first + 20) if first else [0]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise Refused(f"no free port in {first}-{first + 19}")


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise Refused(f"{what}: not ready within {seconds:.0f} s")
        time.sleep(0.2)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


class Servers:
    """Started processes, stopped by :meth:`stop` (always, from a ``finally``)."""

    def __init__(self):
        self.processes: list[subprocess.Popen] = []
        self.gunicorn: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.folder = Path(tempfile.mkdtemp(prefix="hamkor-benchrun-"))

    def start_app(self, *, port: int, workers: int, threads: int, env: dict) -> str:
        python = sys.executable
        self.gunicorn = self._start(
            [python, "-m", *deployment_gunicorn(port),
             "--workers", str(workers), "--threads", str(threads), "--timeout", "600",
             "--log-level", "warning"],
            env,
        )  # fmt: skip
        if env.get("REDIS_URL"):
            # One process doing the work itself (solo pool): its memory is the import's.
            self.worker = self._start(
                [python, "-m", "celery", "-A", "hamkor", "worker", "--pool=solo",
                 "--without-heartbeat", "--without-gossip", "--without-mingle",
                 "--loglevel=WARNING"],
                env,
            )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(url + "/healthz"), 180, "gunicorn")
        return url

    def start_nginx(self, *, port: int, workers: int, page: bytes) -> str:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise Refused("nginx is not installed (apt-get install -y nginx-light)")
        root = self.folder / "html"
        root.mkdir(exist_ok=True)
        # nginx's workers run as an unprivileged user: the page must be readable to them.
        self.folder.chmod(0o755)
        (root / "index.html").write_bytes(page)
        config = self.folder / "nginx.conf"
        config.write_text(
            f"worker_processes {workers};\ndaemon off;\npid {self.folder}/nginx.pid;\n"
            f"error_log {self.folder}/nginx-error.log warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n  access_log off;\n"
            f"  client_body_temp_path {self.folder}/body;\n"
            f"  proxy_temp_path {self.folder}/proxy;\n"
            f"  fastcgi_temp_path {self.folder}/fastcgi;\n"
            f"  uwsgi_temp_path {self.folder}/uwsgi;\n  scgi_temp_path {self.folder}/scgi;\n"
            "  default_type text/html;\n"
            f"  server {{ listen 127.0.0.1:{port}; root {root};\n"
            "    location / { try_files /index.html =404; } }\n}\n"
        )
        self._start([nginx, "-c", str(config), "-p", str(self.folder)], dict(os.environ))
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(url + "/"), 30, "nginx")
        return url

    def _start(self, command: list[str], env: dict) -> subprocess.Popen:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.processes.append(process)
        return process

    def work_pids(self) -> list[int]:
        """The processes that do an import's or an export's work: the Celery worker when
        there is one, else gunicorn's workers (the tasks run in the request)."""
        if self.worker is not None:
            return [self.worker.pid]
        if self.gunicorn is None:
            return []
        children = Path(f"/proc/{self.gunicorn.pid}/task/{self.gunicorn.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def memory_reset(pids: list[int]) -> dict[int, int]:
    """Reset each process's peak (``clear_refs``); answers its resident kB now."""
    now = {}
    for pid in pids:
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
            now[pid] = _status_kb(pid, "VmRSS")
        except OSError:
            continue
    return now


def memory_growth_mb(before: dict[int, int]) -> float | None:
    """The largest growth of a process's peak over its size at the reset, in MB."""
    grown = [
        _status_kb(pid, "VmHWM") - kb for pid, kb in before.items() if Path(f"/proc/{pid}").exists()
    ]
    return round(max(grown) / 1024, 1) if grown else None


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0
