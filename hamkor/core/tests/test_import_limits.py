"""Hostile and awkward import files: refused fast and in bounded memory, or read right.

The hostile files are built here, small on disk and huge once unpacked, as an attacker would.
"""

from __future__ import annotations

import datetime
import tracemalloc

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from hamkor.core import import_files, importing
from hamkor.core.models import ImportJob
from hamkor.core.tests.hostile_files import workbook_bytes as _workbook_bytes
from hamkor.core.tests.hostile_files import zip_bomb

URL = "/staff/units/import/"
MEMORY_BOUND = 100 * 1024 * 1024


def measured(function):
    """``function()``'s outcome and its peak traced memory.

    Tests assert the memory and the outcome, never a duration: a loaded machine may take
    any time (the time bound itself is tested with ``MAX_SECONDS`` set to zero)."""
    tracemalloc.start()
    try:
        outcome = function()
    except importing.ImportFileError as exc:
        outcome = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return outcome, peak


def test_a_zip_bomb_is_refused_from_the_archive_index_before_unpacking():
    content = zip_bomb(2_000_000)  # 64 MB of sheet in some 100 KB of file
    assert len(content) < 1_000_000

    outcome, peak = measured(lambda: importing.read_table(content))

    assert isinstance(outcome, importing.ImportFileError)
    assert "unpacks to more than an import may hold" in outcome.message
    assert peak < MEMORY_BOUND


def test_a_sheet_past_the_row_limit_stops_being_read_at_the_limit(monkeypatch):
    # An archive that passes the index checks: the streaming reader still stops at the limit.
    monkeypatch.setattr(import_files, "MAX_RATIO", 10**9)
    monkeypatch.setattr(import_files, "MAX_UNPACKED", 10**12)
    # A lower limit keeps the test quick on a loaded machine; reading the 2,000,000 rows
    # would take minutes.
    monkeypatch.setattr(import_files, "MAX_ROWS", 2_000)
    content = zip_bomb(2_000_000)

    outcome, peak = measured(lambda: importing.read_table(content))

    assert isinstance(outcome, importing.ImportFileError)
    assert "more than 2000 rows" in outcome.message
    assert peak < MEMORY_BOUND


def test_a_sheet_that_does_not_state_its_size_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(import_files, "MAX_RATIO", 10**9)
    content = zip_bomb(2_000_000, dimension=b"")

    outcome, peak = measured(lambda: importing.read_table(content))

    assert "does not state the size of its sheets" in outcome.message
    assert peak < MEMORY_BOUND


def test_blank_rows_do_not_count_as_rows_but_are_bounded_too(monkeypatch):
    monkeypatch.setattr(import_files, "MAX_RATIO", 10**9)
    content = zip_bomb(100_000, row_xml=b"<row/>")

    outcome, peak = measured(lambda: importing.read_table(content))

    assert isinstance(outcome, importing.ImportFileError)
    assert peak < MEMORY_BOUND


def test_reading_is_bounded_in_time(monkeypatch):
    monkeypatch.setattr(import_files, "MAX_SECONDS", 0)
    content = ("code\n" + "x\n" * 5_000).encode()

    outcome, _peak = measured(lambda: importing.read_table(content))

    assert isinstance(outcome, importing.ImportFileError)
    assert "takes too long" in outcome.message


def test_a_csv_past_the_row_limit_is_refused_while_reading():
    content = ("code,kind\n" + "x,faculty\n" * 1_000_000).encode()

    outcome, peak = measured(lambda: importing.read_table(content))

    assert "more than 20000 rows" in outcome.message
    assert peak < MEMORY_BOUND


def test_a_csv_with_an_endless_line_is_refused():
    content = b"code,name_uz\nx," + b"a" * 1_000_000 + b"\n"

    outcome, peak = measured(lambda: importing.read_table(content))

    assert "longer than 65536 characters" in outcome.message
    assert peak < MEMORY_BOUND


def test_a_zip_bomb_upload_answers_a_message_and_keeps_nothing(as_user, home):
    upload = SimpleUploadedFile("units.xlsx", zip_bomb(2_000_000))

    response = as_user("officer").post(URL, {"file": upload})

    assert response.status_code == 400
    assert "unpacks to more than an import may hold" in response.text
    assert not ImportJob.objects.exists()


# --- Awkward but honest files -------------------------------------------------------------


def test_a_file_with_no_recognised_column_says_which_are_expected_and_offers_no_apply(
    as_user, home
):
    upload = SimpleUploadedFile("units.csv", b"Familiya,Ism\nKarimov,Dilshod\n")

    response = as_user("officer").post(URL, {"file": upload})

    assert response.status_code == 400
    assert "No column of this file is recognised" in response.text
    assert "Name in Uzbek" in response.text or "name in Uzbek" in response.text
    assert "Apply the import" not in response.text
    assert not ImportJob.objects.exists()


class BornForm(forms.Form):
    born = forms.DateField(label="Born")

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.mark.parametrize(
    "content",
    [
        b"born\n31.12.2000\n",
        b"born\n2000-12-31\n",
        _workbook_bytes([["born"], [datetime.datetime(2000, 12, 31)]]),
        _workbook_bytes([["born"], ["31.12.2000"]]),
    ],
    ids=["local", "iso", "date cell", "local text cell"],
)
def test_dates_are_read_in_the_local_format_iso_and_as_date_cells(content):
    result = importing.validate(content=content, form_class=BornForm, lookup=lambda values: None)

    assert not result.rejected
    assert result.rows[0].form.cleaned_data["born"] == datetime.date(2000, 12, 31)


def test_a_date_that_does_not_exist_is_rejected_with_a_reason():
    result = importing.validate(
        content=b"born\n31.02.2000\n", form_class=BornForm, lookup=lambda values: None
    )

    assert result.rows[0].errors == ["Born: Enter a valid date."]


def test_every_error_of_every_row_is_shown(as_user, home):
    upload = SimpleUploadedFile(
        "units.csv",
        b"code,kind,name_uz\nbad code!,planet,\nalso bad!,moon,\n",
    )

    response = as_user("officer").post(URL, {"file": upload})

    assert "2 rejected" in response.text
    text = response.text.split('class="table table-sm import-errors"')[1].split("</table>")[0]
    for reason in ("valid" + " “slug”", "planet is not one of", "moon is not one of"):
        assert reason in text
    assert text.count("This field is required.") == 2
