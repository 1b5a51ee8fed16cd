"""Mobility edits: the form with the rules' messages beside the fields, the steps, the API,
and the links from agreements and partners."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.world import ADD, VISA, D, names

# --- Edit ---------------------------------------------------------------------------------------


def field_block(html: str, name: str) -> str:
    """The markup from the field's input to the next field: where its errors are shown."""
    start = html.index(f'id="id_{name}"')
    following = re.search(r'<div class="(mb-3|form-check mb-3)">', html[start:])
    return html[start : start + following.start()] if following else html[start:]


def mobility_data(**changes) -> dict:
    return {
        "direction": "outgoing",
        "kind": "staff_teaching",
        "programme": "ka171",
        "planned_start": "2026-03-02",
        "planned_end": "2026-03-08",
        "subjects": "Organic chemistry, 8 hours",
        **changes,
    }


def test_mobility_add_fills_in_our_university_and_the_person_faculty(as_user, world, faculty_a):
    response = as_user("officer").post(
        ADD,
        mobility_data(person=world["karimov"].pk, receiving_institution=world["seoul"].pk),
    )

    assert response.status_code == 302
    created = Mobility.objects.get(planned_start=D(2026, 3, 2))
    assert created.sending_institution == world["home"]
    assert created.home_unit == faculty_a
    assert created.history.first().history_change_reason == "mobility.mobility.created"


def test_mobility_add_of_an_incoming_guest_is_received_by_us(as_user, world):
    response = as_user("officer").post(
        ADD,
        mobility_data(
            person=world["petrov"].pk, direction="incoming", sending_institution=world["kazan"].pk
        ),
    )

    assert response.status_code == 302
    assert Mobility.objects.get(planned_start=D(2026, 3, 2)).receiving_institution == world["home"]


def test_mobility_add_form_starts_from_the_direction_and_person_asked(as_user, world):
    response = as_user("officer").get(ADD, {"direction": "incoming", "person": world["petrov"].pk})

    assert f'<option value="{world["petrov"].pk}" selected>' in response.text
    assert f'<option value="{world["home"].pk}" selected>' in response.text
    assert '<option value="incoming" selected>' in response.text


def test_mobility_add_requires_the_partner_side(as_user, world):
    response = as_user("officer").post(ADD, mobility_data(person=world["karimov"].pk))

    assert response.status_code == 400
    assert "Choose the partner institution." in field_block(response.text, "receiving_institution")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"planned_start": "2026-03-08", "planned_end": "2026-03-02"},
            "planned_end",
            "The return cannot be before the departure.",
        ),
        (
            {"planned_start": "2024-10-05", "planned_end": "2024-10-12"},
            "planned_start",
            "is away on another mobility at that time",
        ),
        (
            {"planned_start": "2029-03-02", "planned_end": "2029-03-08", "agreement": "AGREEMENT"},
            "agreement",
            "is not in force on the dates of this mobility.",
        ),
        (
            {"funding_amount": "1200", "funding_currency": "XYZ"},
            "funding_currency",
            "“XYZ” is not a currency code (ISO 4217), such as USD, EUR or UZS.",
        ),
    ],
)
def test_mobility_add_refuses_bad_input_beside_the_field_and_keeps_it(
    as_user, world, changes, field, message
):
    if changes.get("agreement") == "AGREEMENT":
        changes["agreement"] = world["agreement"].pk
    before = Mobility.objects.count()
    data = mobility_data(
        person=world["karimov"].pk, receiving_institution=world["wien"].pk, **changes
    )

    response = as_user("officer").post(ADD, data)

    assert response.status_code == 400
    assert message in field_block(response.text, field)
    assert Mobility.objects.count() == before
    assert "Organic chemistry, 8 hours" in response.text  # nothing typed is lost


def test_mobility_edit_refuses_a_stale_version(as_user, world):
    mobility = world["study"]
    data = mobility_data(
        person=mobility.person_id,
        receiving_institution=mobility.receiving_institution_id,
        planned_start="2025-02-01",
        planned_end="2025-06-30",
        actual_start="2025-02-01",
        _version=mobility.version,
    )
    Mobility.objects.filter(pk=mobility.pk).update(version=mobility.version + 1)

    response = as_user("officer").post(
        reverse("mobility:mobility_edit", kwargs={"pk": mobility.pk}), data
    )

    assert response.status_code == 409
    assert "after you opened it" in response.text


