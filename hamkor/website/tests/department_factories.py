"""Records behind the department's page for tests: its profile as the demo has it, and
agreements that make its achievements."""

from __future__ import annotations

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory, put_in_status
from hamkor.partners.models import Institution
from hamkor.website.models import DepartmentProfile
from hamkor.website.services import department_profile_save


def signed_with(country: str) -> Agreement:
    """An agreement in force with a university of ``country``, signed within the page's
    period (the four calendar years before this one)."""
    partner = PartnerFactory(country=country, kind=Institution.Kind.UNIVERSITY)
    agreement = AgreementFactory(partners=[partner])
    put_in_status(agreement, Agreement.Status.ACTIVE)
    return agreement


def demo_profile(home, actor, **changes) -> DepartmentProfile:
    """The demo's profile (every text in each language), saved through the service."""
    from hamkor.demo.website import PROFILE

    profile = DepartmentProfile(institution=home, **{**PROFILE, **changes})
    return department_profile_save(profile=profile, actor=actor, reason="test")
