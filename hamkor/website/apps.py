from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "hamkor.website"
    verbose_name = _("Public website")

    def ready(self):
        from hamkor.website import cache

        cache.connect()
