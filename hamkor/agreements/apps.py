from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "hamkor.agreements"
    verbose_name = _("Agreements")

    def ready(self):
        from hamkor.agreements.autocomplete import register_sources

        register_sources()
