"""Tests of the world-directory readers and matcher (pure Python: no database, no settings).

Small sample files in the three real formats are written to ``tmp_path``; one test runs on the
real files in ``shared/data`` when they are present.
Run: ``.venv/bin/python -m pytest hamkor/partners/tests/test_directory.py -p no:django -q``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook

from hamkor.partners.directory import (
    DirectoryEntry,
    MatchResult,
    SkippedRow,
    city_coordinates,
    country_code,
    match_files,
    normalise_name,
    parse_rank,
    read_eche,
    read_qs,
    read_world_list,
    website_host,
)

ECHE_HEADER = [
    "Proposal number", "Erasmus Code", "PIC", "OID", "Legal Name", "Street", "Post Cd", "City",
    "Country Cd", "Website Url", "Erasmus Eche Start", "Erasmus Eche End",
]  # fmt: skip
QS_HEADER = [
    "", "2027_rank", "previous_year_rank", "institution_name", "country/territory", "region",
    "size", "focus", "research", "status", "ar_score", "ar_rank", "er_score", "er_rank",
    "fsr_score", "fsr_rank", "cpf_score", "cpf_rank", "ifr_score", "ifr_rank", "isr_score",
    "isr_rank", "irn_score", "irn_rank", "eo_score", "eo_rank", "sus_score", "sus_rank",
    "overall_score", "city", "2027_rank_numeric", "previous_year_rank_numeric", "rank_difference",
    "2027_rank_status", "overall_score_numeric",
]  # fmt: skip


def world(name: str, code: str, *domains: str, state: str | None = None) -> dict:
    """One object of world_universities_and_domains.json."""
    pages = [f"https://www.{domains[0]}/"] if domains else []
    return {"name": name, "domains": list(domains), "web_pages": pages, "country": "x",
            "alpha_two_code": code, "state-province": state}  # fmt: skip


def eche(code: str, pic: str, name: str, city: str, country: str, url: str) -> list:
    """One ECHE row (dates as the spreadsheet holds them)."""
    start, end = dt.datetime(2021, 1, 1), dt.datetime(2029, 12, 31)
    return ["101000000", code, pic, f"E{pic}", name, "Street 1", "1000", city, country, url,
            start, end]  # fmt: skip


def qs(index: int, rank: str, name: str, country: str, city: str, score: str = "None") -> dict:
    """One row of the QS CSV with the columns the reader uses filled in."""
    return {"": str(index), "2027_rank": rank, "institution_name": name,
            "country/territory": country, "city": city, "overall_score": score}  # fmt: skip


WORLD_ROWS = [
    world("Technische Universität München", "DE", "tum.de", "mytum.de"),
    world("Ordu University", "TR", "odu.edu.tr"),
    world("Académie d'Aix-Marseille", "FR", "ac-aix-marseille.fr"),
    world("Oʻzbekiston Davlat Jahon Tillari Universiteti", "UZ", "uzswlu.uz"),
    world("National University of Uzbekistan", "UZ", "nuu.uz"),
    world("Kokand State Pedagogical Institute", "UZ", "qdpi.uz"),
    world("Sumgait State University", "AZ", "sdu.edu.az"),
    world("Sumqayit State University", "AZ", "sumqayit.edu.az"),
    world("Henan Univeristy", "CN", "henu.edu.cn"),
    world("Universiteit Gent", "BE", "ugent.be"),
    world("Lingnan University", "HK", "ln.edu.hk"),
    world("Northern Illinois University", "US", "niu.edu", state="Illinois"),
    world("Université Paris 8", "FR", "univ-paris8.fr"),
    world("Ateneo de Manila University", "PH", "admu.edu.ph"),
    world("Ateneo de Manila University", "PH", "ateneo.edu"),
    world("University of Bath", "GB", "bath.ac.uk"),
    world("University of Bath", "GB", "bath.edu"),
    world("Rutgers University", "US", "rutgers.edu"),
    world("University of Georgia", "US", "uga.edu"),
    world("Near East University", "CY", "neu.edu.tr"),
    world("", "DE", "nameless.de"),
    world("Atlantis College", "ZZ", "atlantis.zz"),
]
TUM = "http://www.tum.de "  # with the trailing space of the real list
ECHE_ROWS = [
    eche("D  MUNCHEN02", "999977463", "TECHNISCHE UNIVERSITAET MUENCHEN", "MUENCHEN", "DE", TUM),
    eche("TR ORDU01", "912345678", "Ordu Üniversitesi", "ORDU", "TR", "erasmus.odu.edu.tr"),
    eche(
        "F  MARSEIL99",
        "923456789",
        "Lycée Marie Curie",
        "MARSEILLE",
        "FR",
        "lyc-curie.ac-aix-marseille.fr",
    ),
    eche("PL KRAKOW01", "999975908", "UNIWERSYTET JAGIELLONSKI", "KRAKOW", "PL", "www.uj.edu.pl"),
    eche("D\xa0 AUGSBUR02", "934567890", "Hochschule Augsburg", "Augsburg", "DE", ""),
    eche("TR NICOSIA9", "945678901", "YAKIN DOGU UNIVERSITESI", "LEFKOSA", "TR", "www.neu.edu.tr"),
    eche(
        "EL ATHINE01",
        "999887766",
        "ETHNIKO KAI KAPODISTRIAKO PANEPISTIMIO ATHINON",
        "ATHINA",
        "EL",
        "https://www.uoa.gr/",
    ),
    eche("QQ NOWHERE1", "956789012", "Nowhere Academy", "Nowhere", "QQ", "www.nowhere.qq"),
    eche("D  EMPTY01", "967890123", "", "Berlin", "DE", "www.empty.de"),
]
QS_ROWS = [
    qs(
        0,
        "801-850",
        "National University of Uzbekistan named after Mirzo Ulugbek",
        "Uzbekistan",
        "Tashkent",
    ),
    qs(1, "1401+", "O'zbekiston Davlat Jahon Tillari Universiteti", "Uzbekistan", "Tashkent"),
    qs(2, "1001-1200", "Kokand State University", "Uzbekistan", "Kokand"),
    qs(3, "1201-1400", "Sumgayit State University", "Azerbaijan", "Sumgayit"),
    qs(4, "2", "Ghent University", "Belgium", "Ghent", "99.2"),
    qs(5, "294", "Jagiellonian University", "Poland", "Krakow", "40.1"),
    qs(6, "951-1000", "Lingnan University, Hong Kong", "Hong Kong SAR, China", "Hong Kong"),
    qs(7, "1001-1200", "Southern Illinois University", "United States of America", "Carbondale"),
    qs(8, "1401+", "Université Paris 1 Panthéon-Sorbonne", "France", "Paris"),
    qs(9, "701-710", "Ateneo de Manila University", "Philippines", "Quezon City"),
    qs(10, "150", "University of Bath", "United Kingdom", "Bath", "60.5"),
    qs(11, "1201-1400", "Henan University", "China (Mainland)", "Kaifeng"),
    qs(12, "314", "Rutgers University–New Brunswick", "United States of America", "New Brunswick"),
    qs(13, "801-850", "Rutgers University–Newark", "United States of America", "Newark"),
    qs(14, "1001-1200", "University of Georgia", "Georgia", "Tbilisi"),
    qs(15, "551", "Near East University", "Northern Cyprus", "Lefkosa"),
    qs(16, "43=", "Technical University of Munich", "Germany", "Munich", "84.5"),
    qs(17, "1201-1400", "Atlantis University", "Atlantis", "Poseidonia"),
    qs(18, "n/a", "Unranked Institute", "Germany", "Berlin"),
    qs(19, "1401+", "", "Germany", "Berlin"),
]


@pytest.fixture(autouse=True)
def _settings_for_tests() -> None:
    """Shadows the project's autouse fixture of Django settings: these tests need none, and
    they run with ``-p no:django`` (no ``settings`` fixture)."""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """The sample lists in the real formats: JSON, ECHE as CSV and as XLSX, QS as CSV."""
    paths = {name: tmp_path / name for name in ("world.json", "eche.csv", "eche.xlsx", "qs.csv")}
    paths["world.json"].write_text(json.dumps(WORLD_ROWS, ensure_ascii=False), encoding="utf-8")
    with paths["eche.csv"].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(ECHE_HEADER)
        for row in ECHE_ROWS:
            writer.writerow(
                [v.date().isoformat() if isinstance(v, dt.datetime) else v for v in row]
            )
    book = Workbook()
    sheet = book.active
    sheet.title = "Report 2"
    for column, title in enumerate(ECHE_HEADER, start=1):  # row 1 stays blank, as in the file
        sheet.cell(row=2, column=column, value=title)
    for row in ECHE_ROWS:
        sheet.append(row)
    book.save(paths["eche.xlsx"])
    with paths["qs.csv"].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=QS_HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(QS_ROWS)
    return paths


@pytest.fixture
def result(files: dict[str, Path]) -> MatchResult:
    return match_files(files["world.json"], files["eche.csv"], files["qs.csv"])


def entry_of(result: MatchResult, record_id: str) -> DirectoryEntry:
    return next(e for e in result.entries if record_id in e.record_ids)


def test_domain_match_merges_eche_into_world_entry(result: MatchResult) -> None:
    tum = entry_of(result, "eche:D  MUNCHEN02")
    assert tum.record_ids == ["world:tum.de", "eche:D  MUNCHEN02"]
    assert tum.matched_by["eche:D  MUNCHEN02"] == "domain"
    assert (tum.name, tum.legal_name) == ("Technische Universität München",
                                          "TECHNISCHE UNIVERSITAET MUENCHEN")  # fmt: skip
    assert (tum.erasmus_code, tum.pic, tum.country) == ("D  MUNCHEN02", "999977463", "DE")
    assert tum.email_domains == ["tum.de", "mytum.de"]
    assert tum.website == "https://www.tum.de/"
    # A website on a subdomain joins its university, but not a host such as an academy's.
    assert entry_of(result, "eche:TR ORDU01").matched_by["eche:TR ORDU01"] == "subdomain"
    assert entry_of(result, "eche:F  MARSEIL99").sources == ["eche"]


def test_name_match_ignores_accents_and_uzbek_apostrophes(result: MatchResult) -> None:
    variants = ["Oʻzbekiston", "O‘zbekiston", "O’zbekiston", "O'zbekiston", "O`zbekiston"]
    assert {normalise_name(v) for v in variants} == {"ozbekiston"}
    assert normalise_name("The University of Ljubljana") == "university ljubljana"
    assert normalise_name("Universität Wien") == normalise_name("UNIVERSITAT WIEN")
    assert normalise_name("Univ. of Tartu") == normalise_name("Université de Tartu")
    assert normalise_name("Università dell'Aquila") == "university aquila"
    entry = entry_of(result, "qs:1")
    assert entry.record_ids == ["world:uzswlu.uz", "qs:1"]
    assert entry.matched_by["qs:1"] == "name"
    nuu = entry_of(result, "qs:0")  # "... named after Mirzo Ulugbek" is an honorific tail
    assert (nuu.key, nuu.country, nuu.english_name) == (
        "world:nuu.uz", "UZ", "National University of Uzbekistan named after Mirzo Ulugbek"
    )  # fmt: skip
    assert (nuu.rankings[0].rank_text, nuu.rankings[0].rank_low) == ("801-850", 801)


def test_fuzzy_match_links_spelling_variants(result: MatchResult) -> None:
    for record_id, key in [
        ("qs:11", "world:henu.edu.cn"),  # Henan University / Henan Univeristy
        ("qs:4", "world:ugent.be"),  # Ghent University / Universiteit Gent
        ("qs:6", "world:ln.edu.hk"),  # ", Hong Kong" is the record's city
    ]:
        entry = entry_of(result, record_id)
        assert entry.key == key
        assert entry.matched_by[record_id].startswith("fuzzy ")
    jagiellonian = entry_of(result, "qs:5")  # via the ECHE name UNIWERSYTET JAGIELLONSKI
    assert jagiellonian.sources == ["eche", "qs"]
    assert jagiellonian.rankings[0].overall_score == 40.1


def test_similar_but_different_institutions_stay_apart(result: MatchResult) -> None:
    for record_id in ("qs:2", "qs:7", "qs:8", "qs:16"):  # Kokand, Southern Illinois, Paris 1, TUM
        assert entry_of(result, record_id).sources == ["qs"]


def test_ambiguous_candidates_are_reported_not_guessed(result: MatchResult) -> None:
    ambiguous = {a.record_id: a for a in result.ambiguous}
    ateneo = ambiguous["qs:9"]  # two world records, no shared domain label
    assert ateneo.method == "name"
    assert {c.key for c in ateneo.candidates} == {"world:admu.edu.ph", "world:ateneo.edu"}
    sumgayit = ambiguous["qs:3"]  # Sumgait or Sumqayit: two transliterations, equally close
    assert sumgayit.method == "fuzzy"
    assert {c.key for c in sumgayit.candidates} == {"world:sdu.edu.az", "world:sumqayit.edu.az"}
    assert abs(sumgayit.candidates[0].score - sumgayit.candidates[1].score) < 3
    # Two campuses claim one world entry by fuzzy name: neither gets it.
    assert ambiguous["qs:12"].method == ambiguous["qs:13"].method == "conflict"
    assert ambiguous["qs:12"].note == "also claimed by qs:13"
    assert entry_of(result, "world:rutgers.edu").sources == ["world"]
    for record_id in ("qs:3", "qs:9", "qs:12", "qs:13"):
        assert entry_of(result, record_id).sources == ["qs"]
    # Same-named world twins whose domains share a label are one institution.
    bath = entry_of(result, "qs:10")
    assert bath.record_ids == ["world:bath.ac.uk", "world:bath.edu", "qs:10"]
    assert bath.matched_by["world:bath.edu"] == "duplicate"


def test_different_countries_are_never_merged(result: MatchResult) -> None:
    assert entry_of(result, "qs:14").sources == ["qs"]  # University of Georgia, GE
    assert entry_of(result, "world:uga.edu").sources == ["world"]  # University of Georgia, US
    near_east = entry_of(result, "qs:15")  # QS "Northern Cyprus" is CY, as in the world list
    assert near_east.key == "world:neu.edu.tr"
    assert "eche:TR NICOSIA9" not in near_east.record_ids  # same website, but filed under TR
    for entry in result.entries:
        assert entry.country
    counts = result.counts
    assert counts.loaded == {"world": 20, "eche": 7, "qs": 17}
    assert counts.matched["world-qs"] == 7
    assert counts.unmatched["eche"] == 4


def test_rank_bands_and_countries_are_parsed() -> None:
    assert parse_rank("2") == (2, 2)
    assert parse_rank("801-850") == (801, 850)
    assert parse_rank("1401+") == (1401, None)
    assert parse_rank("43=") == parse_rank("=43") == (43, 43)
    assert parse_rank("") is parse_rank("n/a") is parse_rank("850-801") is None
    assert country_code("China (Mainland)") == "CN"
    assert country_code("Republic of Korea") == "KR"  # pycountry's fuzzy search says KP
    assert country_code("Türkiye") == "TR"
    assert country_code("Hong Kong SAR, China") == "HK"
    assert country_code("Northern Cyprus") == "CY"
    assert country_code("United States of America") == "US"
    assert country_code("EL") == "GR"
    assert country_code("XK") == "XK"
    assert country_code("Atlantis") is None
    assert website_host("http://www.fhv.at ") == "fhv.at"
    assert website_host("www. iesadaja.centros.educa.jcyl.es") == "iesadaja.centros.educa.jcyl.es"
    assert website_host("http//www.univ-perp.fr/en") == "univ-perp.fr"
    assert website_host("ce.0690046a@ac-lyon.fr") == ""


def test_qs_records_carry_rank_bands(files: dict[str, Path]) -> None:
    records = {r.record_id: r for r in read_qs(files["qs.csv"])}
    assert (records["qs:0"].qs_rank_text, records["qs:0"].qs_rank_low) == ("801-850", 801)
    assert records["qs:0"].qs_rank_high == 850
    assert (records["qs:1"].qs_rank_low, records["qs:1"].qs_rank_high) == (1401, None)
    assert (records["qs:4"].qs_rank_low, records["qs:4"].qs_rank_high) == (2, 2)
    assert records["qs:4"].qs_overall_score == 99.2
    assert records["qs:0"].qs_overall_score is None  # the literal "None" of banded rows
    assert (records["qs:16"].qs_rank_text, records["qs:16"].qs_rank_low) == ("43", 43)
    assert records["qs:6"].country == "HK"


def test_skipped_rows_have_reasons(files: dict[str, Path]) -> None:
    skipped: list[SkippedRow] = []
    assert len(list(read_world_list(files["world.json"], skipped=skipped))) == 20
    assert len(list(read_eche(files["eche.csv"], skipped=skipped))) == 7
    assert len(list(read_qs(files["qs.csv"], skipped=skipped))) == 17
    assert [(s.source, s.row, s.name, s.reason) for s in skipped] == [
        ("world", 21, "", "empty name"),
        ("world", 22, "Atlantis College", "unknown country code 'ZZ'"),
        ("eche", 9, "Nowhere Academy", "unknown country code 'QQ'"),
        ("eche", 10, "", "empty name"),
        ("qs", 19, "Atlantis University", "unknown country 'Atlantis'"),
        ("qs", 20, "Unranked Institute", "unparseable rank 'n/a'"),
        ("qs", 21, "", "empty name"),
    ]
    result = match_files(files["world.json"], files["eche.csv"], files["qs.csv"])
    assert result.skipped == skipped


def test_eche_xlsx_reads_like_csv(files: dict[str, Path]) -> None:
    from_csv = list(read_eche(files["eche.csv"]))
    skipped: list[SkippedRow] = []
    from_xlsx = list(read_eche(files["eche.xlsx"], skipped=skipped))
    assert [r.row for r in from_xlsx][:2] == [3, 4]  # under the blank row and the header
    assert [s.row for s in skipped] == [10, 11]
    for a, b in zip(from_csv, from_xlsx, strict=True):
        assert (a.record_id, a.name, a.pic, a.oid, a.domains) == (
            b.record_id, b.name, b.pic, b.oid, b.domains
        )  # fmt: skip
    augsburg = next(r for r in from_xlsx if r.pic == "934567890")
    assert augsburg.erasmus_code == "D  AUGSBUR02"  # NBSP → space, padding kept
    assert from_xlsx[0].domains == ["tum.de"] and from_xlsx[0].pic == "999977463"
    assert next(r for r in from_xlsx if r.pic == "999887766").country == "GR"


def test_city_coordinates() -> None:
    kokand = city_coordinates("Kokand", "UZ")
    assert kokand is not None and kokand == pytest.approx((40.53, 70.94), abs=0.05)
    assert city_coordinates("Qo‘qon", "UZ") == kokand
    assert city_coordinates("PRAHA 5", "CZ") == pytest.approx((50.09, 14.42), abs=0.05)
    assert city_coordinates("ATHINA", "EL") == pytest.approx((37.98, 23.73), abs=0.05)
    assert city_coordinates("Nowhere-upon-Nothing", "GB") is None
    assert city_coordinates("Paris", "Atlantis") is None


def shared_data_dir() -> Path:
    default = Path(__file__).resolve().parents[3].parent / "shared" / "data"
    return Path(os.environ.get("HAMKOR_DATA_DIR") or default)


def test_real_files() -> None:
    data = shared_data_dir()
    if not data.is_dir():
        pytest.skip("shared data not present: ../shared/data")
    world_path = data / "world_universities_and_domains.json"
    eche_path = data / "eche_accredited_heis_2021-2027_2026-04-08.csv"
    qs_path = data / "qs_world_university_rankings_2027.csv"
    started = time.perf_counter()
    result = match_files(world_path, eche_path, qs_path)
    seconds = time.perf_counter() - started
    counts = result.counts
    print(f"\nreal files: {counts}, ambiguous {len(result.ambiguous)} "
          f"{dict(Counter(a.method for a in result.ambiguous))}, skipped {len(result.skipped)}, "
          f"entries {len(result.entries)}, {seconds:.2f} s")  # fmt: skip
    assert counts.loaded == {"world": 10_251, "eche": 6_142, "qs": 1_504}
    assert counts.matched["world-qs"] >= 1_000
    assert counts.matched["world-eche"] >= 1_000
    records = {r.record_id: r for r in read_world_list(world_path)}
    records |= {r.record_id: r for r in read_eche(eche_path)}
    records |= {r.record_id: r for r in read_qs(qs_path)}
    for entry in result.entries:
        assert {records[i].country for i in entry.record_ids} == {entry.country}
        per_source = Counter(records[i].source for i in entry.record_ids)
        assert per_source["eche"] <= 1 and per_source["qs"] <= 1
    nuu_name = "National University of Uzbekistan named after Mirzo Ulugbek"
    nuu = next(e for e in result.entries if e.english_name == nuu_name)
    assert nuu.country == "UZ"
    assert (nuu.rankings[0].rank_text, nuu.rankings[0].rank_low, nuu.rankings[0].rank_high) == (
        "801-850", 801, 850
    )  # fmt: skip
    assert "nuu.uz" in nuu.email_domains
    tum = next(e for e in result.entries if e.erasmus_code == "D  MUNCHEN02")
    assert tum.matched_by["eche:D  MUNCHEN02"] == "domain"
    assert "tum.de" in tum.email_domains
    kokand = entry_of(result, "world:qdpi.uz")  # the list's only Kokand entry; not in QS
    assert kokand.sources == ["world"]
    started = time.perf_counter()
    from_xlsx = list(read_eche(data / "eche_accredited_heis_2021-2027_2026-04-08.xlsx"))
    print(f"ECHE xlsx read in {time.perf_counter() - started:.2f} s")
    assert [(r.record_id, r.name, r.pic) for r in from_xlsx] == [
        (r.record_id, r.name, r.pic) for r in read_eche(eche_path)
    ]
