"""A number filter without bounds of its own gets them: a year filter set to 10**20 was a
server error (Python's dates end at 9999), any other number past PostgreSQL's ``integer``
its "out of range" error (found by the crawl, ``tests/test_crawl.py``)."""

from __future__ import annotations

import pytest

from hamkor.partners.filters import InstitutionFilterSet
from hamkor.partners.models import Institution
from hamkor.website.reception.filters import HolidayFilterSet
from hamkor.website.reception.models import Holiday


@pytest.mark.parametrize("year", [str(10**20), "-1", "0", "10000"])
def test_a_year_out_of_range_in_a_filter_is_refused_and_the_page_answers(as_user, home, year):
    filterset = HolidayFilterSet(data={"year": year}, queryset=Holiday.objects.all())
    assert not filterset.form.is_valid()
    assert "year" in filterset.form.errors

    response = as_user("officer").get("/staff/holidays/", {"year": year})

    assert response.status_code == 200


def test_the_year_filter_still_takes_a_real_year(db):
    filterset = HolidayFilterSet(data={"year": "2025"}, queryset=Holiday.objects.all())
    assert filterset.form.is_valid()


def test_other_number_filters_stay_within_an_integer(as_user, home):
    data = {"qs_top": str(10**20)}
    filterset = InstitutionFilterSet(data=data, queryset=Institution.objects.all())
    assert "qs_top" in filterset.form.errors

    assert as_user("officer").get("/staff/institutions/", data).status_code == 200
