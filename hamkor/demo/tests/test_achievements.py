"""The demo data reads like the department page's "Achievements", through the command that
scripts and checks use (issue #9, point 6)."""

from __future__ import annotations

import io
import json

from django.core.management import call_command
from django.utils import timezone

# The thirteen countries the seed page names.
SEED_COUNTRIES = {"RU", "TR", "BY", "KZ", "KG", "CZ", "KR", "GB", "NL", "CN", "BE", "AZ", "ID"}


def achievements(*period: str) -> dict:
    out = io.StringIO()
    today = timezone.localdate().isoformat()
    call_command("achievements", "--json", "--on", today, *period, stdout=out)
    return json.loads(out.getvalue())


def test_the_demo_reaches_the_seed_pages_achievements(demo):
    years = achievements("--from", "2022-01-01", "--to", "2025-12-31")
    assert years["agreements_signed"] > 50
    assert set(years["agreement_countries"]) >= SEED_COUNTRIES
    assert years["students_abroad_certified"] > 500
    assert years["professors_taught_qs1000"] > 60
    assert years["professors_interned_qs1000"] == 114
    assert years["teachers_uk_europe"] > 20
    assert years["visiting_professors"] == 156
    assert years["professors_conferences_abroad"] > 70
    assert years["webinars_with_partners"] > 60
    assert years["partner_universities_active"] > 40
    grants = achievements("--from", "2022-01-01", "--to", "2024-12-31")
    assert grants["grant_projects"] > 10
    assert grants["grant_income_usd"] >= 200000
