"""The authorization matrix's rows for calendar feeds and webhooks.

A deadlines feed is read with its secret address, not a login: an unknown address is 404
for everybody. Its address is made and revoked by POST only (405 for a GET, before any
login). Webhooks and their deliveries are the administrators'.
"""

from __future__ import annotations

_ADMIN_ONLY = (200, 403, 403, 403, 403, 403, 403, 403, 403, 302)
_POST_ONLY = (405, 405, 405, 405, 405, 405, 405, 405, 405, 405)

FEEDS_MATRIX = {
    "feeds:token_create": _POST_ONLY,
    "feeds:token_revoke": _POST_ONLY,
    "feeds:deadlines": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
    # Signing in with HEMIS: absent unless configured (it is not, in the matrix).
    "hemis:oauth_start": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
    "hemis:oauth_callback": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
    "webhooks:webhook_list": _ADMIN_ONLY,
    "webhooks:webhook_add": _ADMIN_ONLY,
    "webhooks:webhook_detail": _ADMIN_ONLY,
    "webhooks:webhook_edit": _ADMIN_ONLY,
    "webhooks:webhook_delete": _ADMIN_ONLY,
    "webhooks:webhook_history": _ADMIN_ONLY,
    # POST only: the administrator gets 405 for a GET, the others 403.
    "webhooks:webhook_secret_rotate": (405, 403, 403, 403, 403, 403, 403, 403, 403, 302),
    "webhooks:delivery_detail": _ADMIN_ONLY,
}


def feeds_records(name_text=lambda length: "Partner system") -> dict:
    """A webhook with a failed attempt at a delivery (``name_text(length)`` names them: the
    phone walk gives long unbroken names)."""
    from hamkor.webhooks.models import Delivery, Webhook

    webhook = Webhook.objects.create(
        name=name_text(100),
        url="https://93.184.216.34/" + name_text(300),
        events=["agreement.activated", "mobility.completed"],
    )
    delivery = Delivery.objects.create(
        webhook=webhook,
        event="agreement.activated",
        payload={"event": "agreement.activated", "data": {"name": name_text(300)}},
    )
    delivery.tries.create(number=1, status_code=500, response=name_text(1000))
    return {"webhook": webhook.pk, "delivery": delivery.pk}


def feeds_kwargs(name: str, objects: dict) -> dict | None:
    if name == "feeds:deadlines":
        return {"token": "unknown-code"}
    if name in ("feeds:token_create", "feeds:token_revoke"):
        return {}
    if name == "webhooks:webhook_secret_rotate":
        return {"pk": objects["webhook"]}
    return None
