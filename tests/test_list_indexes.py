"""An index for every filter and every sort a staff list offers (decision 0025).

For each list page (``hamkor.core.testing.listviews``), each filter of its FilterSet and each
sortable column of its table reads a column of the list's model first (the first hop of its
path). That column must be served by an index: primary key, unique, foreign key,
``db_index``, the leading column of ``Meta.indexes`` or of a unique constraint. The
exceptions are declared below, each with its reason; ``EXPLAIN`` on PostgreSQL
(``test_list_plans.py``) checks the same lists against the planner.
"""

from __future__ import annotations

import pytest

from hamkor.core.testing.listviews import (
    default_order,
    filter_fields,
    index_cover,
    list_views,
    sort_fields,
)

# Tables that stay small whatever the installation's age: a page or two of configuration or
# of rows added by hand now and then. An index would cost every write and serve no read.
SMALL_TABLES = {
    "accounts.OrgUnit": "the university's faculties and departments: tens of rows",
    "core.EmailTemplate": "one row per kind of e-mail the system sends",
    "website.ReceptionHours": "a row per weekday's reception hours",
    "website.Holiday": "a few days a year",
    "website.Page": "the site's pages: tens",
    "website.SiteImage": "pictures uploaded by hand for the site: hundreds",
    "website.NewsItem": "news written by hand: a few a month",
    "website.Opportunity": "opportunities written by hand: a few a month",
    "grants.Programme": "funding programmes: tens",
    "grants.BudgetHeading": "budget headings: tens",
    "reports.UniversityYear": "one row a year",
    "reports.Target": "a strategy's targets: a few a year",
    "webhooks.Webhook": "an administrator's subscriptions: a handful",
    "privacy.DataCategory": "the register of personal data: tens",
    "privacy.RetentionRun": "one run a day at most",
    "calls.Call": "calls for applications: about 50 a decade",
}

# Sorts by a value computed per row from another table (an annotation): there is no column
# to index; each row's value is read through the other table's foreign-key index.
COMPUTED = {
    ("partners.Institution", "qs_rank"): "best QS rank, from the ranking entries",
    ("partners.Institution", "agreements_count"): "number of agreements, from their parties",
    ("partners.Institution", "last_interaction"): "latest interaction's date",
    ("mobility.Person", "mobilities"): "number of mobilities",
    ("mobility.Mobility", "host_qs_rank"): "the host's QS rank, from the ranking entries",
    ("events.Event", "participants_count"): "number of participants",
}

# Yes/no columns: either answer is a large part of the table, which the planner reads
# through the list's ordering index rather than through an index of the column itself.
BOOLEANS = {
    ("accounts.User", "is_active"): "nearly every account is active",
    ("partners.Contact", "is_primary"): "one contact in a few is the primary one",
    ("partners.Interaction", "follow_up_done"): "read with follow_up_on, which is indexed",
    ("agreements.Agreement", "public"): "shown on the site: a share of the agreements",
    ("events.Event", "registration_open"): "a yes/no a share of the events has",
    ("calls.Application", "eligible"): "most applications are eligible",
}

# Free text that can outgrow a B-tree entry (PostgreSQL refuses a row whose indexed value
# exceeds 2,704 bytes): sorting by it is offered, and reads the table in order.
LONG_TEXT = {
    ("core.OutboxMessage", "recipients"): "any number of addresses",
    ("core.OutboxMessage", "subject"): "up to 998 characters, the e-mail limit",
    ("partners.Interaction", "summary"): "a text field without a limit",
}

# Filters whose ``method`` reads another column than their name: the column it reads first.
METHOD_FIELDS = {
    ("partners.Institution", "show"): "partnership",
    ("partners.Institution", "qs_top"): "rankings",
    ("partners.Institution", "qs_year"): "rankings",
    ("partners.Institution", "has_agreements"): "agreement_parties",
    ("partners.Interaction", "mine"): "owner",
    ("partners.Interaction", "follow_up_within"): "follow_up_on",
    ("agreements.Agreement", "valid_on"): "signed_on",
    ("agreements.Agreement", "expiring_within"): "valid_to",
    ("mobility.Mobility", "traveller_uploads_since"): "id",
    ("grants.Project", "funded"): "status",
    ("grants.Project", "active_on"): "starts_on",
    ("grants.Project", "report_due_within"): "id",
    ("students.ForeignStudent", "papers_ending"): "visa_valid_to",
    ("students.StudentRequest", "faculty"): "student",
}

VIEWS = list_views()


def _uncovered(view, kind: str, fields: dict[str, str]) -> list[str]:
    missing = []
    for name, field in fields.items():
        key = (view.label, name)
        if key in COMPUTED or key in BOOLEANS or key in LONG_TEXT:
            continue
        field = METHOD_FIELDS.get(key, field) if kind == "filter" else field
        if index_cover(view.model, field) is None:
            missing.append(f"{view.path}: {kind} {name!r} reads {view.label}.{field}")
    return missing


def test_every_list_page_is_walked():
    # The walk finds the generic list views; a URL configuration it cannot read finds none.
    labels = {view.label for view in VIEWS}
    assert {"partners.Institution", "mobility.Mobility", "calls.Application"} <= labels
    assert len(VIEWS) >= 35


@pytest.mark.parametrize("view", VIEWS, ids=[view.path for view in VIEWS])
def test_filters_and_sorts_have_an_index(view):
    if view.label in SMALL_TABLES:
        pytest.skip(f"{view.label}: {SMALL_TABLES[view.label]}")
    missing = _uncovered(view, "filter", filter_fields(view))
    missing += _uncovered(view, "sort", sort_fields(view))
    missing += _uncovered(view, "sort", {"(default order)": default_order(view)})
    assert not missing, "no index serves:\n" + "\n".join(missing)


def test_the_exceptions_name_what_exists():
    # An exception left behind by a removed filter or column hides nothing: it must name a
    # filter or sort that a list still offers, on a model a list shows.
    offered = set()
    for view in VIEWS:
        offered |= {(view.label, name) for name in filter_fields(view)}
        offered |= {(view.label, name) for name in sort_fields(view)}
    declared = (*COMPUTED, *BOOLEANS, *LONG_TEXT, *METHOD_FIELDS)
    stale = [key for key in declared if key not in offered]
    assert not stale
    assert set(SMALL_TABLES) <= {view.label for view in VIEWS}
