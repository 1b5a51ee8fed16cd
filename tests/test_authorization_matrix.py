"""Every URL of Hamkor, and what each persona gets when it opens it.

Adding a URL without a row (``tests/authorization_urls.py`` and the modules it gathers) fails
``test_every_url_is_in_the_matrix``: a new page must say who may open it. Django's own admin
site (``admin:``) is left to Django, which admits only active users with ``is_staff``
(administrators); its entry page is checked below.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS
from tests.authorization_records import kwargs_for
from tests.authorization_urls import MATRIX


def url_names(resolver=None, namespace: str = "") -> set[str]:
    """Every named URL, with its namespace, except Django's admin site."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if inner.startswith("admin:"):
                continue
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_is_in_the_matrix():
    missing = url_names() - MATRIX.keys()
    assert not missing, f"URLs without an authorisation entry: {sorted(missing)}"
    stale = MATRIX.keys() - url_names()
    assert not stale, f"Entries for URLs that no longer exist: {sorted(stale)}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_answers_each_persona_as_declared(name, in_world, client):
    url = reverse(name, kwargs=kwargs_for(name, in_world.objects))
    got = tuple(in_world.client_for(client, persona).get(url).status_code for persona in PERSONAS)
    assert got == MATRIX[name], f"{name}: got {got}"


def test_django_admin_admits_administrators_only(in_world, client):
    assert in_world.client_for(client, "officer").get("/django-admin/").status_code == 302
    assert in_world.client_for(client, "admin").get("/django-admin/").status_code == 200


def matrix_size(api_writes: bool = True) -> str:
    """The matrix's size; without the API write table when this run left it out (CI's SQLite
    suite: docs/decisions/0016-ci-time.md)."""
    from tests.test_authorization_methods import api_write_checks, post_refusal_checks

    gets = len(MATRIX) * len(PERSONAS)
    posts = post_refusal_checks()
    writes = api_write_checks() if api_writes else 0
    table = (
        f" + {writes} API writes (POST/PUT/PATCH/DELETE)"
        if api_writes
        else " (the API write table not run here)"
    )
    return (
        f"authorization matrix: {len(MATRIX)} URLs × {len(PERSONAS)} personas = {gets} GET"
        f" checks, + {posts} POST refusals,{table} = {gets + posts + writes} checks"
    )


def test_matrix_size_is_printed():
    print(matrix_size())  # shown under -s, and in the terminal summary (tests/conftest.py)
    assert len(PERSONAS) == 10
