from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "hamkor.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from hamkor.accounts import passwords  # noqa: F401  (registers its system check)
        from hamkor.accounts.roles import sync_after_migrate

        # Groups follow roles.py after every migrate, so no installation runs stale roles.
        post_migrate.connect(sync_after_migrate, dispatch_uid="hamkor.accounts.roles")
        # Replaces Django's own handler (same dispatch_uid): a login is not an edit of the
        # user, so it must not add an entry to the user's history.
        user_logged_in.connect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(session_started, dispatch_uid="hamkor.accounts.sessions")


def update_last_login(sender, user, **kwargs):
    from django.utils import timezone

    user.last_login = timezone.now()
    type(user)._base_manager.filter(pk=user.pk).update(last_login=user.last_login)


def session_started(sender, request, user, **kwargs):
    from hamkor.accounts.sessions import session_start

    if request is not None and hasattr(request, "session"):
        session_start(session=request.session)
