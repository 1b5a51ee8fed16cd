from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "hamkor.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from hamkor.accounts.roles import sync_after_migrate

        # Groups follow roles.py after every migrate, so no installation runs stale roles.
        post_migrate.connect(sync_after_migrate, dispatch_uid="hamkor.accounts.roles")
