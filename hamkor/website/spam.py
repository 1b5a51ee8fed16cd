"""Spam protection of the public forms, without any third-party service.

Three guards, each answering a message in the visitor's language (what they typed stays in
the form, nothing is dropped silently):

- a honeypot: a text field hidden from people (``display: none``) that robots fill in;
- a minimum fill time: the form carries the signed moment it was shown, and a form sent
  sooner than ``HAMKOR_PUBLIC_FORM_MIN_SECONDS`` after it is refused;
- a rate limit per e-mail address and per client address (:mod:`hamkor.core.ratelimit`).
"""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hamkor.core import ratelimit
from hamkor.core.client_ip import address_network
from hamkor.core.forms import Form

SALT = "website.public-form.started"
# A form left open longer than a day is shown again with a fresh stamp.
MAX_AGE = 24 * 3600
HONEYPOT = "homepage"


def started_token(now: float | None = None) -> str:
    """The signed moment the form is shown."""
    return signing.dumps({"t": time.time() if now is None else now}, salt=SALT)


class GuardedForm(Form):
    """A public form with the honeypot and the signed moment it was shown."""

    homepage = forms.CharField(
        label=gettext_lazy("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()  # the stamp may be renewed when the form is shown again
        super().__init__(data, *args, **kwargs)
        if data is None:
            self.initial.setdefault("started", started_token())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    def renew_started(self) -> None:
        self.data["started"] = started_token()


def spam_refusal(form: GuardedForm, *, now: float | None = None) -> str:
    """Why the form looks sent by a robot, or ``""``. A refused form gets a fresh stamp,
    so that the person who sent it too early can send it again as it is."""
    now = time.time() if now is None else now
    if form.data.get(HONEYPOT):
        return _("This form could not be sent. Leave the hidden field empty and send it again.")
    try:
        started = signing.loads(form.data.get("started", ""), salt=SALT, max_age=MAX_AGE)["t"]
    except (signing.BadSignature, KeyError, TypeError):
        form.renew_started()
        return _("The form has expired. Check what you wrote and send it again.")
    if now - started < settings.HAMKOR_PUBLIC_FORM_MIN_SECONDS:
        form.renew_started()
        return _("The form was sent too quickly. Check what you wrote and send it again.")
    return ""


def wait_message(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return ngettext(
        "You have sent several forms in a short time. Please wait %(minutes)s minute and "
        "send it again: what you wrote is kept below.",
        "You have sent several forms in a short time. Please wait %(minutes)s minutes and "
        "send it again: what you wrote is kept below.",
        minutes,
    ) % {"minutes": minutes}


def rate_refusal(*, kind: str, email: str, ip: str) -> str:
    """Count one send of ``kind`` from ``ip`` and ``email``; the message telling the sender
    how long to wait when either has sent too many in the window, else ``""``."""
    window = settings.HAMKOR_PUBLIC_SENDS_WINDOW
    wait = ratelimit.hit(
        f"{kind}:ip:{address_network(ip)}", settings.HAMKOR_PUBLIC_SENDS_PER_IP, window
    )
    if not wait:
        wait = ratelimit.hit(
            f"{kind}:email:{email.strip().lower()}", settings.HAMKOR_PUBLIC_SENDS_PER_EMAIL, window
        )
    return wait_message(wait) if wait else ""


def send_refusal(form: GuardedForm, *, kind: str, email: str, ip: str) -> tuple[str, int]:
    """The guards in their order, for a form that is otherwise valid: the message and the
    HTTP status to answer (``("", 200)`` when the form may be sent). A robot's look is
    checked first, so that robots do not use up a person's sends."""
    refusal = spam_refusal(form)
    if refusal:
        return refusal, 400
    refusal = rate_refusal(kind=kind, email=email, ip=ip)
    if refusal:
        return refusal, 429
    return "", 200
