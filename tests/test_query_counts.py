"""The number of queries of every staff list, detail page and API list does not grow with the
data or the page size.

Each page is opened on the world's records (``tests/authorization_world.py``) by the first
persona who may open it (the officer when they may), then again after
``tests/query_growth.py`` has added many rows like the ones it shows: for a list, 30 copies of
the row it shows, each with copies of that row's own child rows and links, opened at the
largest page size instead of the smallest; for a detail page, 10 more of each kind of row the
record has (quotas, participants, documents...). The second count may not exceed the first,
and neither may exceed the page's bound in ``BOUNDS`` (``django_assert_max_num_queries``).

Which pages: every URL whose view is a generic list or detail view (``ObjectListView``,
``ObjectDetailView`` but not the history) or an API list (``GET`` → ``list``), found by walking
the URL patterns; a new one without a bound fails ``test_every_list_and_detail_has_a_bound``,
as a URL without a row fails the authorization matrix.
"""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS
from hamkor.core.views.generic import ObjectDetailView, ObjectListView
from hamkor.core.views.generic.details import ObjectHistoryView
from tests.authorization_records import kwargs_for
from tests.authorization_urls import MATRIX
from tests.query_growth import copies, more_children

LIST_COPIES = 30
DETAIL_COPIES = 10

# The most queries each page may make, with the world's records or many more. The figure
# includes the session, the user, their permissions and the navigation.
BOUNDS: dict[str, int] = {
    "accounts:orgunit_detail": 10,
    "accounts:orgunit_list": 9,
    "accounts:user_detail": 11,
    "accounts:user_list": 11,
    "agreements:agreement_detail": 19,
    "agreements:agreement_expiring": 15,
    "agreements:agreement_list": 15,
    "api:agreement-list": 12,
    "api:application-list": 8,
    "api:call-list": 9,
    "api:contact-list": 8,
    "api:criterion-list": 8,
    "api:event-list": 10,
    "api:exchangerate-list": 8,
    "api:expense-list": 8,
    "api:feepayment-list": 8,
    "api:foreignstudent-list": 8,
    "api:institution-list": 8,
    "api:mobility-list": 9,
    "api:mobilityquota-list": 8,
    "api:orgunit-list": 8,
    "api:myapplication-list": 10,  # before its growth (KNOWN_GROWTH)
    "api:participant-list": 8,
    "api:person-list": 8,
    "api:place-list": 8,
    "api:project-list": 10,
    "api:publication-list": 8,
    "api:receipt-list": 8,
    "api:studentrequest-list": 8,
    "api:user-list": 9,
    "calls:application_detail": 13,
    "calls:application_list": 10,
    "calls:call_detail": 12,
    "calls:call_list": 9,
    "core:emailtemplate_detail": 8,
    "core:emailtemplate_list": 9,
    "core:outboxmessage_detail": 10,
    "core:outboxmessage_list": 9,
    "events:event_detail": 12,
    "events:event_list": 9,
    "events:participant_detail": 9,
    "events:participant_list": 9,
    "events:publication_detail": 8,
    "events:publication_list": 9,
    "grants:budgetheading_detail": 8,
    "grants:budgetheading_list": 9,
    "grants:exchangerate_detail": 8,
    "grants:exchangerate_list": 10,
    "grants:expense_detail": 12,
    "grants:expense_list": 12,
    "grants:programme_detail": 9,
    "grants:programme_list": 9,
    "grants:project_detail": 18,
    "grants:project_grants": 9,
    "grants:project_list": 11,
    "grants:receipt_detail": 12,
    "grants:receipt_list": 11,
    "mobility:mobility_detail": 15,
    "mobility:mobility_list": 13,
    "mobility:person_detail": 15,
    "mobility:person_list": 11,
    "partners:contact_detail": 9,
    "partners:contact_list": 9,
    "partners:dormant": 9,
    "partners:institution_detail": 17,
    "partners:institution_list": 9,
    "partners:interaction_detail": 9,
    "partners:interaction_list": 10,
    "privacy:datacategory_detail": 8,
    "privacy:datacategory_list": 9,
    "privacy:retentionrun_detail": 9,
    "privacy:retentionrun_list": 9,
    "reports:target_detail": 13,
    "reports:target_list": 10,
    "reports:universityyear_detail": 14,
    "reports:universityyear_list": 9,
    "security:securityevent_list": 9,
    "students:foreignstudent_detail": 17,
    "students:foreignstudent_list": 11,
    "students:studentrequest_detail": 11,
    "students:studentrequest_list": 11,
    "webhooks:delivery_detail": 9,
    "webhooks:webhook_detail": 9,
    "webhooks:webhook_list": 9,
    "website:booking_detail": 8,
    "website:booking_list": 9,
    "website:departmentprofile_detail": 8,
    "website:holiday_detail": 8,
    "website:holiday_list": 9,
    "website:inquiry_detail": 8,
    "website:inquiry_list": 10,
    "website:newsitem_detail": 8,
    "website:newsitem_list": 9,
    "website:newsitem_preview": 9,
    "website:opportunity_detail": 8,
    "website:opportunity_list": 9,
    "website:opportunity_preview": 9,
    "website:page_detail": 9,
    "website:page_list": 9,
    "website:page_preview": 10,
    "website:receptionhours_detail": 8,
    "website:receptionhours_list": 9,
    "website:siteimage_detail": 9,
    "website:siteimage_list": 9,
}


