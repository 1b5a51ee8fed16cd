"""What the staff pages say about each achievement: its definition, and how its records are
listed.

Each figure's records are listed the way the owning app lists them: through its list view's
queryset (scoped by ``restrict(user, "view")``, with the columns' annotations) and its table,
so that the columns, links and exports are those of the app's own list.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hamkor.agreements.views import AgreementListView
from hamkor.events.views.events import EventListView
from hamkor.events.views.participants import ParticipantListView
from hamkor.grants.money.views import ReceiptListView
from hamkor.grants.project_views import ProjectListView
from hamkor.mobility.views.mobilities import MobilityListView
from hamkor.partners.views import InstitutionListView

# The list of the owning app, by the model of an achievement's records.
LIST_VIEWS = {
    "agreements.agreement": AgreementListView,
    "mobility.mobility": MobilityListView,
    "events.participant": ParticipantListView,
    "events.event": EventListView,
    "grants.project": ProjectListView,
    "grants.receipt": ReceiptListView,
    "partners.institution": InstitutionListView,
}

# What each figure counts: the rules of the apps' figures modules, for the reader.
DEFINITIONS = {
    "agreements_signed": _(
        "Agreements and memorandums of every kind signed by every party (active, or since "
        "expired or terminated) whose signing date is in the period. With a faculty, those "
        "whose faculties and units include it or one of its departments."
    ),
    "agreement_countries": _(
        "The countries of the partners of the agreements signed in the period, without the "
        "home university and its country. The list shows those agreements."
    ),
    "students_abroad_certified": _(
        "Students, each counted once: completed outgoing study or traineeship mobilities that "
        "began in the period, at a host in another country, with the certificate received. "
        "The list shows each such mobility."
    ),
    "professors_taught_qs1000": _(
        "Staff, each counted once: completed outgoing teaching mobilities that began in the "
        "period, at a host in the QS World top 1000 of the mobility's year (the newest "
        "edition named at most the year after; a band counts by its worst place, so "
        "“951-1000” is in and “1001-1200” is not). The list shows each such mobility."
    ),
    "professors_interned_qs1000": _(
        "Staff, each counted once: completed outgoing training or internship mobilities (not "
        "research visits) that began in the period, at a host in the QS World top 1000 of the "
        "mobility's year. The list shows each such mobility."
    ),
    "teachers_uk_europe": _(
        "Staff, each counted once: completed outgoing teaching, training or research "
        "mobilities that began in the period, at a host in the United Kingdom or Europe (the "
        "European Union, Iceland, Liechtenstein, Norway, Switzerland, the Western Balkans, "
        "Andorra, Monaco, San Marino, the Vatican, Ukraine and Moldova; not Russia, Belarus, "
        "Türkiye or the Caucasus). The list shows each such mobility."
    ),
    "visiting_professors": _(
        "Guests, each counted once: completed incoming teaching mobilities that began in the "
        "period. The list shows each such mobility."
    ),
    "professors_conferences_abroad": _(
        "Our staff members, each counted once: confirmed participations with a certificate "
        "(issued by us or uploaded) in conferences, seminars and symposiums that began in the "
        "period in another country. The list shows each such participation."
    ),
    "webinars_with_partners": _(
        "Webinars we organised, alone or with partners, that began in the period and have at "
        "least one partner institution recorded."
    ),
    "grant_projects": _(
        "Funded projects (approved, running, final report submitted or closed) whose dates "
        "overlap the period; a project without a start date counts when it received money in "
        "the period."
    ),
    "grant_income_usd": _(
        "Receipts of funded projects dated in the period, each converted to US dollars at the "
        "rate of the day it arrived. A receipt whose day has no rate is left out of the sum, "
        "and the missing rates are named."
    ),
    "partner_universities_active": _(
        "Foreign universities party to an agreement in force on the chosen day."
    ),
}


def list_view_for(model_label: str, request):
    """The owning app's list view for ``model_label``, set up for ``request``."""
    return LIST_VIEWS[model_label](request=request, args=(), kwargs={})
