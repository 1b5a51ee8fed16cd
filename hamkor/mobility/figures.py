"""The department page's mobility figures, computed from the records for any period.

"More than 500 students were sent abroad … and received international certificates", "more
than 60 professors conducted classes for foreign students at QS top-1000 universities", "114
professors completed internships at QS top-1000 universities", "more than 20 teachers
exchanged experience at universities in the UK and Europe", "156 professors from universities
around the world visited the institute and taught students": each figure is a number of
distinct people, so a professor with two internships counts once.

Rules shared by every figure:

* Only mobilities with status *completed* count: planned, nominated, accepted, in progress
  and cancelled ones do not.
* A mobility belongs to the period when it began in it: its start (the actual departure or
  arrival, else the planned start) is on or after ``start`` and on or before ``end``, both
  days included. A trip from December 2025 to January 2026 belongs to 2025.
* "At a QS top-1000 university" is :func:`hamkor.mobility.selectors.at_qs_top`: the host's
  QS World rank, from the newest edition named at most the mobility's year + 1 (else its
  earliest edition), counted by the worse bound of a band ("951-1000" is in, "1001-1200" is
  not). A host with no QS World entry is not in the top 1000.

"UK and Europe" is a fixed list of countries, :data:`EUROPE`: the European Union, the other
EEA states (Iceland, Liechtenstein, Norway), Switzerland, the United Kingdom, the Western
Balkans (Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia, Serbia), the
European microstates (Andorra, Monaco, San Marino, Vatican City), Ukraine and Moldova.
Russia, Belarus and Türkiye are not in it, nor Azerbaijan, Armenia, Georgia or Kazakhstan:
the seed page names Russia, Türkiye, Belarus, Azerbaijan and Kazakhstan apart from "the UK
and Europe", and a figure about "Europe" that counted a trip to Kazan or Istanbul would not
say what its readers take it to say. The South Caucasus follows the same reading. Ukraine and
Moldova lie wholly in Europe and the page does not list them apart; no demo partner is there.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce

from hamkor.mobility.models import Mobility, of_faculty
from hamkor.mobility.selectors import QS_TOP, at_qs_top, qs_top_by_year, teaching_foreign_students
from hamkor.partners.models import Institution

TOP = QS_TOP

# fmt: off
EU = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
EUROPE = EU | frozenset({
    "IS", "LI", "NO",                    # EEA
    "CH", "GB",                          # Switzerland, the United Kingdom
    "AL", "BA", "ME", "MK", "RS", "XK",  # Western Balkans
    "AD", "MC", "SM", "VA",              # microstates
    "UA", "MD",
})
# fmt: on

STUDENT_KINDS = (Mobility.Kind.STUDENT_STUDY, Mobility.Kind.STUDENT_TRAINEESHIP)
STAFF_KINDS = (Mobility.Kind.STAFF_TEACHING, Mobility.Kind.STAFF_TRAINING, Mobility.Kind.RESEARCH)

# Names of the figures for the demo summary, which is in English like the rest of the
# demo-data output; a page showing the figures labels them in its own (translated) words.
LABELS = {
    "students_abroad_with_certificate": "students sent abroad who received certificates",
    "professors_taught_at_qs_top1000": "professors who taught at QS top-1000 universities",
    "professors_interned_at_qs_top1000": "professors who interned at QS top-1000 universities",
    "teachers_uk_europe": "teachers at universities in the UK and Europe",
    "visiting_professors": "visiting professors who taught here",
}


def completed_in(
    *, start: datetime.date, end: datetime.date, faculty: int | None = None
) -> QuerySet[Mobility]:
    """Completed mobilities that began from ``start`` to ``end``, both days included; with
    ``faculty`` (an OrgUnit's id), only that faculty's (its people's, or sent or hosted by it)."""
    if end < start:
        raise ValueError("The period ends before it starts.")
    completed = (
        Mobility.objects.filter(status=Mobility.Status.COMPLETED)
        .annotate(_began=Coalesce("actual_start", "planned_start"))
        .filter(_began__gte=start, _began__lte=end)
    )
    return completed if faculty is None else completed.filter(of_faculty(faculty))


def people(queryset: QuerySet[Mobility]) -> int:
    """The number of distinct people of ``queryset``: the count every figure reports."""
    return queryset.aggregate(n=Count("person", distinct=True))["n"]


def _home_country() -> str:
    home = Institution.objects.filter(is_home=True).values_list("country", flat=True).first()
    return home or ""


@dataclass(frozen=True)
class Figures:
    """The records behind each figure of the module, for one period (and faculty).

    Each attribute is a queryset of mobilities; the figure is :func:`people` of it. The home
    country and the QS spans are read once, on construction: two queries, then one a figure.
    """

    start: datetime.date
    end: datetime.date
    faculty: int | None = None
    home_country: str = field(default_factory=_home_country)
    spans: list = field(default_factory=lambda: qs_top_by_year(TOP))

    @property
    def completed(self) -> QuerySet[Mobility]:
        return completed_in(start=self.start, end=self.end, faculty=self.faculty)

    @property
    def outgoing(self) -> QuerySet[Mobility]:
        return self.completed.filter(direction=Mobility.Direction.OUTGOING)

    def students_abroad_certified(self) -> QuerySet[Mobility]:
        """Outgoing student study or traineeship with "certificate received", at a host in
        another country than the home university's."""
        abroad = self.outgoing.exclude(receiving_institution__is_home=True)
        if self.home_country:
            abroad = abroad.exclude(receiving_institution__country=self.home_country)
        return abroad.filter(kind__in=STUDENT_KINDS, certificate_received=True)

    def professors_taught_qs1000(self) -> QuerySet[Mobility]:
        """Outgoing staff teaching at a host other than the home university ("classes for
        foreign students", :func:`~hamkor.mobility.selectors.teaching_foreign_students`)
        whose QS World rank for the mobility's year is 1000 or better."""
        teaching = teaching_foreign_students(self.completed, home_country=self.home_country)
        return at_qs_top(teaching, TOP, spans=self.spans)

    def professors_interned_qs1000(self) -> QuerySet[Mobility]:
        """Outgoing staff training or internship (not a research visit) at a host whose QS
        World rank for the mobility's year is 1000 or better."""
        training = self.outgoing.filter(kind=Mobility.Kind.STAFF_TRAINING)
        return at_qs_top(training, TOP, spans=self.spans)

    def teachers_uk_europe(self) -> QuerySet[Mobility]:
        """Outgoing staff teaching, staff training or research visit at a host whose country
        is in :data:`EUROPE`, ranked or not."""
        return self.outgoing.filter(kind__in=STAFF_KINDS, receiving_institution__country__in=EUROPE)

    def visiting_professors(self) -> QuerySet[Mobility]:
        """Incoming staff teaching: guests from other universities who taught here."""
        return self.completed.filter(
            direction=Mobility.Direction.INCOMING, kind=Mobility.Kind.STAFF_TEACHING
        )


def mobility_figures(
    *, start: datetime.date, end: datetime.date, faculty: int | None = None
) -> dict[str, int]:
    """The seed page's mobility figures for the period ``start`` – ``end``: the number of
    distinct people behind each of :class:`Figures` (see the module's rules). Seven queries
    (the home country, the QS ranking entries, then one aggregate a figure), whatever the
    number of mobilities."""
    if end < start:
        raise ValueError("The period ends before it starts.")
    figures = Figures(start=start, end=end, faculty=faculty)
    return {
        "students_abroad_with_certificate": people(figures.students_abroad_certified()),
        "professors_taught_at_qs_top1000": people(figures.professors_taught_qs1000()),
        "professors_interned_at_qs_top1000": people(figures.professors_interned_qs1000()),
        "teachers_uk_europe": people(figures.teachers_uk_europe()),
        "visiting_professors": people(figures.visiting_professors()),
    }