def _patterns(resolver=None, namespace: str = ""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if not inner.startswith("admin:"):
                yield from _patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _kind(pattern) -> str | None:
    view = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
    if view is None:
        return None
    if issubclass(view, ObjectListView):
        return "list"
    if issubclass(view, ObjectDetailView) and not issubclass(view, ObjectHistoryView):
        return "detail"
    if (getattr(pattern.callback, "actions", None) or {}).get("get") == "list":
        return "api-list"
    return None


def measured_pages() -> dict[str, tuple[str, type]]:
    """``{url name: (kind, view class)}`` of every list, detail page and API list."""
    pages = {}
    for name, pattern in _patterns():
        kind = _kind(pattern)
        if kind is not None:
            view = getattr(pattern.callback, "view_class", None) or pattern.callback.cls
            pages[name] = (kind, view)
    return pages


PAGES = measured_pages()

# Pages of the kinds above that answer no GET (a form's POST behind a detail view).
NOT_MEASURED = {
    "privacy:consent_withdraw": "a POST only; its GET answers 405 to everyone",
    "webhooks:webhook_secret_rotate": "a POST only; its GET answers 405 or 403",
}


def _expiring_agreement(world) -> None:
    """The world's agreements are not near their end: one is made so, for the list of those
    expiring soon to show a row."""
    from django.utils import timezone

    from hamkor.agreements.models import Agreement

    Agreement.objects.filter(pk=world.objects["agreement"]).update(
        status="active", valid_to=timezone.localdate() + datetime.timedelta(days=30)
    )


# What a page needs of the world before it shows a row.
PREPARE = {"agreements:agreement_expiring": _expiring_agreement}


def test_every_list_and_detail_has_a_bound():
    missing = PAGES.keys() - BOUNDS.keys() - NOT_MEASURED.keys()
    assert not missing, f"Lists and detail pages without a query bound: {sorted(missing)}"
    stale = BOUNDS.keys() - PAGES.keys()
    assert not stale, f"Bounds for pages that no longer exist: {sorted(stale)}"


# Known defects, each to fix: the page's queries grow with its rows (strict: fixing it fails
# the test until the entry goes).
KNOWN_GROWTH = {
    "api:myapplication-list": "the applicant's API list checks each draft's missing items "
    "and eligibility with queries of their own (10 queries, 70 with 30 more applications)",
}

# Pages every persona opens but that list only the reader's own rows.
OWN_ROWS = {"api:myapplication-list": "applicant"}


def reader(name: str) -> str:
    """The persona who opens the page: the officer when they may, else the first who may;
    a page of one's own rows, by its owner."""
    if name in OWN_ROWS:
        return OWN_ROWS[name]
    allowed = [p for p, status in zip(PERSONAS, MATRIX[name], strict=True) if status == 200]
    assert allowed, f"{name}: nobody opens it"
    return "officer" if "officer" in allowed else allowed[0]


def _model(view):
    model = getattr(view, "model", None)
    if hasattr(model, "_meta"):
        return model
    return view.queryset.model


def _shown(kind: str, response) -> list:
    """The records of the rows the answer shows."""
    if kind == "api-list":
        data = response.json()  # paginated, or a plain list (an applicant's own applications)
        return [row["id"] for row in (data["results"] if isinstance(data, dict) else data)]
    return [row.record.pk for row in response.context["table"].page.object_list]


def _count(client, url, params, django_assert_max_num_queries, bound):
    with django_assert_max_num_queries(bound) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response, len(captured.captured_queries)


@pytest.mark.parametrize("name", sorted(PAGES.keys() - NOT_MEASURED.keys()))
def test_queries_do_not_grow_with_the_rows(
    name, in_world, client, django_assert_max_num_queries, request
):
    if name in KNOWN_GROWTH:
        request.applymarker(pytest.mark.xfail(strict=True, reason=KNOWN_GROWTH[name]))
    kind, view = PAGES[name]
    bound = BOUNDS.get(name, 1000)
    model = _model(view)
    url = reverse(name, kwargs=kwargs_for(name, in_world.objects))
    in_world.client_for(client, reader(name))
    if name in PREPARE:
        PREPARE[name](in_world)
    sizes = settings.HAMKOR_PAGE_SIZES
    small_page = {"per_page": sizes[0]} if kind == "list" else {}
    large_page = {"per_page": sizes[-1]} if kind == "list" else {}
    client.get(url, small_page)  # the session, the permissions' cache
    response, before = _count(client, url, small_page, django_assert_max_num_queries, bound)
    if kind == "detail":
        obj = model._base_manager.get(pk=kwargs_for(name, in_world.objects)["pk"])
        more_children(obj, DETAIL_COPIES)
    else:
        shown = _shown(kind, response)
        assert shown, f"{name}: the world shows no row to copy"
        copies(model._base_manager.get(pk=shown[0]), LIST_COPIES)
    response, after = _count(client, url, large_page, django_assert_max_num_queries, bound)
    if kind != "detail":
        assert len(_shown(kind, response)) > len(shown), f"{name}: the copies are not shown"
    print(f"{name}: {before} → {after} queries")
    assert after <= before, f"{name}: {before} queries, then {after} with more rows"
