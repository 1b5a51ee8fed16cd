from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "hamkor.reports"
    verbose_name = _("Reports")

    def ready(self):
        from hamkor.reports import figures_cache

        figures_cache.connect()
