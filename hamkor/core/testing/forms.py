"""Read a page's form as a browser would send it, so that tests post what users post."""

from __future__ import annotations

from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "reset", "file", "image"}


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._fields = []
        elif self._fields is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_INPUTS:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._fields.append((attrs["name"], attrs.get("value") or "on"))
                return
            self._fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select" and attrs.get("name"):
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": "",
            }
            self._select["options"].append(self._option)
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            self._close_select()
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._fields.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form" and self._fields is not None:
            self.forms.append(self._fields)
            self._fields = None

    def _close_select(self):
        select, self._select = self._select, None
        values = [
            o["value"] if o["value"] is not None else o["text"].strip()
            for o in select["options"]
            if o["selected"]
        ]
        if not values and not select["multiple"] and select["options"]:
            first = select["options"][0]
            values = [first["value"] if first["value"] is not None else first["text"].strip()]
        self._fields.extend((select["name"], value) for value in values)


def read_form(html: str) -> dict[str, str | list[str]]:
    """The fields of the page's main form (the one with the most fields) as the browser would
    post them: checked boxes only, selected options, text areas' text."""
    reader = _FormReader()
    reader.feed(html)
    if not reader.forms:
        raise AssertionError("The page has no form.")
    fields = max(reader.forms, key=len)
    data: dict[str, str | list[str]] = {}
    for name, value in fields:
        if name == "csrfmiddlewaretoken":
            continue
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    return data
