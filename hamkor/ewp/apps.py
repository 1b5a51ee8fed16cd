from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EwpConfig(AppConfig):
    """Erasmus Without Paper: the EWP XML endpoints, the iia-hash, IIA import and export."""

    name = "hamkor.ewp"
    verbose_name = _("Erasmus Without Paper")
