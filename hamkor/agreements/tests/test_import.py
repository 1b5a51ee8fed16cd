"""Importing agreements from a spreadsheet: one row per agreement, all or nothing."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.core.models import ImportJob

pytestmark = pytest.mark.django_db

URL = "/staff/agreements/import/"
HEADER = [
    "kind",
    "title",
    "partner",
    "signed_on",
    "valid_from",
    "valid_to",
    "status",
    "faculties",
]


def xlsx(rows, header=HEADER) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("agreements.xlsx", buffer.getvalue())


@pytest.fixture
def partners(db):
    return {
        "ankara": PartnerFactory(
            name="Ankara Üniversitesi", name_en="Ankara University", erasmus_code="TR ANKARA01"
        ),
        "tomsk": PartnerFactory(name="Tomsk State University", country="RU"),
    }


def good_rows():
    return [
        [
            "mou",
            "Academic cooperation",
            "TR  ankara01",  # the Erasmus code, spaced and cased as people type it
            datetime.date(2022, 5, 10),
            datetime.date(2022, 5, 10),
            datetime.date(2027, 5, 9),
            "active",
            "faculty-a",
        ],
        ["exchange", "Student exchange", "Tomsk State University", None, None, None, "draft", ""],
    ]


def upload_and_apply(client, rows):
    preview = client.post(URL, {"file": xlsx(rows)})
    job = ImportJob.objects.order_by("-pk").first()
    return preview, client.post(URL, {"job": job.pk})


def test_import_creates_each_agreement_with_its_partner(as_user, officer, partners, faculty_a):
    preview, applied = upload_and_apply(as_user("officer"), good_rows())
    assert "2 to create, 0 to update" in preview.text
    assert applied.status_code == 302
    active = Agreement.objects.get(title="Academic cooperation")
    assert active.reference == "MOU-2022-001"
    assert active.status == Agreement.Status.ACTIVE
    assert [p.institution for p in active.parties.all()] == [partners["ankara"]]
    assert list(active.scope_units.all()) == [faculty_a]
    record = active.history.get()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "agreements.agreement.imported",
    )
    draft = Agreement.objects.get(title="Student exchange")
    assert draft.status == Agreement.Status.DRAFT
    assert [p.institution for p in draft.parties.all()] == [partners["tomsk"]]
    assert ImportJob.objects.get().status == ImportJob.Status.APPLIED


def test_an_import_with_one_bad_row_applies_nothing_and_names_the_row(as_user, partners, faculty_a):
    rows = good_rows()
    rows.append(
        [
            "mou",
            "Ends before it starts",
            "Tomsk State University",
            datetime.date(2023, 1, 1),
            datetime.date(2023, 1, 1),
            datetime.date(2022, 1, 1),
            "draft",
            "",
        ]
    )
    rows.append(["mou", "Unknown partner", "Nowhere University", None, None, None, "draft", ""])
    preview, applied = upload_and_apply(as_user("officer"), rows)
    text = preview.text
    assert "2 rejected" in text
    assert "<td>4</td>" in text and "The agreement cannot end before it starts." in text
    assert "<td>5</td>" in text and "Nowhere University" in text
    assert "Apply the import" not in text
    assert applied.status_code == 400  # forcing the apply step changes nothing
    assert "nothing was applied" in applied.text
    assert not Agreement.objects.exists()
    assert ImportJob.objects.get().status == ImportJob.Status.REJECTED


def test_active_without_a_signing_date_is_refused(as_user, partners):
    rows = [["mou", "No date", "Tomsk State University", None, None, None, "active", ""]]
    preview, _applied = upload_and_apply(as_user("officer"), rows)
    assert "An agreement imported as active needs its signing date." in preview.text
    assert not Agreement.objects.exists()


def test_a_status_other_than_draft_or_active_is_refused(as_user, partners):
    rows = [["mou", "Old", "Tomsk State University", None, None, None, "expired", ""]]
    preview, _applied = upload_and_apply(as_user("officer"), rows)
    assert "1 rejected" in preview.text


def test_a_name_shared_by_two_institutions_asks_for_the_erasmus_code(as_user, partners):
    PartnerFactory(name="Tomsk State University", country="RU", city="Seversk")
    rows = [["mou", "Which?", "Tomsk State University", None, None, None, "draft", ""]]
    preview, _applied = upload_and_apply(as_user("officer"), rows)
    assert "give the Erasmus code" in preview.text


def test_unknown_faculty_codes_are_named(as_user, partners, faculty_a):
    rows = [["mou", "x", "Tomsk State University", None, None, None, "draft", "faculty-a, law"]]
    preview, _applied = upload_and_apply(as_user("officer"), rows)
    assert "Unknown unit code: law." in preview.text


def test_a_reference_given_is_kept_and_one_in_use_is_refused(as_user, partners):
    AgreementFactory(reference="MOU-2020-001")
    header = ["reference", *HEADER]
    rows = [
        ["MOU-2019-007", "mou", "Kept", "Tomsk State University", None, None, None, "draft", ""],
    ]
    client = as_user("officer")
    client.post(URL, {"file": xlsx(rows, header)})
    client.post(URL, {"job": ImportJob.objects.get().pk})
    assert Agreement.objects.filter(reference="MOU-2019-007", title="Kept").exists()
    rows = [["MOU-2020-001", "mou", "Taken", "Tomsk State University", None, None, None, "", ""]]
    preview = client.post(URL, {"file": xlsx(rows, header)})
    assert "An agreement with this reference exists already." in preview.text


def test_the_same_reference_twice_in_a_file_applies_nothing(as_user, partners):
    header = ["reference", *HEADER]
    row = ["MOU-2019-007", "mou", "Twice", "Tomsk State University", None, None, None, "", ""]
    client = as_user("officer")
    client.post(URL, {"file": xlsx([row, row], header)})
    response = client.post(URL, {"job": ImportJob.objects.get().pk})
    assert response.status_code == 400
    assert "Row 3" in response.text
    assert not Agreement.objects.exists()
    assert ImportJob.objects.get().status == ImportJob.Status.REJECTED


def test_template_has_the_columns_and_an_example_row(as_user):
    response = as_user("officer").get(URL, {"template": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, example = list(sheet.iter_rows(max_row=2, values_only=True))
    assert header[:4] == ("Reference number", "Kind", "Title", "Partner")
    assert example[1] == "mou"
    assert "Ankara University" in example


def test_import_page_says_how_historical_agreements_come_in(as_user):
    text = as_user("officer").get(URL).text
    assert "Attach its signed scan afterwards." in text


def test_coordinators_cannot_import(as_user):
    assert as_user("coordinator").get(URL).status_code == 403
