from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "hamkor.grants"
    verbose_name = _("Grants")

    def ready(self):
        from hamkor.core.reminders import daily_job_register
        from hamkor.grants.tasks import daily_reminders

        daily_job_register(
            "grants",
            daily_reminders,
            describe=lambda result: f"reporting reminders sent: {result['reminders']}",
        )
