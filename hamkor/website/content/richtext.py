"""Rich text of news and pages: the small set of markup staff may use, enforced with nh3.

Staff write HTML in a plain text area. On save (and again when shown, in case a text
reached the database another way) everything outside the list below is removed: scripts
and their content, event handlers (``onerror``), ``style``, frames, forms. Links keep
``http``, ``https`` and ``mailto`` addresses and addresses on this site (``/…``) and get
``rel="noopener"``; pictures must come from the site's own uploads (:class:`SiteImage`).
"""

from __future__ import annotations

import html as html_module
import re

import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "b", "i",
    "blockquote", "img", "table", "caption", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Removed with everything inside them, not only the tags.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template"}
URL_SCHEMES = {"http", "https", "mailto"}

# The address of a picture uploaded to the site (see ``website.staff_urls``).
OWN_IMAGE = re.compile(r"^/site/images/[0-9a-f]{32}\.(?:jpg|png|webp)$")
_NUMBER = re.compile(r"^\d{1,4}$")
_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\balt=)")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if OWN_IMAGE.match(value) else None
    if tag == "a" and attribute == "href":
        # A path on this site; never "//host", which is another site.
        if value.startswith("/") and not value.startswith("//"):
            return value
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        return value if scheme in URL_SCHEMES else None
    if attribute in ("width", "height", "colspan", "rowspan"):
        return value if _NUMBER.match(value) else None
    return value


def sanitise(html: str) -> str:
    """``html`` with only the allowed markup left; plain text comes back escaped."""
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
    # A picture whose source was refused is no picture; one without a description is
    # decorative to a screen reader (an empty alt) rather than read out as its file name.
    cleaned = re.sub(r"<img(?![^>]*\bsrc=)[^>]*>", "", cleaned)
    return _IMG_WITHOUT_ALT.sub('<img alt=""', cleaned).strip()


def as_html(html: str) -> SafeString:
    """Sanitised ``html`` marked safe for a template."""
    return mark_safe(sanitise(html))


def plain_text(html: str) -> str:
    """The words of ``html`` without any markup (feeds' summaries, search)."""
    text = html_module.unescape(nh3.clean(html or "", tags=set()))
    return re.sub(r"\s+", " ", text).strip()
