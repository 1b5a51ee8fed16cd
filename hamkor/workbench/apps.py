from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbenchConfig(AppConfig):
    """Staff pages that span the domains: the global search and today's work."""

    name = "hamkor.workbench"
    verbose_name = _("Workbench")
