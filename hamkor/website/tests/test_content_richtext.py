"""What staff may write in a text, and what is removed before anybody reads it."""

from __future__ import annotations

import pytest

from hamkor.website.content.richtext import plain_text, sanitise

OWN = "/site/images/" + "a" * 32 + ".png"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
        ('<img src="x" onerror="alert(1)">', ""),
        (f'<img src="{OWN}" onerror="alert(1)" alt="Hall">', f'<img src="{OWN}" alt="Hall">'),
        ('<a href="javascript:alert(1)">go</a>', '<a rel="noopener">go</a>'),
        ('<a href="JaVaScRiPt:alert(1)">go</a>', '<a rel="noopener">go</a>'),
        ('<a href="data:text/html,x">go</a>', '<a rel="noopener">go</a>'),
        ('<a href="//evil.example/">go</a>', '<a rel="noopener">go</a>'),
        ('<p style="position:fixed">text</p>', "<p>text</p>"),
        ("<style>p{display:none}</style><p>text</p>", "<p>text</p>"),
        ('<iframe src="https://evil.example/"></iframe><p>after</p>', "<p>after</p>"),
        ('<form action="/x"><input name="a"></form>', ""),
        ('<p onclick="steal()">text</p>', "<p>text</p>"),
        ("<!-- a note --><p>text</p>", "<p>text</p>"),
        ('<img src="https://tracker.example/pixel.gif">', ""),
    ],
)
def test_dangerous_markup_is_removed(written, kept):
    assert sanitise(written) == kept


def test_the_allowed_markup_is_kept():
    text = (
        "<h2>Visa</h2><h3>Kinds</h3><h4>Student</h4><p><strong>One</strong> <em>year</em></p>"
        "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>quote</blockquote>"
        '<p><a href="https://evisa.mfa.uz/" rel="noopener">e-visa</a> '
        '<a href="mailto:office@example.uz" rel="noopener">mail</a> '
        '<a href="/en/pages/foreign-guests/" rel="noopener">guests</a></p>'
        "<table><caption>Fees</caption><thead><tr><th>Level</th></tr></thead>"
        "<tbody><tr><td>Bachelor</td></tr></tbody></table>"
        f'<p><img src="{OWN}" alt="The hall" width="640" height="480"></p>'
    )
    assert sanitise(text) == text


def test_links_open_without_giving_the_opener_away():
    assert sanitise('<a href="https://partner.example/">p</a>') == (
        '<a href="https://partner.example/" rel="noopener">p</a>'
    )


def test_a_picture_without_a_description_is_decorative():
    assert sanitise(f'<img src="{OWN}">') == f'<img alt="" src="{OWN}">'


def test_plain_text_is_escaped_not_dropped():
    assert sanitise("Fees < 100 & more") == "Fees &lt; 100 &amp; more"
    assert plain_text("<p>Fees &lt; 100</p><p>and   more</p>") == "Fees < 100and more"
