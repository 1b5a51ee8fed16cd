"""Which person of the registry a HEMIS record is, so that the next sync finds them again."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class HemisLink(models.Model):
    """A HEMIS employee or student (by HEMIS's own id) and the person they were matched to
    or created as. Kept apart from the person: the registry does not depend on HEMIS."""

    class Kind(models.TextChoices):
        EMPLOYEE = "employee", _("Employee")
        STUDENT = "student", _("Student")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    hemis_id = models.CharField(_("HEMIS id"), max_length=40)
    person = models.ForeignKey(
        "mobility.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="hemis_links",
    )
    synced_at = models.DateTimeField(_("last synchronised"), auto_now=True)

    class Meta:
        verbose_name = _("HEMIS link")
        verbose_name_plural = _("HEMIS links")
        ordering = ("kind", "hemis_id")
        constraints = [
            models.UniqueConstraint(fields=["kind", "hemis_id"], name="hemis_link_unique_id"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.hemis_id}"
