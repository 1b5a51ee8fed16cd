from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "hamkor.partners"
    verbose_name = _("Partners")

    def ready(self):
        from hamkor.partners.autocomplete import register_sources

        register_sources()
