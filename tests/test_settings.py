"""Configuration from the environment, as an operator meets it through the ``hamkor`` command.

Most tests start ``hamkor`` in a subprocess, since settings are read once per process; each
gets a clean environment and its own ``HAMKOR_VAR_DIR`` so nothing lands in the real ``var/``.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REDIS = ("127.0.0.1", 6379)

# Variables settings.py reads that the developer's shell or CI may have set.
READ_BY_SETTINGS = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "DEBUG",
    "HTTPS",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "EMAIL_URL",
    "AXES_FAILURE_LIMIT",
    "TWO_FACTOR_REQUIRED_ROLES",
    "LANGUAGE_CODE",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "S3_BUCKET",
)

PRODUCTION = {
    "DEBUG": "off",
    "HTTPS": "on",
    "SECRET_KEY": secrets.token_urlsafe(40),
    "ALLOWED_HOSTS": "hamkor.example.org",
    "DATABASE_URL": "postgres://u:p@127.0.0.1/x",
}


def hamkor(*args: str, var_dir: Path, **variables: str) -> subprocess.CompletedProcess:
    """Run ``hamkor <args>`` from this source tree with only ``variables`` configured."""
    env = {k: v for k, v in os.environ.items() if k not in READ_BY_SETTINGS}
    env.update(HAMKOR_VAR_DIR=str(var_dir), **variables)
    return subprocess.run(
        [sys.executable, "-m", "hamkor.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def python_in_hamkor(code: str, *, var_dir: Path, **variables: str) -> str:
    result = hamkor("shell", "--no-imports", "-c", code, var_dir=var_dir, **variables)
    assert result.returncode == 0, result.stderr
    return result.stdout


def redis_is_running() -> bool:
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.parametrize(
    ("command", "variable", "value"),
    [
        ("check", "DATABASE_URL", "nonsense://"),
        ("check", "AXES_FAILURE_LIMIT", "many"),
        ("check", "LANGUAGE_CODE", "fr"),
        # An origin only: anything else would open the widget's policy to other sources.
        ("check", "HAMKOR_EMBED_ANCESTORS", "https://ksu.uz 'unsafe-inline'"),
        ("sync-roles", "AXES_FAILURE_LIMIT", "many"),
        ("check", "HAMKOR_SESSION_IDLE_MINUTES", "soon"),
    ],
)
def test_settings_bad_value_stops_with_one_line_naming_it(tmp_path, command, variable, value):
    result = hamkor(command, var_dir=tmp_path, **{variable: value})
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"hamkor: configuration error: {variable}"), lines[0]


def test_settings_for_production_pass_the_deployment_checks(tmp_path):
    result = hamkor("check", "--deploy", var_dir=tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_settings_for_production_secure_cookies_hsts_and_no_inline_code(tmp_path):
    code = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_HTTPONLY,"
        "s.SESSION_COOKIE_AGE, s.HAMKOR_SESSION_IDLE_MINUTES, s.CONTENT_SECURITY_POLICY]))"
    )
    values = json.loads(python_in_hamkor(code, var_dir=tmp_path, **PRODUCTION))
    *flags, hsts, subdomains, httponly, age, idle, csp = values
    assert flags == [True, True, True] and subdomains and httponly
    assert hsts >= 365 * 24 * 3600
    assert (age, idle) == (12 * 3600, 30)
    sources = [source for values in csp["DIRECTIVES"].values() for source in values]
    assert not [source for source in sources if source.startswith("'unsafe")]


def test_settings_without_secret_key_generate_one_and_keep_it(tmp_path):
    show_key = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = python_in_hamkor(show_key, var_dir=tmp_path).strip()
    key_file = tmp_path / "secret_key"
    assert key_file.read_text().strip() == first
    assert len(first) >= 50
    assert key_file.stat().st_mode & 0o777 == 0o600
    # A restart reads the same key: sessions and reset links stay valid.
    assert python_in_hamkor(show_key, var_dir=tmp_path).strip() == first


def test_settings_healthz_reports_database_cache_and_broker(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"] == "ok"
    assert report["cache"] == "ok"
    assert report["broker"].startswith("ok")


@pytest.mark.skipif(not redis_is_running(), reason="no Redis server at 127.0.0.1:6379")
def test_settings_with_redis_url_use_redis_for_cache_and_tasks(tmp_path):
    code = "; ".join(
        [
            "import json",
            "from django.conf import settings",
            "from django.test import RequestFactory",
            "from hamkor.core.views.pages import healthz",
            "print(settings.CACHES['default']['BACKEND'])",
            "print(settings.CELERY_TASK_ALWAYS_EAGER)",
            "print(healthz(RequestFactory().get('/healthz')).content.decode())",
        ]
    )
    backend, eager, report = python_in_hamkor(
        code, var_dir=tmp_path, REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/15"
    ).splitlines()
    assert backend == "hamkor.core.faults.DegradingRedisCache"  # Redis out: a miss (0020)
    assert eager == "False"
    assert json.loads(report) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
    }
