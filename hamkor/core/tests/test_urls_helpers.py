"""Row links built from one ``reverse()`` a URL name: the same address as ``reverse()`` gives,
for the language, script prefix and URL configuration in use at the time."""

from __future__ import annotations

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from hamkor.core.urls_helpers import reverse_pk


@pytest.mark.parametrize("pk", [1, 7, 42, 9_081_726_354, 10**12])
def test_reverse_pk_gives_what_reverse_gives(pk):
    for name in ("mobility:person_detail", "partners:institution_edit", "events:event_detail"):
        assert reverse_pk(name, pk) == reverse(name, kwargs={"pk": pk})


def test_reverse_pk_follows_the_script_prefix():
    assert reverse_pk("mobility:person_detail", 5) == "/staff/people/5/"
    set_script_prefix("/hamkor/")
    try:
        assert reverse_pk("mobility:person_detail", 5) == "/hamkor/staff/people/5/"
    finally:
        set_script_prefix("/")
    assert reverse_pk("mobility:person_detail", 5) == "/staff/people/5/"


def test_reverse_pk_follows_the_language_of_a_prefixed_address():
    name = "public:event_detail"
    with translation.override("ru"):
        assert reverse_pk(name, 3) == reverse(name, kwargs={"pk": 3})
    with translation.override("en"):
        assert reverse_pk(name, 3) == reverse(name, kwargs={"pk": 3})
    with translation.override("ru"):
        russian = reverse_pk(name, 3)
    with translation.override("en"):
        assert reverse_pk(name, 3) != russian


def test_reverse_pk_leaves_a_key_that_is_not_a_number_to_reverse():
    assert reverse_pk("core:job_detail", "12") == reverse("core:job_detail", kwargs={"pk": "12"})
