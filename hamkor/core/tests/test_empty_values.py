"""Empty values read as an em dash, never as "None" or the form's label of the empty choice."""

from __future__ import annotations

from django.template import Context, Template

from hamkor.mobility.tests.world import world  # noqa: F401  (a fixture)


def dd_after(html: str, label: str) -> str:
    return html.split(f"{label}</dt>")[1].split("</dd>")[0]


def test_person_page_shows_an_em_dash_for_no_academic_title(as_user, world):  # noqa: F811
    person = world["karimov"]
    assert person.academic_title == ""
    text = as_user("officer").get(person.get_absolute_url()).text
    assert dd_after(text, "Academic title").endswith(">—")
    assert dd_after(text, "Study level").endswith(">—")
    assert "None" not in dd_after(text, "Academic title")


def test_the_shown_filter_gives_the_label_or_a_dash(world):  # noqa: F811
    template = Template('{% load hamkor %}{{ person|shown:"academic_title" }}|{{ blank|or_dash }}')
    person = world["karimov"]
    assert template.render(Context({"person": person, "blank": None})) == "—|—"
    person.academic_title = "phd"
    assert template.render(Context({"person": person, "blank": "x"})) == "PhD|x"
