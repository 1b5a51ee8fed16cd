"""List and export columns for people and mobilities.

Personal data columns exist only for users who may read personal data: the table leaves
them out for everybody else, on screen and in exports alike.
"""

from __future__ import annotations

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hamkor.core.tables import BaseTable
from hamkor.mobility.models import PERSONAL_DATA, Mobility, Person

# Bootstrap badge classes of each status.
STATUS_BADGES = {
    Mobility.Status.PLANNED: "text-bg-light border",
    Mobility.Status.NOMINATED: "text-bg-info",
    Mobility.Status.ACCEPTED: "text-bg-primary",
    Mobility.Status.IN_PROGRESS: "text-bg-warning",
    Mobility.Status.COMPLETED: "text-bg-success",
    Mobility.Status.CANCELLED: "text-bg-dark",
}


def status_badge(mobility: Mobility) -> str:
    return format_html(
        '<span class="badge {}">{}</span>',
        STATUS_BADGES.get(mobility.status, "text-bg-light"),
        mobility.get_status_display(),
    )


def partner_of(mobility: Mobility):
    """The other side: the host of an outgoing mobility, the sender of an incoming one."""
    return mobility.receiving_institution if mobility.is_outgoing else mobility.sending_institution


class PersonTable(BaseTable):
    """Every row reads the unit, institution and account selected by the list view."""

    PERSONAL_COLUMNS = ("date_of_birth", "passport_number", "passport_valid_to")

    full_name = tables.Column(
        verbose_name=_("Name"), linkify=True, order_by=("last_name", "first_name")
    )
    name_original = tables.Column(verbose_name=_("Original script"))
    category = tables.Column(verbose_name=_("Category"))
    citizenship = tables.Column(verbose_name=_("Citizenship"))
    org_unit = tables.Column(verbose_name=_("Faculty or unit"), order_by=("org_unit__name_uz",))
    institution = tables.Column(verbose_name=_("Institution"), order_by=("institution__name",))
    email = tables.EmailColumn(verbose_name=_("E-mail"))
    user = tables.BooleanColumn(verbose_name=_("Account"), accessor="user_id")
    mobilities = tables.Column(
        verbose_name=_("Mobilities"),
        accessor="mobility_count",
        attrs={"td": {"class": "text-end"}},
    )
    date_of_birth = tables.DateColumn(verbose_name=_("Date of birth"), short=True)
    passport_number = tables.Column(verbose_name=_("Passport number"))
    passport_valid_to = tables.DateColumn(verbose_name=_("Passport valid to"), short=True)

    class Meta(BaseTable.Meta):
        model = Person
        fields = (
            "full_name",
            "name_original",
            "category",
            "citizenship",
            "org_unit",
            "institution",
            "email",
            "user",
            "mobilities",
            "date_of_birth",
            "passport_number",
            "passport_valid_to",
        )
        sequence = fields

    def __init__(self, *args, request=None, exclude=None, **kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.has_perm(PERSONAL_DATA):
            exclude = (*(exclude or ()), *self.PERSONAL_COLUMNS)
        super().__init__(*args, request=request, exclude=exclude, **kwargs)

    def render_citizenship(self, record):
        return record.citizenship.name

    def value_citizenship(self, record):
        return record.citizenship.code


class MobilityTable(BaseTable):
    """Every row reads the person and institutions selected by the list view and the host's
    QS rank annotated by ``with_host_qs_rank``: no query per row."""

    person = tables.Column(
        verbose_name=_("Person"),
        linkify=lambda record: record.get_absolute_url(),
        order_by=("person__last_name", "person__first_name"),
    )
    direction = tables.Column(verbose_name=_("Direction"))
    kind = tables.Column(verbose_name=_("Kind"))
    programme = tables.Column(verbose_name=_("Programme"))
    partner = tables.Column(
        verbose_name=_("Partner"),
        accessor="pk",
        order_by=("receiving_institution__name", "sending_institution__name"),
    )
    country = tables.Column(verbose_name=_("Country"), accessor="pk", orderable=False)
    start = tables.Column(
        verbose_name=_("From"),
        accessor="planned_start",
        order_by=("planned_start",),
        attrs={"td": {"class": "text-nowrap"}},
    )
    end = tables.Column(
        verbose_name=_("To"),
        accessor="planned_end",
        order_by=("planned_end",),
        attrs={"td": {"class": "text-nowrap"}},
    )
    status = tables.Column(verbose_name=_("Status"))
    host_qs_rank = tables.Column(
        verbose_name=_("Host's QS rank"),
        order_by=("host_qs_rank",),
        attrs={"td": {"class": "text-nowrap"}},
    )

    class Meta(BaseTable.Meta):
        model = Mobility
        fields = (
            "person",
            "direction",
            "kind",
            "programme",
            "partner",
            "country",
            "start",
            "end",
            "status",
            "host_qs_rank",
        )
        sequence = fields

    def render_partner(self, record):
        return str(partner_of(record))

    def value_partner(self, record):
        return str(partner_of(record))

    def render_country(self, record):
        return partner_of(record).country.name

    def value_country(self, record):
        return partner_of(record).country.code

    # Actual dates once known, else the planned ones.
    def render_start(self, record):
        return _date(record.start)

    def value_start(self, record):
        return record.start.isoformat()

    def render_end(self, record):
        return _date(record.end)

    def value_end(self, record):
        return record.end.isoformat()

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_host_qs_rank(self, record):
        if not record.is_outgoing:
            return "—"  # we host: our own rank is not a fact about the mobility
        return format_html(
            '<span title="{}">{}</span>',
            _("QS World %(edition)s") % {"edition": record.host_qs_edition},
            record.host_qs_label,
        )

    def value_host_qs_rank(self, record):
        return record.host_qs_label if record.is_outgoing else ""


def _date(value) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")
