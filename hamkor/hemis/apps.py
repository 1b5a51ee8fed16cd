from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HemisConfig(AppConfig):
    name = "hamkor.hemis"
    verbose_name = _("HEMIS")
