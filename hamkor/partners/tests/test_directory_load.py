"""Tests of loading the world directory into institutions (``hamkor load-directory``).

The sample lists of ``test_directory`` are written to ``tmp_path`` under their real file names;
one test loads the real files of ``shared/data`` when they are present. Downloads are tested
against a local HTTP server: real code, real HTTP, no internet.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import threading
import time
from decimal import Decimal
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from conftest import shared_data_dir
from hamkor.accounts.tests.factories import UserFactory
from hamkor.partners.directory import (
    CHANGE_REASON,
    ECHE_FILE,
    WORLD_FILE,
    DirectoryFileError,
    DirectoryFiles,
    directory_download,
    directory_load,
    directory_match,
)
from hamkor.partners.models import Institution, RankingEntry
from hamkor.partners.tests.factories import InstitutionFactory
from hamkor.partners.tests.test_directory import (
    ECHE_HEADER,
    ECHE_ROWS,
    QS_HEADER,
    QS_ROWS,
    WORLD_ROWS,
)

ECHE_CSV = "eche_accredited_heis_2021-2027_2026-04-08.csv"
QS_FILE = "qs_world_university_rankings_2027.csv"


def write_lists(
    folder: Path, *, eche_rows: list[list] = ECHE_ROWS, eche_format: str = "csv",
    qs_file: str = QS_FILE,
) -> Path:  # fmt: skip
    """The sample lists in their real formats and under their real names."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / WORLD_FILE).write_text(json.dumps(WORLD_ROWS, ensure_ascii=False), encoding="utf-8")
    if eche_format == "csv":
        with (folder / ECHE_CSV).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(ECHE_HEADER)
            for row in eche_rows:
                writer.writerow([v.date().isoformat() if isinstance(v, dt.datetime) else v
                                 for v in row])  # fmt: skip
    else:
        book = Workbook()
        for column, title in enumerate(ECHE_HEADER, start=1):  # row 1 blank, as in the file
            book.active.cell(row=2, column=column, value=title)
        for row in eche_rows:
            book.active.append(row)
        book.save(folder / ECHE_CSV.replace(".csv", ".xlsx"))
    with (folder / qs_file).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=QS_HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(QS_ROWS)
    return folder


def sample_files(folder: Path) -> DirectoryFiles:
    return DirectoryFiles(folder / WORLD_FILE, folder / ECHE_CSV, folder / QS_FILE, 2027)


