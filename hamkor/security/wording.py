"""The security log in the reader's words: record types as model names, details as labelled
values (roles by their names, lists by their titles), in the language of the page or export.

The log stores plain codes (``accounts.user``, ``{"after": ["officer"]}``) so that it reads
the same whatever language wrote it; this module is the one place that turns them into text.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.roles import Role

NOTHING = "—"

# Details written for the server's own logs, not for a reader (the authentication backend).
HIDDEN = {"backend"}

LABELS = {
    "before": _("Roles before"),
    "after": _("Roles after"),
    "roles": _("Roles"),
    "list": _("List"),
    "format": _("Format"),
    "rows": _("Rows"),
    "filters": _("Filters"),
    "version": _("Version"),
    "record_type": _("Record type"),
    "record_id": _("Record number"),
    "records": _("Records"),
    "files": _("Files"),
    "texts": _("Texts"),
    "file": _("File"),
}

ROLE_KEYS = {"before", "after", "roles"}


def model_name(label: str, *, plural: bool = False) -> str:
    """``"accounts.user"`` (or a bare model name, ``"user"``) as the model's name: "User"
    (or "Users")."""
    if not label:
        return ""
    try:
        if "." in label:
            model = apps.get_model(label)
        else:
            model = next(m for m in apps.get_models() if m._meta.model_name == label)
    except (LookupError, ValueError, StopIteration):
        return label
    opts = model._meta
    return str(capfirst(opts.verbose_name_plural if plural else opts.verbose_name))


def _role(code: str) -> str:
    try:
        return str(Role(code).label)
    except ValueError:
        return code


def _value(name: str, value) -> str:
    if value in (None, "", [], {}):
        return NOTHING
    if name in ROLE_KEYS:
        codes = value if isinstance(value, list) else [value]
        return ", ".join(_role(str(code)) for code in codes) or NOTHING
    if name == "list":
        return model_name(str(value), plural=True)
    if name == "record_type":
        return model_name(str(value))
    if name == "format":
        return str(value).upper()
    if isinstance(value, dict):
        return ", ".join(f"{key} = {item}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def details_text(details: dict | None) -> str:
    """The details as one line of ``label: value`` pairs in the current language."""
    parts = []
    for name, value in (details or {}).items():
        if name in HIDDEN:
            continue
        label = LABELS.get(name, name)
        parts.append(f"{label}: {_value(name, value)}")
    return "; ".join(parts)


def record_text(event) -> str:
    """The record concerned: its type's name, number and name when it was logged."""
    if not event.object_type:
        return event.object_repr or ""
    kind = model_name(event.object_type)
    number = f" #{event.object_id}" if event.object_id else ""
    name = f": {event.object_repr}" if event.object_repr else ""
    return f"{kind}{number}{name}"
