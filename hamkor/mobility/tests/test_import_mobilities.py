"""Importing mobilities from a spreadsheet: each row checked with the rules of a single
edit, then the rows against each other; a file with one bad row applies nothing."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.core.models import ImportJob
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory, StaffFactory

D = datetime.date
URL = reverse("mobility:mobility_import")
HEADER = [
    "person_email",
    "person_last_name",
    "person_first_name",
    "direction",
    "kind",
    "programme",
    "agreement",
    "sending_institution",
    "receiving_institution",
    "planned_start",
    "planned_end",
    "funding_amount",
    "funding_currency",
]


@pytest.fixture
def world(home, faculty_a):
    ankara = PartnerFactory(
        name="Ankara Üniversitesi", name_en="Ankara University", erasmus_code="TR ANKARA01"
    )
    kazan = PartnerFactory(name="Kazan Federal University", country="RU")
    return {
        "ankara": ankara,
        "kazan": kazan,
        "agreement": AgreementFactory(
            reference="IIA-2024-003",
            partners=[ankara],
            status=Agreement.Status.ACTIVE,
            valid_from=D(2024, 1, 1),
            valid_to=D(2027, 12, 31),
        ),
        "karimov": StaffFactory(
            last_name="Karimov",
            first_name="Dilshod",
            email="d.karimov@example.uz",
            org_unit=faculty_a,
        ),
        "petrov": PersonFactory(last_name="Petrov", first_name="Ivan", citizenship="RU"),
    }


def xlsx(rows, header=HEADER) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("mobilities.xlsx", buffer.getvalue())


def teaching_row(**changes) -> list:
    row = {
        "person_email": "D.Karimov@example.uz",
        "person_last_name": "",
        "person_first_name": "",
        "direction": "outgoing",
        "kind": "staff_teaching",
        "programme": "Erasmus+ KA171",  # a label is understood as well as the code
        "agreement": "IIA-2024-003",
        "sending_institution": "",
        "receiving_institution": "tr  ankara01",
        "planned_start": D(2025, 3, 3),
        "planned_end": D(2025, 3, 9),
        "funding_amount": 1260,
        "funding_currency": "eur",
    }
    row.update(changes)
    return [row[name] for name in HEADER]


def guest_row(**changes) -> list:
    return teaching_row(
        person_email="",
        person_last_name="petrov",
        person_first_name="Ivan",
        direction="incoming",
        kind="research",
        programme="partner",
        agreement="",
        sending_institution="Kazan Federal University",
        receiving_institution="",
        planned_start=D(2025, 4, 1),
        planned_end=D(2025, 4, 20),
        funding_amount=None,
        funding_currency="",
        **changes,
    )


def upload_and_apply(client, rows):
    preview = client.post(URL, {"file": xlsx(rows)})
    job = ImportJob.objects.order_by("-pk").first()
    return preview, client.post(URL, {"job": job.pk})


def test_import_creates_each_mobility_resolving_people_institutions_and_agreements(
    as_user, world, faculty_a, officer
):
    preview, applied = upload_and_apply(as_user("officer"), [teaching_row(), guest_row()])

    assert "2 to create, 0 to update" in preview.text
    assert applied.status_code == 302
    teaching = Mobility.objects.get(person=world["karimov"])
    assert teaching.receiving_institution == world["ankara"]
    assert teaching.sending_institution.is_home
    assert teaching.agreement == world["agreement"]
    assert teaching.programme == Mobility.Programme.KA171
    assert (teaching.funding_currency, teaching.home_unit) == ("EUR", faculty_a)
    guest = Mobility.objects.get(person=world["petrov"])
    assert guest.sending_institution == world["kazan"]
    assert guest.receiving_institution.is_home
    record = guest.history.first()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "mobility.mobility.imported",
    )


def test_import_with_a_return_before_departure_applies_nothing(as_user, world):
    rows = [guest_row(), teaching_row(planned_start=D(2025, 3, 9), planned_end=D(2025, 3, 3))]

    preview, applied = upload_and_apply(as_user("officer"), rows)

    assert "1 rejected" in preview.text
    assert "The return cannot be before the departure." in preview.text
    assert applied.status_code == 400
    assert not Mobility.objects.exists()


def test_import_rejects_an_overlap_with_a_stored_mobility(as_user, world):
    MobilityFactory(person=world["petrov"], incoming=True, planned_start=D(2025, 4, 15),
                    planned_end=D(2025, 5, 1))  # fmt: skip

    preview, applied = upload_and_apply(as_user("officer"), [teaching_row(), guest_row()])

    assert "is away on another mobility at that time" in preview.text
    assert applied.status_code == 400
    assert Mobility.objects.count() == 1


def test_import_rejects_two_rows_that_overlap_each_other(as_user, world):
    rows = [teaching_row(), teaching_row(planned_start=D(2025, 3, 8), planned_end=D(2025, 3, 12))]

    preview, applied = upload_and_apply(as_user("officer"), rows)

    assert "is away on the mobility of row 2 at that time." in preview.text
    assert applied.status_code == 400
    assert not Mobility.objects.exists()


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"funding_currency": "XYZ"}, "“XYZ” is not a currency code"),
        ({"planned_start": D(2028, 3, 3), "planned_end": D(2028, 3, 9)}, "is not in force"),
        ({"agreement": "NOPE-1"}, "No agreement has this reference number."),
        ({"receiving_institution": "Atlantis University"}, "No institution has the Erasmus code"),
        ({"person_email": "nobody@example.org"}, "No person in the register matches"),
        ({"direction": "sideways"}, "Select a valid choice"),
    ],
)
def test_import_rejects_a_bad_row_with_its_reason(as_user, world, changes, reason):
    preview, applied = upload_and_apply(as_user("officer"), [guest_row(), teaching_row(**changes)])

    assert reason in preview.text
    assert applied.status_code == 400
    assert not Mobility.objects.exists()


def test_import_template_lists_the_columns(as_user, world):
    response = as_user("officer").get(URL, {"template": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:3] == [
        "Person's e-mail",
        "Person's last name",
        "Person's first name",
    ]


def test_import_is_for_the_office_only(as_user, world):
    assert as_user("coordinator").get(URL).status_code == 403
