"""deploy/'s example files are accepted by the programs that read them: nginx (``nginx -t``
on the whole site file, its includes and a throw-away certificate, in a folder of its own)
and gunicorn (the web unit's options, ``--check-config``). bench/scale_out.py runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamkor.core.testing.scripts import bench_script

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"


def test_nginx_accepts_the_site_file_with_its_includes(tmp_path):
    if not shutil.which("nginx") or not shutil.which("openssl"):
        pytest.skip("needs nginx and openssl (Debian: nginx-light, openssl)")
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=hamkor.test", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "hamkor.conf").read_text()
    assert "include /srv/hamkor/deploy/nginx/hamkor-locations.conf;" in site
    site = site.replace("/srv/hamkor/deploy/", f"{DEPLOY}/")
    site = site.replace(
        "/etc/letsencrypt/live/hamkor.university.uz/fullchain.pem", str(certificate)
    )
    site = site.replace("/etc/letsencrypt/live/hamkor.university.uz/privkey.pem", str(key))
    (tmp_path / "hamkor.conf").write_text(site)
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {tmp_path}/body;\n proxy_temp_path {tmp_path}/proxy;\n"
        f" include {tmp_path}/hamkor.conf;\n}}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(main)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_a_broken_site_file_is_refused(tmp_path):
    """The check above can fail: nginx refuses a location outside a server."""
    if not shutil.which("nginx"):
        pytest.skip("needs nginx (Debian: nginx-light)")
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ include {DEPLOY}/nginx/hamkor-locations.conf; }}\n"
    )
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(main)],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode != 0


def test_gunicorn_accepts_the_web_units_options(tmp_path):
    demo = bench_script("scale_out")
    command = demo.exec_start(
        DEPLOY / "systemd" / "hamkor-web@.service",
        **{"/srv/hamkor/venv/bin/": "", "%i": "8001"},
    )
    assert command[0] == "gunicorn" and "127.0.0.1:8001" in command
    environment = {**os.environ, "HAMKOR_VAR_DIR": str(tmp_path / "var")}
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", *command[1:]],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_the_environment_example_names_the_shared_services():
    values = bench_script("scale_out").env_file(DEPLOY / "env.example")
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "HAMKOR_BROKER_URL", "MEDIA_ROOT"} <= set(
        values
    )
    assert values["REDIS_URL"] != values["HAMKOR_BROKER_URL"]  # the broker's keys never evicted
