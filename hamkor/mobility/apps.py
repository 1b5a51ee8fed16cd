from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilityConfig(AppConfig):
    name = "hamkor.mobility"
    verbose_name = _("Mobility")

    def ready(self):
        from hamkor.core.reminders import daily_job_register
        from hamkor.mobility.tasks import daily_reminders

        daily_job_register(
            "mobility",
            daily_reminders,
            describe=lambda result: f"mobility reminders sent: {result['reminders']}",
        )

        from hamkor.mobility.autocomplete import register_sources

        register_sources()
