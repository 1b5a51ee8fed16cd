"""Reading an export back as a spreadsheet user's program would."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook


def content_of(response) -> bytes:
    """The body of a streamed or plain response."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content_of(response).decode("utf-8-sig"))))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(content_of(response))).active


def xlsx_rows(response) -> list[tuple]:
    return list(xlsx_sheet(response).iter_rows(values_only=True))
