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
        users = User.objects.filter(groups__name=role.value)
        assert users.exists()
        # Applicants: the traveller and the foreign student; the applicants to the demo calls
        # have no password (nobody logs in as them).
        for user in users.exclude(password__startswith="!"):
            assert user.email in demo
            password = demo.split(user.email, 1)[1].lstrip(" /").split()[0]
            assert user.check_password(password), user.email


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


def test_demo_shows_most_agreements_on_the_website_and_keeps_some_confidential(demo):
    from hamkor.agreements.selectors import public_partners

    signed = Agreement.objects.exclude(signed_on=None)
    assert signed.filter(public=True).count() > signed.count() * 3 // 4
    assert signed.filter(public=False).exists()
    shown = public_partners()
    assert len({partner.institution.country.code for partner in shown}) >= 10


# Words no Uzbek text holds; the demo's free texts (which have no column per language) are
# written in Uzbek, the office's language, not in English.
ENGLISH_WORDS = {"the", "of", "and", "on", "for", "agreement", "memorandum", "school", "faculty"}


def english_words(text: str) -> set[str]:
    return {word for word in text.lower().replace(":", " ").split() if word in ENGLISH_WORDS}


def test_demo_texts_a_reader_sees_are_in_uzbek(demo):
    from hamkor.mobility.models import Mobility, Person
    from hamkor.partners.models import Interaction

    texts = {
        "agreement title": Agreement.objects.values_list("title", flat=True),
        "mobility subjects": Mobility.objects.values_list("subjects", flat=True),
        "partner unit": Mobility.objects.values_list("partner_unit", flat=True),
        "funding": Mobility.objects.values_list("funding_source", flat=True),
        "cancellation": Mobility.objects.values_list("cancel_reason", flat=True),
        "interaction": Interaction.objects.values_list("summary", flat=True),
        "position": Person.objects.values_list("position", flat=True),
    }
    found = {
        name: sorted({text for text in values if english_words(text)})[:5]
        for name, values in texts.items()
    }
    assert not any(found.values()), found
    assert Agreement.objects.filter(title__contains="hamkorlik").exists()
