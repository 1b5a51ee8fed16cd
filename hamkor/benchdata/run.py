"""The steps of ``hamkor bench-data``, in their order, and the table of counts it prints."""

from __future__ import annotations

import time
from importlib import import_module

from django.apps import apps
from django.db import connection

from hamkor.benchdata.base import Plan

# Each is a module of this package with ``load(plan) -> rows added``; later steps read what
# earlier ones left in ``plan.shared`` (the partners, the agreements, the people, the projects).
STEPS = (
    "partners",
    "agreements",
    "people",
    "grants",
    "mobility",
    "events",
    "students",
    "calls",
)
# The tables whose rows the summary counts, in the steps' order.
COUNTED = (
    "partners.Institution",
    "partners.RankingEntry",
    "agreements.Agreement",
    "agreements.AgreementParty",
    "agreements.MobilityQuota",
    "mobility.Person",
    "mobility.Mobility",
    "grants.Project",
    "grants.ProjectPartner",
    "grants.Receipt",
    "grants.Expense",
    "grants.ReportingDeadline",
    "events.Event",
    "events.Participant",
    "students.ForeignStudent",
    "students.FeePayment",
    "students.StudentRequest",
    "calls.Call",
    "calls.Place",
    "calls.Criterion",
    "calls.Application",
    "calls.Preference",
    "accounts.User",
)


def generate(plan: Plan) -> None:
    for step in STEPS:
        started = time.monotonic()
        added = import_module(f"hamkor.benchdata.{step}").load(plan)
        plan.out(f"{step}: {added:,} added ({time.monotonic() - started:.1f} s)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def counts() -> list[tuple[str, int]]:
    """Rows per table of the generated apps (generated or not): what the database now holds."""
    return [
        (apps.get_model(label)._meta.db_table, apps.get_model(label).objects.count())
        for label in COUNTED
    ]
