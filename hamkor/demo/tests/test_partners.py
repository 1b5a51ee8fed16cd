"""Demo partners are the directory's rows when the world directory is loaded, and the
demo's summary counts what it says it counts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import shared_data_dir
from hamkor.demo import accounts, partners
from hamkor.demo.institutions import CITY_POINTS, DOMAINS, PARTNERS
from hamkor.partners.directory import city_coordinates, match_files
from hamkor.partners.directory.load import directory_load
from hamkor.partners.models import Institution, RankingEntry
from hamkor.partners.tests.factories import InstitutionFactory

# The partners the directory writes under another name, an alias in brackets or a domain.
RENAMED = ("KZ", "BY", "AZ", "MY", "KG", "CZ", "RU", "TR")


def load_demo_partners() -> str:
    out = io.StringIO()
    partners.load_home(out)
    accounts.load(out)
    partners.load(out)
    return out.getvalue()


def test_demo_partner_reuses_a_row_named_with_an_alias_in_brackets(db):
    directory_row = InstitutionFactory(
        name="Abai Kazakh National Pedagogical University (Abai University)",
        name_en="Abai Kazakh National Pedagogical University (Abai University)",
        country="KZ",
        directory_key="qs:abai",
    )

    load_demo_partners()

    abai = Institution.objects.filter(country="KZ", name_en__icontains="Abai")
    assert list(abai) == [directory_row]
    directory_row.refresh_from_db()
    assert directory_row.partnership == Institution.Partnership.ACTIVE


def test_demo_partner_reuses_a_row_found_by_its_web_domain(db):
    directory_row = InstitutionFactory(
        name="Karaganda State Buketov University",
        name_en="Karaganda State Buketov University",
        country="KZ",
        email_domains="ksu.kz",
    )

    load_demo_partners()

    assert not Institution.objects.filter(name_en="Buketov Karaganda National Research University")
    directory_row.refresh_from_db()
    assert directory_row.partnership == Institution.Partnership.ACTIVE


def test_demo_summary_counts_the_ranked_partners_not_every_ranking_entry(db):
    # A university of the directory ranked by QS that is not a demo partner.
    other = InstitutionFactory(name="Elsewhere University", country="FR")
    RankingEntry.objects.create(
        institution=other, ranking=RankingEntry.Ranking.QS_WORLD, year=2027, rank="99",
        rank_low=99, rank_high=99,
    )  # fmt: skip

    out = load_demo_partners()

    ranked = sum(1 for _name, _country, _city, rank in PARTNERS if rank)
    assert f"partner universities: {len(PARTNERS)}, of them ranked by QS 2027: {ranked}" in out


def test_demo_partners_reuse_the_rows_of_the_real_directory(db):
    data: Path | None = shared_data_dir()
    if data is None:
        pytest.skip("reference data absent: set HAMKOR_DATA_DIR to the shared data folder")
    result = match_files(
        data / "world_universities_and_domains.json",
        next(data.glob("eche_accredited_heis_*.csv")),
        data / "qs_world_university_rankings_2027.csv",
    )
    result.entries = [entry for entry in result.entries if entry.country in RENAMED]
    directory_load(result=result)

    load_demo_partners()

    created = set(
        Institution.objects.filter(directory_key="", is_home=False).values_list(
            "name_en", flat=True
        )
    )
    for name in (
        "Abai Kazakh National Pedagogical University",
        "L.N. Gumilyov Eurasian National University",
        "Auezov South Kazakhstan University",
        "South Ural State University",
        *DOMAINS,
    ):
        assert name not in created, f"{name}: a duplicate beside the directory's row; {created}"
    abai = Institution.objects.filter(country="KZ", partnership="active", name__icontains="Abai")
    assert abai.count() == 1


def test_demo_partners_are_named_in_the_page_language(db):
    from django.utils import translation

    load_demo_partners()
    kazan = Institution.objects.get(name_en="Kazan (Volga region) Federal University")

    assert kazan.name == "Kazan (Volga region) Federal University"  # the original kept
    with translation.override("ru"):
        assert str(kazan) == "Казанский (Приволжский) федеральный университет"
    with translation.override("uz"):
        assert str(kazan) == "Qozon (Volgaboʻyi) federal universiteti"
    with translation.override("uz-cyrl"):
        assert str(kazan) == "Қозон (Волгабўйи) федерал университети"
    with translation.override("en"):
        assert str(kazan) == "Kazan (Volga region) Federal University"


def test_the_demo_places_each_city_where_geonames_does():
    """The demo's written-down points are GeoNames' own: the map shows each partner in its
    city, as it would with the points looked up (decision 0016: the lookup's index costs
    seconds)."""
    cities = {(country, city) for _name, country, city, _rank in PARTNERS}
    assert set(CITY_POINTS) == cities
    for (country, city), point in CITY_POINTS.items():
        assert city_coordinates(city, country) == point, city
