from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "hamkor.calls"
    verbose_name = _("Calls and applications")

    def ready(self):
        from hamkor.calls.results import offers_expire
        from hamkor.core.reminders import daily_job_register

        # Run each day by the beat task "daily-reminders" (settings.CELERY_BEAT_SCHEDULE).
        daily_job_register(
            "calls",
            lambda: offers_expire(),
            describe=lambda result: (
                f"offers expired: {result['expired']}, passed on: {result['passed_on']}"
            ),
        )
