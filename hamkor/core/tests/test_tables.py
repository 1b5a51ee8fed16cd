"""The lists' rows, rendered once a column, are what django-tables2 renders cell by cell.

``hamkor.core.tables.body_rows`` works out a column's render method, attributes and
choices once instead of once a cell; every list of the project, on the demo data, in every
language, must show exactly what django-tables2's own ``row.items`` gives.
"""

from __future__ import annotations

import itertools

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from hamkor.core.tables import body_rows
from hamkor.core.tests.test_exports import LISTS

pytestmark = pytest.mark.django_db


# The table template's row as it was: django-tables2 renders each cell.
ROW = Template(
    "{% for column, cell in row.items %}<td {{ column.attrs.td.as_html }}>{{ cell }}</td>"
    "{% endfor %}"
)


def cell_by_cell(table) -> list[tuple[str, str]]:
    """django-tables2's rendering of the page's rows (its ``row.items``), by the template."""
    table._counter = itertools.count()  # odd and even rows, as a new rendering starts
    rows = []
    for row in table.paginated_rows:
        rows.append((row.attrs.as_html(), ROW.render(Context({"row": row}))))
    return rows


def fast(table) -> list[tuple[str, str]]:
    table._counter = itertools.count()
    return [(attrs, str(cells)) for attrs, cells in body_rows(table)]


@pytest.fixture
def superuser(client, demo):
    from conftest import login
    from hamkor.accounts.tests.factories import UserFactory

    return login(client, UserFactory(email="root@example.org", is_superuser=True))


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_list_renders_its_rows_as_django_tables2_does(superuser, language):
    compared = 0
    for name in LISTS:
        with translation.override(language):
            response = superuser.get(reverse(name), {"per_page": settings.HAMKOR_PAGE_SIZES[-1]})
            assert response.status_code == 200, name
            table = response.context["table"]
            expected = cell_by_cell(table)
            assert fast(table) == expected, name
            for _attrs, cells in expected:
                # What the page sent is these rows.
                assert cells in response.content.decode(), name
            compared += len(expected)
    assert compared > 100  # the demo fills most lists


def test_a_coordinator_sees_the_same_rows_without_personal_data(client, demo):
    """The people table leaves out personal data columns for a coordinator."""
    from conftest import login
    from hamkor.accounts.models import User

    coordinator = User.objects.get(email="coordinator@hamkor.demo")
    response = login(client, coordinator).get(reverse("mobility:person_list"))
    table = response.context["table"]
    assert "passport_number" not in [column.name for column in table.columns]
    assert len(table.page.object_list) > 0
    assert fast(table) == cell_by_cell(table)
