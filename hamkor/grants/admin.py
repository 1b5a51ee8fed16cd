from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.grants.models import (
    BudgetHeading,
    ErasmusCountryGroup,
    ErasmusIndividualRate,
    ErasmusTopUp,
    ErasmusTravelBand,
    ExchangeRate,
    Programme,
    Project,
    ProjectPartner,
    ReportingDeadline,
)


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ("date", "currency", "rate", "nominal", "source")
    list_filter = ("source", "currency")
    search_fields = ("currency",)
    date_hierarchy = "date"


@admin.register(ErasmusTravelBand)
class ErasmusTravelBandAdmin(SimpleHistoryAdmin):
    list_display = ("call_year", "min_km", "max_km", "standard", "green", "status")
    list_filter = ("call_year", "status")


@admin.register(ErasmusCountryGroup)
class ErasmusCountryGroupAdmin(SimpleHistoryAdmin):
    list_display = ("call_year", "scheme", "country", "group", "status")
    list_filter = ("call_year", "scheme", "group", "status")
    search_fields = ("country",)


@admin.register(ErasmusIndividualRate)
class ErasmusIndividualRateAdmin(SimpleHistoryAdmin):
    list_display = (
        "call_year", "action", "participant", "direction", "country_group",
        "unit", "days_from", "days_to", "amount", "status",
    )  # fmt: skip
    list_filter = ("call_year", "action", "participant", "status")


@admin.register(ErasmusTopUp)
class ErasmusTopUpAdmin(SimpleHistoryAdmin):
    list_display = (
        "call_year", "action", "participant", "kind", "unit",
        "days_from", "days_to", "amount", "extra_days", "status",
    )  # fmt: skip
    list_filter = ("call_year", "action", "kind", "status")


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    extra = 0
    raw_id_fields = ("institution",)


class ReportingDeadlineInline(admin.TabularInline):
    model = ReportingDeadline
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ("acronym", "title", "programme", "status", "call_year", "starts_on", "ends_on")
    list_filter = ("programme", "status", "our_role")
    search_fields = ("title", "acronym", "project_number")
    raw_id_fields = ("faculty", "responsible")
    inlines = (ProjectPartnerInline, ReportingDeadlineInline)


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_uz", "name_en", "funder", "erasmus_action")
    search_fields = ("code", "name_uz", "name_ru", "name_en")


@admin.register(BudgetHeading)
class BudgetHeadingAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_uz", "name_en")
    search_fields = ("code", "name_uz", "name_ru", "name_en")
