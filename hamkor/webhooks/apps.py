from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "hamkor.webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from hamkor.core.reminders import daily_job_register
        from hamkor.webhooks.services import deliveries_retry_due

        daily_job_register(
            "webhooks",
            lambda: {"retried": deliveries_retry_due()},
            describe=lambda result: f"webhook deliveries retried: {result['retried']}",
        )
