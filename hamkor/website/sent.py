"""After a public form is sent, the browser goes to the address of its outcome
(post/redirect/get): reloading that page shows the outcome again and sends nothing twice.

The address carries a signed token naming the record, valid for an hour; a token forged,
expired or for another kind of record shows the empty form.
"""

from __future__ import annotations

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import urlencode

from hamkor.core.client_ip import client_ip
from hamkor.core.views.generic.base import _add_errors
from hamkor.website.spam import send_refusal

SALT = "website.sent"
MAX_AGE = 3600


def sent_redirect(request, record) -> HttpResponseRedirect:
    token = signing.dumps({"m": record._meta.label_lower, "pk": record.pk}, salt=SALT)
    return HttpResponseRedirect(f"{request.path}?{urlencode({'sent': token})}")


def sent_record(request, model):
    """The record the address's token names, or ``None``."""
    token = request.GET.get("sent")
    if not token or request.method != "GET":
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("m") != model._meta.label_lower:
        return None
    return model.objects.filter(pk=data.get("pk")).first()


def public_form_send(request, form, *, kind: str, send) -> tuple[HttpResponse | None, int]:
    """The course every public form takes when posted: a robot's look or too many sends
    refuse it (what was typed stays in the form); else ``send(cleaned_data)`` saves through
    the service and answers the record, and the browser goes to the outcome's address.

    Answers the redirect (or ``None`` with the form's errors) and the HTTP status.
    """
    if not form.is_valid():
        return None, 400
    data = form.cleaned_data
    refusal, status = send_refusal(form, kind=kind, email=data["email"], ip=client_ip(request))
    if refusal:
        form.add_error(None, refusal)
        return None, status
    try:
        record = send(data)
    except ValidationError as exc:
        _add_errors(form, exc)
        return None, 400
    return sent_redirect(request, record), 302