@pytest.fixture(autouse=True)
def _var_dir(settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    return write_lists(tmp_path / "lists")


def load(folder: Path, **options):
    return directory_load(result=directory_match(files=sample_files(folder)), **options)


def qs_rank(institution: Institution) -> RankingEntry:
    return institution.rankings.get(ranking=RankingEntry.Ranking.QS_WORLD, year=2027)


def test_load_creates_institutions_with_identifiers_and_rankings(db, lists: Path) -> None:
    officer = UserFactory()
    result = directory_match(files=sample_files(lists))
    summary = directory_load(result=result, actor=officer)
    assert summary.created == len(result.entries) == Institution.objects.count() == 33
    assert (summary.updated, summary.unchanged) == (0, 0)
    assert summary.rankings_created == RankingEntry.objects.count() == 17
    assert summary.ambiguous == len(result.ambiguous) > 0
    tum = Institution.objects.get(directory_key="world:tum.de")
    assert (tum.name, tum.country.code, tum.city) == ("Technische Universität München", "DE",
                                                      "Muenchen")  # fmt: skip
    assert (tum.erasmus_code, tum.pic) == ("D MUNCHEN02", "999977463")  # as a form stores it
    assert (tum.website, tum.email_domains) == ("https://www.tum.de/", "tum.de mytum.de")
    assert (tum.latitude, tum.longitude) == pytest.approx((48.14, 11.58), abs=0.05)
    assert (tum.kind, tum.partnership) == (Institution.Kind.UNIVERSITY, "none")
    record = tum.history.get()
    assert (record.history_change_reason, record.history_user) == (CHANGE_REASON, officer)
    nuu = Institution.objects.get(directory_key="world:nuu.uz")
    assert nuu.name_en == "National University of Uzbekistan named after Mirzo Ulugbek"
    ranking = qs_rank(nuu)
    assert (ranking.rank, ranking.rank_low, ranking.rank_high, ranking.score) == (
        "801-850", 801, 850, None
    )  # fmt: skip
    assert ranking.history.get().history_change_reason == CHANGE_REASON
    ghent = qs_rank(Institution.objects.get(directory_key="world:ugent.be"))
    assert (ghent.rank, ghent.rank_high, ghent.score) == ("2", 2, Decimal("99.2"))
    open_band = qs_rank(Institution.objects.get(directory_key="world:uzswlu.uz"))
    assert (open_band.rank, open_band.rank_low, open_band.rank_high) == ("1401+", 1401, None)
    athens = Institution.objects.get(pic="999887766")  # only in the ECHE list
    assert (athens.country.code, athens.website) == ("GR", "https://www.uoa.gr/")
    assert athens.directory_key == "eche:EL ATHINE01"


def test_load_rerun_creates_nothing_and_reports_unchanged(db, lists: Path) -> None:
    first = load(lists)
    histories = Institution.history.count(), RankingEntry.history.count()
    again = load(lists)
    assert (again.created, again.updated, again.unchanged) == (0, 0, first.created)
    assert (again.rankings_created, again.rankings_updated) == (0, 0)
    assert again.rankings_unchanged == first.rankings_created
    assert again.found_by["key"] == first.created
    assert (Institution.history.count(), RankingEntry.history.count()) == histories
    # A directory row edited since is set back to the lists, with one history record.
    Institution.objects.filter(directory_key="world:nuu.uz").update(name_en="NUU", city="")
    RankingEntry.objects.filter(institution__directory_key="world:nuu.uz").update(
        rank="801", rank_high=801
    )
    third = load(lists)
    assert (third.created, third.updated, third.rankings_updated) == (0, 1, 1)
    nuu = Institution.objects.get(directory_key="world:nuu.uz")
    assert (nuu.name_en, nuu.city, nuu.version) == (
        "National University of Uzbekistan named after Mirzo Ulugbek", "Tashkent", 2
    )  # fmt: skip
    assert (qs_rank(nuu).rank, qs_rank(nuu).rank_high) == ("801-850", 850)
    assert Institution.history.count() == histories[0] + 1


def test_load_enriches_partner_typed_by_hand_and_keeps_its_values(db, lists: Path, home) -> None:
    partner = InstitutionFactory(
        name="Technische Universität München (TUM)", name_en="", country="DE", city="München",
        partnership=Institution.Partnership.ACTIVE,
    )  # fmt: skip
    summary = load(lists)
    assert summary.found_by["name"] == 2  # the partner and the home university
    partner.refresh_from_db()
    assert (partner.name, partner.city, partner.partnership) == (
        "Technische Universität München (TUM)", "München", "active"
    )  # fmt: skip
    assert (partner.erasmus_code, partner.pic) == ("D MUNCHEN02", "999977463")
    assert (partner.website, partner.directory_key) == ("https://www.tum.de/", "world:tum.de")
    assert partner.name_en == "Technische Universität München"  # was blank: filled
    assert not Institution.objects.filter(name="Technische Universität München").exists()
    home.refresh_from_db()  # "Kokand State University" of the QS list, unranked elsewhere
    assert (home.name, home.name_en, home.is_home) == (
        "Qoʻqon davlat universiteti", "Kokand State University", True
    )  # fmt: skip
    assert (home.directory_key, qs_rank(home).rank) == ("qs:2", "1001-1200")
    assert Institution.objects.filter(name_en="Kokand State University").count() == 1
    # Staff edit the partner; the next load changes nothing of it.
    Institution.objects.filter(pk=partner.pk).update(website="https://www.tum.de/en/")
    again = load(lists)
    partner.refresh_from_db()
    assert (again.created, again.updated) == (0, 0)
    assert (partner.website, partner.partnership) == ("https://www.tum.de/en/", "active")


def test_load_reports_a_name_shared_by_several_entries(db, lists: Path) -> None:
    # The world entry's name and the separate QS entry's name both match this partner.
    partner = InstitutionFactory(
        name="Technische Universität München", name_en="Technical University of Munich",
        country="DE", partnership=Institution.Partnership.PROSPECT,
    )  # fmt: skip
    summary = load(lists)
    assert summary.found_by["name"] == 0
    assert {(a.record_id, a.method) for a in summary.ambiguities} == {
        ("world:tum.de", "existing"), ("qs:16", "existing"),
    }  # fmt: skip
    assert summary.ambiguities[0].candidates[0].key == f"institution:{partner.pk}"
    partner.refresh_from_db()
    assert (partner.directory_key, partner.erasmus_code) == ("", "")


def test_load_reports_a_partner_whose_name_only_looks_like_an_entry(db, lists: Path) -> None:
    partner = InstitutionFactory(
        name="University of Bath (Claverton Down campus)", country="GB",
        partnership=Institution.Partnership.ACTIVE,
    )  # fmt: skip
    summary = load(lists)
    [look_alike] = summary.ambiguities
    assert (look_alike.record_id, look_alike.method) == (f"institution:{partner.pk}", "look-alike")
    assert [(c.key, c.score) for c in look_alike.candidates] == [("world:bath.ac.uk", 100.0)]
    assert summary.ambiguous == 1 + 4  # and the four of the matcher
    partner.refresh_from_db()
    assert partner.directory_key == ""  # never linked on a fuzzy name


def test_load_leaves_an_identifier_with_the_institution_holding_it(db, lists: Path) -> None:
    load(lists)
    Institution.objects.filter(directory_key="world:tum.de").update(erasmus_code="")
    holder = InstitutionFactory(
        name="TU Munich (typed in)", country="DE", erasmus_code="D MUNCHEN02",
        partnership=Institution.Partnership.ACTIVE,
    )  # fmt: skip
    summary = load(lists)
    assert Institution.objects.get(directory_key="world:tum.de").erasmus_code == ""
    holder.refresh_from_db()
    assert (holder.erasmus_code, holder.directory_key) == ("D MUNCHEN02", "")
    assert any("D MUNCHEN02 is held by" in s.reason for s in summary.skipped)


def test_load_moves_identifiers_between_directory_rows(db, lists: Path, tmp_path: Path) -> None:
    load(lists)
    # The next edition of the ECHE list swaps two PICs: each is let go of before it is taken.
    rows = [list(row) for row in ECHE_ROWS]
    rows[0][2], rows[1][2] = rows[1][2], rows[0][2]
    summary = load(write_lists(tmp_path / "next", eche_rows=rows))
    assert summary.updated == 2
    assert Institution.objects.get(directory_key="world:tum.de").pic == "912345678"
    assert Institution.objects.get(directory_key="world:odu.edu.tr").pic == "999977463"


def test_command_prints_the_summary_and_writes_the_review_files(
    db, lists: Path, tmp_path: Path, settings
) -> None:
    out = StringIO()
    ambiguous = tmp_path / "review" / "ambiguous.csv"
    call_command("load_directory", "--from", str(lists), "--ambiguous-file", str(ambiguous),
                 stdout=out)  # fmt: skip
    text = out.getvalue()
    assert "Loaded: world list 20, ECHE list 7, QS ranking 17" in text
    assert "Matched: world-eche 2, world-qs 7" in text
    assert "Institutions: 33 created, 0 updated, 0 unchanged" in text
    assert "QS 2027 ranking entries: 17 created" in text
    assert f"for review in {ambiguous}" in text
    assert "eche row 9: 'Nowhere Academy': unknown country code 'QQ'" in text
    with ambiguous.open(encoding="utf-8") as handle:
        rows = {row["record"]: row for row in csv.DictReader(handle)}
    assert {rows["qs:9"]["candidate_1"], rows["qs:9"]["candidate_2"]} == {
        "world:admu.edu.ph", "world:ateneo.edu"
    }  # fmt: skip
    assert float(rows["qs:3"]["candidate_1_score"]) > 90
    skipped = (settings.VAR_DIR / "directory" / "skipped.csv").read_text(encoding="utf-8")
    assert len(skipped.splitlines()) == 1 + 7
    out = StringIO()
    call_command("load_directory", "--from", str(lists), stdout=out)
    assert "Institutions: 0 created, 0 updated, 33 unchanged" in out.getvalue()
    assert (settings.VAR_DIR / "directory" / "ambiguous.csv").is_file()


def test_command_reads_the_eche_workbook_and_the_qs_year_of_the_file_name(
    db, tmp_path: Path
) -> None:
    folder = write_lists(
        tmp_path / "lists", eche_format="xlsx", qs_file="qs_world_university_rankings_2026.csv"
    )
    call_command("load_directory", "--from", str(folder), stdout=StringIO())
    assert RankingEntry.objects.filter(year=2026).count() == 17
    assert Institution.objects.get(pic="999977463").erasmus_code == "D MUNCHEN02"


def test_command_names_a_missing_or_unreadable_file(db, lists: Path) -> None:
    with pytest.raises(CommandError, match=r"qs_world_university_rankings_2025\.csv: file not"):
        call_command("load_directory", "--from", str(lists), "--year", "2025")
    (lists / WORLD_FILE).write_text("<html>Not found</html>", encoding="utf-8")
    with pytest.raises(CommandError, match=rf"{WORLD_FILE}: cannot be read"):
        call_command("load_directory", "--from", str(lists))
    (lists / QS_FILE).unlink()
    with pytest.raises(CommandError, match=r"qs_world_university_rankings_\*\.csv: file not"):
        call_command("load_directory", "--from", str(lists))
    assert not Institution.objects.exists()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


@pytest.fixture
def web(tmp_path: Path, monkeypatch):
    """A local web server on 127.0.0.1 serving ``tmp_path/served``: (folder, base URL)."""
    for name in ("no_proxy", "NO_PROXY"):  # a proxy configured on the machine is not for us
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    folder = tmp_path / "served"
    folder.mkdir()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_download_fetches_the_lists_over_http(tmp_path: Path, web) -> None:
    served, base = web
    write_lists(served)
    sources = {WORLD_FILE: f"{base}/{WORLD_FILE}", QS_FILE: f"{base}/{QS_FILE}", ECHE_FILE: None}
    paths = directory_download(target=tmp_path / "got", sources=sources)
    assert set(paths) == {WORLD_FILE, QS_FILE}  # the unset ECHE source is left out
    assert paths[WORLD_FILE].read_bytes() == (served / WORLD_FILE).read_bytes()
    assert sorted(p.name for p in (tmp_path / "got").iterdir()) == [QS_FILE, WORLD_FILE]
    missing = f"{base}/missing.json"
    with pytest.raises(DirectoryFileError, match=rf"{missing}: download failed \(HTTP Error 404"):
        directory_download(target=tmp_path / "got", sources={"missing.json": missing})
    assert not list((tmp_path / "got").glob(".*"))  # no partial file left behind


def test_command_downloads_into_var_without_from(db, web, settings) -> None:
    served, base = web
    write_lists(served)
    settings.HAMKOR_DIRECTORY_SOURCES = {
        WORLD_FILE: f"{base}/{WORLD_FILE}", QS_FILE: f"{base}/{QS_FILE}", ECHE_FILE: None,
    }  # fmt: skip
    out, err = StringIO(), StringIO()
    call_command("load_directory", stdout=out, stderr=err)
    assert "The ECHE list is not downloaded: its address is not set" in err.getvalue()
    assert "Loaded: world list 20, ECHE list 0, QS ranking 17" in out.getvalue()
    assert (settings.VAR_DIR / "directory" / WORLD_FILE).is_file()
    assert Institution.objects.get(directory_key="world:nuu.uz").erasmus_code == ""
    # With its address set, the ECHE list just downloaded is read, not an older file.
    write_lists(served, eche_format="xlsx")
    (settings.VAR_DIR / "directory" / "eche_accredited_heis_2099.csv").write_text("junk")
    settings.HAMKOR_DIRECTORY_SOURCES[ECHE_FILE] = f"{base}/{ECHE_CSV.replace('.csv', '.xlsx')}"
    out = StringIO()
    call_command("load_directory", stdout=out, stderr=StringIO())
    assert "Loaded: world list 20, ECHE list 7, QS ranking 17" in out.getvalue()
    assert Institution.objects.get(directory_key="world:tum.de").erasmus_code == "D MUNCHEN02"
    settings.HAMKOR_DIRECTORY_SOURCES = {WORLD_FILE: f"{base}/gone.json"}
    with pytest.raises(CommandError, match=rf"{base}/gone\.json: download failed"):
        call_command("load_directory", stdout=StringIO(), stderr=StringIO())


def test_load_of_the_real_lists(db) -> None:
    data = shared_data_dir()
    if data is None:
        pytest.skip("shared data not present: ../shared/data")
    out = StringIO()
    started = time.perf_counter()
    call_command("load_directory", "--from", str(data), stdout=out)
    first = time.perf_counter() - started
    started = time.perf_counter()
    call_command("load_directory", "--from", str(data), stdout=out)
    again = time.perf_counter() - started
    print(f"\n{out.getvalue()}\nfirst load {first:.1f} s, re-run {again:.1f} s")
    assert Institution.objects.count() > 10_000
    assert RankingEntry.objects.filter(ranking="qs_world", year=2027).count() > 1_000
    nuu = Institution.objects.get(
        country="UZ", name_en="National University of Uzbekistan named after Mirzo Ulugbek"
    )
    assert (qs_rank(nuu).rank, qs_rank(nuu).rank_low, qs_rank(nuu).rank_high) == (
        "801-850", 801, 850
    )  # fmt: skip
    tum = Institution.objects.get(erasmus_code="D MUNCHEN02")
    assert "tum.de" in tum.email_domains.split()
    assert Institution.objects.exclude(latitude=None).count() > 5_000
    assert "Institutions: 0 created, 0 updated" in out.getvalue()
