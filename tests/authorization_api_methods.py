"""The API's writes in the authorization matrix: for every endpoint, POST, PUT, PATCH and DELETE
× every persona (``tests/test_authorization_methods.py`` runs them).

Who may write each kind of record is declared here, per router basename, as the personas who
hold the permission to add, change and delete it (the staff pages' permissions). The expected
answer follows from the order in which the API decides, with an empty body so that nothing
depends on a valid record:

- no credentials: 401; no permission for the method: 403 (the permission is checked first);
- the permission, but a method the endpoint does not offer: 405;
- the permission, but a record out of the persona's reach (faculty B's coordinator and
  faculty A's records): 404;
- the permission and the record: the request reaches the record's checks: ``WRITE`` (400 for
  the empty body or the missing version, 200/204 when a step or a deletion needs no body).
"""

from __future__ import annotations

WRITE = "write"  # allowed: any of 200, 201, 204, 400, 409
WRITE_STATUSES = {200, 201, 204, 400, 409}
METHODS = ("post", "put", "patch", "delete")

_STAFF_WRITERS = ("admin", "officer", "coordinator", "coordinator_b")
_OFFICE = ("admin", "officer")
_ADMIN = ("admin",)
_STAFF = ("admin", "officer", "coordinator", "coordinator_b", "leadership", "reviewer")


def _faculty(delete=_OFFICE, **extra):
    """Written by the office and the coordinators (their faculty's), deleted by the office."""
    return {"add": _STAFF_WRITERS, "change": _STAFF_WRITERS, "delete": delete, **extra}


_OFFICE_ONLY = {"add": _OFFICE, "change": _OFFICE, "delete": _OFFICE}

# basename -> who holds add/change/delete; "methods": the methods the endpoint offers
# (all four unless said); "read_only": a list and detail without writes; "out_of_reach": the
# personas for whom the matrix's record does not exist (404) once they may act on it.
API_WRITES: dict[str, dict] = {
    "orgunit": {**_OFFICE_ONLY, "read_only": True},
    "user": {"add": _ADMIN, "change": _ADMIN, "delete": _ADMIN, "read_only": True},
    "agreement": _faculty(out_of_reach=("coordinator_b",)),
    "mobilityquota": _faculty(delete=_STAFF_WRITERS, out_of_reach=("coordinator_b",)),
    "institution": _OFFICE_ONLY,
    "contact": _OFFICE_ONLY,
    "person": _faculty(out_of_reach=("coordinator_b",)),
    "mobility": _faculty(out_of_reach=("coordinator_b",)),
    "project": _faculty(out_of_reach=("coordinator_b",), methods=("post", "put", "patch")),
    "foreignstudent": _faculty(out_of_reach=("coordinator_b",), methods=("post", "put", "patch")),
    "feepayment": _faculty(
        delete=_STAFF_WRITERS, out_of_reach=("coordinator_b",), methods=("post",)
    ),
    "studentrequest": _faculty(out_of_reach=("coordinator_b",), methods=("post", "put", "patch")),
    "receipt": _faculty(out_of_reach=("coordinator_b",)),
    "expense": _faculty(out_of_reach=("coordinator_b",)),
    "exchangerate": _OFFICE_ONLY,
    "event": _faculty(out_of_reach=("coordinator_b",)),
    "participant": _faculty(out_of_reach=("coordinator_b",)),
    "publication": _faculty(out_of_reach=("coordinator_b",)),
    "call": _OFFICE_ONLY,
    "place": _OFFICE_ONLY,
    "criterion": _OFFICE_ONLY,
    "application": {
        "add": _ADMIN,
        "change": _STAFF_WRITERS,
        "delete": _ADMIN,
        "read_only": True,
        "out_of_reach": ("coordinator_b",),
    },
}

# The API's pages that only answer a GET (the staff's, by ``StaffOnly`` or the indicators'
# own permission): a staff member's write is 405, anyone else's 403, no credentials 401.
API_READ_ONLY_PAGES = ("api:api-root", "api:schema", "api:achievements", "api:indicators")
# The indicators are read by the staff of the office, faculties and leadership, not by a
# reviewer (``MayReadIndicators``).
_READS_INDICATORS = ("admin", "officer", "coordinator", "coordinator_b", "leadership")

# A record's steps: POST only, for who may take the step on it.
API_STEPS = {
    "api:agreement-transition": _STAFF_WRITERS,
    "api:mobility-transition": _STAFF_WRITERS,
    "api:project-transition": _STAFF_WRITERS,
    "api:foreignstudent-transition": _STAFF_WRITERS,
    "api:studentrequest-transition": _STAFF_WRITERS,
    "api:participant-transition": _STAFF_WRITERS,
    "api:application-override": _STAFF_WRITERS,
    "api:call-transition": _OFFICE,
}

# The applicant's own applications: no model permission, the user's own rows. Anyone signed
# in may start one (the list's POST: 400 for the empty body); the record, its steps and its
# documents are its applicant's (the applicant persona's draft), 404 to everyone else; the
# methods each address offers, the others 405.
API_OWN = {
    "api:myapplication-list": ("post",),
    "api:myapplication-detail": ("put", "patch"),
    "api:myapplication-transition": ("post",),
    "api:myapplication-documents": ("post",),
}
API_OWN_OWNER = "applicant"

_NEEDS = {"post": "add", "put": "change", "patch": "change", "delete": "delete"}


def expected(name: str, method: str, persona: str):
    """The expected answer (a status or ``WRITE``) of ``method`` on the API page ``name``."""
    if persona == "anonymous":
        return 401
    if name in API_OWN:
        if method not in API_OWN[name]:
            return 405
        return WRITE if name.endswith("-list") or persona == API_OWN_OWNER else 404
    if name in API_READ_ONLY_PAGES:
        readers = _READS_INDICATORS if name == "api:indicators" else _STAFF
        return 405 if persona in readers else 403
    if name in API_STEPS:
        if persona not in API_STEPS[name]:
            return 403
        if method != "post":
            return 405
        return 404 if persona == "coordinator_b" and name != "api:call-transition" else WRITE
    basename, kind = name.split(":")[1].rsplit("-", 1)
    table = API_WRITES[basename]
    if persona not in table[_NEEDS[method]]:
        return 403
    offered = () if table.get("read_only") else table.get("methods", METHODS)
    if kind == "list":
        return WRITE if method == "post" and "post" in offered else 405
    if method == "post" or method not in offered:
        return 405
    return 404 if persona in table.get("out_of_reach", ()) else WRITE


def api_names(names) -> list[str]:
    """The API's pages among the URL ``names`` (the browsable docs page is a page, not JSON)."""
    return sorted(n for n in names if n.startswith("api:") and n != "api:docs")
