"""Writes about users: inviting them, changing their roles, their own preferences."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.core.services import object_save
from hamkor.core.urls_helpers import absolute_url
from hamkor.security import log as security_log
from hamkor.security.log import Kind


def _check_roles(*, roles: list[str], org_unit: OrgUnit | None) -> None:
    unknown = set(roles) - set(Role.values)
    if unknown:
        raise ValidationError({"roles": _("Unknown role: %(r)s") % {"r": ", ".join(unknown)}})
    if Role.COORDINATOR in roles and (org_unit is None or org_unit.kind != OrgUnit.Kind.FACULTY):
        raise ValidationError({"org_unit": _("A faculty coordinator must belong to a faculty.")})


@transaction.atomic
def user_save(
    *, user: User, roles: list[str], actor, reason: str, expected_version: int | None = None
) -> User:
    """Save ``user`` with exactly ``roles`` (checked against their faculty), one history entry.

    The change reason names the roles, since group membership is not a column of its own.
    """
    _check_roles(roles=roles, org_unit=user.org_unit)
    before = sorted(user.groups.values_list("name", flat=True)) if user.pk else []
    # Administrators also open Django's own admin site.
    user.is_staff = Role.ADMINISTRATOR in roles
    object_save(
        instance=user,
        actor=actor,
        reason=f"{reason}:{','.join(sorted(roles))}",
        expected_version=expected_version,
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    user.__dict__.pop("roles", None)
    if before != sorted(roles):
        security_log.record(
            Kind.ROLES_CHANGED, user=actor, target=user, before=before, after=sorted(roles)
        )
    return user


@transaction.atomic
def user_invite(
    *,
    actor,
    email: str,
    full_name: str,
    roles: list[str],
    org_unit: OrgUnit | None = None,
    language: str = "",
) -> User:
    """Create an account without a password and e-mail a link to choose one."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("A user with this e-mail address already exists.")})
    _check_roles(roles=roles, org_unit=org_unit)
    user = User(email=email, full_name=full_name, org_unit=org_unit, language=language)
    user.set_unusable_password()
    user_save(user=user, roles=roles, actor=actor, reason="accounts.user.invited")
    if Role.APPLICANT in roles:
        _applicant_person_link(user=user, actor=actor)
    transaction.on_commit(lambda: user_send_invitation(user=user))
    return user


def _applicant_person_link(*, user: User, actor) -> None:
    """An invited applicant is linked to their person in the registry, found or made as
    for one who registers (applications need one); the office completes it there."""
    from hamkor.calls.registration import applicant_person_ensure
    from hamkor.mobility.models import Person
    from hamkor.partners.models import Institution

    first_name, _space, last_name = user.full_name.strip().partition(" ")
    home = Institution.objects.filter(is_home=True).first()
    applicant_person_ensure(
        user=user,
        first_name=first_name,
        last_name=last_name or first_name,
        category=Person.Category.STUDENT,
        faculty=user.org_unit,
        citizenship=home.country.code if home else "UZ",
        language=user.language,
        actor=actor,
        reason="accounts.user.invited",
    )


def user_send_invitation(*, user: User) -> None:
    """The invitation e-mail, in the invitee's language, with a link to set a password."""
    link = absolute_url(
        reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {"user": user, "link": link}
        subject = _("Your Hamkor account")
        body = render_to_string("accounts/email/invitation.txt", context)
    message = EmailMultiAlternatives(subject, body, to=[user.email])
    message.send()


def user_credentials_revoke(*, user: User) -> None:
    """After a password change or reset: the user's API tokens are revoked and their calendar
    address deleted, as Django ends their other sessions. Whoever learnt the old password
    may have made them; the user makes new ones (docs/decisions/0021-*.md)."""
    from hamkor.api.services import api_tokens_revoke_all
    from hamkor.feeds.services import calendar_token_revoke

    api_tokens_revoke_all(user=user)
    calendar_token_revoke(user=user)
