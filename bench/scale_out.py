#!/usr/bin/env python3
"""The scale-out deployment of docs/deployment.md, started here from deploy/'s own files.

    export DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/11
    .venv/bin/python bench/scale_out.py --port 8201            # nginx on 8201, gunicorn 8202-8204

It reads deploy/env.example, deploy/systemd/*.service and deploy/nginx/*.conf, and runs
what they say with this checkout's paths: the environment file's values (DATABASE_URL,
REDIS_URL and the paths replaced by this run's), three ``hamkor-web@PORT`` gunicorn
processes, the worker and beat units' commands, and nginx with the upstream and locations
files behind a plain-HTTP server block (TLS needs a certificate: ``tests/test_deploy.py``
checks the full site file with ``nginx -t``). It then checks through nginx: /healthz says
every part is ok, the home page is served, a static file comes from nginx itself, and the
requests were shared between the three processes; it prints what it saw and stops them
all. Exit status 0 when every check passed.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SRV = "/srv/hamkor"
UPSTREAM_PORT = re.compile(r"server 127\.0\.0\.1:(\d+)")


def env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _equals, value = line.partition("=")
            values[name] = value
    return values


def exec_start(unit: Path, **replace: str) -> list[str]:
    """A unit's ``ExecStart`` as a command, its continuation lines joined, paths replaced."""
    text = unit.read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    command = line.removeprefix("ExecStart=")
    for old, new in replace.items():
        command = command.replace(old, new)
    return shlex.split(command)


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()
    except OSError:
        return 0, {}, b""


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what}: not within {seconds:.0f} s")
        time.sleep(0.2)


