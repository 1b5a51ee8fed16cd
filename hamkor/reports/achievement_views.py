"""The staff pages of the achievements: the twelve figures of a period, and the records
behind each one.

Every staff role opens them (``accounts.staff_area``); a coordinator limited to a faculty
reads that faculty's figures, and the records each user may view
(:mod:`hamkor.reports.achievement_forms`, the owning apps' ``restrict``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.views import View

from hamkor.core.countries import collation_key, country_name
from hamkor.core.views.generic import is_htmx
from hamkor.grants.money.selectors import MissingRate, receipts_converted
from hamkor.grants.money.tables import amount_text
from hamkor.reports import figures_cache
from hamkor.reports.achievement_forms import PeriodForm, period_query
from hamkor.reports.achievement_listings import DEFINITIONS, list_view_for
from hamkor.reports.achievements import (
    ACHIEVEMENTS,
    BY_KEY,
    Achievement,
    Period,
    achievement_records,
    achievements,
)
from hamkor.reports.wording import public_statements


@dataclass(frozen=True)
class Figure:
    achievement: Achievement
    shown: str
    url: str

    @property
    def key(self) -> str:
        return self.achievement.key

    @property
    def label(self) -> str:
        return self.achievement.label


def shown(key: str, value) -> str:
    """A figure as the staff page writes it: money with its currency, countries by name in
    the page's language (the number of countries first)."""
    if key == "grant_income_usd":
        return amount_text(value, "USD")
    if key == "agreement_countries":
        value = len(value)
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def country_names(codes: list[str]) -> list[str]:
    names = [country_name(code) for code in codes]
    return sorted(names, key=collation_key)


def missing_rates(period: Period) -> list[MissingRate]:
    """The rates the dollar sum of ``period`` lacks, by day then currency."""
    money = receipts_converted(achievement_records("grant_income_usd", period), "USD")
    return sorted(money.missing, key=lambda m: (m.date, m.currency))


class StaffAreaMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm("accounts.staff_area"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AchievementsView(StaffAreaMixin, View):
    """The figures of the period asked (by default the last four calendar years), each
    exact and linked to its records, and the sentences the public page would show."""

    def get(self, request):
        form = PeriodForm(request.GET, user=request.user)
        context = {"form": form}
        period = form.period if form.is_valid() else None
        if period is not None:
            values, missing, statements = figures_cache.cached(
                request, "achievements", period, lambda: _computed(period)
            )
            query = period_query(period)
            context.update(
                period=period,
                figures=[
                    Figure(
                        a,
                        shown(a.key, values[a.key]),
                        reverse("reports:achievement_records", kwargs={"key": a.key}) + f"?{query}",
                    )
                    for a in ACHIEVEMENTS
                ],
                countries=country_names(values["agreement_countries"]),
                missing_rates=missing,
                statements=statements,
            )
        return render(request, "reports/achievements.html", context)


def _computed(period: Period) -> tuple:
    """The figures of ``period``, the rates their dollar sum lacks, and the public page's
    sentences (in the current language): what ``figures_cache`` keeps."""
    values = achievements(period)
    return values, missing_rates(period), public_statements(period, figures=values)


class AchievementRecordsView(StaffAreaMixin, View):
    """The records behind one figure, as the owning app lists them, with the figure's
    definition; ``?export=csv|xlsx`` exports them as that list does."""

    def get(self, request, key):
        achievement = BY_KEY.get(key)
        if achievement is None:
            raise Http404
        form = PeriodForm(request.GET, user=request.user)
        context = {
            "form": form,
            "achievement": achievement,
            "definition": DEFINITIONS[key],
            "achievements_url": reverse("reports:achievements"),
        }
        if form.is_valid() and form.period is not None:
            period = form.period
            records = achievement.records(period)
            listing = list_view_for(achievement.model_label, request)
            queryset = listing.get_queryset("view").filter(pk__in=records.values("pk"))
            export_format = request.GET.get("export")
            if export_format:
                return listing.export(queryset, export_format)
            table = listing.table_class(queryset, request=request)
            per_page = listing.per_page(request)
            listing.paginate(table, per_page)
            value = achievement.value(records)
            context.update(
                period=period,
                value=shown(key, value),
                table=table,
                per_page=per_page,
                page_sizes=listing.page_sizes(),
                can_export=request.user.has_perm(listing._perm("export")),
                achievements_url=f"{reverse('reports:achievements')}?{period_query(period)}",
            )
            if key == "agreement_countries":
                context["countries"] = country_names(value)
            if key == "grant_income_usd":
                context["missing_rates"] = missing_rates(period)
            if is_htmx(request):
                return render(request, "core/partials/object_list_results.html", context)
        return render(request, "reports/achievement_records.html", context)
