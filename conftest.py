"""Test personas shared by every test: one fixture per role, plus the anonymous visitor.

Two coordinators of different faculties let tests show that scoping by faculty holds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hamkor.accounts.roles import Role


@pytest.fixture(autouse=True)
def _settings_for_tests(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = True
    # Only administrators must use two-factor, as by default; tests of it log in fully.
    settings.TWO_FACTOR_REQUIRED_ROLES = ["administrator"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Assertions read English unless a test chooses a language; Uzbek stays the default
    # of the product itself.
    settings.LANGUAGE_CODE = "en"
    # Rate limits count in the cache: each test starts with none used.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home(db):
    from hamkor.partners.tests.factories import HomeInstitutionFactory

    return HomeInstitutionFactory()


@pytest.fixture
def faculty_a(home):
    from hamkor.accounts.tests.factories import OrgUnitFactory

    return OrgUnitFactory(institution=home, code="faculty-a", name_en="Faculty A")


@pytest.fixture
def faculty_b(home):
    from hamkor.accounts.tests.factories import OrgUnitFactory

    return OrgUnitFactory(institution=home, code="faculty-b", name_en="Faculty B")


def _persona(role: str, **kwargs):
    from hamkor.accounts.tests.factories import UserFactory

    return UserFactory(roles=[role], email=f"{kwargs.pop('name', role)}@example.org", **kwargs)


@pytest.fixture
def admin(db, home):
    user = _persona(Role.ADMINISTRATOR, is_staff=True)
    return user


@pytest.fixture
def officer(db, home):
    return _persona(Role.OFFICER)


@pytest.fixture
def coordinator(faculty_a):
    return _persona(Role.COORDINATOR, org_unit=faculty_a)


@pytest.fixture
def coordinator_b(faculty_b):
    return _persona(Role.COORDINATOR, org_unit=faculty_b, name="coordinator-b")


@pytest.fixture
def leadership(db, home):
    return _persona(Role.LEADERSHIP)


@pytest.fixture
def applicant(faculty_a):
    return _persona(Role.APPLICANT, org_unit=faculty_a)


def login(client, user):
    """Log ``user`` in fully: password and, for those who need it, the second factor."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    from hamkor.accounts.twofactor import is_required

    if device is None and is_required(user):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


PERSONAS = (
    "admin",
    "officer",
    "coordinator",
    "coordinator_b",
    "leadership",
    "applicant",
    "anonymous",
)


@pytest.fixture
def as_user(client, request):
    """``as_user("officer")``: a client logged in as that persona (or anonymous)."""

    def make(persona: str):
        if persona == "anonymous":
            return client
        return login(client, request.getfixturevalue(persona))

    return make


def shared_data_dir() -> Path | None:
    """The reference data beside the repository (CI, development), or None."""
    configured = os.environ.get("HAMKOR_DATA_DIR")
    path = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parent.parent / "shared" / "data"
    )
    return path if path.is_dir() else None


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data set, loaded once for a test module inside a transaction rolled back at
    its end (loading takes a while); the output of ``hamkor demo-data`` is the value."""
    import io

    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import override_settings

    settings = {
        "MEDIA_ROOT": tmp_path_factory.mktemp("media"),
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    }
    with django_db_blocker.unblock(), override_settings(**settings), transaction.atomic():
        out = io.StringIO()
        call_command("demo_data", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db):
    """Each test on the demo data runs in a savepoint within the module's load."""
    return demo_output
