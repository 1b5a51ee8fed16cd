"""A partner's relationship status follows from its agreements."""

from __future__ import annotations

import pytest

from hamkor.agreements import services
from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, attach_signed_copy
from hamkor.agreements.tests.test_edit import ADD, agreement_data, party_rows
from hamkor.partners.models import Institution
from hamkor.partners.tests.factories import InstitutionFactory

Partnership = Institution.Partnership


@pytest.fixture
def prospect(db):
    return InstitutionFactory(name="Universität Graz", partnership=Partnership.PROSPECT)


def activate(agreement, officer) -> Agreement:
    attach_signed_copy(agreement, officer)
    return services.agreement_transition(agreement=agreement, name="activate", actor=officer)


def test_activating_the_first_agreement_makes_a_prospect_an_active_partner(prospect, officer, home):
    agreement = AgreementFactory(partners=[prospect])
    prospect.refresh_from_db()
    assert prospect.partnership == Partnership.PROSPECT  # a draft commits nobody yet

    activate(agreement, officer)

    prospect.refresh_from_db()
    assert prospect.partnership == Partnership.ACTIVE
    change = prospect.history.first()
    assert change.history_change_reason == (
        f"partners.institution.active_by_agreement:{agreement.reference}"
    )
    assert change.history_user == officer


@pytest.mark.parametrize("status", [Partnership.DORMANT, Partnership.ENDED, Partnership.NONE])
def test_activation_takes_up_a_partnership_again(officer, home, status):
    partner = InstitutionFactory(partnership=status)
    activate(AgreementFactory(partners=[partner]), officer)
    partner.refresh_from_db()
    assert partner.partnership == Partnership.ACTIVE


def test_the_home_university_stays_what_it_is(officer, home, prospect):
    agreement = AgreementFactory(partners=[prospect, home])
    activate(agreement, officer)
    home.refresh_from_db()
    assert home.partnership == Institution._meta.get_field("partnership").default


def test_a_directory_institution_chosen_as_a_party_becomes_a_prospect(as_user, home):
    directory_entry = InstitutionFactory(name="Universidad de Salamanca")
    assert directory_entry.partnership == Partnership.NONE
    response = as_user("officer").post(
        ADD, {**agreement_data(), **party_rows({"institution": directory_entry.pk})}
    )
    assert response.status_code == 302
    directory_entry.refresh_from_db()
    assert directory_entry.partnership == Partnership.PROSPECT
    assert Agreement.objects.get().institutions.get() == directory_entry


def test_the_partner_page_says_how_the_status_is_set(as_user, prospect):
    text = as_user("officer").get(prospect.get_absolute_url()).text
    assert "The partnership follows the agreements" in text
