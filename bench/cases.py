"""What bench/run measures: the key pages and API lists, with the SQL each needs.

A list has its raw SQL written by hand (``bench/rawsql.py``, "hand"); any other page is
compared with its own SELECT statements sent again through a cursor ("replay"): the ratio
then says how much the page adds to the database's work (ORM, forms, templates), not
whether its queries are the best ones (docs/decisions/0023-measuring-server-time.md).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bench import rawsql

LIKE = "%Karimov%"


@dataclass
class Case:
    name: str
    kind: str  # list, detail, api, report, public
    path: str
    params: dict = field(default_factory=dict)
    raw: list[tuple[str, list]] = field(default_factory=list)  # empty: replay
    cold: bool = False  # the cache cleared before each request


def cases() -> list[Case]:
    """Detail pages take the record with the most mobilities (or the latest one)."""
    from django.db.models import Count

    from hamkor.agreements.models import Agreement
    from hamkor.events.models import Event
    from hamkor.grants.models import Project
    from hamkor.mobility.models import Mobility, Person
    from hamkor.partners.models import Institution

    def busiest(queryset, relation):
        found = queryset.annotate(n=Count(relation)).order_by("-n", "pk").values("pk").first()
        return found["pk"] if found else None

    details = {
        "agreement": ("/staff/agreements/{}/", busiest(Agreement.objects, "mobilities")),
        "mobility": ("/staff/mobilities/{}/", Mobility.objects.order_by("-pk").values("pk")[:1]),
        "person": ("/staff/people/{}/", busiest(Person.objects, "mobilities")),
        "institution": (
            "/staff/institutions/{}/",
            busiest(Institution.objects.partners(), "mobilities_received"),
        ),
        "event": ("/staff/events/{}/", busiest(Event.objects, "participants")),
        "project": ("/staff/projects/{}/", Project.objects.order_by("-pk").values("pk")[:1]),
    }
    partners = "i.partnership <> 'none' AND NOT i.is_home"
    year = 2022
    found = [
        Case("partners", "list", "/staff/institutions/", raw=rawsql.institution_raw(partners, [])),
        Case(
            "partners search", "list", "/staff/institutions/", {"show": "all", "q": "Tashkent"},
            rawsql.institution_raw(rawsql.INSTITUTION_SEARCH, ["%Tashkent%"] * 7 + ["%tashkent%"]),
        ),
        Case("agreements", "list", "/staff/agreements/", raw=rawsql.agreement_raw()),
        Case(
            "agreements filtered", "list", "/staff/agreements/", {"status": "active"},
            rawsql.agreement_raw("a.status = 'active'"),
        ),
        Case(
            "agreements search", "list", "/staff/agreements/", {"q": "Exchange"},
            rawsql.agreement_raw(rawsql.AGREEMENT_SEARCH, rawsql.agreement_search("Exchange")),
        ),
        Case("mobilities", "list", "/staff/mobilities/", raw=rawsql.mobility_raw()),
        Case(
            "mobilities filtered", "list", "/staff/mobilities/",
            {"direction": "outgoing", "status": "completed", "academic_year": year},
            rawsql.mobility_raw(
                "m.direction = 'outgoing' AND m.status = 'completed' "
                "AND COALESCE(m.actual_start, m.planned_start) BETWEEN %s AND %s",
                [f"{year}-09-01", f"{year + 1}-08-31"],
            ),
        ),
        Case(
            "mobilities search", "list", "/staff/mobilities/", {"q": "Karimov"},
            rawsql.mobility_raw(rawsql.MOBILITY_SEARCH, rawsql.mobility_search("Karimov")),
        ),
        Case("people", "list", "/staff/people/", raw=rawsql.person_raw()),
        Case(
            "people filtered", "list", "/staff/people/", {"category": "student"},
            rawsql.person_raw("p.category = 'student'"),
        ),
        Case(
            "people search", "list", "/staff/people/", {"q": "Karimov"},
            rawsql.person_raw(rawsql.PERSON_SEARCH, [LIKE] * 5 + ["%karimov%", "Karimov"]),
        ),
        Case("events", "list", "/staff/events/", raw=rawsql.event_raw()),
        Case(
            "events filtered", "list", "/staff/events/", {"organisation": "ours"},
            rawsql.event_raw("e.organisation = 'ours'"),
        ),
        Case("events search", "list", "/staff/events/", {"q": "forum"}),
        Case("projects", "list", "/staff/projects/", raw=rawsql.project_raw()),
        Case(
            "projects filtered", "list", "/staff/projects/", {"status": "running"},
            rawsql.project_raw("g.status = 'running'"),
        ),
        Case("projects search", "list", "/staff/projects/", {"q": "Erasmus"}),
    ]  # fmt: skip
    for name, (pattern, pk) in details.items():
        pk = pk if isinstance(pk, int) or pk is None else next(iter(pk), {}).get("pk")
        if pk is not None:
            found.append(Case(f"{name} page", "detail", pattern.format(pk)))
    found += [
        Case("dashboard cold", "report", "/staff/reports/dashboard/", cold=True),
        Case("dashboard warm", "report", "/staff/reports/dashboard/"),
        Case("achievements cold", "report", "/staff/reports/achievements/", cold=True),
        Case("achievements warm", "report", "/staff/reports/achievements/"),
        Case("annual report page", "report", "/staff/reports/annual/"),
        Case("public home cold", "public", "/en/", cold=True),
        Case("public home warm", "public", "/en/"),
        Case("partner map cold", "public", "/en/partners/", cold=True),
        Case("partner map warm", "public", "/en/partners/"),
    ]
    for name in ("institutions", "agreements", "mobilities", "people", "events", "grant-projects"):
        found.append(Case(f"api {name}", "api", f"/api/v1/{name}/"))
    return found


def page_sql(case: Case, user) -> list[str]:
    """The SELECT statements the page sends, caught in this process (Django's test client,
    ``user`` logged in) to be sent again as its raw SQL. Writes are left out."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if case.kind != "public":
        client.force_login(user)
    headers = {"HTTP_ACCEPT": "application/json"} if case.kind == "api" else {}
    client.get(case.path, case.params, **headers)  # the state a repeated request meets
    if case.cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(case.path, case.params, **headers)
    statements = [query["sql"] for query in captured.captured_queries]
    return [sql for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def time_raw(raw: list[tuple[str, list]] | list[str], runs: int) -> list[float]:
    """Milliseconds of each run of the statements through one cursor, rows fetched."""
    from django.db import connection

    times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            start = time.perf_counter()
            for statement in raw:
                if isinstance(statement, str):
                    cursor.execute(statement)
                else:
                    cursor.execute(*statement)
                cursor.fetchall()
            times.append((time.perf_counter() - start) * 1000)
    return times
