"""The authorization matrix's writes: every URL's POST for the personas its GET refuses, and
every API endpoint's POST, PUT, PATCH and DELETE × every persona.

A view that checks its permission only for a GET is the classic hole: here each persona a
page refuses (401, 403, 404, or the login page for the anonymous visitor) sends it an empty
POST and must be refused the same way (or 405: the page takes no POST). Each request runs in
the test's savepoint, so a hole would show as an answer, and change nothing for the next row.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from conftest import PERSONAS
from tests.authorization_api_methods import (
    API_WRITES,
    METHODS,
    WRITE,
    WRITE_STATUSES,
    api_names,
    expected,
)
from tests.authorization_records import kwargs_for
from tests.authorization_urls import MATRIX

REFUSALS = {401, 403, 404}


def refused(name: str) -> dict[str, int]:
    """The personas whose GET of ``name`` is refused, and how."""
    return {
        persona: status
        for persona, status in zip(PERSONAS, MATRIX[name], strict=True)
        if status in REFUSALS or (persona == "anonymous" and status == 302)
    }


@pytest.mark.parametrize("name", sorted(n for n in MATRIX if refused(n)))
def test_post_is_refused_to_whom_get_is(name, in_world, client):
    url = reverse(name, kwargs=kwargs_for(name, in_world.objects))
    wanted = refused(name)
    got = {}
    for persona, status in wanted.items():
        response = in_world.client_for(client, persona).post(url)
        # Refused either way: the API checks the method's permission before it looks the
        # record up (403 where a GET found nothing), and 405 is a page that takes no POST.
        refusal = response.status_code in REFUSALS | {405}
        got[persona] = status if refusal else response.status_code
        if status == 302 and response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:login")), name
    assert got == wanted, name


def test_every_api_endpoint_has_its_writes_declared():
    """A new API page fails here until its writes are declared: a list or a record of a
    declared basename, a step (``API_STEPS``), an applicant's own address (``API_OWN``), or a
    page that only answers a GET."""
    from tests.authorization_api_methods import API_OWN, API_READ_ONLY_PAGES, API_STEPS

    def declared(name: str) -> bool:
        if name in API_READ_ONLY_PAGES or name in API_STEPS or name in API_OWN:
            return True
        basename, _sep, kind = name.split(":")[1].rpartition("-")
        return kind in ("list", "detail") and basename in API_WRITES

    undeclared = [n for n in api_names(MATRIX) if not declared(n)]
    assert not undeclared, f"API pages without their writes declared: {undeclared}"
    bases = {n.split(":")[1].rpartition("-")[0] for n in api_names(MATRIX)}
    assert API_WRITES.keys() <= bases, "writes declared for endpoints that no longer exist"


@pytest.mark.parametrize("name", api_names(MATRIX))
@pytest.mark.parametrize("method", METHODS)
def test_api_write_answers_each_persona_as_declared(name, method, in_world, client):
    url = reverse(name, kwargs=kwargs_for(name, in_world.objects))
    wanted, got = [], []
    for persona in PERSONAS:
        with transaction.atomic():  # one persona's deletion is not the next one's 404
            status = getattr(in_world.client_for(client, persona), method)(
                url, {}, content_type="application/json"
            ).status_code
            transaction.set_rollback(True)
        want = expected(name, method, persona)
        wanted.append(want)
        got.append(WRITE if want == WRITE and status in WRITE_STATUSES else status)
    assert got == wanted, f"{method.upper()} {name}: {dict(zip(PERSONAS, got, strict=True))}"


def post_refusal_checks() -> int:
    return sum(len(refused(n)) for n in MATRIX)


def api_write_checks() -> int:
    return len(api_names(MATRIX)) * len(METHODS) * len(PERSONAS)
