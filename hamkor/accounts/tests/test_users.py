"""Users: invitations, roles and their history, role permissions, the language preference."""

from __future__ import annotations

import re

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation

from hamkor.accounts.models import User
from hamkor.accounts.roles import Role, roles_sync
from hamkor.accounts.tests.factories import PASSWORD
from hamkor.cli import main as hamkor

INVITE = "/staff/users/add/"
LANGUAGE = "/account/language/"


def field_block(response, name: str) -> str:
    """The HTML of one form field: its label, input, help and the errors shown beside it."""
    html = response.text
    start = html.rindex('<div class="mb-3">', 0, html.index(f'name="{name}"'))
    end = html.find('<div class="mb-3">', start + 1)
    return html[start : end if end != -1 else None]


def invitation(**overrides) -> dict:
    return {
        "email": "new.person@example.org",
        "full_name": "New Person",
        "roles": ["officer"],
        "org_unit": "",
        "language": "ru",
        **overrides,
    }


def edit_data(user: User, **overrides) -> dict:
    return {
        "full_name": user.full_name,
        "email": user.email,
        "phone": user.phone,
        "org_unit": user.org_unit_id or "",
        "language": user.language,
        "is_active": "on" if user.is_active else "",
        "roles": sorted(user.roles),
        "_version": user.version,
        **overrides,
    }


def test_user_invite_creates_an_account_and_emails_a_link(
    as_user, admin, faculty_a, django_capture_on_commit_callbacks
):
    client = as_user("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITE,
            invitation(
                email="New.Person@Example.org", roles=["coordinator"], org_unit=faculty_a.pk
            ),
        )
    user = User.objects.get(email="new.person@example.org")
    assert response.status_code == 302
    assert response["Location"] == f"/staff/users/{user.pk}/"
    assert not user.has_usable_password()
    assert user.roles == {"coordinator"}
    assert user.org_unit == faculty_a
    assert user.language == "ru"
    assert user.history.first().history_user == admin

    [message] = mail.outbox
    assert message.to == ["new.person@example.org"]
    with translation.override("ru"):  # the invitee's language, not the administrator's
        assert message.subject == translation.gettext("Your Hamkor account")
    assert "new.person@example.org" in message.body
    link = re.search(r"https?://[^/\s]+(/account/password/reset/\S+/\S+/)", message.body)[1]

    # The invitee follows the link, chooses a password and logs in with it.
    client.post("/account/logout/")
    form_page = client.get(link, follow=True)
    assert 'name="new_password1"' in form_page.text
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "my-own-passphrase", "new_password2": "my-own-passphrase"},
    )
    response = client.post(
        "/account/login/",
        {"username": "new.person@example.org", "password": "my-own-passphrase"},
    )
    assert response.status_code == 302


