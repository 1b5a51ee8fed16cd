"""``hamkor demo-data`` reproduces the seed page's mobility figures, keeps every rule, and adds
nothing when run again.

The demo data set takes a while to load, so it is loaded once for this module, inside a
transaction that is rolled back at the end; each test runs in a savepoint within it.
"""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command

from hamkor.accounts.models import User
from hamkor.demo.institutions import PARTNERS
from hamkor.demo.mobility import PERIOD
from hamkor.mobility.figures import mobility_figures
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.services import mobility_check


def counts() -> tuple[int, ...]:
    return (
        Person.objects.count(),
        Mobility.objects.count(),
        Person.history.count(),
        Mobility.history.count(),
    )


def test_the_figures_of_the_seed_page(demo):
    figures = mobility_figures(start=PERIOD[0], end=PERIOD[1])
    assert figures["students_abroad_with_certificate"] > 500
    assert figures["professors_taught_at_qs_top1000"] > 60
    assert figures["professors_interned_at_qs_top1000"] == 114
    assert figures["teachers_uk_europe"] > 20
    assert figures["visiting_professors"] == 156
    assert "professors who interned at QS top-1000 universities 114" in demo


def test_a_second_run_adds_nothing(demo):
    before = counts()
    figures = mobility_figures(start=PERIOD[0], end=PERIOD[1])
    call_command("demo_data", stdout=io.StringIO())
    assert counts() == before
    assert mobility_figures(start=PERIOD[0], end=PERIOD[1]) == figures


def test_every_mobility_keeps_the_rules(demo):
    sample = Mobility.objects.select_related(
        "person", "agreement", "sending_institution", "receiving_institution"
    ).order_by("pk")
    total = sample.count()
    for mobility in sample[:: max(total // 50, 1)]:
        mobility_check(mobility)  # raises ValidationError on a broken rule
        assert mobility.history.last().history_change_reason == "demo.loaded"


def test_hosts_are_the_real_partners_and_dates_are_in_range(demo):
    names = {name for name, *_rest in PARTNERS}
    mobilities = Mobility.objects.select_related("sending_institution", "receiving_institution")
    # The few exchanges of the loading week (for the deadlines board) are dated from today.
    for mobility in mobilities.exclude(person__email__contains=".now@"):
        partner = (
            mobility.receiving_institution if mobility.is_outgoing else mobility.sending_institution
        )
        assert partner.name_en in names
        if mobility.status == Mobility.Status.COMPLETED:
            assert datetime.date(2022, 9, 1) <= mobility.start < datetime.date(2026, 12, 31)
            assert mobility.end < datetime.date(2026, 11, 1)
        if mobility.status == Mobility.Status.CANCELLED:
            assert mobility.cancel_reason


def test_guests_have_letters_visas_and_registration(demo):
    visits = Mobility.objects.filter(
        direction=Mobility.Direction.INCOMING, status=Mobility.Status.COMPLETED
    )
    assert visits.count() >= 156
    for visit in visits:
        assert visit.invitation_reference.startswith("INV-")
        assert visit.visa_type
        assert (
            visit.actual_start <= visit.registered_on <= visit.actual_start + datetime.timedelta(3)
        )
    countries = set(visits.values_list("person__citizenship", flat=True))
    assert {"RU", "TR", "KR", "CN", "KZ", "GB", "CZ", "NL", "MY", "ID"} <= countries


def test_only_the_demo_logins_are_linked_to_people(demo):
    applicant = User.objects.get(email="student@hamkor.demo")
    foreign_student = User.objects.get(email="foreign.student@hamkor.demo")
    # Besides these two logins, only the applicants to the demo calls, who cannot log in.
    linked = Person.objects.filter(user__isnull=False).exclude(user__password__startswith="!")
    assert {person.user for person in linked} == {applicant, foreign_student}
    [mobility] = linked.get(user=applicant).mobilities.all()
    assert mobility.status == Mobility.Status.ACCEPTED
    assert mobility.is_outgoing
    assert datetime.date(2027, 2, 1) <= mobility.planned_start <= datetime.date(2027, 6, 30)


def test_people_have_names_in_both_scripts(demo):
    student = Person.objects.filter(email__endswith="@students.kokandsu.demo").first()
    assert student.name_original.split()[0][0] in "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЭЮЯЎҚҒҲ"
    korean = Person.objects.filter(citizenship="KR", category="foreign_professor").first()
    assert "\uac00" <= korean.name_original[0] <= "\ud7a3"  # Hangul
