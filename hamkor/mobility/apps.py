from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilityConfig(AppConfig):
    name = "hamkor.mobility"
    verbose_name = _("Mobility")

    def ready(self):
        from hamkor.mobility.autocomplete import register_sources

        register_sources()
