"""Partners' services and selectors: merging duplicates, similar names, dormant partners,
follow-ups due."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.core.models import Document
from hamkor.partners.models import Contact, Institution, Interaction, RankingEntry
from hamkor.partners.selectors import follow_ups_due, partners_dormant
from hamkor.partners.services import (
    institution_merge,
    institutions_similar,
    interaction_follow_up_done,
)
from hamkor.partners.tests.factories import InstitutionFactory

TODAY = datetime.date(2025, 6, 1)


def rank(institution, year, text, low, high):
    return RankingEntry.objects.create(
        institution=institution,
        ranking=RankingEntry.Ranking.QS_WORLD,
        year=year,
        rank=text,
        rank_low=low,
        rank_high=high,
    )


def agreement(reference, *institutions, **fields) -> Agreement:
    made = Agreement.objects.create(
        reference=reference, kind=Agreement.Kind.MOU, title=reference, **fields
    )
    for institution in institutions:
        AgreementParty.objects.create(agreement=made, institution=institution)
    return made


@pytest.fixture
def pair(home):
    keep = InstitutionFactory(
        name="Ankara Üniversitesi", country="TR", partnership="active", erasmus_code="TR ANKARA01"
    )
    duplicate = InstitutionFactory(
        name="Ankara University", country="TR", pic="999888777", website="https://ankara.edu.tr"
    )
    return keep, duplicate


def test_merge_moves_contacts_interactions_rankings_and_agreements(pair, officer):
    keep, duplicate = pair
    Contact.objects.create(institution=duplicate, full_name="Mehmet Kaya")
    Interaction.objects.create(institution=duplicate, kind="call", date=TODAY, summary="Call")
    rank(keep, 2027, "801-850", 801, 850)
    rank(duplicate, 2027, "801-850", 801, 850)  # the same edition: dropped, not doubled
    rank(duplicate, 2026, "851-900", 851, 900)
    shared = agreement("MOU-2024-001", keep, duplicate)  # party twice: one row stays
    own = agreement("MOU-2024-002", duplicate)

    institution_merge(keep=keep, duplicate=duplicate, actor=officer)

    assert not Institution.objects.filter(pk=duplicate.pk).exists()
    assert list(keep.contacts.values_list("full_name", flat=True)) == ["Mehmet Kaya"]
    assert keep.interactions.count() == 1
    assert sorted(keep.rankings.values_list("year", flat=True)) == [2026, 2027]
    assert list(shared.parties.values_list("institution", flat=True)) == [keep.pk]
    assert list(own.parties.values_list("institution", flat=True)) == [keep.pk]


def test_merge_fills_blanks_and_keeps_the_kept_values(pair, officer):
    keep, duplicate = pair
    institution_merge(keep=keep, duplicate=duplicate, actor=officer)
    keep.refresh_from_db()
    assert (keep.name, keep.erasmus_code, keep.partnership) == (
        "Ankara Üniversitesi",
        "TR ANKARA01",
        "active",
    )
    assert (keep.pic, keep.website) == ("999888777", "https://ankara.edu.tr")


def test_merge_is_recorded_in_both_histories(pair, officer):
    keep, duplicate = pair
    duplicate_pk = duplicate.pk
    institution_merge(keep=keep, duplicate=duplicate, actor=officer)
    kept = keep.history.first()
    assert (kept.history_user, kept.history_change_reason) == (
        officer,
        f"partners.institution.merged:{duplicate_pk}",
    )
    gone = Institution.history.filter(id=duplicate_pk).first()
    assert gone.history_type == "-"
    assert gone.history_change_reason == f"partners.institution.merged_into:{keep.pk}"
    assert gone.history_user == officer


def test_merge_moves_the_duplicates_documents(pair, officer):
    keep, duplicate = pair
    document = Document.objects.create(
        content_type=ContentType.objects.get_for_model(Institution),
        object_id=duplicate.pk,
        kind=Document.Kind.LETTER,
    )
    institution_merge(keep=keep, duplicate=duplicate, actor=officer)
    document.refresh_from_db()
    assert document.object_id == keep.pk


def test_merge_refuses_the_home_university_and_an_institution_with_itself(pair, home, officer):
    keep, _duplicate = pair
    with pytest.raises(ValidationError, match="home university"):
        institution_merge(keep=keep, duplicate=home, actor=officer)
    with pytest.raises(ValidationError, match="two different"):
        institution_merge(keep=keep, duplicate=keep, actor=officer)


def test_similar_names_are_found_in_the_same_country_across_spellings(home):
    ankara = InstitutionFactory(name="Ankara Üniversitesi", name_en="Ankara University")
    InstitutionFactory(name="Ankara University", country="AZ")
    found = institutions_similar(name="ankara universitesi", country="TR")
    assert [institution for institution, _score in found] == [ankara]
    assert institutions_similar(name="Hacettepe Üniversitesi", country="TR") == []


# --- Selectors ---------------------------------------------------------------------------


def test_dormant_partners_are_active_ones_without_recent_dealings(home, settings):
    settings.HAMKOR_DORMANT_AFTER_MONTHS = 12
    quiet = InstitutionFactory(partnership="active")
    talked = InstitutionFactory(partnership="active")
    signed = InstitutionFactory(partnership="active")
    InstitutionFactory(partnership="prospect")
    Interaction.objects.create(
        institution=quiet, kind="call", date=datetime.date(2024, 1, 5), summary="Old"
    )
    Interaction.objects.create(
        institution=talked, kind="call", date=datetime.date(2025, 2, 1), summary="Recent"
    )
    agreement("MOU-2025-001", signed, signed_on=datetime.date(2025, 1, 10))
    assert list(partners_dormant(today=TODAY)) == [quiet]
    assert set(partners_dormant(today=TODAY, months=1)) == {quiet, talked, signed}


def test_follow_ups_due_are_mine_open_and_within_a_week(home, officer, leadership):
    partner = InstitutionFactory(partnership="active")

    def follow_up(on, owner=officer, done=False):
        return Interaction.objects.create(
            institution=partner,
            kind="email",
            date=datetime.date(2025, 1, 1),
            summary="s",
            owner=owner,
            follow_up_on=on,
            follow_up_done=done,
        )

    overdue = follow_up(datetime.date(2025, 5, 20))
    soon = follow_up(datetime.date(2025, 6, 5))
    follow_up(datetime.date(2025, 7, 1))
    follow_up(datetime.date(2025, 5, 30), done=True)
    follow_up(datetime.date(2025, 5, 30), owner=leadership)
    assert list(follow_ups_due(user=officer, today=TODAY)) == [overdue, soon]


def test_follow_up_done_is_recorded_once_with_who(home, officer):
    partner = InstitutionFactory(partnership="active")
    interaction = Interaction.objects.create(
        institution=partner,
        kind="email",
        date=datetime.date(2025, 1, 1),
        summary="s",
        follow_up_on=datetime.date(2025, 2, 1),
    )
    interaction_follow_up_done(interaction=interaction, actor=officer)
    interaction_follow_up_done(interaction=interaction, actor=officer)
    interaction.refresh_from_db()
    assert interaction.follow_up_done
    reasons = [r.history_change_reason for r in interaction.history.all()]
    assert reasons.count("partners.interaction.follow_up_done") == 1
    assert interaction.history.first().history_user == officer


def test_a_contact_without_follow_up_has_none_to_mark_done(home, officer):
    interaction = Interaction.objects.create(
        institution=InstitutionFactory(), kind="call", date=datetime.date(2025, 1, 1), summary="s"
    )
    with pytest.raises(ValidationError, match="no follow-up"):
        interaction_follow_up_done(interaction=interaction, actor=officer)
    interaction.refresh_from_db()
    assert not interaction.follow_up_done