def test_user_invite_of_an_existing_email_is_refused_beside_the_field(
    as_user, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user("admin").post(INVITE, invitation(email="OFFICER@example.org"))
    assert response.status_code == 400
    assert "A user with this e-mail address already exists." in field_block(response, "email")
    assert 'value="OFFICER@example.org"' in response.text
    assert 'value="New Person"' in response.text
    assert mail.outbox == []


def test_user_invite_of_a_coordinator_without_a_faculty_is_refused(as_user):
    response = as_user("admin").post(INVITE, invitation(roles=["coordinator"]))
    assert response.status_code == 400
    assert "A faculty coordinator must belong to a faculty." in field_block(response, "org_unit")
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_user_invite_is_for_administrators_only(as_user):
    response = as_user("officer").post(INVITE, invitation())
    assert response.status_code == 403
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_user_edit_of_roles_records_one_history_entry_naming_them(as_user, officer):
    client = as_user("admin")
    entries = officer.history.count()
    response = client.post(
        f"/staff/users/{officer.pk}/edit/", edit_data(officer, roles=["officer", "leadership"])
    )
    assert response.status_code == 302
    officer = User.objects.get(pk=officer.pk)
    assert officer.roles == {"officer", "leadership"}
    assert officer.history.count() == entries + 1
    reason = officer.history.first().history_change_reason
    assert "leadership" in reason
    assert "officer" in reason


def test_user_edit_shows_the_roles_in_the_history_page(as_user, officer):
    client = as_user("admin")
    client.post(f"/staff/users/{officer.pk}/edit/", edit_data(officer, roles=["leadership"]))
    response = client.get(f"/staff/users/{officer.pk}/history/")
    assert response.status_code == 200
    assert "Edited: Leadership" in response.text  # the change code's label, with the role


def test_user_edit_based_on_a_stale_version_is_refused_and_keeps_the_input(as_user, officer):
    client = as_user("admin")
    opened_at = officer.version
    # Somebody else saves the user after the form was opened.
    client.post(f"/staff/users/{officer.pk}/edit/", edit_data(officer, phone="+998 90 000 00 00"))

    response = client.post(
        f"/staff/users/{officer.pk}/edit/",
        edit_data(officer, full_name="Typed Name", roles=["leadership"], _version=opened_at),
    )
    assert response.status_code == 409
    assert "after you opened it" in response.text
    assert 'value="Typed Name"' in response.text
    officer = User.objects.get(pk=officer.pk)
    assert officer.full_name != "Typed Name"
    assert officer.roles == {"officer"}
    assert officer.phone == "+998 90 000 00 00"


def test_user_roles_sync_is_idempotent(db):
    first = roles_sync()
    groups = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert roles_sync() == first
    assert {
        g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()
    } == groups
    assert set(first) == set(Role.values)
    assert first[Role.APPLICANT] == 0


def test_user_roles_sync_restores_a_removed_permission(officer):
    group = Group.objects.get(name=Role.OFFICER)
    group.permissions.clear()
    roles_sync()
    officer = User.objects.get(pk=officer.pk)
    assert officer.has_perm("accounts.change_orgunit")


def test_user_roles_give_officers_units_but_not_users(officer):
    officer = User.objects.get(pk=officer.pk)
    assert officer.has_perm("accounts.change_orgunit")
    assert officer.has_perm("accounts.import_orgunit")
    assert not officer.has_perm("accounts.view_user")
    assert not officer.has_perm("accounts.change_user")


def test_user_roles_give_leadership_nothing_to_edit(leadership):
    leadership = User.objects.get(pk=leadership.pk)
    assert leadership.has_perm("accounts.view_orgunit")
    assert not leadership.has_perm("accounts.change_orgunit")


def test_user_sync_roles_command_prints_each_role(db, capsys):
    with translation.override("en"):
        hamkor(["hamkor", "sync-roles"])
        labels = [str(label) for label in Role.labels]
    output = capsys.readouterr().out
    for label in labels:
        assert re.search(rf"^{re.escape(label)}: \d+ permissions$", output, re.MULTILINE), label


def test_user_language_preference_is_saved_and_speaks_on_staff_pages(as_user, officer, settings):
    client = as_user("officer")
    response = client.post(LANGUAGE, {"language": "ru", "next": "/staff/"})
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    officer.refresh_from_db()
    assert officer.language == "ru"

    # The preference, not the cookie, speaks: a new browser gets Russian too.
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    response = client.get("/staff/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "ru"
    assert '<html lang="ru">' in response.text


def test_user_language_preference_gives_way_to_a_public_url_prefix(as_user, officer):
    officer.language = "ru"
    officer.save(update_fields=["language"])
    response = as_user("officer").get("/uz/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "uz"
    assert '<html lang="uz">' in response.text


def test_user_language_switch_on_a_public_page_goes_to_its_translation(client):
    response = client.post(LANGUAGE, {"language": "ru", "next": "/en/"})
    assert response["Location"] == "/ru/"


def test_user_language_switch_refuses_an_unsafe_next(as_user):
    response = as_user("officer").post(LANGUAGE, {"language": "ru", "next": "http://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_user_language_switch_ignores_an_unknown_language(as_user, officer):
    response = as_user("officer").post(LANGUAGE, {"language": "xx", "next": "/staff/"})
    assert response["Location"] == "/staff/"
    officer.refresh_from_db()
    assert officer.language == ""


def test_user_edit_stores_the_email_in_lower_case(as_user, officer):
    client = as_user("admin")
    client.post(
        f"/staff/users/{officer.pk}/edit/", edit_data(officer, email="Officer.New@Example.ORG")
    )
    officer.refresh_from_db()
    assert officer.email == "officer.new@example.org"


def test_user_edit_to_an_email_in_use_in_other_case_is_refused(as_user, officer, leadership):
    response = as_user("admin").post(
        f"/staff/users/{leadership.pk}/edit/", edit_data(leadership, email="OFFICER@example.org")
    )
    assert response.status_code == 400
    assert "already exists" in field_block(response, "email")
    leadership.refresh_from_db()
    assert leadership.email == "leadership@example.org"


def test_user_invited_who_lost_the_link_gets_a_new_one_by_password_reset(
    as_user, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_user("admin").post(INVITE, invitation())
    client.post("/account/logout/")
    mail.outbox.clear()
    # The invitation is older than PASSWORD_RESET_TIMEOUT, or was deleted by mistake.
    client.post("/account/password/reset/", {"email": "new.person@example.org"})
    assert [m.to for m in mail.outbox] == [["new.person@example.org"]]


def test_user_history_is_not_filled_by_logging_in(client, officer):
    entries = officer.history.count()
    client.post("/account/login/", {"username": officer.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    assert officer.history.count() == entries
