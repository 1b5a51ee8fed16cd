"""Every URL of Hamkor, and what each persona gets when it opens it.

Adding a URL without a row here fails ``test_every_url_is_in_the_matrix``: a new page must
say who may open it. Django's own admin site (``admin:``) is left to Django, which admits
only active users with ``is_staff`` (administrators); its entry page is checked below.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS

# Expected status for GET, per persona, in PERSONAS order:
#            admin officer coord coord_b leader applicant anonymous
STAFF_READ = (200, 200, 200, 200, 200, 403, 302)
OFFICE_WRITE = (200, 200, 403, 403, 403, 403, 302)
ADMIN_ONLY = (200, 403, 403, 403, 403, 403, 302)
LOGGED_IN = (200, 200, 200, 200, 200, 200, 302)
EVERYONE = (200, 200, 200, 200, 200, 200, 200)
POST_ONLY = (405, 405, 405, 405, 405, 405, 405)
POST_ONLY_LOGGED_IN = (405, 405, 405, 405, 405, 405, 302)
API_STAFF = (200, 200, 200, 200, 200, 403, 403)
API_ADMIN = (200, 403, 403, 403, 403, 403, 403)

MATRIX: dict[str, tuple[int, ...]] = {
    "healthz": EVERYONE,
    "public:home": EVERYONE,
    "core:home": (200, 200, 200, 200, 200, 302, 302),
    "core:outboxmessage_list": ADMIN_ONLY,
    "core:outboxmessage_detail": ADMIN_ONLY,
    "accounts:login": (302, 302, 302, 302, 302, 302, 200),
    "accounts:logout": POST_ONLY,
    "accounts:set_language": POST_ONLY,
    "accounts:profile": LOGGED_IN,
    "accounts:password_change": LOGGED_IN,
    "accounts:password_reset": EVERYONE,
    "accounts:password_reset_done": EVERYONE,
    "accounts:password_reset_confirm": EVERYONE,
    "accounts:password_reset_complete": EVERYONE,
    "accounts:two_factor": LOGGED_IN,
    "accounts:two_factor_setup": LOGGED_IN,
    "accounts:two_factor_verify": LOGGED_IN,
    "accounts:two_factor_disable": POST_ONLY_LOGGED_IN,
    "accounts:orgunit_list": STAFF_READ,
    "accounts:orgunit_detail": STAFF_READ,
    "accounts:orgunit_history": STAFF_READ,
    "accounts:orgunit_add": OFFICE_WRITE,
    "accounts:orgunit_edit": OFFICE_WRITE,
    "accounts:orgunit_delete": OFFICE_WRITE,
    "accounts:orgunit_import": OFFICE_WRITE,
    "accounts:user_list": ADMIN_ONLY,
    "accounts:user_detail": ADMIN_ONLY,
    "accounts:user_history": ADMIN_ONLY,
    "accounts:user_add": ADMIN_ONLY,
    "accounts:user_edit": ADMIN_ONLY,
    "website:departmentprofile_current": (302, 302, 302, 302, 302, 403, 302),
    "website:departmentprofile_detail": STAFF_READ,
    "website:departmentprofile_history": STAFF_READ,
    "website:departmentprofile_edit": OFFICE_WRITE,
    "api:api-root": API_STAFF,
    "api:schema": API_STAFF,
    "api:docs": API_STAFF,
    "api:orgunit-list": API_STAFF,
    "api:orgunit-detail": API_STAFF,
    "api:user-list": API_ADMIN,
    "api:user-detail": API_ADMIN,
}


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


@pytest.fixture
def objects(faculty_a, officer):
    from hamkor.core.models import OutboxMessage
    from hamkor.website.models import DepartmentProfile

    profile = DepartmentProfile.objects.create(institution=faculty_a.institution, name_uz="Boʻlim")
    message = OutboxMessage.objects.create(
        sender="a@example.org", recipients="b@example.org", subject="s", body="b", status="kept"
    )
    return {
        "orgunit": faculty_a.pk,
        "user": officer.pk,
        "departmentprofile": profile.pk,
        "outboxmessage": message.pk,
    }


def kwargs_for(name: str, objects: dict) -> dict:
    if name == "accounts:password_reset_confirm":
        return {"uidb64": "MQ", "token": "set-password"}
    if name.endswith(("_detail", "_edit", "_delete", "_history", "-detail")):
        model = name.split(":")[1].replace("-detail", "").rsplit("_", 1)[0]
        return {"pk": objects[model]}
    return {}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_answers_each_persona_as_declared(name, objects, request, client):
    from conftest import login

    url = reverse(name, kwargs=kwargs_for(name, objects))
    got = []
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            login(client, request.getfixturevalue(persona))
        got.append(client.get(url).status_code)
    assert tuple(got) == MATRIX[name], dict(zip(PERSONAS, got, strict=True))


def test_django_admin_admits_administrators_only(as_user):
    assert as_user("officer").get("/django-admin/").status_code == 302
    assert as_user("admin").get("/django-admin/").status_code == 200