def test_mobility_edit_by_a_coordinator_is_limited_to_their_faculty(as_user, world):
    client = as_user("coordinator")

    def edit(mobility):
        return client.get(reverse("mobility:mobility_edit", kwargs={"pk": mobility.pk}))

    assert edit(world["teaching"]).status_code == 200
    assert edit(world["study"]).status_code == 404
    refused = client.post(
        ADD, mobility_data(person=world["tosheva"].pk, receiving_institution=world["seoul"].pk)
    )
    assert refused.status_code == 400
    assert "Select a valid choice" in field_block(refused.text, "person")


def test_mobility_of_a_guest_hosted_by_the_faculty_is_in_its_coordinator_reach(as_user, world):
    guest = world["guest"]  # Petrov belongs to no unit of ours; faculty A hosts him
    url = reverse("mobility:mobility_edit", kwargs={"pk": guest.pk})

    assert as_user("coordinator").get(url).status_code == 200
    assert step_url(guest, "nominate") in as_user("coordinator").get(guest.get_absolute_url()).text


def test_mobility_of_a_guest_hosted_elsewhere_is_out_of_a_coordinator_reach(as_user, world):
    url = reverse("mobility:mobility_edit", kwargs={"pk": world["guest"].pk})

    assert as_user("coordinator_b").get(url).status_code == 404


def test_mobility_form_keeps_the_visa_away_from_a_coordinator(as_user, world, faculty_a):
    guest = world["guest"]  # hosted by faculty A: within the coordinator's reach
    url = reverse("mobility:mobility_edit", kwargs={"pk": guest.pk})
    client = as_user("coordinator")

    form = client.get(url)
    saved = client.post(
        url,
        mobility_data(
            person=guest.person_id,
            direction="incoming",
            kind="research",
            programme="partner",
            sending_institution=world["kazan"].pk,
            home_unit=faculty_a.pk,  # left empty, the guest would leave the coordinator's reach
            planned_start="2025-09-10",
            planned_end="2025-09-20",
            registered_on="2025-09-11",
            visa_number="",
            visa_type="",
            _version=guest.version,
        ),
    )

    assert 'name="visa_number"' not in form.text and VISA not in form.text
    assert saved.status_code == 302
    guest.refresh_from_db()
    assert guest.registered_on == D(2025, 9, 11)
    assert (guest.visa_number, guest.visa_type) == (VISA, Mobility.Visa.ACADEMIC)


# --- Steps ---------------------------------------------------------------------------------------


def step_url(mobility: Mobility, name: str) -> str:
    return reverse("mobility:mobility_transition", kwargs={"pk": mobility.pk, "name": name})


def test_mobility_steps_take_a_guest_from_planned_to_completed(as_user, world):
    guest = world["guest"]
    client = as_user("officer")

    for name, data in (
        ("nominate", {}),
        ("accept", {}),
        ("start_trip", {"on": "2025-09-11"}),
        ("complete", {"on": "2025-09-19"}),
    ):
        assert client.post(step_url(guest, name), data).status_code == 302

    guest.refresh_from_db()
    assert guest.status == Mobility.Status.COMPLETED
    assert (guest.actual_start, guest.actual_end) == (D(2025, 9, 11), D(2025, 9, 19))


def test_mobility_cancel_without_a_reason_is_refused(as_user, world):
    guest = world["guest"]

    response = as_user("officer").post(step_url(guest, "cancel"), {"reason": "  "})

    assert response.status_code == 400
    assert "This field is required." in field_block(response.text, "reason")
    guest.refresh_from_db()
    assert guest.status == Mobility.Status.PLANNED


def test_mobility_cancel_with_a_reason_is_shown_on_the_page(as_user, world):
    guest = world["guest"]
    client = as_user("officer")

    client.post(step_url(guest, "cancel"), {"reason": "The visa was refused"})
    page = client.get(guest.get_absolute_url())

    assert "The visa was refused" in page.text
    assert '<span class="badge text-bg-dark">Cancelled</span>' in page.text


def test_mobility_step_from_the_wrong_status_is_refused_with_the_reason(as_user, world):
    response = as_user("officer").post(step_url(world["guest"], "complete"), {"on": "2025-09-19"})

    assert response.status_code == 400
    assert "A mobility that is “Planned” cannot take this step." in response.text


def test_mobility_steps_are_refused_outside_the_reach(as_user, world):
    assert as_user("leadership").post(step_url(world["guest"], "nominate")).status_code == 403
    assert as_user("coordinator_b").post(step_url(world["teaching"], "cancel")).status_code == 404


# --- API -----------------------------------------------------------------------------------------


def test_mobility_api_leaves_the_visa_out_for_those_without_the_permission(as_user, world):
    url = reverse("api:mobility-detail", kwargs={"pk": world["guest"].pk})

    officer = as_user("officer").get(url).json()
    coordinator = as_user("coordinator").get(url).json()

    assert officer["visa_number"] == VISA
    assert "visa_number" not in coordinator and "visa_type" not in coordinator
    assert coordinator["direction"] == "incoming"