def nginx_config(folder: Path, port: int, app_ports: list[int]) -> Path:
    """nginx's main file for this run: deploy/'s upstream and locations, with this run's
    ports and paths, behind a plain-HTTP server on ``port``."""
    upstream = (DEPLOY / "nginx" / "hamkor-upstream.conf").read_text()
    listed = UPSTREAM_PORT.findall(upstream)
    assert len(listed) == len(app_ports), "hamkor-upstream.conf lists another number"
    for old, new in zip(listed, app_ports, strict=True):
        upstream = upstream.replace(f"127.0.0.1:{old} ", f"127.0.0.1:{new} ")
    (folder / "hamkor-upstream.conf").write_text(upstream)
    locations = (DEPLOY / "nginx" / "hamkor-locations.conf").read_text()
    locations = locations.replace(f"{SRV}/static/", f"{folder}/static/")
    locations = locations.replace(f"{SRV}/deploy/", f"{DEPLOY}/")
    (folder / "hamkor-locations.conf").write_text(locations)
    main = folder / "nginx.conf"
    main.write_text(f"""daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/nginx-body;
    proxy_temp_path {folder}/nginx-proxy;
    fastcgi_temp_path {folder}/nginx-fastcgi;
    uwsgi_temp_path {folder}/nginx-uwsgi;
    scgi_temp_path {folder}/nginx-scgi;
    include {folder}/hamkor-upstream.conf;
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        include {folder}/hamkor-locations.conf;
    }}
}}
""")
    return main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8201, help="nginx; gunicorn on the next 3")
    parser.add_argument("--requests", type=int, default=60, help="pages asked through nginx")
    parser.add_argument("--workers", type=int, help="gunicorn --workers (default: the unit's)")
    parser.add_argument("--keep", action="store_true", help="keep the run's folder")
    arguments = parser.parse_args()
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(f"{name} is not set: the scale-out needs PostgreSQL and Redis")
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("DATABASE_URL: several app servers need PostgreSQL, not SQLite")
    if not shutil.which("nginx"):
        raise SystemExit("nginx is not installed (Debian: apt-get install nginx-light)")

    folder = Path(tempfile.mkdtemp(prefix="hamkor-scale-out-"))
    folder.chmod(0o755)  # nginx's workers (nobody, www-data) read the static files there
    env = {
        **os.environ,
        **env_file(DEPLOY / "env.example"),
        # This machine's services and a folder of this run's in place of /srv and /var/lib.
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ["REDIS_URL"],
        "HAMKOR_BROKER_URL": os.environ.get("HAMKOR_BROKER_URL", os.environ["REDIS_URL"]),
        "SECRET_KEY": "scale-out-demo",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HAMKOR_BASE_URL": f"http://127.0.0.1:{arguments.port}",
        "HTTPS": "off",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "HAMKOR_VAR_DIR": str(folder / "var"),
        "HAMKOR_BACKUP_DIR": str(folder / "var" / "backups"),
        "EMAIL_URL": "",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "hamkor.settings",
    }
    python, binaries = sys.executable, str(Path(sys.executable).parent) + "/"
    replace = {f"{SRV}/venv/bin/": binaries, "/var/lib/hamkor": str(folder / "var")}
    hamkor = [python, "-m", "hamkor.cli"]
    for step in (["migrate", "--no-input", "-v", "0"], ["collectstatic", "--no-input", "-v", "0"]):
        subprocess.run(hamkor + step, env=env, cwd=ROOT, check=True)

    app_ports = [arguments.port + 1 + number for number in range(3)]
    commands = {}
    for port in app_ports:
        command = exec_start(DEPLOY / "systemd" / "hamkor-web@.service", **replace, **{
            "%i": str(port)})  # fmt: skip
        if arguments.workers:
            command[command.index("--workers") + 1] = str(arguments.workers)
        commands[f"web@{port}"] = command
    commands["worker"] = exec_start(DEPLOY / "systemd" / "hamkor-worker.service", **replace)
    commands["beat"] = exec_start(DEPLOY / "systemd" / "hamkor-beat.service", **replace)
    commands["nginx"] = ["nginx", "-p", str(folder), "-c",
                         str(nginx_config(folder, arguments.port, app_ports))]  # fmt: skip
    processes = {}
    base = f"http://127.0.0.1:{arguments.port}"
    failures = []
    try:
        for name, command in commands.items():
            log = (folder / f"{name}.log").open("w")
            processes[name] = subprocess.Popen(
                command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
            print(f"started {name}: {shlex.join(command)}")
        for port in app_ports:
            wait_until(lambda port=port: fetch(f"http://127.0.0.1:{port}/healthz")[0] == 200,
                       180, f"gunicorn on {port}")  # fmt: skip
        wait_until(lambda: fetch(base + "/healthz")[0] == 200, 30, "nginx")

        def check(what: str, passed: bool, detail: str = "") -> None:
            print(f"{'ok  ' if passed else 'FAIL'} {what}{': ' + detail if detail else ''}")
            if not passed:
                failures.append(what)

        status, _headers, body = fetch(base + "/healthz")
        check("/healthz through nginx", status == 200 and b'"broker": "ok"' in body, body.decode())
        status, headers, body = fetch(base + "/static/hamkor/hamkor.js")
        from_nginx = "Content-Security-Policy" not in headers and "Referrer-Policy" not in headers
        check("a static file served by nginx itself", status == 200 and from_nginx)
        status, _headers, body = fetch(base + "/uz/")
        check("the public home page through nginx", status == 200 and b"<html" in body)
        started = time.perf_counter()
        answered = sum(fetch(base + "/healthz")[0] == 200 for _ in range(arguments.requests))
        elapsed = time.perf_counter() - started
        check(f"{arguments.requests} requests answered", answered == arguments.requests,
              f"{answered / elapsed:.1f} per second one at a time")  # fmt: skip
        shares = {}
        for port in app_ports:
            log = (folder / f"web@{port}.log").read_text()
            shares[port] = log.count('"GET /healthz')
        check("requests shared between the three app servers",
              all(shares.values()), ", ".join(f"{p}: {n}" for p, n in shares.items()))  # fmt: skip
        check("worker and beat running",
              processes["worker"].poll() is None and processes["beat"].poll() is None)  # fmt: skip
        print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
        if arguments.keep or failures:
            print(f"logs kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print("all checks passed" if not failures else f"failed: {', '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
