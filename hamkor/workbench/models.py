"""What the workbench remembers of a user: when they last opened their home page."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Opening the home page again within this time is the same visit: reloading it must not
# make "new since your last visit" empty.
SAME_VISIT = datetime.timedelta(minutes=30)
# Before anybody's first visit, "new" means new in this many days.
FIRST_VISIT_LOOKBACK = datetime.timedelta(days=7)


class HomeVisit(models.Model):
    """A user's visits to their home page: the current one and the one before it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="home_visit",
    )
    seen_at = models.DateTimeField(_("last visit"))
    previous_at = models.DateTimeField(_("visit before"))

    class Meta:
        verbose_name = _("home page visit")
        verbose_name_plural = _("home page visits")
        ordering = ("user",)
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.user}: {self.seen_at:%Y-%m-%d %H:%M}"
