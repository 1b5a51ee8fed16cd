"""Every filter select offers "All": pressing "Filter" untouched answers the unfiltered list."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from hamkor.mobility.tests.world import world  # noqa: F401  (a fixture)

LISTS = (
    "mobility:mobility_list",
    "mobility:person_list",
    "agreements:agreement_list",
    "partners:institution_list",
    "partners:contact_list",
    "partners:dormant",
    "accounts:orgunit_list",
    "accounts:user_list",
    "core:outboxmessage_list",
)


class FilterForm(HTMLParser):
    """What a browser sends when the filter form is submitted as the page shows it."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.select: str | None = None
        self.selects: dict[str, list[tuple[str, bool]]] = {}
        self.labels: dict[str, list[str]] = {}
        self.inputs: dict[str, str] = {}
        self._option: tuple[str, bool] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "filter-form" in (attrs.get("class") or ""):
            self.inside = True
        if not self.inside:
            return
        if tag == "select":
            self.select = attrs["name"]
            self.selects[self.select] = []
            self.labels[self.select] = []
        elif tag == "option" and self.select:
            self._option = (attrs.get("value", ""), "selected" in attrs)
            self.selects[self.select].append(self._option)
            self.labels[self.select].append("")
        elif tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit",):
            self.inputs[attrs["name"]] = attrs.get("value") or ""

    def handle_data(self, data):
        if self.select and self._option is not None:
            self.labels[self.select][-1] += data.strip()

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "option":
            self._option = None

    def submitted(self) -> dict[str, str]:
        data = dict(self.inputs)
        for name, options in self.selects.items():
            chosen = [value for value, selected in options if selected]
            data[name] = chosen[0] if chosen else options[0][0]
        return data


def read_form(response) -> FilterForm:
    form = FilterForm()
    form.feed(response.content.decode())
    return form


def count(response) -> int:
    return response.context["table"].paginator.count


@pytest.mark.parametrize("name", LISTS)
def test_filter_pressed_untouched_gives_the_unfiltered_list(as_user, world, name):  # noqa: F811
    client = as_user("admin")
    url = reverse(name)
    first = client.get(url)
    assert first.status_code == 200
    form = read_form(first)
    assert form.selects, f"{url} has no filter select"
    for select, options in form.selects.items():
        if select == "show":  # "Partners" / "The whole directory": both are whole lists
            continue
        # A yes/no filter's "Any" is Django's "unknown" value of a NullBooleanSelect.
        assert options[0][0] in ("", "unknown"), f"{url}: {select} has no empty choice"
        assert form.labels[select][0] in ("All", "Any"), f"{url}: {select}"
    filtered = client.get(url, form.submitted())
    assert filtered.status_code == 200
    assert count(filtered) == count(first)


def test_the_mobility_list_filtered_untouched_keeps_every_mobility(as_user, world):  # noqa: F811
    client = as_user("officer")
    form = read_form(client.get(reverse("mobility:mobility_list")))
    assert form.selects["academic_year"][0][0] == ""
    assert count(client.get(reverse("mobility:mobility_list"), form.submitted())) == 3


def test_the_all_choice_is_translated(as_user, officer, world):  # noqa: F811
    officer.language = "ru"  # staff pages speak the user's language
    officer.save(update_fields=["language"])
    form = read_form(as_user("officer").get(reverse("mobility:mobility_list")))
    assert form.labels["kind"][0] == "Все"
    assert form.labels["academic_year"][0] == "Все"
