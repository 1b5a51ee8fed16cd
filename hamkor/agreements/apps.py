from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "hamkor.agreements"
    verbose_name = _("Agreements")

    def ready(self):
        from hamkor.agreements.tasks import daily_reminders
        from hamkor.core.reminders import daily_job_register

        daily_job_register(
            "agreements",
            daily_reminders,
            describe=lambda result: (
                f"expired: {result['expired']}, renewed automatically: {result['renewed']}, "
                f"reminders sent: {result['reminders']}"
            ),
        )

        from hamkor.agreements.autocomplete import register_sources

        register_sources()
