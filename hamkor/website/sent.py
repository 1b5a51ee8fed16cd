"""After a public form is sent, the browser goes to the address of its outcome
(post/redirect/get): reloading that page shows the outcome again and sends nothing twice.

The address carries a signed token naming the record, valid for an hour; a token forged,
expired or for another kind of record shows the empty form.
"""

from __future__ import annotations

from django.core import signing
from django.http import HttpResponseRedirect
from django.utils.http import urlencode

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
