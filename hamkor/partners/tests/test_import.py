"""Excel import of institutions and contacts through the generic bulk import."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from hamkor.core.models import ImportJob
from hamkor.core.tests.exports import xlsx_rows
from hamkor.partners.models import Contact, Institution
from hamkor.partners.tests.factories import InstitutionFactory

INSTITUTIONS = "/staff/institutions/import/"
CONTACTS = "/staff/contacts/import/"


def xlsx(header, rows, name="import.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload_and_apply(client, url, file):
    preview = client.post(url, {"file": file})
    job = ImportJob.objects.order_by("-pk").first()
    return preview, client.post(url, {"job": job.pk})


HEADER = ["name", "name_en", "country", "city", "kind", "partnership", "erasmus_code"]


# --- Institutions --------------------------------------------------------------------------


def test_institution_import_creates_with_countries_by_code_or_english_name(as_user, home, officer):
    rows = [
        ["Ankara Üniversitesi", "Ankara University", "TR", "Ankara", "university", "active", ""],
        ["Universidad de Sevilla", "", "Spain", "Sevilla", "", "", "E SEVILLA01"],
        ["Politechnika Warszawska", "", "POL", "Warsaw", "University", "Prospect", ""],
    ]
    preview, applied = upload_and_apply(as_user("officer"), INSTITUTIONS, xlsx(HEADER, rows))
    assert "3 to create, 0 to update" in preview.text
    assert applied.status_code == 302
    sevilla = Institution.objects.get(name="Universidad de Sevilla")
    assert (sevilla.country.code, sevilla.kind, sevilla.partnership) == ("ES", "university", "none")
    warsaw = Institution.objects.get(name="Politechnika Warszawska")
    assert (warsaw.country.code, warsaw.partnership) == ("PL", "prospect")  # labels accepted
    record = sevilla.history.get()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "partners.institution.imported",
    )


def test_institution_import_updates_by_erasmus_code_then_by_name_in_country(as_user, home):
    by_code = InstitutionFactory(
        name="Universidad de Sevilla", country="ES", erasmus_code="E SEVILLA01", city="Sevilla"
    )
    by_name = InstitutionFactory(name="Ankara Üniversitesi", country="TR", website="https://a.tr")
    namesake = InstitutionFactory(name="Ankara Üniversitesi", country="AZ")
    rows = [
        ["University of Seville (renamed)", "", "ES", "Seville", "", "active", "e  sevilla01"],
        ["ANKARA Üniversitesi", "Ankara University", "Turkey", "Ankara", "", "active", ""],
    ]
    preview, _applied = upload_and_apply(as_user("officer"), INSTITUTIONS, xlsx(HEADER, rows))
    assert "0 to create, 2 to update" in preview.text
    by_code.refresh_from_db()
    assert (by_code.name, by_code.city, by_code.partnership) == (
        "University of Seville (renamed)",
        "Seville",
        "active",
    )
    by_name.refresh_from_db()
    assert (by_name.name_en, by_name.partnership) == ("Ankara University", "active")
    assert by_name.website == "https://a.tr"  # a column the file does not have is kept
    namesake.refresh_from_db()
    assert namesake.partnership == "none"
    assert Institution.objects.count() == 4


def test_institution_import_with_a_bad_row_applies_nothing_and_says_why(as_user, home):
    rows = [
        ["Ankara Üniversitesi", "", "TR", "Ankara", "", "active", ""],
        ["Nowhere University", "", "Atlantis", "", "", "", ""],
        ["", "", "TR", "", "castle", "", ""],
    ]
    client = as_user("officer")
    preview, applied = upload_and_apply(client, INSTITUTIONS, xlsx(HEADER, rows))
    assert "2 rejected" in preview.text
    assert "“Atlantis” is neither an ISO country code nor an English country name." in preview.text
    assert "<td>3</td>" in preview.text and "<td>4</td>" in preview.text
    assert "Select a valid choice" in preview.text  # kind "castle"
    assert "Apply the import" not in preview.text
    assert applied.status_code == 400
    assert not Institution.objects.exclude(is_home=True).exists()


def test_institution_import_rows_sharing_an_erasmus_code_apply_nothing(as_user, home):
    rows = [
        ["Ankara Üniversitesi", "", "TR", "", "", "", "TR ANKARA01"],
        ["Ankara University", "", "TR", "", "", "", "TR ANKARA01"],
    ]
    _preview, applied = upload_and_apply(as_user("officer"), INSTITUTIONS, xlsx(HEADER, rows))
    assert applied.status_code == 400
    assert "Row 3" in applied.text
    assert not Institution.objects.exclude(is_home=True).exists()


def test_institution_import_reads_headers_in_russian(as_user, home):
    text = "название (в оригинале);страна;город\nМосковский университет;RU;Москва\n"
    response = as_user("officer").post(
        INSTITUTIONS, {"file": SimpleUploadedFile("i.csv", text.encode())}
    )
    assert "1 to create" in response.text
    assert "Columns not used" not in response.text


def test_institution_import_template_has_an_example_that_imports(as_user, home):
    client = as_user("officer")
    template = client.get(INSTITUTIONS, {"template": "xlsx"}).content
    header, example = list(load_workbook(io.BytesIO(template)).active.iter_rows(values_only=True))[
        :2
    ]
    assert "Country" in header
    assert "Ankara Üniversitesi" in example
    _preview, applied = upload_and_apply(
        client, INSTITUTIONS, SimpleUploadedFile("t.xlsx", template)
    )
    assert applied.status_code == 302
    assert Institution.objects.get(erasmus_code="TR ANKARA01").partnership == "active"


def test_institution_import_is_for_officers(as_user, home):
    file = xlsx(HEADER, [["X", "", "TR", "", "", "", ""]])
    assert as_user("coordinator").post(INSTITUTIONS, {"file": file}).status_code == 403


# --- Contacts --------------------------------------------------------------------------------

CONTACT_HEADER = ["institution", "full_name", "position", "email", "is_primary"]


@pytest.fixture
def partners(home):
    return {
        "ankara": InstitutionFactory(
            name="Ankara Üniversitesi", name_en="Ankara University", erasmus_code="TR ANKARA01"
        ),
        "sevilla": InstitutionFactory(name="Universidad de Sevilla", country="ES"),
    }


def test_contact_import_finds_institutions_by_erasmus_code_or_name(as_user, partners):
    rows = [
        ["TR ANKARA01", "Ayşe Yılmaz", "Coordinator", "ayse@ankara.edu.tr", "true"],
        ["Universidad de Sevilla", "Lucía García", "", "lucia@us.es", "false"],
        ["ankara university", "Mehmet Kaya", "", "", ""],
    ]
    preview, applied = upload_and_apply(as_user("officer"), CONTACTS, xlsx(CONTACT_HEADER, rows))
    assert "3 to create" in preview.text
    assert applied.status_code == 302
    assert partners["ankara"].contacts.count() == 2
    assert Contact.objects.get(full_name="Ayşe Yılmaz").is_primary
    assert Contact.objects.get(full_name="Lucía García").institution == partners["sevilla"]


def test_contact_import_updates_the_contact_with_the_same_email_there(as_user, partners):
    ayse = Contact.objects.create(
        institution=partners["ankara"], full_name="Ayse Yilmaz", email="ayse@ankara.edu.tr"
    )
    rows = [["TR ANKARA01", "Ayşe Yılmaz", "Erasmus+ coordinator", "AYSE@ankara.edu.tr", "true"]]
    preview, _applied = upload_and_apply(as_user("officer"), CONTACTS, xlsx(CONTACT_HEADER, rows))
    assert "0 to create, 1 to update" in preview.text
    ayse.refresh_from_db()
    assert (ayse.full_name, ayse.position, ayse.is_primary) == (
        "Ayşe Yılmaz",
        "Erasmus+ coordinator",
        True,
    )


def test_contact_import_with_an_unknown_institution_applies_nothing(as_user, partners):
    InstitutionFactory(name="Twin College", country="GB")
    InstitutionFactory(name="Twin College", country="IE")
    rows = [
        ["TR ANKARA01", "Ayşe Yılmaz", "", "ayse@ankara.edu.tr", ""],
        ["Atlantis University", "Nobody", "", "", ""],
        ["Twin College", "Somebody", "", "", ""],
    ]
    preview, applied = upload_and_apply(as_user("officer"), CONTACTS, xlsx(CONTACT_HEADER, rows))
    assert "2 rejected" in preview.text
    assert "No institution has the Erasmus code or the name “Atlantis University”." in preview.text
    assert "Several institutions are called “Twin College”: give the Erasmus code." in preview.text
    assert applied.status_code == 400
    assert not Contact.objects.exists()


def test_contact_export_comes_from_the_list(as_user, partners):
    Contact.objects.create(institution=partners["ankara"], full_name="Ayşe Yılmaz")
    response = as_user("leadership").get("/staff/contacts/", {"export": "xlsx"})
    rows = xlsx_rows(response)
    assert rows[0][:3] == ("Full name", "Position", "Institution")
    assert rows[1][0] == "Ayşe Yılmaz"
    assert rows[1][2] == "Ankara University"
