"""The selection's files as the office downloads them, read back: the replay file gives the
stored allocation, the workbook holds plain values, the minutes' PDF is in the user's
language."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from conftest import login
from hamkor.calls.models import Application
from hamkor.calls.selection import select
from hamkor.calls.selection_file import selection_loads
from hamkor.calls.selection_services import (
    application_key,
    place_key,
    selection_change,
    selection_compute,
)
from hamkor.calls.tests.committee_world import (
    call_under_evaluation,
    places,
    reviewer,
    score,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranked(officer):
    call = call_under_evaluation(seats=(1, 1))
    first, second = places(call)
    one, two = reviewer(call, "one"), reviewer(call, "two")
    rows = {}
    for name, preferences, gpa in (
        ("Usmonova", (first, second), 95),
        ("Toshmatov", (first, second), 90),
        ("Qodirov", (first,), 60),
    ):
        application = submitted(call, *preferences, name=name)
        score(application, one, gpa=gpa, language=80, motivation=70)
        score(application, two, gpa=gpa - 10, language=80, motivation=75)
        rows[name] = application
    selection_compute(call=call, actor=officer)
    return call, first, second, rows


def test_the_downloaded_replay_file_gives_the_stored_allocation(client, officer, ranked):
    call, first, second, rows = ranked
    answer = login(client, officer).get(reverse("calls:call_selection_json", args=[call.pk]))
    assert answer.status_code == 200
    assert answer["Content-Disposition"].endswith('.json"')
    outcome = select(selection_loads(answer.content.decode()))
    assert outcome.as_dict() == {
        "allocation": {
            application_key(rows["Usmonova"]): place_key(first),
            application_key(rows["Toshmatov"]): place_key(second),
        },
        "reserve": [application_key(rows["Qodirov"])],
    }
    data = json.loads(answer.content)
    assert data["applications"][0]["submitted_at"].endswith("+05:00")


def test_the_workbook_holds_applications_and_every_score_as_plain_values(client, officer, ranked):
    call, first, _, rows = ranked
    answer = login(client, officer).get(reverse("calls:call_scores_xlsx", args=[call.pk]))
    assert answer.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(answer.streaming_content)))
    assert book.sheetnames == ["Applications", "Scores", "Conflicts of interest"]
    header, *lines = book["Applications"].iter_rows(values_only=True)
    assert header[:3] == ("Application", "Applicant", "Submitted")
    assert "GPA: average" in header and "GPA: spread" in header
    top = dict(zip(header, lines[0], strict=True))
    assert top["Application"] == application_key(rows["Usmonova"])
    assert top["GPA: average"] == 90 and top["GPA: spread"] == 10
    assert top["Total"] == 81.75  # 0.4 x 90 + 0.3 x 80 + 0.3 x 72.5 = 36 + 24 + 21.75
    assert (top["Rank"], top["Outcome"], top["Place"]) == (1, "Selected", str(first))
    assert isinstance(top["Submitted"], datetime.datetime)
    assert top["Submitted"] == timezone.localtime(rows["Usmonova"].submitted_at).replace(
        tzinfo=None, microsecond=0
    )
    last = dict(zip(header, lines[-1], strict=True))
    assert (last["Outcome"], last["Reserve position"]) == ("Reserve list", 1)
    scores = list(book["Scores"].iter_rows(values_only=True))
    assert len(scores) == 1 + 3 * 2 * 3  # three applications, two reviewers, three criteria


def test_the_minutes_pdf_is_in_the_users_language_with_the_changes(client, officer, ranked):
    call, _, _, rows = ranked
    qodirov = Application.objects.get(pk=rows["Qodirov"].pk)
    selection_change(
        application=qodirov, outcome="not_selected", place=None,
        reason="Документы не подтверждены", actor=officer,
    )  # fmt: skip
    officer.language = "ru"  # staff pages and files speak the user's language
    officer.save(update_fields=["language"])
    answer = login(client, officer).get(reverse("calls:call_ranking_pdf", args=[call.pk]))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.content)).pages)
    text = " ".join(text.split())
    assert "Рейтинг и распределение мест" in text
    assert "Конкурс Erasmus+ KA171" in text
    assert "Usmonova" in text and "Toshmatov" in text
    assert "Изменения, внесённые вручную" in text
    assert "Документы не подтверждены" in text
    assert "Ranking" not in text


def test_the_minutes_wait_for_a_ranking(client, officer):
    call = call_under_evaluation()
    answer = login(client, officer).get(reverse("calls:call_ranking_pdf", args=[call.pk]))
    assert answer.status_code == 302


def test_a_reviewer_downloads_none_of_the_files(client, ranked):
    call, *_ = ranked
    user = reviewer(call, "three")
    login(client, user)
    for name in ("calls:call_selection_json", "calls:call_scores_xlsx", "calls:call_ranking_pdf"):
        assert client.get(reverse(name, args=[call.pk])).status_code == 403
