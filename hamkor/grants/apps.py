from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "hamkor.grants"
    verbose_name = _("Grants")

    def ready(self):
        from django.db.models.signals import post_migrate

        from hamkor.core.reminders import daily_job_register
        from hamkor.grants.seeds import seed_when_empty
        from hamkor.grants.tasks import daily_reminders

        post_migrate.connect(seed_when_empty, dispatch_uid="hamkor.grants.seeds")

        daily_job_register(
            "grants",
            daily_reminders,
            describe=lambda result: f"reporting reminders sent: {result['reminders']}",
        )
