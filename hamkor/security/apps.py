from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "hamkor.security"
    verbose_name = _("Security log")

    def ready(self):
        from hamkor.security import signals  # noqa: F401 (connects the receivers)
