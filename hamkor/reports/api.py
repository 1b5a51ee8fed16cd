"""API of the reports app, read only: the achievements and the ranking indicators.

Both come from the same selectors as their pages (``achievements``, ``indicator_years``) and
take the same period: a coordinator reads their own faculty's figures only.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from hamkor.core.api.permissions import StaffOnly
from hamkor.reports.achievement_forms import PeriodForm
from hamkor.reports.achievements import KEYS, achievements
from hamkor.reports.indicators import INDICATORS, indicator_years, reported_values

# The indicators' years asked at once: enough for a ranking's history, bounded in work.
MAX_YEARS = 10


def _plain(value):
    """A figure as JSON writes it: a Decimal (money) as a string, exact."""
    return value if isinstance(value, (int, list)) else str(value)


class AchievementsView(APIView):
    """The department's achievements for a period (by default the last four calendar years),
    keyed as ``hamkor achievements --json``."""

    permission_classes = [StaffOnly]

    @extend_schema(
        parameters=[
            OpenApiParameter("from", datetime.date, description="First day (YYYY-MM-DD)."),
            OpenApiParameter("to", datetime.date, description="Last day (YYYY-MM-DD)."),
            OpenApiParameter("on", datetime.date, description="Day of the partners in force."),
            OpenApiParameter("faculty", str, description="A faculty's code."),
        ],
        responses=inline_serializer(
            "Achievements",
            {
                "from": serializers.DateField(),
                "to": serializers.DateField(),
                "on": serializers.DateField(),
                "faculty": serializers.CharField(allow_null=True),
                "figures": inline_serializer(
                    "AchievementFigures",
                    {
                        key: serializers.ListField(child=serializers.CharField())
                        if key == "agreement_countries"
                        else serializers.DecimalField(max_digits=16, decimal_places=2)
                        if key == "grant_income_usd"
                        else serializers.IntegerField()
                        for key in KEYS
                    },
                ),
            },
        ),
    )
    def get(self, request):
        form = PeriodForm(request.query_params, user=request.user)
        if not form.may_read:
            raise PermissionDenied(_("You read no faculty's figures."))
        if not form.is_valid() or form.period is None:
            return Response(form.errors.get_json_data(), status=status.HTTP_400_BAD_REQUEST)
        period = form.period
        figures = achievements(period)
        return Response(
            {
                "from": period.start,
                "to": period.end,
                "on": period.on,
                "faculty": period.faculty.code if period.faculty else None,
                "figures": {key: _plain(value) for key, value in figures.items()},
            }
        )


class MayReadIndicators(BasePermission):
    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.has_perm("reports.view_universityyear"))


class YearsSerializer(serializers.Serializer):
    start = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
    end = serializers.IntegerField(min_value=2000, max_value=2100, required=False)

    def validate(self, data):
        end = data.get("end") or timezone.localdate().year
        start = data.get("start") or end - 4
        if start > end:
            raise serializers.ValidationError(_("The period ends before it starts."))
        if end - start >= MAX_YEARS:
            raise serializers.ValidationError(
                _("Ask for %(count)s years at most.") % {"count": MAX_YEARS}
            )
        return {"years": range(start, end + 1)}


class IndicatorsView(APIView):
    """The ranking indicators of each year (by default the last five), as on the indicators
    page: a closed year's values are those kept when it was closed."""

    permission_classes = [MayReadIndicators]

    @extend_schema(
        parameters=[
            OpenApiParameter("start", int, description="First year (by default four before)."),
            OpenApiParameter("end", int, description="Last year (by default this one)."),
        ],
        responses=inline_serializer(
            "IndicatorYears",
            {
                "results": inline_serializer(
                    "IndicatorYear",
                    {
                        "year": serializers.IntegerField(),
                        "closed": serializers.BooleanField(),
                        "values": serializers.DictField(
                            child=inline_serializer(
                                "IndicatorValue",
                                {
                                    "value": serializers.CharField(allow_null=True),
                                    "missing": serializers.CharField(),
                                },
                            )
                        ),
                    },
                    many=True,
                ),
                "indicators": serializers.DictField(child=serializers.CharField()),
            },
        ),
    )
    def get(self, request):
        asked = YearsSerializer(data=request.query_params)
        asked.is_valid(raise_exception=True)
        computed = indicator_years(asked.validated_data["years"])
        return Response(
            {
                "results": [
                    {
                        "year": year.year,
                        "closed": bool(year.snapshot),
                        "values": {
                            key: value.as_json() for key, value in reported_values(year).items()
                        },
                    }
                    for year in computed
                ],
                "indicators": {indicator.key: str(indicator.label) for indicator in INDICATORS},
            }
        )
