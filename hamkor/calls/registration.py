"""Applicants' accounts: self-registration (the address confirmed by e-mail), the person in
the registry every applicant's account is linked to (made or found alike whether the
applicant registered or the office invited them), and the confirmation that returns the
applicant to the call they were applying to.

Registering never tells whether an address already has an account: the answer is the same,
and the owner of an existing account is told by e-mail that someone tried, with the links to
log in and to reset the password.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from hamkor.accounts.models import OrgUnit
from hamkor.accounts.roles import Role
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_save
from hamkor.core.urls_helpers import absolute_url
from hamkor.mobility.models import Person

CONFIRM_SALT = "calls.applicant.confirm"
CONFIRM_DAYS = 3


def _person_language(language: str) -> str:
    return language if language and language != "uz-cyrl" else "uz"


def applicant_person_ensure(
    *,
    user,
    first_name: str,
    last_name: str,
    category: str,
    faculty,
    citizenship: str,
    language: str,
    actor,
    reason: str,
) -> Person:
    """The registry's person linked to an applicant's ``user``: theirs if linked already,
    else the one registered with their address and no account yet (the registry keeps one
    entry per person), else a new one from what was typed."""
    person = Person.objects.filter(user=user).first()
    if person is not None:
        return person
    person = (
        Person.objects.select_for_update()
        .filter(email__iexact=user.email, user__isnull=True)
        .order_by("id")
        .first()
    )
    if person is None:
        person = Person(
            category=category,
            last_name=last_name.strip(),
            first_name=first_name.strip(),
            citizenship=citizenship,
            org_unit=faculty,
            email=user.email,
            language=_person_language(language),
        )
    elif person.org_unit_id is None:
        person.org_unit = faculty
    person.user = user
    return object_save(instance=person, actor=actor, reason=reason)


@transaction.atomic
def applicant_register(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    category: str,
    faculty,
    citizenship: str,
    language: str,
    call_id: int | None = None,
) -> None:
    """Create an applicant's account, inactive until the address is confirmed, linked to
    their person in the registry; send the confirmation link in ``language`` (it leads back
    to ``call_id``, the call they were applying to, when given).

    An address registered but not confirmed gets a new link. An address with any other
    account (active, or deactivated by the office) is not touched: its owner is told by
    e-mail, in their language, that someone tried to register with it. The caller answers
    alike in every case.
    """
    User = get_user_model()
    email = User.objects.normalize_email(email.strip()).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and not _awaiting_confirmation(user):
        # As long as a new account takes (hashing the password), so that the time of the
        # answer does not tell either.
        make_password(password)
        _account_exists_send(user=user, language=language)
        return
    if user is not None:
        # Registered again before confirming: the latest password counts, and the earlier
        # links stop working (they carry the password they were sent for).
        user.set_password(password)
        user.save(update_fields=["password"])
    else:
        user = User.objects.create_user(
            email,
            password,
            full_name=f"{first_name.strip()} {last_name.strip()}",
            language=language,
            org_unit=faculty,
            is_active=False,
        )
        user.groups.add(Group.objects.get(name=Role.APPLICANT))
    # The registry learns of the applicant once the address is proven theirs: what they
    # typed travels in the signed link, so that nobody links another's person by typing
    # their address.
    typed = {
        "first_name": first_name.strip(),
        "last_name": last_name.strip(),
        "category": category,
        "faculty": faculty.pk if faculty is not None else None,
        "citizenship": str(citizenship),
        "language": language,
    }
    _confirmation_send(user=user, language=language, call_id=call_id, typed=typed)


def _awaiting_confirmation(user) -> bool:
    """An applicant's account that was registered here and never confirmed nor used."""
    groups = set(user.groups.values_list("name", flat=True))
    return not user.is_active and user.last_login is None and groups <= {Role.APPLICANT}


def _password_mark(user) -> str:
    return user.password[-12:]


def _confirmation_send(*, user, language: str, call_id: int | None, typed: dict) -> None:
    payload = {"u": user.pk, "e": user.email, "p": _password_mark(user), "t": typed}
    if call_id:
        payload["c"] = call_id
    token = signing.dumps(payload, salt=CONFIRM_SALT)
    with translation.override(language):
        link = absolute_url(reverse("public:applicant_confirm", kwargs={"token": token}))
        message = EmailMessage(
            _("Confirm your address to apply"),
            render_to_string(
                "calls/email/confirm.txt",
                {"user": user, "link": link, "days": CONFIRM_DAYS},
            ),
            to=[user.email],
        )
    # The outbox keeps a copy for administrators: the link is masked there.
    message.secrets = [token]
    email_send_on_commit(message)


def _account_exists_send(*, user, language: str) -> None:
    """Tell the owner of an existing account, in their own language, that someone tried to
    register with their address; how to log in or reset the password if it was them."""
    with translation.override(user.language or language or "uz"):
        message = EmailMessage(
            _("Someone tried to register with your address"),
            render_to_string(
                "calls/email/account_exists.txt",
                {
                    "user": user,
                    "login": absolute_url(reverse("accounts:login")),
                    "reset": absolute_url(reverse("accounts:password_reset")),
                },
            ),
            to=[user.email],
        )
    email_send_on_commit(message)


def applicant_confirm(token: str) -> tuple[object, int | None] | None:
    """Activate the account the link names; answer it with the call the applicant was
    applying to (or ``None``), or ``None`` for a forged or expired link. Opening the link
    twice answers the same."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None or data.get("p") != _password_mark(user):
        return None
    if _awaiting_confirmation(user):
        with transaction.atomic():
            user.is_active = True
            user._change_reason = "calls.applicant.confirmed"
            user.save(update_fields=["is_active", "updated_at"])
            typed = dict(data.get("t") or {})
            if typed:  # (a link sent before the registry waited for it: linked already)
                faculty = OrgUnit.objects.filter(pk=typed.pop("faculty", None)).first()
                applicant_person_ensure(
                    user=user,
                    **typed,
                    faculty=faculty,
                    actor=user,
                    reason="calls.applicant.confirmed",
                )
    call_id = data.get("c")
    return user, call_id if isinstance(call_id, int) else None
