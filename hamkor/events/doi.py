"""Digital Object Identifiers: ``10.<registrant>/<suffix>``, typed bare or as a doi.org link."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")


def doi_normalise(value: str) -> str:
    """The bare DOI of ``value`` (a link's or ``doi:`` prefix removed, spaces trimmed)."""
    text = (value or "").strip()
    for prefix in PREFIXES:
        if text.lower().startswith(prefix):
            return text[len(prefix) :].strip()
    return text


def validate_doi(value: str) -> None:
    if value and not DOI.match(doi_normalise(value)):
        raise ValidationError(
            _("“%(value)s” is not a DOI: it starts with 10., a number, a slash, then a name."),
            params={"value": value},
            code="invalid_doi",
        )
