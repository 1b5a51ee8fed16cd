"""An agreement's page: parties, scope, validity, status with its changes and steps, quotas,
amendments with their documents, the renewal chain, history."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamkor.agreements import services
from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.agreements.tests.factories import (
    AgreementFactory,
    CooperationAreaFactory,
    MobilityQuotaFactory,
    PartnerFactory,
    attach_signed_copy,
    pdf_upload,
    put_in_status,
)


@pytest.fixture
def agreement(faculty_a):
    agreement = AgreementFactory(
        reference="MOU-2024-001",
        title="Academic cooperation",
        partners=[PartnerFactory(name="Ankara Üniversitesi", name_en="Ankara University")],
        units=[faculty_a],
        auto_renewal=True,
        notice_period_days=90,
        home_signatory="Rector Sh. Yusupov",
    )
    agreement.areas.add(CooperationAreaFactory(code="education", name_en="Education"))
    party = agreement.parties.get()
    party.signatory = "Prof. Necdet Ünüvar"
    party.signatory_title = "Rector"
    party.save()
    return agreement


def page(client, agreement):
    return client.get(agreement.get_absolute_url())


def test_detail_shows_parties_scope_and_validity(as_user, agreement):
    text = page(as_user("leadership"), agreement).text
    for shown in (
        "Ankara University",
        "Prof. Necdet Ünüvar",
        "Rector",
        "Faculty A",
        "Education",
        "90 days",
        "Rector Sh. Yusupov",
        "1 Mar 2024",  # signed on, in the reader's short date format, month in words
        "28 Feb 2029",
    ):
        assert shown in text, shown


def test_detail_says_open_ended_without_an_end_date(as_user, agreement):
    agreement.valid_to = None
    agreement.save()
    assert "open-ended" in page(as_user("officer"), agreement).text


def test_detail_offers_the_steps_of_the_status_to_who_may_take_them(as_user, agreement):
    text = page(as_user("officer"), agreement).text
    assert "/status/negotiate/" in text
    assert "/status/send_for_signature/" in text
    assert "/status/terminate/" not in text  # a draft is deleted, not terminated
    assert "/status/expire/" not in text  # the daily task's step
    for persona in ("leadership", "coordinator_b"):
        assert "/status/" not in page(as_user(persona), agreement).text, persona
    assert "/status/negotiate/" in page(as_user("coordinator"), agreement).text


def test_detail_states_the_activation_rule_while_no_signed_copy_is_attached(
    as_user, agreement, officer
):
    text = page(as_user("officer"), agreement).text
    assert "/status/activate/" in text
    assert "attach the signed scan first" in text
    attach_signed_copy(agreement, officer)
    assert "attach the signed scan first" not in page(as_user("officer"), agreement).text


def test_detail_lists_the_status_changes_with_who_when_and_why(as_user, agreement, officer):
    services.agreement_transition(agreement=agreement, name="negotiate", actor=officer)
    services.agreement_transition(
        agreement=agreement, name="reopen", actor=officer, reason="They asked for a new clause"
    )
    services.agreement_transition(
        agreement=agreement, name="terminate", actor=officer, reason="The partner withdrew"
    )
    text = page(as_user("leadership"), agreement).text
    timeline = text[text.index("status-changes") :]
    assert "Under negotiation" in timeline
    assert "They asked for a new clause" in timeline
    assert "Terminated" in timeline
    assert "The partner withdrew" in timeline
    assert str(officer) in timeline


def test_detail_shows_documents_and_amendments_with_their_own_documents(
    as_user, agreement, officer
):
    from hamkor.core.documents import document_add

    attach_signed_copy(agreement, officer)
    put_in_status(agreement, Agreement.Status.ACTIVE)
    amendment = services.agreement_amend(
        agreement=agreement,
        actor=officer,
        signed_on=datetime.date(2025, 1, 10),
        summary="Adds staff mobility",
    )
    document_add(
        record=amendment, kind="amendment", upload=pdf_upload("amendment-1.pdf"), actor=officer
    )
    text = page(as_user("officer"), agreement).text
    assert "signed.pdf" in text
    assert 'id="amendment-1"' in text
    assert "Adds staff mobility" in text
    assert "amendment-1.pdf" in text
    assert text.count('id="document-new-file"') == 1  # the ids of the page stay unique


def test_detail_shows_quotas_and_their_utilisation_per_year(as_user, agreement):
    MobilityQuotaFactory(
        agreement=agreement,
        places_per_year=4,
        first_year=2024,
        last_year=2025,
        language="en",
        cefr_level="B2",
    )
    text = page(as_user("officer"), agreement).text
    assert "Outgoing, Student study" in text
    assert "2024/25 – 2025/26" in text
    assert "EN B2" in text
    utilisation = text[text.index('class="table table-sm mb-0 utilisation"') :]
    assert utilisation.count("<td>2024/25</td>") == 1
    assert utilisation.count("<td>2025/26</td>") == 1
    assert "/quotas/add/" in text
    assert "/quotas/add/" not in page(as_user("leadership"), agreement).text


def test_detail_links_the_renewal_chain(as_user, agreement, officer):
    put_in_status(agreement, Agreement.Status.ACTIVE)
    successor = services.agreement_renew(
        agreement=agreement,
        actor=officer,
        valid_from=datetime.date(2029, 3, 1),
        valid_to=datetime.date(2034, 2, 28),
    )
    assert successor.get_absolute_url() in page(as_user("officer"), agreement).text
    assert agreement.get_absolute_url() in page(as_user("officer"), successor).text


def test_detail_offers_renew_and_amend_only_on_an_agreement_in_force(as_user, agreement):
    text = page(as_user("officer"), agreement).text
    assert "/renew/" not in text and "/amend/" not in text
    put_in_status(agreement, Agreement.Status.ACTIVE)
    text = page(as_user("officer"), agreement).text
    assert "/renew/" in text and "/amend/" in text
    assert "/renew/" not in page(as_user("coordinator_b"), agreement).text


def test_delete_is_offered_for_a_draft_only(as_user, agreement):
    assert "/delete/" in page(as_user("officer"), agreement).text
    put_in_status(agreement, Agreement.Status.ACTIVE)
    assert "/delete/" not in page(as_user("officer"), agreement).text


def test_history_tab_shows_who_changed_what(as_user, agreement, officer):
    services.agreement_transition(agreement=agreement, name="negotiate", actor=officer)
    response = as_user("leadership").get(f"/staff/agreements/{agreement.pk}/history/")
    assert "Negotiation started" in response.text  # the code's label, not the code
    assert "agreements.agreement.negotiate" not in response.text
    assert "<ins>Under negotiation</ins>" in response.text


def test_an_amendment_document_is_attached_only_within_the_faculty(as_user, agreement, officer):
    from django.contrib.contenttypes.models import ContentType

    from hamkor.agreements.models import Amendment
    from hamkor.core.models import Document

    put_in_status(agreement, Agreement.Status.ACTIVE)
    amendment = services.agreement_amend(
        agreement=agreement, actor=officer, signed_on=datetime.date(2025, 1, 10), summary="x"
    )
    url = f"/staff/documents/add/{ContentType.objects.get_for_model(Amendment).pk}/{amendment.pk}/"
    refused = as_user("coordinator_b").post(url, {"file": pdf_upload(), "kind": "amendment"})
    assert refused.status_code == 403
    assert not Document.objects.exists()
    accepted = as_user("coordinator").post(url, {"file": pdf_upload(), "kind": "amendment"})
    assert accepted.status_code == 302
    assert Document.objects.get().record == amendment


def test_detail_loads_the_agreement_and_its_parts_once(
    as_user, agreement, officer, django_assert_max_num_queries
):
    """The page reads the agreement once and each kind of part once, however many rows."""
    put_in_status(agreement, Agreement.Status.ACTIVE)

    def add_parts(n: int) -> None:
        AgreementParty.objects.create(agreement=agreement, institution=PartnerFactory())
        MobilityQuotaFactory(agreement=agreement, first_year=2024 + n % 2, last_year=2025)
        agreement.areas.add(CooperationAreaFactory(code=f"area-{n}", name_en=f"Area {n}"))
        services.agreement_amend(
            agreement=Agreement.objects.get(pk=agreement.pk),
            actor=officer,
            signed_on=datetime.date(2025, 1, 10 + n),
            summary=f"Change {n}",
        )

    add_parts(0)
    client = as_user("officer")
    with CaptureQueriesContext(connection) as first:
        assert page(client, agreement).status_code == 200
    for n in range(1, 5):
        add_parts(n)
    with django_assert_max_num_queries(len(first.captured_queries)) as again:
        assert page(client, agreement).status_code == 200
    selected = '"agreements_agreement"."reference"'
    rows = [q["sql"] for q in again.captured_queries if selected in q["sql"]]
    # The agreement itself once (the permission checks only ask whether it exists), its
    # renewals once.
    assert len(rows) == 2
