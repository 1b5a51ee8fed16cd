"""A role refused a page by its address sees the "not allowed" page, and no link to it.

What each role's sidebar offers (every link a page, nothing it may not open, folded behind the
menu button on a phone) is checked by the phone walk, which opens every page of each role
anyway (``tests/e2e/sidebar.py``, decision 0016).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import log_in


@pytest.mark.parametrize("role", ["officer", "coordinator", "leadership", "applicant"])
def test_role_is_refused_the_users_page(role, request, page):
    """Typing the address of the users page in by hand shows the "not allowed" page."""
    log_in(page, request.getfixturevalue(role))
    response = page.goto("/staff/users/")
    assert response.status == 403
    assert page.locator(".error-page").is_visible()
    assert page.locator('a[href="/staff/users/"]').count() == 0
