"""A project's money on the staff pages, the API and imports: what users type, and what
they are told when it is wrong (nothing saved, never a server error)."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from openpyxl import Workbook

from hamkor.core.models import ImportJob
from hamkor.core.testing.forms import read_form
from hamkor.grants.models import ExchangeRate, Expense, Receipt
from hamkor.grants.tests.money_factories import (
    BudgetHeadingFactory,
    ExchangeRateFactory,
    MoneyProjectFactory,
    ReceiptFactory,
)

pytestmark = pytest.mark.django_db

MAY_10 = datetime.date(2024, 5, 10)


def nested_add(project, kind="receipts"):
    return f"/staff/projects/{project.pk}/{kind}/add/"


def test_a_coordinator_adds_a_receipt_from_the_project_it_belongs_to(as_user, faculty_a):
    project = MoneyProjectFactory(faculty=faculty_a)
    ExchangeRateFactory(currency="EUR", date=MAY_10, rate=Decimal(13662))
    client = as_user("coordinator")
    page = client.get(nested_add(project))
    assert page.status_code == 200
    data = read_form(page.text)
    assert "project" not in data  # the address decides it
    data.update(received_on="2024-05-10", amount="5000", currency="eur", payer="EACEA")
    response = client.post(nested_add(project), data)
    assert response.status_code == 302
    receipt = Receipt.objects.get()
    assert (receipt.project, receipt.currency, receipt.amount) == (project, "EUR", Decimal(5000))
    # Another faculty's coordinator cannot reach the project.
    assert as_user("coordinator_b").get(nested_add(project)).status_code == 404


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"currency": "RUB"}, "There is no RUB exchange rate for 10 May 2024"),
        ({"currency": "XYZ"}, "“XYZ” is not a currency code (ISO 4217)"),
        ({"amount": "-100"}, "An amount cannot be negative."),
        ({"amount": "0"}, "An amount must be greater than zero."),
        ({"amount": "abc"}, "Enter a number."),
        ({"received_on": "2999-01-01"}, "Enter a date between 1900 and 2100."),
        ({"received_on": "1950-01-01"}, "when the som was introduced"),
        ({"received_on": "31.02.2024"}, "Enter a valid date."),
    ],
)
def test_bad_input_in_the_receipt_form_is_told_and_nothing_saved(
    as_user, faculty_a, typed, message
):
    project = MoneyProjectFactory(faculty=faculty_a)
    client = as_user("officer")
    data = read_form(client.get(nested_add(project)).text)
    data.update(received_on="2024-05-10", amount="100", currency="USD", payer="EACEA")
    ExchangeRateFactory(currency="USD", date=MAY_10)
    data.update(typed)
    response = client.post(nested_add(project), data)
    assert response.status_code == 400
    assert escape(message) in response.text or message in response.text
    assert not Receipt.objects.exists()


def test_an_expense_is_added_under_a_heading_from_the_project(as_user, faculty_a):
    project = MoneyProjectFactory(faculty=faculty_a)
    heading = BudgetHeadingFactory()
    client = as_user("officer")
    data = read_form(client.get(nested_add(project, "expenses")).text)
    data.update(
        heading=heading.pk, spent_on="2024-05-10", amount="2500000", currency="UZS",
        description="Translation of the report",
    )  # fmt: skip
    assert client.post(nested_add(project, "expenses"), data).status_code == 302
    assert Expense.objects.get().heading == heading


# --- The project's money page and include ----------------------------------------------------


def test_the_money_include_switches_currency_and_names_a_missing_rate(as_user, faculty_a):
    project = MoneyProjectFactory(faculty=faculty_a)
    ExchangeRateFactory(currency="USD", date=MAY_10, rate=Decimal(12650))
    ExchangeRateFactory(currency="EUR", date=MAY_10, rate=Decimal(13662))
    ReceiptFactory(project=project, currency="EUR", amount=Decimal(1000))
    june = datetime.date(2024, 6, 14)
    ReceiptFactory(project=project, received_on=june, currency="UZS", amount=Decimal(1_000_000))
    client = as_user("leadership")
    url = f"/staff/projects/{project.pk}/money/"
    in_euros = client.get(url, {"currency": "EUR"})
    assert in_euros.status_code == 200
    assert "1,000.00 EUR" in in_euros.text
    assert "USD rate of" not in in_euros.text and "EUR rate of" in in_euros.text  # 14 June
    in_dollars = client.get(url, {"currency": "USD"}, headers={"HX-Request": "true"})
    assert "<html" not in in_dollars.text  # the include alone, for htmx
    assert "1,080.00 USD" in in_dollars.text
    assert "USD rate of 14 June 2024" in in_dollars.text
    assert "1,000,000.00 UZS" in in_dollars.text  # the receipt left out is named
    assert "Add a receipt" not in in_dollars.text  # leadership reads only
    assert "Add a receipt" in as_user("officer").get(url).text
    # An unknown currency shows dollars.
    assert "1,080.00 USD" in client.get(url, {"currency": "XYZ"}).text


def test_the_project_page_shows_its_money_in_the_chosen_currency(as_user, faculty_a):
    project = MoneyProjectFactory(faculty=faculty_a)
    ExchangeRateFactory(currency="USD", date=MAY_10, rate=Decimal(12650))
    ExchangeRateFactory(currency="EUR", date=MAY_10, rate=Decimal(13662))
    ReceiptFactory(project=project, currency="EUR", amount=Decimal(1000))

    page = as_user("officer").get(f"/staff/projects/{project.pk}/", {"currency": "USD"})

    assert page.status_code == 200
    assert 'id="money"' in page.text
    assert "1,080.00 USD" in page.text
    assert "Add a receipt" in page.text


# --- Imports ----------------------------------------------------------------------------------


def xlsx(header, rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("receipts.xlsx", buffer.getvalue())


def upload_and_apply(client, url, file):
    preview = client.post(url, {"file": file})
    job = ImportJob.objects.order_by("-pk").first()
    return preview, client.post(url, {"job": job.pk})


HEADER = ["project", "received_on", "amount", "currency", "payer"]


def test_receipts_import_names_projects_by_number_or_acronym(as_user, officer):
    first = MoneyProjectFactory(acronym="GREENUNI")
    second = MoneyProjectFactory(project_number="2023-1-UZ01-KA171-HED-000111")
    ExchangeRateFactory(currency="EUR", date=MAY_10, rate=Decimal(13662))
    rows = [
        ["greenuni", "10.05.2024", 1000, "EUR", "EACEA"],
        ["2023-1-UZ01-KA171-HED-000111", datetime.date(2024, 5, 10), 2000000, "UZS", "Ministry"],
    ]
    preview, applied = upload_and_apply(
        as_user("officer"), "/staff/receipts/import/", xlsx(HEADER, rows)
    )
    assert "2 to create" in preview.text
    assert applied.status_code == 302
    assert {(r.project, r.currency) for r in Receipt.objects.all()} == {
        (first, "EUR"),
        (second, "UZS"),
    }
    assert Receipt.history.filter(history_change_reason="grants.receipt.created").count() == 2


def test_a_receipts_import_with_bad_rows_applies_nothing_and_says_why(as_user):
    MoneyProjectFactory(acronym="GREENUNI")
    rows = [
        ["GREENUNI", "10.05.2024", 1000, "UZS", "EACEA"],
        ["GREENUNI", "10.05.2024", 1000, "RUB", "EACEA"],
        ["NOSUCH", "10.05.2024", 1000, "UZS", "EACEA"],
        ["GREENUNI", "10.05.2024", 5, "XYZ", "EACEA"],
    ]
    preview, applied = upload_and_apply(
        as_user("officer"), "/staff/receipts/import/", xlsx(HEADER, rows)
    )
    assert "3 rejected" in preview.text
    assert "There is no RUB exchange rate for 10 May 2024" in preview.text
    assert escape("No project has the number or acronym “NOSUCH”.") in preview.text
    assert escape("“XYZ” is not a currency code") in preview.text
    assert applied.status_code == 400
    assert not Receipt.objects.exists()


def test_a_rates_import_corrects_a_stored_day_and_adds_the_others(as_user):
    ExchangeRateFactory(currency="USD", date=MAY_10, rate=Decimal(12000))
    rows = [["USD", "10.05.2024", 12650, 1], ["KRW", "10.05.2024", "92.50", 10]]
    preview, applied = upload_and_apply(
        as_user("officer"),
        "/staff/exchange-rates/import/",
        xlsx(["currency", "date", "rate", "nominal"], rows),
    )
    assert "1 to create, 1 to update" in preview.text
    assert applied.status_code == 302
    rates = dict(ExchangeRate.objects.values_list("currency", "rate"))
    assert rates == {"USD": Decimal(12650), "KRW": Decimal("9.25")}


# --- Exchange rates ---------------------------------------------------------------------------


def test_a_rate_typed_for_ten_units_is_stored_per_unit(as_user):
    client = as_user("officer")
    data = read_form(client.get("/staff/exchange-rates/add/").text)
    data.update(currency="krw", date="2024-05-10", rate="92.50", nominal="10")
    assert client.post("/staff/exchange-rates/add/", data).status_code == 302
    row = ExchangeRate.objects.get()
    assert (row.currency, row.rate, row.nominal, row.source) == (
        "KRW",
        Decimal("9.25"),
        10,
        "manual",
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"currency": "UZS"}, "The som is the base currency: it needs no rate."),
        ({"currency": "ABC"}, "ABC is not an ISO 4217 currency code."),
        ({"rate": "0"}, "A rate must be greater than zero."),
    ],
)
def test_a_bad_rate_is_refused_at_its_field(as_user, typed, message):
    client = as_user("officer")
    data = read_form(client.get("/staff/exchange-rates/add/").text)
    data.update({"currency": "USD", "date": "2024-05-10", "rate": "12650", "nominal": "1"})
    data.update(typed)
    response = client.post("/staff/exchange-rates/add/", data)
    assert response.status_code == 400
    assert escape(message) in response.text
    assert not ExchangeRate.objects.exists()


def test_fetching_todays_rates_from_the_list_stores_them(as_user, cbu_server):
    client = as_user("officer")
    page = client.get("/staff/exchange-rates/")
    assert "Fetch today’s Central Bank rates" in page.text
    response = client.post("/staff/exchange-rates/fetch/", follow=True)
    assert "2 stored, 0 unchanged" in response.text
    assert ExchangeRate.objects.filter(date=datetime.date(2024, 5, 13)).count() == 2
    assert "Fetch today" not in as_user("leadership").get("/staff/exchange-rates/").text


def test_a_network_error_while_fetching_is_told_and_nothing_stored(as_user, settings):
    settings.HAMKOR_CBU_RATES_URL = "http://127.0.0.1:9/json/"  # nothing listens there
    response = as_user("officer").post("/staff/exchange-rates/fetch/", follow=True)
    assert response.status_code == 200
    assert "Could not read the Central Bank rates at http://127.0.0.1:9/json/" in response.text
    assert not ExchangeRate.objects.exists()


# --- API --------------------------------------------------------------------------------------


def test_the_api_writes_receipts_through_the_services(as_user, faculty_a):
    project = MoneyProjectFactory(faculty=faculty_a)
    client = as_user("officer")
    body = {
        "project": project.pk,
        "received_on": "2024-05-10",
        "amount": "1000.00",
        "currency": "RUB",
        "payer": "Partner university",
    }
    refused = client.post("/api/v1/receipts/", body, content_type="application/json")
    assert refused.status_code == 400
    assert "There is no RUB exchange rate for 10 May 2024" in refused.json()["currency"][0]
    assert not Receipt.objects.exists()
    ExchangeRateFactory(currency="RUB", date=MAY_10, rate=Decimal("137.5"))
    created = client.post("/api/v1/receipts/", body, content_type="application/json")
    assert created.status_code == 201, created.json()
    receipt = Receipt.objects.get()
    assert receipt.history.get().history_change_reason == "grants.receipt.created"
    url = f"/api/v1/receipts/{receipt.pk}/"
    no_version = client.patch(url, {"payer": "X"}, content_type="application/json")
    assert no_version.status_code == 400
    stale = client.patch(url, {"payer": "X", "version": 99}, content_type="application/json")
    assert stale.status_code == 409
    changed = client.patch(
        url, {"payer": "Ministry", "version": receipt.version}, content_type="application/json"
    )
    assert changed.status_code == 200
    assert changed.json()["payer"] == "Ministry"
    negative = client.patch(
        url, {"amount": "-1", "version": receipt.version + 1}, content_type="application/json"
    )
    assert negative.status_code == 400
    assert client.delete(url).status_code == 204
    assert not Receipt.objects.exists()


def test_the_api_keeps_a_coordinator_to_their_faculty(as_user, faculty_a):
    project = MoneyProjectFactory(faculty=faculty_a)
    body = {
        "project": project.pk,
        "received_on": "2024-05-10",
        "amount": "1000.00",
        "currency": "UZS",
        "payer": "Ministry",
    }
    other = as_user("coordinator_b").post(
        "/api/v1/receipts/", body, content_type="application/json"
    )
    assert other.status_code == 400
    assert "project" in other.json()
    own = as_user("coordinator").post("/api/v1/receipts/", body, content_type="application/json")
    assert own.status_code == 201
    assert (
        as_user("leadership")
        .post("/api/v1/receipts/", body, content_type="application/json")
        .status_code
        == 403
    )


# --- Scans ------------------------------------------------------------------------------------


def test_a_receipts_scan_is_attached_on_its_page_and_served_privately(as_user, faculty_a):
    from django.contrib.contenttypes.models import ContentType

    from hamkor.core.models import Document

    receipt = ReceiptFactory(project=MoneyProjectFactory(faculty=faculty_a))
    content_type = ContentType.objects.get_for_model(receipt)
    scan = SimpleUploadedFile("bank-statement.pdf", b"%PDF-1.4\n%%EOF\n")
    response = as_user("coordinator").post(
        f"/staff/documents/add/{content_type.pk}/{receipt.pk}/",
        {"file": scan, "kind": "other", "title": "Bank statement"},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.record == receipt
    page = as_user("leadership").get(f"/staff/receipts/{receipt.pk}/")
    assert "Bank statement" in page.text
    download = f"/staff/documents/version/{document.current.pk}/"
    assert as_user("officer").get(download).status_code == 200
    assert as_user("applicant").get(download).status_code in (403, 404)
