"""The selection committee's records: who reviews a call, their scores, their declared
conflicts of interest, and the office's manual changes to the selection (with a reason)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel


class Reviewer(BaseModel):
    """A member of a call's selection committee."""

    call = models.ForeignKey(
        "calls.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="reviewers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviewing",
    )

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        ordering = ("call", "user__full_name")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="calls_reviewer_unique_user"),
        ]

    def __str__(self) -> str:
        return str(self.user)


class Score(BaseModel):
    """One reviewer's score of one application on one criterion (0 to 100)."""

    application = models.ForeignKey(
        "calls.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="scores_given",
    )
    criterion = models.ForeignKey(
        "calls.Criterion",
        verbose_name=_("criterion"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    value = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ("application", "criterion__order", "reviewer")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer", "criterion"], name="calls_score_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0) & models.Q(value__lte=100),
                name="calls_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"


class ConflictOfInterest(BaseModel):
    """A reviewer's declared conflict with one application: they do not score it."""

    application = models.ForeignKey(
        "calls.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="conflicts",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="conflicts_declared",
    )
    reason = models.TextField(_("reason"))

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ("application", "reviewer")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="calls_conflict_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"


class SelectionChange(models.Model):
    """A manual change of the selection's result by the office, with its reason."""

    application = models.ForeignKey(
        "calls.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="selection_changes",
    )
    field = models.CharField(_("what changed"), max_length=40)
    old_value = models.CharField(_("before"), max_length=200, blank=True)
    new_value = models.CharField(_("after"), max_length=200, blank=True)
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("change to the selection")
        verbose_name_plural = _("changes to the selection")
        ordering = ("application", "-changed_at", "-id")

    def __str__(self) -> str:
        return f"{self.field}: {self.old_value} → {self.new_value}"
