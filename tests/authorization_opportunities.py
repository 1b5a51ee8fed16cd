"""The authorization matrix's rows for opportunities: staff read them (and preview them),
the office writes and publishes; the public list and a published one's page for everybody."""

from __future__ import annotations

_STAFF_READ = (200, 200, 200, 200, 200, 403, 403, 403, 403, 302)
_OFFICE_WRITE = (200, 200, 403, 403, 403, 403, 403, 403, 403, 302)
_EVERYONE = (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)

OPPORTUNITIES_MATRIX = {
    "website:opportunity_list": _STAFF_READ,
    "website:opportunity_detail": _STAFF_READ,
    "website:opportunity_history": _STAFF_READ,
    "website:opportunity_preview": _STAFF_READ,
    "website:opportunity_add": _OFFICE_WRITE,
    "website:opportunity_edit": _OFFICE_WRITE,
    "website:opportunity_delete": _OFFICE_WRITE,
    "website:opportunity_transition": _OFFICE_WRITE,
    "public:opportunity_list": _EVERYONE,
    "public:opportunity_detail": _EVERYONE,
}


def opportunity_records() -> dict:
    """A published opportunity."""
    from hamkor.website.tests.opportunity_factories import OpportunityFactory

    opportunity = OpportunityFactory(status="published")
    return {"opportunity": opportunity.pk, "opportunity_key": opportunity.slug}


def opportunity_kwargs(name: str, objects: dict) -> dict | None:
    """The address's arguments for the rows above that are not a plain ``pk``."""
    if name == "public:opportunity_detail":
        return {"key": objects["opportunity_key"]}
    if name == "website:opportunity_transition":
        return {"pk": objects["opportunity"], "name": "withdraw"}
    if name == "website:opportunity_preview":
        return {"pk": objects["opportunity"], "language": "ru"}
    return None
