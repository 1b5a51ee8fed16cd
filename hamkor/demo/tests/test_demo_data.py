"""``hamkor demo-data`` loads the home university and one user per role, idempotently."""

import io

from django.core.management import call_command

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.agreements.models import Agreement
from hamkor.partners.models import Institution
from hamkor.website.models import DepartmentProfile


def test_demo_data_prints_a_login_for_every_role(demo):
    for role in Role:
        user = User.objects.get(groups__name=role.value)
        assert user.email in demo
        password = demo.split(user.email, 1)[1].split()[0]
        assert user.check_password(password)


def test_demo_data_twice_neither_fails_nor_duplicates(demo):
    counts = (
        Institution.objects.count(),
        OrgUnit.objects.count(),
        User.objects.count(),
        Agreement.objects.count(),
    )
    call_command("demo_data", stdout=io.StringIO())
    assert (
        Institution.objects.count(),
        OrgUnit.objects.count(),
        User.objects.count(),
        Agreement.objects.count(),
    ) == counts


def test_demo_data_holds_the_departments_facts(demo):
    profile = DepartmentProfile.objects.get()
    assert profile.head_name_uz == "Begmatova Nodira Numanovna"
    assert profile.email == "ksu.intdept@gmail.com"
    assert profile.institution.is_home
    coordinator = User.objects.get(groups__name=Role.COORDINATOR)
    assert coordinator.org_unit.kind == OrgUnit.Kind.FACULTY


def test_demo_agreements_match_the_seed_page(demo):
    import datetime

    signed = Agreement.objects.filter(signed_on__year__range=(2022, 2025))
    assert signed.count() > 50
    countries = {party.institution.country.code for a in signed for party in a.parties.all()}
    assert {
        "RU",
        "TR",
        "BY",
        "KZ",
        "KG",
        "CZ",
        "KR",
        "GB",
        "NL",
        "CN",
        "BE",
        "AZ",
        "ID",
        "MY",
    } <= countries
    in_force = Agreement.objects.in_force_on(datetime.date.today())
    assert Institution.objects.filter(agreements__in=in_force).distinct().count() > 40
