"""The security log's page: administrators list, filter and export; nobody else opens it,
and nothing on it or anywhere else changes or deletes an event."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from openpyxl import load_workbook

from hamkor.accounts.roles import Role
from hamkor.mobility.models import Mobility
from hamkor.security.log import record
from hamkor.security.models import SecurityEvent

pytestmark = pytest.mark.django_db

Kind = SecurityEvent.Kind
LOG = "/staff/security-log/"


@pytest.fixture
def events(officer, coordinator):
    failed = record(Kind.LOGIN_FAILED, email='=HYPERLINK("http://evil")')
    login = record(Kind.LOGIN, user=officer)
    exported = record(Kind.EXPORTED, user=coordinator, list="mobility.person", rows=3)
    SecurityEvent.objects.filter(pk=failed.pk).update(address="203.0.113.9")
    SecurityEvent.objects.filter(pk=exported.pk).update(
        at=timezone.now() - datetime.timedelta(days=40)
    )
    return failed, login, exported


def test_the_log_lists_every_event_for_an_administrator(as_user, events):
    response = as_user("admin").get(LOG)
    assert response.status_code == 200
    for text in ("Login failed", "Logged in", "List exported", "203.0.113.9"):
        assert text in response.text
    # The page offers no way to add, change or delete an event.
    assert "/add/" not in response.text.split('id="results"')[-1]


@pytest.mark.parametrize("persona", ["officer", "coordinator", "leadership", "applicant"])
def test_the_log_is_refused_to_everyone_else(as_user, persona, events):
    assert as_user(persona).get(LOG).status_code == 403
    assert as_user(persona).get(LOG, {"export": "csv"}).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(LOG).status_code == 302


def test_the_log_filters_by_event_user_address_and_dates(as_user, events, officer):
    client = as_user("admin")

    def shown(**query) -> set[str]:
        rows = client.get(LOG, {**query, "export": "csv"}).getvalue().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(rows)))[1:]
        # Leaving out this test's own exports, which are logged too.
        own = str(capfirst(SecurityEvent._meta.verbose_name_plural))
        return {row[1] for row in rows if f"List: {own}" not in row[-1]}

    assert shown(kind=Kind.LOGIN) == {"Logged in"}
    assert shown(user=officer.email.upper()) == {"Logged in"}
    assert shown(address="203.0.113.9") == {"Login failed"}
    assert shown(address="not an address") == set()
    today = timezone.localdate().isoformat()
    assert shown(at_from=today) == {"Login failed", "Logged in"}
    old = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    assert shown(at_to=old) == {"List exported"}


def test_bad_filter_values_answer_the_page_not_an_error(as_user, events):
    response = as_user("admin").get(LOG, {"at_from": "31.02.2020x", "kind": "<script>"})
    assert response.status_code == 200


def test_the_export_is_plain_values_with_formulas_neutralised(as_user, events):
    client = as_user("admin")
    text = client.get(LOG, {"export": "csv"}).getvalue().decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "<" not in text
    workbook = load_workbook(io.BytesIO(b"".join(client.get(LOG, {"export": "xlsx"}))))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    hyperlink = next(cell for cell in cells if str(cell.value).startswith("=HYPERLINK"))
    assert hyperlink.data_type == "s"  # text, never a formula
    assert "List: People; Rows: 3" in [cell.value for cell in cells]


def test_exporting_the_log_is_itself_logged(as_user, admin, events):
    as_user("admin").get(LOG, {"export": "csv", "kind": Kind.LOGIN})
    event = SecurityEvent.objects.filter(kind=Kind.EXPORTED).latest("pk")
    assert event.user == admin
    assert event.details["list"] == "security.securityevent"
    assert event.details["filters"] == {"kind": Kind.LOGIN}


def test_the_pages_queries_do_not_grow_with_its_rows(
    as_user, events, officer, django_assert_max_num_queries
):
    client = as_user("admin")
    client.get(LOG)
    for _n in range(60):
        record(Kind.LOGIN, user=officer)
    with django_assert_max_num_queries(15):
        assert client.get(LOG, {"per_page": 50}).status_code == 200


def test_no_role_may_add_change_or_delete_an_event():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.filter(name__in=Role.values)
        .filter(permissions__content_type__app_label="security")
        .values_list("permissions__codename", flat=True)
    )
    assert codenames == {"view_securityevent", "export_securityevent"}
    assert not {"add", "change", "delete"} & set(SecurityEvent._meta.default_permissions)


def test_no_address_writes_an_event():
    """The app's one address is its list: no add, edit, delete or bulk action page."""
    namespace = get_resolver().namespace_dict["security"][1]
    assert {pattern.name for pattern in namespace.url_patterns} == {"securityevent_list"}


def test_the_list_page_refuses_a_post(as_user, events):
    client = as_user("admin")
    count = SecurityEvent.objects.count()
    response = client.post(LOG, {"kind": Kind.LOGIN})
    assert response.status_code == 405
    assert SecurityEvent.objects.count() == count


def test_the_admin_site_shows_events_read_only(as_user, events):
    client = as_user("admin")
    failed = events[0]
    assert client.get("/django-admin/security/securityevent/").status_code == 200
    change = f"/django-admin/security/securityevent/{failed.pk}/change/"
    response = client.post(change, {"email": "someone@else.org"})
    assert response.status_code in (403, 200)
    failed.refresh_from_db()
    assert failed.email.startswith("=HYPERLINK")
    delete = f"/django-admin/security/securityevent/{failed.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert SecurityEvent.objects.filter(pk=failed.pk).exists()
    assert client.get("/django-admin/security/securityevent/add/").status_code == 403


def test_the_menu_offers_the_log_to_administrators_only(as_user):
    assert reverse("security:securityevent_list") in as_user("admin").get("/staff/").text
    assert reverse("security:securityevent_list") not in as_user("officer").get("/staff/").text


def test_the_log_reads_in_the_administrators_language(as_user, admin, officer):
    """Record types, roles and details in words, not codes: an Uzbek administrator reads
    "Foydalanuvchi" and "Xodim", not ``accounts.user`` and ``officer``."""
    record(Kind.ROLES_CHANGED, user=admin, target=officer, before=[], after=["officer"])
    record(Kind.LOGIN, user=officer, backend="django.contrib.auth.backends.ModelBackend")
    record(Kind.EXPORTED, user=admin, list="mobility.mobility", format="xlsx", rows=12)
    admin.language = "uz"
    admin.save(update_fields=["language"])
    client = as_user("admin")
    page = client.get(LOG).text
    rows = client.get(LOG, {"export": "csv"}).getvalue().decode("utf-8-sig")
    with translation.override("uz"):
        officer_role = str(Role.OFFICER.label)
        user_model = str(capfirst(officer._meta.verbose_name))
        mobilities = str(capfirst(Mobility._meta.verbose_name_plural))
    for shown in (page, rows):
        for code in ("accounts.user", "mobility.mobility", "backend", "ModelBackend", "before:"):
            assert code not in shown
        assert officer_role in shown
        assert f"{user_model} #{officer.pk}" in shown or user_model in shown
        assert mobilities in shown
        assert "XLSX" in shown
