"""The Content Security Policy of every page in the authorisation matrix: no 'unsafe-inline'
or 'unsafe-eval' in any directive, and no inline script, <style> element or style=""
attribute in the HTML it would refuse (the browser test, tests/e2e/test_csp.py, loads the
pages with scripts running)."""

from __future__ import annotations

import re

from django.conf import settings
from django.urls import reverse

from conftest import PERSONAS
from tests.authorization_records import kwargs_for
from tests.authorization_urls import MATRIX

UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'")
# A script element without src that is not data (json_script) runs inline: refused.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>", re.I
)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_csp_setting_allows_no_inline_script_or_style():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert "style-src-attr" not in directives and "script-src-attr" not in directives


def page_problems(response) -> list[str]:
    problems = []
    header = response.get("Content-Security-Policy", "")
    content_type = response.get("Content-Type", "")
    if "text/html" not in content_type:
        return problems
    if not header:
        return ["no Content-Security-Policy header"]
    for directive, sources in csp_directives(header).items():
        problems += [f"{directive} {source}" for source in sources if source in UNSAFE]
    body = response.content.decode(errors="replace")
    for name, pattern in (
        ("inline script", INLINE_SCRIPT),
        ("<style>", STYLE_ELEMENT),
        ("style attribute", STYLE_ATTRIBUTE),
    ):
        found = pattern.search(body)
        if found:
            problems.append(f"{name}: {body[found.start() : found.start() + 120]!r}")
    return problems


def test_csp_every_page_of_the_matrix_forbids_inline_code(in_world, client):
    """Each URL opened by the first persona the matrix lets in; the API's endpoints also as
    the browsable page a browser gets (Accept: text/html)."""
    failures, pages = {}, 0
    for name, expected in sorted(MATRIX.items()):
        if 200 not in expected:
            continue
        persona = PERSONAS[expected.index(200)]
        in_world.client_for(client, persona)
        url = reverse(name, kwargs=kwargs_for(name, in_world.objects))
        accepts = ("*/*", "text/html") if name.startswith("api:") else ("*/*",)
        for accept in accepts:
            response = client.get(url, HTTP_ACCEPT=accept)
            pages += "text/html" in response.get("Content-Type", "")
            problems = page_problems(response)
            if problems:
                failures[f"{name} ({persona}, {accept})"] = problems
    print(f"CSP checked on {pages} HTML pages")
    assert pages > 200
    assert not failures, failures
