"""Applicants' accounts: registration confirmed by e-mail and returning to the call, the
same answer whether an address has an account or not, limits per client address behind a
proxy, passwords never echoed, and the person in the registry for registered and invited
applicants alike."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from hamkor.accounts.models import User
from hamkor.accounts.services import user_invite
from hamkor.calls.registration import applicant_confirm, applicant_register
from hamkor.calls.tests.factories import open_call
from hamkor.mobility.models import Person

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-passphrase-1"


def _register(email: str, password: str, faculty, **extra) -> None:
    applicant_register(
        email=email,
        password=password,
        first_name="Aziza",
        last_name="Karimova",
        category="student",
        faculty=faculty,
        citizenship="UZ",
        language="uz",
        **extra,
    )


def _token(message) -> str:
    return message.body.split("/confirm/")[1].split("/")[0]


def _form(faculty, email="aziza@example.org", password=PASSWORD, **extra):
    return {
        "first_name": "Aziza",
        "last_name": "Karimova",
        "email": email,
        "category": "student",
        "faculty": faculty.pk,
        "citizenship": "UZ",
        "password": password,
        **extra,
    }


def test_registration_confirms_the_address_before_the_account_opens(
    faculty_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register("Aziza@Example.org", PASSWORD, faculty_a)

    user = User.objects.get(email="aziza@example.org")
    assert not user.is_active
    assert not Person.objects.filter(user=user).exists()  # not before the address is proven
    assert user.has_role("applicant")
    (message,) = mail.outbox
    assert applicant_confirm(_token(message)) == (user, None)
    user.refresh_from_db()
    assert user.is_active
    assert user.person.org_unit == faculty_a
    assert applicant_confirm(_token(message) + "x") is None


def test_registering_again_before_confirming_keeps_only_the_latest_password_and_link(
    faculty_a, django_capture_on_commit_callbacks
):
    """Someone who registers another person's address first cannot choose their password:
    the owner's later registration replaces it, and the first link no longer works."""
    with django_capture_on_commit_callbacks(execute=True):
        _register("aziza@example.org", "attackers-passphrase-1", faculty_a)
        _register("aziza@example.org", "owners-passphrase-22", faculty_a)

    first, second = (_token(m) for m in mail.outbox)
    assert applicant_confirm(first) is None
    user, _call = applicant_confirm(second)
    assert user.is_active
    assert user.check_password("owners-passphrase-22")
    assert not User.objects.get(pk=user.pk).check_password("attackers-passphrase-1")


def test_a_deactivated_account_is_not_reopened_by_registering(
    faculty_a, coordinator, django_capture_on_commit_callbacks
):
    coordinator.is_active = False
    coordinator.save()
    with django_capture_on_commit_callbacks(execute=True):
        _register(coordinator.email, PASSWORD, faculty_a)
    coordinator.refresh_from_db()
    assert not coordinator.is_active
    assert not coordinator.check_password(PASSWORD)


def test_registration_answers_alike_whether_the_address_has_an_account(
    client, applicant, faculty_a, django_capture_on_commit_callbacks
):
    applicant.language = "ru"
    applicant.save()
    url = reverse("public:applicant_register")
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(url, _form(faculty_a, email="new@example.org"))
        taken = client.post(url, _form(faculty_a, email=applicant.email.upper()))

    assert new.status_code == taken.status_code == 200
    assert new.text.replace("new@example.org", "") == taken.text.replace(
        applicant.email.upper(), ""
    )
    assert User.objects.filter(email__iexact=applicant.email).count() == 1
    told = [m for m in mail.outbox if m.to == [applicant.email]]
    (message,) = told
    # In the owner's language (Russian), with the links to log in and to reset the password.
    assert message.body.startswith("Уважаемый(ая)")
    assert reverse("accounts:login") in message.body
    assert reverse("accounts:password_reset") in message.body
    # The existing account is left as it was.
    applicant.refresh_from_db()
    assert not applicant.check_password(PASSWORD)


def test_the_password_is_not_shown_again_after_an_error(client, faculty_a):
    response = client.post(
        reverse("public:applicant_register"),
        _form(faculty_a, email="not-an-address", password="Secret-Passphrase-77"),
    )

    assert response.status_code == 400
    assert "Secret-Passphrase-77" not in response.text


