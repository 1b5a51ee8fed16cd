"""Erasing several people of the demo data changes no figure: the achievements (every year
and the last four), and the annual report's numbers; and their names are nowhere in the
database afterwards (a backup archive of every record and file is searched)."""

from __future__ import annotations

import datetime

from django.db.models import Count

from hamkor.events.models import Participant
from hamkor.mobility.models import Mobility, Person
from hamkor.privacy.services import person_anonymise, person_identifiers
from hamkor.privacy.tests.helpers import dump_text, figures
from hamkor.reports.annual import annual_report
from hamkor.reports.series import Table


def _annual_numbers(year: int) -> list[tuple]:
    """The report's tables of numbers (the annexes list records by name)."""
    report = annual_report(year=year, language="en", today=datetime.date(year + 1, 1, 15))
    return [
        (block.table.key, repr(block.table.rows))
        for section in report.sections
        for block in section.blocks
        if isinstance(block.table, Table)
    ]


def _unique(people):
    """People whose full name no one else has (an erasure replaces a full name in text; a
    namesake's would go too, and the search below would find the namesake's record)."""
    names = (
        Person.objects.values("last_name", "first_name")
        .annotate(n=Count("pk"))
        .filter(n=1)
        .values_list("last_name", "first_name")
    )
    unique = set(names)
    shared = set(
        Person.objects.exclude(email="")
        .values("email")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("email", flat=True)
    )
    return [p for p in people if (p.last_name, p.first_name) in unique and p.email not in shared]


def _chosen() -> list[Person]:
    """A certified outgoing student, a professor who taught abroad, a guest professor, a
    staff member at a conference abroad with a certificate, a foreign student, an applicant."""
    picks = [
        Person.objects.filter(
            mobilities__certificate_received=True, category=Person.Category.STUDENT
        ),
        Person.objects.filter(
            mobilities__kind=Mobility.Kind.STAFF_TEACHING, mobilities__direction="outgoing"
        ),
        Person.objects.filter(mobilities__direction="incoming"),
        Person.objects.filter(
            pk__in=Participant.objects.exclude(certificate_reference="").values("person")
        ),
        Person.objects.filter(foreign_student__isnull=False),
        Person.objects.filter(applications__isnull=False),
    ]
    chosen = []
    for queryset in picks:
        found = _unique(queryset.exclude(pk__in=[p.pk for p in chosen]).distinct()[:20])
        if found:
            chosen.append(found[0])
    return chosen


def test_erasing_people_of_the_demo_changes_no_figure(
    demo, admin, tmp_path, django_capture_on_commit_callbacks
):
    chosen = _chosen()
    assert len(chosen) >= 5
    traces = [i for person in chosen for i in person_identifiers(person) if len(i) >= 6]
    achievements_before = figures()
    annual_before = [_annual_numbers(year) for year in (2023, 2024, 2025)]

    with django_capture_on_commit_callbacks(execute=True):
        for person in chosen:
            person_anonymise(person=person, by=admin, reason="Written request")

    assert figures() == achievements_before
    assert [_annual_numbers(year) for year in (2023, 2024, 2025)] == annual_before
    text = dump_text(tmp_path)
    found = [trace for trace in traces if trace.lower() in text.lower()]
    assert not found
