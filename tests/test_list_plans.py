"""No staff list reads a large table from end to end on PostgreSQL (decision 0025).

For each list page, the query of its first page as the view builds it (default order, each
sortable column, each filter with a valid value, a search) is explained with
``enable_seqscan`` off: the planner then takes an index wherever one can serve the query,
whatever the table's size, and a ``Seq Scan`` that remains on a large table means no index
can. The plans' roots are printed (``-s``) for the report. History pages are checked alike.
"""

from __future__ import annotations

import json

import pytest
from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.test import RequestFactory
from django_tables2 import RequestConfig

from hamkor.core.testing.listviews import list_views, sort_fields
from tests.test_list_indexes import COMPUTED, LONG_TEXT

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="EXPLAIN and enable_seqscan are PostgreSQL's; SQLite plans are not checked",
)

# Tables that grow with the installation's age and size: a sequential scan of one of them
# is what a list must never need. History tables (``*_historical*``) count too.
LARGE_TABLES = {
    "partners_institution",
    "partners_rankingentry",
    "partners_contact",
    "partners_interaction",
    "agreements_agreement",
    "agreements_agreementparty",
    "mobility_person",
    "mobility_mobility",
    "events_event",
    "events_participant",
    "events_publication",
    "grants_project",
    "grants_receipt",
    "grants_expense",
    "grants_exchangerate",
    "students_foreignstudent",
    "students_studentrequest",
    "calls_application",
    "accounts_user",
    "website_inquiry",
    "website_booking",
    "core_outboxmessage",
    "core_document",
    "core_documentversion",
    "security_securityevent",
}

VIEWS = list_views()


def _is_large(table: str) -> bool:
    return table in LARGE_TABLES or "_historical" in table


def _value(name: str, field: forms.Field):
    """A valid value for the filter form's field, or None when there is none to give."""
    if isinstance(field, forms.ModelChoiceField):
        row = field.queryset.first()
        return None if row is None else row.pk
    if isinstance(field, forms.NullBooleanField | forms.BooleanField):
        return "true"
    if isinstance(field, forms.ChoiceField):
        values = []
        for value, label in field.choices:  # an option group holds its own choices
            values += [v for v, _ in label] if isinstance(label, list | tuple) else [value]
        values = [value for value in values if value not in ("", None)]
        return values[0] if values else None
    if isinstance(field, forms.DateTimeField):
        return "2024-06-01T00:00:00+00:00"
    if isinstance(field, forms.DateField):
        return "2024-06-01"
    if isinstance(field, forms.IntegerField | forms.DecimalField):
        return 2024 if "year" in name else 30
    if name == "address":
        return "192.0.2.1"
    return "tashkent"


def _queryset(view, user, params: dict):
    """The first page's queryset, built as ``ObjectListView.get`` builds it."""
    request = RequestFactory().get("/", params)
    request.user = user
    instance = view.view_class()
    instance.setup(request)
    filterset = view.view_class.filterset_class(
        request.GET or None, queryset=instance.get_queryset(), request=request
    )
    assert not filterset.is_bound or filterset.is_valid(), (params, filterset.errors)
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    table = view.view_class.table_class(queryset, request=request)
    RequestConfig(request, paginate=False).configure(table)
    return table.data.data[:25]


def _nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", ()):
        yield from _nodes(child)


def _plan(cursor) -> dict:
    value = cursor.fetchone()[0]
    value = json.loads(value) if isinstance(value, str) else value
    return value[0]["Plan"]


def _root(plan: dict) -> str:
    relation = plan.get("Relation Name") or plan.get("Index Name") or ""
    return f"{plan['Node Type']} {relation}".strip()


def _check(label: str, queryset, report: list[str]) -> list[str]:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. "QS top N" before any QS edition is loaded: no query runs
        report.append(f"{label}: no query (nothing can match)")
        return []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = _plan(cursor)
    scans = sorted(
        {
            node["Relation Name"]
            for node in _nodes(plan)
            if node["Node Type"] == "Seq Scan" and _is_large(node["Relation Name"])
        }
    )
    report.append(
        f"{label}: {_root(plan)}; index scans "
        + ", ".join(sorted({node["Index Name"] for node in _nodes(plan) if "Index Name" in node}))
    )
    return [f"{label}: Seq Scan on {', '.join(scans)}"] if scans else []


def _cases(view):
    """(label, query parameters): default order, each sort both ways, each filter, a search."""
    yield "default order", {}
    for name in sort_fields(view):
        if (view.label, name) in LONG_TEXT | COMPUTED.keys():
            continue  # declared: no index can hold it, or there is no column to index
        yield f"sort {name}", {"sort": name}
        yield f"sort -{name}", {"sort": f"-{name}"}
    form = view.view_class.filterset_class(request=None).form
    for name, field in form.fields.items():
        if name == "q":
            continue
        value = _value(name, field)
        if value is not None:
            yield f"filter {name}={value}", {name: value}
    yield "search", {"q": "Tashkent"}


@pytest.fixture
def rows(home, faculty_a):
    """A row in the tables the filters choose from (partners, agreements, units)."""
    from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
    from hamkor.mobility.tests.test_services import MobilityFactory

    partner = PartnerFactory(name="Tashkent State University")
    agreement = AgreementFactory(partners=[partner])
    MobilityFactory(receiving_institution=partner, agreement=agreement)


@pytest.mark.parametrize("view", VIEWS, ids=[view.path for view in VIEWS])
def test_a_list_query_reads_no_large_table_end_to_end(view, rows, officer, admin, capsys):
    opts = view.model._meta
    user = officer if officer.has_perm(f"{opts.app_label}.view_{opts.model_name}") else admin
    report, failures = [], []
    for label, params in _cases(view):
        failures += _check(label, _queryset(view, user, params), report)
    with capsys.disabled():
        print(f"\n{view.path} ({view.label})\n  " + "\n  ".join(report))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "label",
    sorted({view.label for view in VIEWS if hasattr(view.model, "history")}),
)
def test_a_history_page_reads_its_record_by_index(label, home):
    from django.apps import apps

    model = apps.get_model(label)
    history = model.history.filter(id=1).order_by("-history_date", "-history_id")
    report = []
    failures = _check(f"{label} history", history, report)
    assert not failures, "\n".join(failures)
