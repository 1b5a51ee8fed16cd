"""The log of the deadline reminders sent for mobilities (``hamkor/mobility/reminders.py``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MobilityReminder(models.Model):
    """A deadline reminder that was sent, so that each goes out once per deadline.

    ``due`` is part of the key: a deadline that moves (a visa extended, a later return)
    is a new deadline and is reminded again.
    """

    mobility = models.ForeignKey(
        "mobility.Mobility",
        verbose_name=_("mobility"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("kind"), max_length=30)
    due = models.DateField(_("due"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipient = models.TextField(_("sent to"))

    class Meta:
        verbose_name = _("mobility reminder")
        verbose_name_plural = _("mobility reminders")
        ordering = ("-sent_at", "-id")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["mobility", "kind", "due"], name="mobility_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mobility_id}: {self.kind} due {self.due}"
