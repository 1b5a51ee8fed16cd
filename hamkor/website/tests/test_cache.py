"""The public site's cache forgets what it kept once a record it shows changes."""

import pytest

from hamkor.website import cache


@pytest.mark.django_db
def test_a_committed_change_to_a_shown_record_forgets_the_cached_site(
    django_capture_on_commit_callbacks,
):
    from hamkor.partners.tests.factories import InstitutionFactory

    calls = []
    first = cache.cached("probe", lambda: calls.append(1) or len(calls))
    assert cache.cached("probe", lambda: calls.append(1) or len(calls)) == first == 1

    with django_capture_on_commit_callbacks(execute=True):
        InstitutionFactory()

    assert cache.cached("probe", lambda: calls.append(1) or len(calls)) == 2