def test_confirming_returns_the_applicant_to_the_call(
    client, faculty_a, django_capture_on_commit_callbacks
):
    call = open_call()
    page = client.get(reverse("public:call_detail", kwargs={"pk": call.pk})).text
    register = reverse("public:applicant_register") + f"?call={call.pk}"
    assert register in page
    form = client.get(register).text
    assert f'name="call" value="{call.pk}"' in form
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("public:applicant_register"), _form(faculty_a, call=call.pk))

    token = _token(mail.outbox[0])
    response = client.post(reverse("public:applicant_confirm", kwargs={"token": token}))

    apply = reverse("calls:apply", kwargs={"pk": call.pk})
    assert response.status_code == 302
    assert response.url == reverse("accounts:login") + "?next=" + apply.replace("/", "%2F")
    user = User.objects.get(email="aziza@example.org")
    assert user.is_active


def test_registrations_are_limited_per_client_address_behind_the_proxy(client, faculty_a, settings):
    settings.HAMKOR_TRUSTED_PROXIES = 1
    settings.HAMKOR_PUBLIC_SENDS_PER_IP = 2
    url = reverse("public:applicant_register")
    proxy = {"REMOTE_ADDR": "10.9.0.1"}
    for n in range(2):
        client.post(
            url,
            _form(faculty_a, email=f"a{n}@example.org"),
            **proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )

    held = client.post(
        url, _form(faculty_a, email="a9@example.org"), **proxy, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    other = client.post(
        url, _form(faculty_a, email="b1@example.org"), **proxy, HTTP_X_FORWARDED_FOR="198.51.100.2"
    )

    assert held.status_code == 429
    assert "Aziza" in held.text  # what was typed is kept
    assert other.status_code == 200


def test_registrations_of_one_address_are_limited(client, faculty_a, settings):
    settings.HAMKOR_PUBLIC_SENDS_PER_EMAIL = 1
    url = reverse("public:applicant_register")
    client.post(url, _form(faculty_a), REMOTE_ADDR="198.51.100.3")

    again = client.post(url, _form(faculty_a), REMOTE_ADDR="198.51.100.4")

    assert again.status_code == 429


def test_registration_links_the_person_already_in_the_registry(
    faculty_a, django_capture_on_commit_callbacks
):
    known = Person.objects.create(
        category=Person.Category.STAFF,
        last_name="Karimova",
        first_name="Aziza",
        citizenship="UZ",
        org_unit=faculty_a,
        email="Aziza@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        _register("aziza@example.org", PASSWORD, faculty_a)
    known.refresh_from_db()
    assert known.user is None  # whoever typed the address has not proven it yet

    (message,) = mail.outbox
    user, _call = applicant_confirm(_token(message))
    known.refresh_from_db()
    assert known.user == user
    assert Person.objects.filter(email__iexact="aziza@example.org").count() == 1


def test_an_invited_applicant_gets_a_person_in_the_registry(admin, faculty_a):
    user = user_invite(
        actor=admin,
        email="Bobur@example.org",
        full_name="Bobur Aliyev",
        roles=["applicant"],
        org_unit=faculty_a,
    )

    person = Person.objects.get(user=user)
    assert (person.first_name, person.last_name) == ("Bobur", "Aliyev")
    assert person.org_unit == faculty_a
    assert person.category == Person.Category.STUDENT


def test_an_invited_applicant_is_linked_to_their_person_in_the_registry(admin, faculty_a):
    known = Person.objects.create(
        category=Person.Category.STAFF,
        last_name="Aliyev",
        first_name="Bobur",
        citizenship="UZ",
        org_unit=faculty_a,
        email="bobur@example.org",
    )

    user = user_invite(
        actor=admin, email="bobur@example.org", full_name="B. Aliyev", roles=["applicant"]
    )

    known.refresh_from_db()
    assert known.user == user
    assert known.category == Person.Category.STAFF


def test_an_invited_officer_gets_no_person(admin):
    user = user_invite(actor=admin, email="o@example.org", full_name="O", roles=["officer"])

    assert not Person.objects.filter(user=user).exists()
