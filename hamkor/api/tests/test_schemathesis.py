"""The API against its own OpenAPI schema (schemathesis), on a populated database, with a
token of each role: no answer is a server error, and no answer breaks the schema.

Bounded for CI: a few derandomized examples per operation (the same ones on every run),
no stateful run, no example database. Run it alone with ``pytest -m schemathesis``.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a test extra")

from django.core.wsgi import get_wsgi_application  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from hamkor.accounts.roles import Role  # noqa: E402
from hamkor.api.services import api_token_create  # noqa: E402

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]

# Examples per operation, for reads and for writes, by role: every role reads every
# operation (the populated rows through each serializer as that role sees them); the roles
# that write (office, faculty) send writes too; the others' writes stop at the permission
# check; the anonymous visitor's at the authentication. Some 600 calls in all, about 50 s
# on a loaded CI machine.
EXAMPLES = {
    "admin": (1, 0),
    "officer": (1, 2),
    "coordinator": (1, 1),
    "leadership": (1, 0),
    "reviewer": (1, 0),
    "applicant": (1, 0),
    # No token: every operation answers 401/403 (or, for the few public ones, its data).
    "anonymous": (1, 1),
}
ROLES = tuple(EXAMPLES)
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def populated(faculty_a, officer, applicant, foreign_student):
    """A record of every kind the API serves (the authorization matrix's records)."""
    from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory
    from hamkor.partners.models import Contact
    from hamkor.partners.tests.factories import InstitutionFactory
    from tests.authorization_calls import calls_records
    from tests.authorization_records import (
        event_records,
        grant_money_records,
        indicator_records,
        mobility_records,
        portal_records,
        student_records,
    )

    partner = InstitutionFactory(partnership="active")
    Contact.objects.create(institution=partner, full_name="A. Partner", email="a@example.org")
    agreement = AgreementFactory(units=[faculty_a], partners=[partner])
    MobilityQuotaFactory(agreement=agreement)
    grant_money_records(faculty_a)
    portal_records(applicant, officer)
    mobility_records(faculty_a, officer)
    student_records(faculty_a, foreign_student, officer)
    event_records(faculty_a, officer)
    indicator_records(faculty_a, officer)
    calls_records(faculty_a, applicant, officer)


def _headers(request, role: str) -> dict[str, str]:
    if role == "anonymous":
        return {}
    return {"Authorization": f"Token {_token(request, role)}"}


def _token(request, role: str) -> str:
    if role == "reviewer":
        from hamkor.accounts.tests.factories import UserFactory

        user = UserFactory(roles=[Role.REVIEWER], email="reviewer@example.org")
    else:
        user = request.getfixturevalue(role)
    return api_token_create(user=user, name="schemathesis")[1]


@pytest.fixture(scope="module")
def api_schema():
    """The schema as ``/api/schema/`` serves it, generated once for the module."""
    import json

    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    spec = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))
    schema = schemathesis.openapi.from_dict(spec)
    schema.app = get_wsgi_application()
    return schema


@pytest.mark.parametrize("role", ROLES)
def test_the_api_holds_to_its_schema(role, populated, request, api_schema, settings_for_wsgi):
    headers = _headers(request, role)
    reads, writes = EXAMPLES[role]
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        examples = reads if operation.method.lower() == "get" else writes
        if not examples:
            continue

        @settings(
            max_examples=examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)

        try:
            check()
        except Exception as exc:  # gathered: one run names every operation that fails
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)


@pytest.fixture
def settings_for_wsgi(settings):
    """The application called in-process, as Django's test client calls it: as
    "localhost" (schemathesis's WSGI client), and without closing the test's database
    connection at the end of each request."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
