"""Contacts and interactions, edited from the partner's page; follow-ups on the home page;
the dormant partners list."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from hamkor.core.tests.exports import csv_rows
from hamkor.partners.models import Contact, Institution, Interaction
from hamkor.partners.tests.factories import InstitutionFactory

TODAY = timezone.localdate()


@pytest.fixture
def ankara(home):
    return InstitutionFactory(
        name="Ankara Üniversitesi", name_en="Ankara University", partnership="active"
    )


@pytest.fixture
def sevilla(home):
    return InstitutionFactory(
        name="Universidad de Sevilla", name_en="University of Seville", country="ES",
        partnership="active",
    )  # fmt: skip


@pytest.fixture
def ayse(ankara):
    return Contact.objects.create(
        institution=ankara, full_name="Ayşe Yılmaz", email="ayse@ankara.edu.tr"
    )


def interaction(institution, owner=None, **fields) -> Interaction:
    fields = {"kind": "email", "date": TODAY, "summary": "Wrote about the exchange", **fields}
    return Interaction.objects.create(institution=institution, owner=owner, **fields)


# --- Contacts --------------------------------------------------------------------------------


def test_contact_form_opened_from_the_partner_page_names_the_partner(as_user, ankara):
    response = as_user("officer").get(f"/staff/institutions/{ankara.pk}/contacts/add/")
    assert f'<option value="{ankara.pk}" selected>' in response.text
    assert "Ankara University" in response.text


def test_contact_form_picker_offers_partners_not_the_whole_directory(as_user, ankara, home):
    InstitutionFactory(name="Directory only", name_en="Directory only")
    client = as_user("officer")
    text = client.get("/staff/contacts/add/").text
    assert 'data-autocomplete="/staff/pick/partner/"' in text
    assert "Ankara University" not in text  # found as the user types, not listed
    found = client.get("/staff/pick/partner/", {"q": "university"}).json()["results"]
    # The partners, not our own university (which the form refuses).
    assert [row["text"] for row in found] == ["Ankara University"]
    assert client.get("/staff/pick/partner/", {"q": "directory"}).json()["results"] == []


def test_contact_saved_goes_back_to_the_partner_page(as_user, ankara, officer):
    response = as_user("officer").post(
        f"/staff/institutions/{ankara.pk}/contacts/add/",
        {"institution": ankara.pk, "full_name": "Mehmet Kaya", "email": "mk@ankara.edu.tr"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{ankara.get_absolute_url()}#contacts"
    contact = Contact.objects.get(full_name="Mehmet Kaya")
    assert contact.history.get().history_user == officer
    assert "Mehmet Kaya" in as_user("officer").get(ankara.get_absolute_url()).text


def test_contact_edit_goes_back_to_the_partner_page(as_user, ayse, ankara):
    response = as_user("officer").post(
        f"/staff/contacts/{ayse.pk}/edit/",
        {"institution": ankara.pk, "full_name": "Ayşe Yılmaz-Demir", "_version": 1},
    )
    assert response["Location"] == f"{ankara.get_absolute_url()}#contacts"
    ayse.refresh_from_db()
    assert ayse.full_name == "Ayşe Yılmaz-Demir"


def test_contact_delete_goes_back_to_the_partner_page(as_user, ayse, ankara):
    response = as_user("officer").post(f"/staff/contacts/{ayse.pk}/delete/")
    assert response["Location"] == f"{ankara.get_absolute_url()}#contacts"
    assert not Contact.objects.filter(pk=ayse.pk).exists()


def test_contact_list_searches_names_and_institutions(as_user, ayse, sevilla):
    Contact.objects.create(institution=sevilla, full_name="Lucía García")
    client = as_user("leadership")
    text = client.get("/staff/contacts/", {"q": "Sevilla"}).text
    assert "Lucía García" in text
    assert "Ayşe Yılmaz" not in text
    text = client.get("/staff/contacts/", {"country": "ES"}).text
    assert "Lucía García" in text
    assert "Ayşe Yılmaz" not in text


def test_contact_page_lists_the_interactions_they_took_part_in(as_user, ayse, ankara):
    meeting = interaction(ankara, kind="meeting", summary="Signed the memorandum")
    meeting.contacts.add(ayse)
    interaction(ankara, summary="Without her")
    text = as_user("coordinator").get(ayse.get_absolute_url()).text
    assert "Signed the memorandum" in text
    assert "Without her" not in text


@pytest.mark.parametrize("persona", ["coordinator", "leadership"])
def test_contacts_and_interactions_are_read_only_for(as_user, ayse, ankara, persona):
    client = as_user(persona)
    assert client.get(ayse.get_absolute_url()).status_code == 200
    data = {"institution": ankara.pk, "full_name": "Changed", "_version": 1}
    assert client.post(f"/staff/contacts/{ayse.pk}/edit/", data).status_code == 403
    assert client.post("/staff/contacts/add/", data).status_code == 403
    assert client.post(f"/staff/contacts/{ayse.pk}/delete/").status_code == 403
    met = interaction(ankara)
    assert client.post(f"/staff/interactions/{met.pk}/delete/").status_code == 403
    assert Contact.objects.filter(full_name="Ayşe Yılmaz").exists()
    assert Interaction.objects.filter(pk=met.pk).exists()


# --- Interactions ------------------------------------------------------------------------


def interaction_data(institution, **fields) -> dict:
    return {
        "institution": institution.pk,
        "kind": "video",
        "date": "2025-04-10",
        "summary": "Discussed a staff exchange for 2025/26",
        "participants": "Dean of Philology",
        **fields,
    }


def test_interaction_form_offers_only_that_institutions_contacts(as_user, ayse, sevilla):
    Contact.objects.create(institution=sevilla, full_name="Lucía García")
    text = (
        as_user("officer").get(f"/staff/institutions/{ayse.institution_id}/interactions/add/").text
    )
    assert "Ayşe Yılmaz" in text
    assert "Lucía García" not in text


def test_interaction_with_another_institutions_contact_is_refused(as_user, ayse, sevilla):
    lucia = Contact.objects.create(institution=sevilla, full_name="Lucía García")
    response = as_user("officer").post(
        "/staff/interactions/add/", interaction_data(ayse.institution, contacts=[lucia.pk])
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert 'value="Dean of Philology"' in response.text  # what was typed is kept
    assert not Interaction.objects.exists()


def test_interaction_saved_goes_back_to_the_partner_page_with_its_people(
    as_user, ayse, ankara, officer
):
    response = as_user("officer").post(
        f"/staff/institutions/{ankara.pk}/interactions/add/",
        interaction_data(ankara, contacts=[ayse.pk], follow_up_on="2025-05-01"),
    )
    assert response.status_code == 302
    assert response["Location"] == f"{ankara.get_absolute_url()}#interactions"
    saved = Interaction.objects.get()
    assert list(saved.contacts.all()) == [ayse]
    assert saved.history.get().history_change_reason == "partners.interaction.created"


def test_interaction_form_makes_its_author_responsible_by_default(as_user, ankara, officer):
    text = as_user("officer").get(f"/staff/institutions/{ankara.pk}/interactions/add/").text
    assert f'<option value="{officer.pk}" selected>' in text
    assert f'value="{TODAY:%Y-%m-%d}"' in text


def test_interaction_follow_up_before_its_date_is_refused(as_user, ankara):
    response = as_user("officer").post(
        "/staff/interactions/add/", interaction_data(ankara, follow_up_on="2025-04-01")
    )
    assert response.status_code == 400
    assert "The follow-up cannot be before the interaction." in response.text


def test_interaction_delete_goes_back_to_the_partner_page(as_user, ankara):
    met = interaction(ankara)
    response = as_user("officer").post(f"/staff/interactions/{met.pk}/delete/")
    assert response["Location"] == f"{ankara.get_absolute_url()}#interactions"
    assert not Interaction.objects.exists()


# --- Follow-ups on the home page ------------------------------------------------------


@pytest.fixture
def follow_ups(ankara, sevilla, officer, leadership):
    return {
        "overdue": interaction(
            ankara, officer, summary="Send the draft", follow_up_on=TODAY - datetime.timedelta(2),
            date=TODAY - datetime.timedelta(9),
        ),
        "soon": interaction(
            sevilla, officer, summary="Call about nominations",
            follow_up_on=TODAY + datetime.timedelta(3),
        ),
        "later": interaction(
            ankara, officer, summary="Quarterly review", follow_up_on=TODAY + datetime.timedelta(60)
        ),
        "done": interaction(
            ankara, officer, summary="Already handled", follow_up_on=TODAY, follow_up_done=True
        ),
        "colleague": interaction(
            ankara, leadership, summary="Not mine", follow_up_on=TODAY
        ),
    }  # fmt: skip


def test_home_page_lists_my_follow_ups_due(as_user, follow_ups):
    text = as_user("officer").get(reverse("workbench:home")).text
    assert "Follow-ups due" in text
    assert text.index("Send the draft") < text.index("Call about nominations")
    for absent in ("Quarterly review", "Already handled", "Not mine"):
        assert absent not in text
    overdue = follow_ups["overdue"]
    assert f"{overdue.institution.get_absolute_url()}#interaction-{overdue.pk}" in text


def test_home_page_without_follow_ups_shows_no_card(as_user, home):
    assert "Follow-ups due" not in as_user("officer").get(reverse("workbench:home")).text


def test_follow_up_marked_done_leaves_the_home_page(as_user, follow_ups, officer):
    client = as_user("officer")
    overdue = follow_ups["overdue"]
    response = client.post(
        reverse("partners:interaction_done", kwargs={"pk": overdue.pk}), {"next": "/staff/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    overdue.refresh_from_db()
    assert overdue.follow_up_done
    record = overdue.history.first()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "partners.interaction.follow_up_done",
    )
    text = client.get("/staff/").text
    assert "Send the draft" not in text
    assert "Follow-up with Ankara University done." in text


def test_follow_up_done_goes_home_rather_than_to_another_site(as_user, follow_ups):
    url = reverse("partners:interaction_done", kwargs={"pk": follow_ups["soon"].pk})
    response = as_user("officer").post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("workbench:home")


def test_follow_up_cannot_be_marked_done_by_leadership(as_user, follow_ups):
    colleague = follow_ups["colleague"]
    url = reverse("partners:interaction_done", kwargs={"pk": colleague.pk})
    assert as_user("leadership").post(url).status_code == 403
    colleague.refresh_from_db()
    assert not colleague.follow_up_done


# --- Dormant partners --------------------------------------------------------------------


def test_dormant_list_shows_active_partners_without_recent_interaction(
    as_user, ankara, sevilla, settings, home
):
    settings.HAMKOR_DORMANT_AFTER_MONTHS = 6
    interaction(ankara, date=TODAY - datetime.timedelta(days=30))
    interaction(sevilla, date=TODAY - datetime.timedelta(days=400), summary="Long ago")
    InstitutionFactory(name="Prospect U", name_en="Prospect U", partnership="prospect")
    response = as_user("leadership").get(reverse("partners:dormant"))
    text = response.text
    assert response.status_code == 200
    assert "no new agreement in the last 6 months" in text
    assert "University of Seville" in text
    assert "Ankara University" not in text
    assert "Prospect U" not in text
    last = TODAY - datetime.timedelta(days=400)
    assert f"{last.day} {last:%b %Y}" in text or last.strftime("%d.%m.%Y") in text


def test_dormant_list_exports_what_it_shows(as_user, sevilla, home):
    response = as_user("leadership").get(reverse("partners:dormant"), {"export": "csv"})
    rows = csv_rows(response)
    assert rows[0][:2] == ["Name", "Name (original)"]
    assert "Last interaction" in rows[0] and "Partnership" not in rows[0]
    assert [row[0] for row in rows[1:]] == ["University of Seville"]
    assert Institution.objects.partners().count() == 1
