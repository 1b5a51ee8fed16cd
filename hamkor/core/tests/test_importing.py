"""Bulk import through the generic view, shown on faculties and departments."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from hamkor.accounts.models import OrgUnit
from hamkor.core.models import ImportJob

URL = "/staff/units/import/"
HEADER = ["code", "kind", "name_uz", "name_ru", "name_en", "parent", "is_active"]


def xlsx(rows, header=HEADER) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("units.xlsx", buffer.getvalue())


def csv_file(text: str, name="units.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"))


GOOD_ROWS = [
    [
        "hist",
        "faculty",
        "Tarix fakulteti",
        "Исторический факультет",
        "Faculty of History",
        None,
        "true",
    ],
    [
        "hist-ww",
        "department",
        "Jahon tarixi kafedrasi",
        "",
        "Chair of World History",
        "hist",
        "true",
    ],
]


def test_preview_lists_the_rows_and_applies_nothing(as_user, home):
    response = as_user("officer").post(URL, {"file": xlsx(GOOD_ROWS[:1])})
    assert response.status_code == 200
    assert "1 row read" in response.text
    assert "1 to create, 0 to update" in response.text
    assert "Apply the import" in response.text
    assert not OrgUnit.objects.filter(code="hist").exists()


def test_apply_creates_every_row_with_history(as_user, officer, home):
    client = as_user("officer")
    client.post(URL, {"file": xlsx(GOOD_ROWS[:1])})
    job = ImportJob.objects.get()
    response = client.post(URL, {"job": job.pk})
    assert response.status_code == 302
    unit = OrgUnit.objects.get(code="hist")
    assert (unit.name_en, unit.institution) == ("Faculty of History", home)
    assert unit.history.get().history_change_reason == "accounts.orgunit.imported"
    job.refresh_from_db()
    assert (job.status, job.rows_created) == ("applied", 1)


def test_import_updates_the_unit_with_the_same_code(as_user, faculty_a):
    client = as_user("officer")
    client.post(
        URL, {"file": xlsx([["faculty-a", "faculty", "Yangi nom", "", "New name", None, "true"]])}
    )
    client.post(URL, {"job": ImportJob.objects.get().pk})
    faculty_a.refresh_from_db()
    assert faculty_a.name_en == "New name"
    assert OrgUnit.objects.count() == 1


def test_one_bad_row_rejects_the_whole_file_and_says_why(as_user, home):
    rows = [*GOOD_ROWS[:1], ["", "planet", "Nomsiz", "", "", None, "true"]]
    client = as_user("officer")
    response = client.post(URL, {"file": xlsx(rows)})
    assert "1 rejected" in response.text
    assert "Apply the import" not in response.text
    assert "Nothing will be applied until every row is valid" in response.text
    assert "<td>3</td>" in response.text  # the spreadsheet row number
    assert "This field is required." in response.text
    assert "Select a valid choice" in response.text
    # Forcing the apply step anyway changes nothing.
    response = client.post(URL, {"job": ImportJob.objects.get().pk})
    assert response.status_code == 400
    assert not OrgUnit.objects.exists()


def test_rows_that_clash_with_each_other_apply_nothing(as_user, home):
    rows = [GOOD_ROWS[0], GOOD_ROWS[0]]
    client = as_user("officer")
    client.post(URL, {"file": xlsx(rows)})
    response = client.post(URL, {"job": ImportJob.objects.get().pk})
    assert response.status_code == 400
    assert "Row 3" in response.text
    assert not OrgUnit.objects.exists()


def test_csv_with_semicolons_and_headers_in_russian_is_read(as_user, home):
    # Offices type their own headers: a label in any of the interface languages is a column.
    text = "Код;Вид;Название на узбекском\nlaw;faculty;Huquq fakulteti\n"
    response = as_user("officer").post(URL, {"file": csv_file(text)})
    assert "1 to create" in response.text
    assert "Columns not used" not in response.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "neither an .xlsx nor a .csv file"),
        (b"PK\x03\x04 not really a zip", "not a readable .xlsx file"),
    ],
)
def test_a_file_that_is_not_a_table_is_refused_with_a_message(as_user, home, content, message):
    response = as_user("officer").post(URL, {"file": SimpleUploadedFile("units.xlsx", content)})
    assert response.status_code == 400
    assert message in response.text
    assert not ImportJob.objects.exists()


def test_template_has_the_columns_and_an_example_row(as_user, home):
    response = as_user("officer").get(URL, {"template": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, example = list(sheet.iter_rows(values_only=True))[:2]
    assert "Code" in header
    assert "phil" in example


def test_template_uploaded_back_as_it_is_imports_its_example(as_user, home):
    client = as_user("officer")
    template = client.get(URL, {"template": "xlsx"}).content
    response = client.post(URL, {"file": SimpleUploadedFile("t.xlsx", template)})
    assert "1 to create" in response.text


def test_another_users_preview_cannot_be_applied(as_user, home, officer):
    from django.test import Client

    from conftest import login

    login(Client(), officer).post(URL, {"file": xlsx(GOOD_ROWS[:1])})
    response = as_user("admin").post(URL, {"job": ImportJob.objects.get().pk})
    assert response.status_code == 404
    assert not OrgUnit.objects.exists()


def test_the_apply_hook_runs_all_or_nothing_and_names_the_row(home, officer):
    from django.core.exceptions import ValidationError

    from hamkor.accounts.forms import OrgUnitImportForm
    from hamkor.core import importing

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(GOOD_ROWS[0])
    workbook.active.append([*GOOD_ROWS[1][:5], None, "true"])  # no parent: valid alone
    workbook.save(buffer)
    result = importing.validate(
        content=buffer.getvalue(), form_class=OrgUnitImportForm, lookup=lambda values: None
    )

    def apply_rows(rows, actor):
        importing.save_rows(rows[:1], actor, reason="test")
        with importing.row_context(rows[1]):
            raise ValidationError("the service refuses")

    with pytest.raises(ValidationError, match="Row 3: the service refuses"):
        importing.apply(result=result, actor=officer, apply_rows=apply_rows)
    assert not OrgUnit.objects.filter(code="hist").exists()


def test_preview_shows_the_rows_read_with_their_values_and_errors(as_user, home):
    bad = ["bad code!", "planet", "Yomon", "", "", None, "true"]
    response = as_user("officer").post(URL, {"file": xlsx([GOOD_ROWS[0], bad])})

    preview = response.text.split('class="table table-sm small import-preview"')[1]
    assert "Tarix fakulteti" in preview  # a valid row is shown with its values
    assert "Yomon" in preview and "planet" in preview
    assert preview.count("<tr") == 3  # the header and both rows
    assert "Apply the import" not in response.text


def test_preview_shows_at_most_fifty_rows(as_user, home):
    rows = [[f"u{n}", "faculty", f"Fakultet {n}", "", "", None, "true"] for n in range(60)]
    response = as_user("officer").post(URL, {"file": xlsx(rows)})

    preview = response.text.split('class="table table-sm small import-preview"')[1]
    assert "Fakultet 49" in preview and "Fakultet 50" not in preview
    assert "60 rows read" in response.text
