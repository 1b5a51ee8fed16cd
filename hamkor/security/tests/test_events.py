"""Each kind of security event is written by the real action: the login page, the two-factor
pages, a role change, an export, a download, a page with personal data, an API token, a backup."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hamkor.accounts.models import User
from hamkor.accounts.tests.factories import PASSWORD
from hamkor.accounts.tests.test_two_factor import enrol
from hamkor.accounts.tests.test_users import edit_data
from hamkor.agreements.tests.factories import AgreementFactory, pdf_upload
from hamkor.api.models import ApiToken
from hamkor.api.services import api_token_create
from hamkor.core.documents import document_add
from hamkor.mobility.tests.test_services import StaffFactory
from hamkor.security.models import SecurityEvent
from hamkor.students.tests.factories import ForeignStudentFactory

pytestmark = pytest.mark.django_db

Kind = SecurityEvent.Kind


def kinds() -> list[str]:
    return list(SecurityEvent.objects.order_by("pk").values_list("kind", flat=True))


def test_a_wrong_then_right_password_logs_a_failure_then_a_login(client, officer):
    client.post("/account/login/", {"username": officer.email, "password": "wrong"})
    client.post(
        "/account/login/",
        {"username": officer.email, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.7",
    )
    failed, login = SecurityEvent.objects.order_by("pk")
    assert failed.kind == Kind.LOGIN_FAILED
    assert failed.user is None and failed.email == officer.email
    assert "wrong" not in str(failed.details)
    assert login.kind == Kind.LOGIN and login.user == officer
    assert login.address == "192.0.2.7"
    client.post("/account/logout/")
    assert kinds()[-1] == Kind.LOGOUT


def test_repeated_failures_log_the_lockout(client, officer, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/login/", {"username": officer.email, "password": "wrong"})
    assert Kind.LOCKED_OUT in kinds()
    assert kinds().count(Kind.LOGIN_FAILED) == settings.AXES_FAILURE_LIMIT


def test_a_hostile_login_name_is_logged_as_typed_without_breaking_the_page(client):
    # A valid address a spreadsheet would read as a formula (the export neutralises it).
    typed = "=cmd|'x'!A1@evil.example"
    response = client.post("/account/login/", {"username": typed, "password": "x"})
    assert response.status_code == 200
    assert SecurityEvent.objects.get().email == typed.lower()
    # A NUL is refused by the form before any login is tried: nothing to log, no error.
    response = client.post("/account/login/", {"username": "a\x00b", "password": "x"})
    assert response.status_code == 200


def test_setting_up_two_factor_is_logged_with_the_user(as_user, officer):
    client = as_user("officer")
    enrol(client, officer)
    event = SecurityEvent.objects.get(kind=Kind.TWO_FACTOR_ENABLED)
    assert event.user == officer
    assert (event.object_type, event.object_id) == ("accounts.user", str(officer.pk))
    assert event.address == "127.0.0.1"  # read by the middleware: the service has no request
    client.post("/account/two-factor/disable/")
    assert kinds()[-1] == Kind.TWO_FACTOR_DISABLED


def test_a_role_change_is_logged_with_the_roles_before_and_after(as_user, admin, officer):
    response = as_user("admin").post(
        f"/staff/users/{officer.pk}/edit/", edit_data(officer, roles=["officer", "leadership"])
    )
    assert response.status_code == 302
    event = SecurityEvent.objects.get(kind=Kind.ROLES_CHANGED)
    assert event.user == admin
    assert event.object_id == str(officer.pk)
    assert event.details == {"before": ["officer"], "after": ["leadership", "officer"]}


def test_an_edit_keeping_the_roles_logs_nothing(as_user, officer):
    as_user("admin").post(
        f"/staff/users/{officer.pk}/edit/", edit_data(officer, full_name="Renamed Officer")
    )
    assert not SecurityEvent.objects.filter(kind=Kind.ROLES_CHANGED).exists()


def test_an_export_is_logged_with_its_list_rows_and_filters(as_user, officer, faculty_a):
    StaffFactory.create_batch(2, org_unit=faculty_a)
    response = as_user("officer").get(
        reverse("mobility:person_list"), {"export": "csv", "q": "Surname"}
    )
    assert response.status_code == 200
    event = SecurityEvent.objects.get(kind=Kind.EXPORTED)
    assert event.user == officer
    assert event.details == {
        "list": "mobility.person",
        "format": "csv",
        "rows": 2,
        "filters": {"q": "Surname"},
    }


def test_a_background_export_is_logged_when_asked_for(as_user, officer, faculty_a, settings):
    settings.HAMKOR_EXPORT_INLINE_MAX = 1
    StaffFactory.create_batch(2, org_unit=faculty_a)
    response = as_user("officer").get(reverse("mobility:person_list"), {"export": "xlsx"})
    assert response.status_code == 302
    assert SecurityEvent.objects.get(kind=Kind.EXPORTED).details["rows"] == 2


def test_a_document_download_is_logged(as_user, officer):
    agreement = AgreementFactory()
    document = document_add(record=agreement, kind="signed", upload=pdf_upload(), actor=officer)
    response = as_user("officer").get(document.current.get_absolute_url())
    assert response.status_code == 200
    event = SecurityEvent.objects.get(kind=Kind.DOCUMENT_DOWNLOADED)
    assert event.user == officer
    assert (event.object_type, event.object_id) == ("core.document", str(document.pk))
    assert event.details["record_type"] == "agreement"
    assert event.details["record_id"] == agreement.pk


def test_a_person_page_with_personal_data_is_logged_with_the_readers_role(
    as_user, officer, faculty_a
):
    person = StaffFactory(org_unit=faculty_a)
    url = reverse("mobility:person_detail", args=[person.pk])
    assert as_user("officer").get(url).status_code == 200
    event = SecurityEvent.objects.get(kind=Kind.PERSONAL_DATA_VIEWED)
    assert event.user == officer
    assert event.object_type == "mobility.person" and event.object_id == str(person.pk)
    assert event.details == {"roles": ["officer"]}


def test_a_foreign_students_page_is_logged_for_the_officer(as_user, faculty_a):
    student = ForeignStudentFactory(faculty=faculty_a)
    url = reverse("students:foreignstudent_detail", args=[student.pk])
    assert as_user("officer").get(url).status_code == 200
    assert SecurityEvent.objects.get(kind=Kind.PERSONAL_DATA_VIEWED).object_id == str(student.pk)


def test_a_coordinator_who_cannot_see_personal_data_leaves_no_event(as_user, faculty_a):
    person = StaffFactory(org_unit=faculty_a)
    student = ForeignStudentFactory(faculty=faculty_a)
    client = as_user("coordinator")
    assert client.get(reverse("mobility:person_detail", args=[person.pk])).status_code == 200
    url = reverse("students:foreignstudent_detail", args=[student.pk])
    assert client.get(url).status_code == 200
    assert not SecurityEvent.objects.filter(kind=Kind.PERSONAL_DATA_VIEWED).exists()


def test_api_token_use_is_logged_once_an_hour_not_per_request(officer):
    token, key = api_token_create(user=officer, name="script")
    api = Client(headers={"authorization": f"Token {key}"})
    for _request in range(3):
        assert api.get("/api/v1/org-units/").status_code == 200
    assert kinds() == [Kind.API_TOKEN_CREATED, Kind.API_TOKEN_USED]
    # The next hour's first request is logged again.
    ApiToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - datetime.timedelta(hours=1)
    )
    api.get("/api/v1/org-units/")
    assert kinds().count(Kind.API_TOKEN_USED) == 2
    assert key not in str(list(SecurityEvent.objects.values()))


def test_creating_and_revoking_a_token_on_the_profile_page_is_logged(as_user, officer):
    client = as_user("officer")
    client.post("/account/api-tokens/", {"name": "nightly report"})
    token = ApiToken.objects.get(user=officer)
    client.post(f"/account/api-tokens/{token.pk}/revoke/")
    assert kinds() == [Kind.LOGIN, Kind.API_TOKEN_CREATED, Kind.API_TOKEN_REVOKED]


def test_a_backup_and_a_restore_are_logged_and_the_restore_keeps_the_log(officer, tmp_path):
    archive = tmp_path / "archive.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    backup = SecurityEvent.objects.get(kind=Kind.BACKUP)
    assert backup.user is None and backup.details["file"] == "archive.zip"
    call_command("restore", str(archive), "--replace", stdout=io.StringIO())
    # The log is not in the archive: the restore replaced the records, not the log.
    assert kinds() == [Kind.BACKUP, Kind.RESTORE]
    assert SecurityEvent.objects.get(kind=Kind.RESTORE).details["replaced"] is True


def test_a_password_change_is_logged(as_user, officer):
    response = as_user("officer").post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-Long-passphrase-42",
            "new_password2": "a-new-Long-passphrase-42",
        },
    )
    assert response.status_code == 302
    event = SecurityEvent.objects.get(kind=Kind.PASSWORD_CHANGED)
    assert event.user == officer
    assert "passphrase" not in str(event.details)


def test_a_deleted_users_events_stay_readable_by_their_email(client, officer):
    client.post("/account/login/", {"username": officer.email, "password": PASSWORD})
    email = officer.email
    User.objects.filter(pk=officer.pk).delete()
    event = SecurityEvent.objects.get(kind=Kind.LOGIN)
    assert event.user is None and event.email == email
