"""The department page's agreement figures, computed from the records.

"More than 50 cooperation agreements and memorandums were signed with universities in
Russia, Turkey, …" and "memorandums and cooperation agreements have been signed with more
than 40 foreign universities":

* An agreement counts as signed in a period when it has been signed by every party (active,
  or since expired or terminated) and its signing date falls in the period, both days
  included. Every kind counts: memorandums, cooperation, exchange, Erasmus+ agreements.
* Its partners' countries are those of its parties other than the home university, without
  the home country.
* A foreign university is active as a partner on a day when it is party to an agreement in
  force that day (:meth:`AgreementQuerySet.in_force_on`): an institution of the kind
  *university*, in another country than the home university's.
* With ``faculty`` (an OrgUnit's id), only agreements whose faculties and units include that
  faculty or one of its departments count.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from hamkor.accounts.faculties import in_faculty
from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.partners.models import Institution


def _of_faculty(agreements: QuerySet[Agreement], faculty: int | None) -> QuerySet[Agreement]:
    if faculty is None:
        return agreements
    return agreements.filter(in_faculty("scope_units", faculty)).distinct()


def signed_in(
    *, start: datetime.date, end: datetime.date, faculty: int | None = None
) -> QuerySet[Agreement]:
    """Agreements signed by every party with a signing date from ``start`` to ``end``."""
    if end < start:
        raise ValueError("The period ends before it starts.")
    signed = Agreement.objects.filter(
        status__in=Agreement.SIGNED, signed_on__gte=start, signed_on__lte=end
    )
    return _of_faculty(signed, faculty)


def partner_countries(agreements: QuerySet[Agreement]) -> list[str]:
    """The ISO codes of the countries of ``agreements``' partners, sorted, without the home
    university's country. One query."""
    home = Institution.objects.filter(is_home=True).values_list("country", flat=True)
    countries = (
        AgreementParty.objects.filter(agreement__in=agreements.values("pk"))
        .exclude(institution__is_home=True)
        .exclude(institution__country__in=home)
        .exclude(institution__country="")
        .order_by()
        .values_list("institution__country", flat=True)
        .distinct()
    )
    return sorted(countries)


def foreign_institutions_in_force(
    *, on: datetime.date, faculty: int | None = None
) -> QuerySet[Institution]:
    """Foreign institutions (of any kind) party to an agreement in force on ``on``."""
    in_force = _of_faculty(Agreement.objects.in_force_on(on), faculty)
    home = Institution.objects.filter(is_home=True).values_list("country", flat=True)
    return (
        Institution.objects.filter(
            is_home=False, agreement_parties__agreement__in=in_force.values("pk")
        )
        .exclude(country__in=home)
        .distinct()
    )


def foreign_universities_in_force(
    *, on: datetime.date, faculty: int | None = None
) -> QuerySet[Institution]:
    """Foreign universities party to an agreement in force on ``on``."""
    institutions = foreign_institutions_in_force(on=on, faculty=faculty)
    return institutions.filter(kind=Institution.Kind.UNIVERSITY)
