#!/usr/bin/env python3
"""Load: many staff, visitors and API clients at once against gunicorn (bench/README.md).

    .venv/bin/python bench/load.py --users 50 --seconds 60            # starts gunicorn itself
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 --no-seed  # a server running

With ``--url`` absent the script migrates the database of ``DATABASE_URL``, adds its
personas and records (``bench-*``, marked by their e-mail domain), starts gunicorn on a free
port (and a Celery worker when ``REDIS_URL`` is set: imports then run in the background) and
stops them at the end. Each simulated user is a thread with its own session: officers and
administrators (the latter past two-factor with a code computed from their device's
secret), visitors and API clients, in a fixed mix. Only 127.0.0.1 is driven: any other
host is refused. It prints requests, errors and latency percentiles per kind and overall,
and writes them as JSON (``--json``). An error is a 5xx, a refused connection or an answer
the mix does not expect (a conflict on the user's own record, a 4xx on a page it may open).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "bench-load.example.org"
PASSWORD = "bench-load-password-7"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TIMEOUT = 60  # seconds one request may take before it counts as an error


# --- Personas and records (run in a process with Django set up) ---------------------------


def seed(users: int) -> dict:
    """The personas and records the mix needs; a second call adds nothing. Answers what the
    clients need: logins, the TOTP secrets, the units each user edits, an API token."""
    import base64

    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hamkor.accounts.models import OrgUnit, User
    from hamkor.accounts.roles import Role
    from hamkor.api.models import ApiToken
    from hamkor.api.services import api_token_create
    from hamkor.partners.models import Institution

    home = Institution.objects.filter(is_home=True).first() or Institution.objects.create(
        name="Bench University", name_en="Bench University", country="UZ", is_home=True
    )
    personas = []
    for number in range(users):
        role = Role.ADMINISTRATOR if number % 10 == 9 else Role.OFFICER
        email = f"{role}-{number}@{DOMAIN}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=PASSWORD, full_name=email)
            user.groups.set(Group.objects.filter(name=role))
        secret = ""
        if role == Role.ADMINISTRATOR:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
            secret = base64.b32encode(device.bin_key).decode()
        code = f"bench-{number}"
        unit = OrgUnit.objects.filter(code=code).first() or OrgUnit.objects.create(
            institution=home, kind="department", code=code, name_uz=code, name_en=code
        )
        personas.append(
            {"email": email, "secret": secret, "unit": unit.pk, "code": code, "home": home.pk}
        )
    api_user = User.objects.get(email=personas[0]["email"])
    ApiToken.objects.filter(user=api_user, name="bench-load").delete()
    _token, key = api_token_create(user=api_user, name="bench-load")
    return {"personas": personas, "token": key, "password": PASSWORD}


# --- The clients --------------------------------------------------------------------------


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str = "") -> None:
        with self.lock:
            self.times[kind].append(seconds)
            if error:
                self.errors[kind].append(error)


class Session:
    """One simulated user: a cookie jar, the CSRF token, timed requests."""

    def __init__(self, base: str, tally: Tally):
        self.base, self.tally = base, tally
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, kind, path, *, data=None, files=None, headers=None, ok=(200,)):
        """Time one request; answers (status, body, final path)."""
        headers = dict(headers or {})
        body = None
        if files is not None:
            body, headers["Content-Type"] = multipart({**(data or {}), **files})
        elif data is not None:
            body = urllib.parse.urlencode(data).encode()
        if body is not None:
            headers.update({"X-CSRFToken": self.csrf(), "Referer": self.base + path})
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        start = time.perf_counter()
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                status, text, final = response.status, response.read(), response.url
        except urllib.error.HTTPError as exc:
            status, text, final = exc.code, exc.read(), exc.url
        except (OSError, urllib.error.URLError) as exc:
            self.tally.add(kind, time.perf_counter() - start, f"{path}: {exc}")
            return 0, "", path
        error = "" if status in ok else f"{path}: {status}"
        self.tally.add(kind, time.perf_counter() - start, error)
        return status, text.decode("utf-8", "replace"), urllib.parse.urlparse(final).path

    def login(self, persona: dict, password: str) -> None:
        self.request("login", "/account/login/")
        _status, _text, path = self.request(
            "login",
            "/account/login/",
            data={"username": persona["email"], "password": password},
        )
        if path.startswith("/account/two-factor/verify/"):
            from django_otp.oath import totp

            code = f"{totp(__import__('base64').b32decode(persona['secret'])):06d}"
            self.request("login", path, data={"token": code})


def multipart(fields: dict) -> tuple[bytes, str]:
    boundary = f"----bench{random.getrandbits(64):x}"
    lines = []
    for name, value in fields.items():
        if isinstance(value, tuple):  # (filename, bytes)
            head = f'Content-Disposition: form-data; name="{name}"; filename="{value[0]}"'
            lines += [f"--{boundary}".encode(), head.encode(), b"", value[1]]
        else:
            head = f'Content-Disposition: form-data; name="{name}"'
            lines += [f"--{boundary}".encode(), head.encode(), b"", str(value).encode()]
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines), f"multipart/form-data; boundary={boundary}"


VERSION = re.compile(r'name="_version" value="(\d+)"')
JOB = re.compile(r'name="job" value="(\d+)"')
STAFF_LISTS = [
    "/staff/units/",
    "/staff/institutions/",
    "/staff/agreements/",
    "/staff/mobilities/",
    "/staff/people/",
]
PUBLIC = ["/uz/", "/ru/", "/en/events/", "/robots.txt"]
API = ["/api/v1/institutions/", "/api/v1/org-units/", "/api/v1/mobilities/"]


def staff_user(session: Session, persona: dict, password: str, stop: float, rng) -> None:
    session.login(persona, password)
    unit, counter, step = persona["unit"], 0, 0
    while time.monotonic() < stop:
        # Each kind once first (a short run covers them all), then at random.
        choice = (0.0, 0.5, 0.8, 0.95)[step] if step < 4 else rng.random()
        step += 1
        if choice < 0.45:
            session.request("staff list", rng.choice(STAFF_LISTS))
        elif choice < 0.75:
            session.request("staff detail", f"/staff/units/{unit}/")
        elif choice < 0.93:
            _status, text, _path = session.request("edit", f"/staff/units/{unit}/edit/")
            found = VERSION.search(text)
            if found:
                counter += 1
                name = f"{persona['code']} {counter}"
                session.request(
                    "edit",
                    f"/staff/units/{unit}/edit/",
                    data={"kind": "department", "code": persona["code"], "name_uz": name,
                          "name_en": name, "is_active": "on", "_version": found[1],
                          "institution": persona["home"], "parent": "", "name_ru": ""},
                    ok=(200,),  # the redirect to the record's page is followed
                )  # fmt: skip
        else:
            code = persona["code"]
            content = (
                "code,kind,name_uz,name_ru,name_en,parent,is_active\n"
                f"{code}-import,department,{code} import,,{code} import,,true\n"
            ).encode()
            _status, text, _path = session.request(
                "import", "/staff/units/import/", data={}, files={"file": ("u.csv", content)}
            )
            found = JOB.search(text)
            if found:
                session.request("import", "/staff/units/import/", data={"job": found[1]})


def visitor(session: Session, stop: float, rng) -> None:
    while time.monotonic() < stop:
        session.request("public", rng.choice(PUBLIC))


def api_client(session: Session, token: str, stop: float, rng) -> None:
    headers = {"Authorization": f"Token {token}", "Accept": "application/json"}
    while time.monotonic() < stop:
        session.request("api", rng.choice(API), headers=headers)


def drive(base: str, data: dict, *, users: int, seconds: float, seed_value: int = 1) -> dict:
    """Run the mix: of every ten users six staff, two visitors, two API clients."""
    host = urllib.parse.urlparse(base).hostname
    if host not in LOOPBACK:
        raise SystemExit(f"refused: {host} is not this machine (127.0.0.1 only)")
    tally = Tally()
    stop = time.monotonic() + seconds
    threads = []
    for number in range(users):
        session, rng = Session(base, tally), random.Random(seed_value * 1000 + number)
        slot = number % 10
        if slot in (3, 6):
            target, args = visitor, (session, stop, rng)
        elif slot in (4, 8):
            target, args = api_client, (session, data["token"], stop, rng)
        else:
            persona = data["personas"][number % len(data["personas"])]
            target, args = staff_user, (session, persona, data["password"], stop, rng)
        threads.append(threading.Thread(target=target, args=args, daemon=True))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + TIMEOUT * 2)
    return summary(tally, time.monotonic() - started, users)


def percentile(values: list[float], share: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(share) - 1]


def summary(tally: Tally, elapsed: float, users: int) -> dict:
    kinds = {}
    everything = [t for times in tally.times.values() for t in times]
    for kind, times in sorted({**tally.times, "overall": everything}.items()):
        errors = (
            sum(len(e) for e in tally.errors.values())
            if kind == "overall"
            else len(tally.errors[kind])
        )
        kinds[kind] = {
            "requests": len(times),
            "errors": errors,
            **{
                f"p{p}_ms": round(percentile(times, p) * 1000, 1) if times else None
                for p in (50, 95, 99)
            },
        }
    first_errors = [e for errors in tally.errors.values() for e in errors][:20]
    return {
        "users": users,
        "seconds": round(elapsed, 1),
        "requests_per_second": round(len(everything) / elapsed, 1) if elapsed else 0,
        "kinds": kinds,
        "first_errors": first_errors,
    }


def report(result: dict) -> None:
    print(
        f"{result['users']} users, {result['seconds']} s, "
        f"{result['requests_per_second']} requests/s; load average {os.getloadavg()[0]:.1f}"
    )
    print(f"{'kind':<14}{'requests':>10}{'errors':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
    for kind, row in result["kinds"].items():
        print(
            f"{kind:<14}{row['requests']:>10}{row['errors']:>8}"
            + "".join(f"{row[f'p{p}_ms'] or 0:>10.1f}" for p in (50, 95, 99))
        )
    for error in result["first_errors"]:
        print("error:", error)


# --- Starting the servers -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what}: not ready within {seconds} s")
        time.sleep(0.2)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def start_servers(workers: int, threads: int) -> tuple[str, list[subprocess.Popen]]:
    port = free_port()
    python = sys.executable
    subprocess.run([python, "-m", "hamkor.cli", "migrate", "--no-input"], check=True, cwd=ROOT)
    processes = [
        subprocess.Popen(
            [python, "-m", "gunicorn", "hamkor.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
             "--timeout", "120", "--log-level", "warning"],
            cwd=ROOT,
        )
    ]  # fmt: skip
    if os.environ.get("REDIS_URL"):
        processes.append(
            subprocess.Popen(
                [python, "-m", "celery", "-A", "hamkor", "worker", "--concurrency=2",
                 "--without-heartbeat", "--without-gossip", "--without-mingle",
                 "--loglevel=WARNING"],
                cwd=ROOT,
            )
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: answers(url), 120, "gunicorn")
    return url, processes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server (127.0.0.1 only); default: start one")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn process")
    parser.add_argument("--json", type=Path, help="write the figures there")
    arguments = parser.parse_args()
    if arguments.url and urllib.parse.urlparse(arguments.url).hostname not in LOOPBACK:
        parser.error("only 127.0.0.1 may be driven")

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")
    import django

    django.setup()
    processes: list[subprocess.Popen] = []
    try:
        url = arguments.url
        if not url:
            url, processes = start_servers(arguments.workers, arguments.threads)
        data = seed(arguments.users)
        from django.db import connections

        connections.close_all()
        result = drive(url, data, users=arguments.users, seconds=arguments.seconds)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
    report(result)
    if arguments.json:
        arguments.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