def test_mobility_api_gives_the_host_rank_and_filters_like_the_list(as_user, world):
    response = as_user("officer").get(reverse("api:mobility-list"), {"qs_top": "true"})

    rows = response.json()["results"]
    assert [(row["id"], row["host_qs_rank"], row["host_qs_edition"]) for row in rows] == [
        (world["teaching"].pk, "801-850", 2025)
    ]


# --- On the agreement's and the partner's pages --------------------------------------------------


def test_agreement_page_links_to_its_mobilities(as_user, world):
    agreement = world["agreement"]

    response = as_user("coordinator").get(agreement.get_absolute_url())

    assert f"/staff/mobilities/?agreement={agreement.pk}" in response.text
    assert "1 mobility under this agreement" in response.text


def test_partner_page_links_to_the_mobilities_with_it(as_user, world):
    kazan = world["kazan"]

    response = as_user("leadership").get(kazan.get_absolute_url())
    listed = as_user("leadership").get(f"/staff/mobilities/?partner={kazan.pk}")

    assert f"/staff/mobilities/?partner={kazan.pk}" in response.text
    assert "1 mobility with this partner" in response.text
    assert names(listed) == {"Petrov"}


def test_mobility_history_leaves_out_visa_changes_for_others(as_user, world, officer):
    from hamkor.mobility.services import mobility_save

    guest = world["guest"]
    guest.visa_number = "ZZ0000009"
    guest.partner_unit = "Institute of Physics"
    mobility_save(mobility=guest, actor=officer)
    url = reverse("mobility:mobility_history", kwargs={"pk": guest.pk})

    assert "ZZ0000009" in as_user("officer").get(url).text
    coordinator_page = as_user("coordinator").get(url).text
    assert "ZZ0000009" not in coordinator_page and VISA not in coordinator_page
    assert "Institute of Physics" in coordinator_page


# --- The edit form's refusals -------------------------------------------------------------------


@pytest.mark.parametrize("emptied", ["direction", "sending_institution"])
def test_mobility_edit_with_an_empty_direction_or_partner_shows_the_form_again(
    as_user, world, emptied
):
    guest = world["guest"]
    url = reverse("mobility:mobility_edit", kwargs={"pk": guest.pk})
    data = mobility_data(
        person=guest.person_id,
        direction="incoming",
        sending_institution=world["kazan"].pk,
        receiving_institution=world["home"].pk,
        _version=guest.version,
    )
    data[emptied] = ""

    response = as_user("officer").post(url, data)

    assert response.status_code == 400
    assert "invalid-feedback" in field_block(response.text, emptied)
    guest.refresh_from_db()
    assert guest.sending_institution == world["kazan"]


def test_mobility_str_names_what_it_knows_when_parts_are_missing(world):
    assert str(Mobility(direction="")) == "?"
    assert str(Mobility(person=world["karimov"], direction="outgoing")) == str(world["karimov"])


def test_coordinator_cannot_take_a_mobility_out_of_their_faculty(as_user, world, faculty_a):
    """The form accepts an empty faculty; the check after the save refuses and rolls back."""
    guest = world["guest"]  # hosted by faculty A
    records = guest.history.count()
    url = reverse("mobility:mobility_edit", kwargs={"pk": guest.pk})
    response = as_user("coordinator").post(
        url,
        mobility_data(
            person=guest.person_id,
            direction="incoming",
            kind="research",
            programme="partner",
            sending_institution=world["kazan"].pk,
            home_unit="",
            planned_start="2025-09-10",
            planned_end="2025-09-20",
            _version=guest.version,
        ),
    )

    assert response.status_code == 403
    assert "would no longer be among the records you may change" in response.text
    assert 'value="2025-09-10"' in response.text  # what the coordinator typed is kept
    guest.refresh_from_db()
    assert guest.home_unit == faculty_a
    assert guest.history.count() == records


def test_mobility_edit_without_its_version_saves_nothing(as_user, world):
    guest = world["guest"]
    url = reverse("mobility:mobility_edit", kwargs={"pk": guest.pk})
    data = mobility_data(
        person=guest.person_id,
        direction="incoming",
        sending_institution=world["kazan"].pk,
        planned_start="2025-09-12",
        planned_end="2025-09-20",
    )

    response = as_user("officer").post(url, data)

    assert response.status_code == 400
    assert "sent without the version of the record" in response.text
    assert 'value="2025-09-12"' in response.text
    guest.refresh_from_db()
    assert str(guest.planned_start) != "2025-09-12"
