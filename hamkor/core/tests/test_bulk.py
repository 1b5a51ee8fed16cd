"""Bulk actions on the lists: each action, its permission, and the user's reach."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Permission

from conftest import login
from hamkor.accounts.tests.factories import UserFactory
from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, attach_signed_copy
from hamkor.core.bulk import render_placeholders
from hamkor.core.models import EmailTemplate, OutboxMessage
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory, StaffFactory

AGREEMENTS = "/staff/agreements/"
MOBILITIES = "/staff/mobilities/"
PEOPLE = "/staff/people/"
DRAFT = Agreement.Status.DRAFT


@pytest.fixture
def drafts(faculty_a, faculty_b):
    """Two drafts of faculty A, one of faculty B."""
    return [
        AgreementFactory(status=DRAFT, title="Alpha", units=[faculty_a]),
        AgreementFactory(status=DRAFT, title="Beta", units=[faculty_a]),
        AgreementFactory(status=DRAFT, title="Gamma", units=[faculty_b]),
    ]


def _statuses(agreements) -> list[str]:
    return [Agreement.objects.get(pk=a.pk).status for a in agreements]


def _post(client, url, action, rows=(), **data):
    return client.post(url, {"action": action, "pk": [r.pk for r in rows], **data}, follow=True)


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_bulk_list_shows_the_toolbar_and_a_checkbox_per_row(as_user, drafts):
    body = as_user("officer").get(AGREEMENTS).content.decode()

    assert 'id="bulk-form"' in body
    assert body.count('data-bulk-row=""') == body.count('name="pk"') == 3
    assert 'value="transition:activate"' in body


def test_bulk_list_offers_leadership_the_export_only(as_user, drafts):
    body = as_user("leadership").get(AGREEMENTS).content.decode()

    assert 'value="export:xlsx"' in body
    assert "transition:" not in body


def test_bulk_transition_applies_the_step_to_the_selected_rows(as_user, drafts):
    response = _post(as_user("officer"), AGREEMENTS, "transition:negotiate", drafts[:2])

    assert _statuses(drafts) == ["negotiation", "negotiation", "draft"]
    assert "Done for 2 rows." in _messages(response)


def test_bulk_transition_reports_refused_rows_and_applies_the_others(as_user, officer, drafts):
    attach_signed_copy(drafts[0], officer)

    response = _post(as_user("officer"), AGREEMENTS, "transition:activate", drafts[:2])

    assert _statuses(drafts[:2]) == ["active", "draft"]
    text = _messages(response)
    assert "Done for 1 row." in text
    assert "Not done for 1 row" in text
    assert "Beta" in text and "signed copy" in text


def test_bulk_transition_ignores_rows_outside_the_coordinators_faculty(as_user, drafts):
    response = _post(as_user("coordinator"), AGREEMENTS, "transition:negotiate", drafts)

    assert _statuses(drafts) == ["negotiation", "negotiation", "draft"]
    assert "Done for 2 rows." in _messages(response)


def test_bulk_transition_is_refused_without_the_permission(as_user, drafts):
    response = as_user("leadership").post(
        AGREEMENTS, {"action": "transition:negotiate", "pk": [d.pk for d in drafts]}
    )

    assert response.status_code == 403
    assert _statuses(drafts) == ["draft"] * 3


def test_bulk_all_matching_takes_every_row_of_the_filter_not_only_the_page(as_user, drafts):
    response = _post(
        as_user("officer"), f"{AGREEMENTS}?q=a&faculty={drafts[0].scope_units.get().pk}",
        "transition:negotiate", all_matching="1",
    )  # fmt: skip

    assert _statuses(drafts) == ["negotiation", "negotiation", "draft"]
    assert response.redirect_chain[-1][0].startswith(f"{AGREEMENTS}?q=a")


def test_bulk_unknown_action_or_empty_selection_changes_nothing(as_user, drafts):
    client = as_user("officer")

    unknown = _post(client, AGREEMENTS, "transition:expire", drafts)
    empty = _post(client, AGREEMENTS, "transition:negotiate", [])

    assert "Choose an action from the list." in _messages(unknown)
    assert "Select at least one row" in _messages(empty)
    assert _statuses(drafts) == ["draft"] * 3


def test_bulk_export_holds_the_selected_rows_only(as_user, drafts):
    response = as_user("officer").post(
        AGREEMENTS, {"action": "export:csv", "pk": [drafts[0].pk, drafts[2].pk]}
    )

    assert response.status_code == 200
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert len(rows) == 3  # the header and two rows
    assert {drafts[0].reference, drafts[2].reference} <= {cell for row in rows for cell in row}


def test_bulk_export_is_refused_without_the_export_permission(client, drafts):
    reader = UserFactory(email="reader@example.org")
    reader.user_permissions.add(
        *Permission.objects.filter(codename__in=["staff_area", "view_agreement"])
    )

    response = login(client, reader).post(
        AGREEMENTS, {"action": "export:csv", "pk": [drafts[0].pk]}
    )

    assert response.status_code == 403


def test_bulk_assign_faculty_adds_the_unit_to_the_agreements(as_user, drafts, faculty_b):
    _post(as_user("officer"), AGREEMENTS, "assign_faculty", drafts[:1], faculty=faculty_b.pk)

    assert set(drafts[0].scope_units.values_list("code", flat=True)) == {
        "faculty-a",
        "faculty-b",
    }


def test_bulk_assign_faculty_sets_the_mobilities_unit(as_user, home, faculty_a):
    trips = [MobilityFactory(), MobilityFactory()]

    _post(as_user("officer"), MOBILITIES, "assign_faculty", trips, faculty=faculty_a.pk)

    assert {Mobility.objects.get(pk=t.pk).home_unit for t in trips} == {faculty_a}


def test_bulk_assign_faculty_refuses_to_move_a_mobility_out_of_the_coordinators_reach(
    as_user, home, faculty_a, faculty_b
):
    trip = MobilityFactory(home_unit=faculty_a)

    response = _post(as_user("coordinator"), MOBILITIES, "assign_faculty", [trip],
                     faculty=faculty_b.pk)  # fmt: skip

    assert Mobility.objects.get(pk=trip.pk).home_unit == faculty_a
    assert "out of your reach" in _messages(response)


def test_bulk_assign_faculty_asks_for_the_faculty(as_user, drafts):
    response = _post(as_user("officer"), AGREEMENTS, "assign_faculty", drafts[:1], faculty="")

    assert "Choose the faculty to assign." in _messages(response)


@pytest.fixture
def welcome():
    return EmailTemplate.objects.create(
        code="welcome",
        subject_uz="Xush kelibsiz, {name}",
        subject_ru="Добро пожаловать, {name}",
        subject_en="Welcome, {name}",
        body_uz="Hurmatli {first_name}!",
        body_ru="Уважаемый(ая) {first_name}!",
        body_en="Dear {first_name}, see you on {start} at {partner}. {unknown}",
    )


def test_bulk_email_goes_to_each_person_in_their_language_after_commit(
    as_user, home, welcome, django_capture_on_commit_callbacks, mailoutbox
):
    anna = PersonFactory(last_name="Schmidt", first_name="Anna", email="anna@example.org",
                         language="en")  # fmt: skip
    oleg = PersonFactory(last_name="Petrov", first_name="Oleg", email="oleg@example.org",
                         language="ru")  # fmt: skip
    nobody = PersonFactory(last_name="Silent", email="")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _post(as_user("officer"), PEOPLE, "email", [anna, oleg, nobody],
                         template=welcome.pk)  # fmt: skip

    assert len(callbacks) == 1
    sent = {m.to[0]: m for m in mailoutbox}
    assert sent["anna@example.org"].subject == "Welcome, Schmidt Anna"
    assert sent["oleg@example.org"].subject == "Добро пожаловать, Petrov Oleg"
    assert sent["oleg@example.org"].body == "Уважаемый(ая) Oleg!"
    assert "Silent" in _messages(response) and "No e-mail address." in _messages(response)


def test_bulk_email_about_mobilities_fills_the_trip(
    as_user, home, welcome, django_capture_on_commit_callbacks, mailoutbox
):
    person = PersonFactory(first_name="Anna", email="anna@example.org", language="en")
    trip = MobilityFactory(person=person)

    with django_capture_on_commit_callbacks(execute=True):
        _post(as_user("officer"), MOBILITIES, "email", [trip], template=welcome.pk)

    (message,) = mailoutbox
    body = message.body
    assert body == (
        f"Dear Anna, see you on {trip.planned_start.isoformat()} at "
        f"{trip.receiving_institution}. {{unknown}}"
    )


def test_bulk_email_is_refused_to_leadership(as_user, home, welcome, mailoutbox):
    person = StaffFactory(email="a@example.org")

    response = as_user("leadership").post(
        PEOPLE, {"action": "email", "pk": [person.pk], "template": welcome.pk}
    )

    assert response.status_code == 403
    assert not mailoutbox


def test_render_placeholders_does_not_reach_attributes():
    text = render_placeholders("{name} {name.__class__} {0}", {"name": "Ali"})

    assert text == "Ali {name.__class__} {0}"


def test_bulk_email_is_kept_in_the_outbox(as_user, home, welcome, settings,
                                          django_capture_on_commit_callbacks):  # fmt: skip
    settings.EMAIL_BACKEND = "hamkor.core.mail.OutboxConsoleBackend"
    person = PersonFactory(first_name="Anna", email="anna@example.org", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        _post(as_user("officer"), PEOPLE, "email", [person], template=welcome.pk)

    assert OutboxMessage.objects.get().recipients == "anna@example.org"


def test_bulk_checkbox_is_the_input_django_tables2_writes(drafts):
    import django_tables2 as tables

    from hamkor.core.bulk import SelectColumn

    attrs = {"input": {"name": "pk", "form": "bulk-form", "data-bulk-row": ""}}
    ours, theirs = SelectColumn(attrs=attrs), tables.CheckBoxColumn(attrs=attrs)

    class Bound:
        name = "select"

    for agreement in drafts:
        assert ours.render(agreement.pk, Bound, agreement) == theirs.render(
            agreement.pk, Bound, agreement
        )
    assert f'value="{drafts[1].pk}"' in ours.render(drafts[1].pk, Bound, drafts[1])


def test_bulk_list_shows_a_new_record_at_once(as_user, drafts):
    client = as_user("officer")
    assert "Delta" not in client.get(AGREEMENTS).text
    AgreementFactory(status=DRAFT, title="Delta")
    assert "Delta" in client.get(AGREEMENTS).text
