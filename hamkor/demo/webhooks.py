"""Demo webhook: the university's ERP, registered but not yet switched on (it sends nothing
until an administrator activates it with a real address)."""

from __future__ import annotations

from hamkor.accounts.models import User
from hamkor.webhooks import services
from hamkor.webhooks.models import Webhook

ADMIN = "admin@hamkor.demo"
ERP = "https://erp.university.example/hamkor/events"


def load(stdout) -> None:
    if not Webhook.objects.filter(url=ERP).exists():
        services.webhook_save(
            webhook=Webhook(
                name="Universitetning ERP tizimi",
                url=ERP,
                events=["agreement.activated", "mobility.completed", "application.submitted"],
                is_active=False,
            ),
            actor=User.objects.get(email=ADMIN),
        )
    stdout.write(f"webhooks: {Webhook.objects.count()} (switched off)")
