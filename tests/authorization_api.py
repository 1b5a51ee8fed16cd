"""The API's new rows of the authorization matrix (calls, quotas, achievements, indicators,
tokens) and the address arguments of the API's steps (``tests/test_authorization_matrix.py``
gathers them). The API answers a request without credentials 401, not a redirect."""

from __future__ import annotations

# Expected status for GET, per persona: admin officer coord coord_b leader applicant anonymous
_API_STAFF = (200, 200, 200, 200, 200, 403, 403, 403, 403, 401)
# The calls' records: a reviewer finds those of the calls they review (their list), not the
# matrix's open call (404).
_API_CALLS_LIST = (200, 200, 200, 200, 200, 403, 403, 403, 200, 401)
_API_CALLS_DETAIL = (200, 200, 200, 200, 200, 403, 403, 403, 404, 401)
_API_STAFF_AREA = (200, 200, 200, 200, 200, 403, 403, 403, 200, 401)
_API_FACULTY_READ = (200, 200, 200, 404, 200, 403, 403, 403, 403, 401)
# POST only: who may take the step gets 405 for a GET, the others 403.
_API_OFFICE_STEP = (405, 405, 403, 403, 403, 403, 403, 403, 403, 401)
_API_STEP = (405, 405, 405, 405, 403, 403, 403, 403, 403, 401)
_API_SIGNED_IN = (200, 200, 200, 200, 200, 200, 200, 200, 200, 401)
_API_SIGNED_IN_POST = (405, 405, 405, 405, 405, 405, 405, 405, 405, 401)
_POST_ONLY_LOGGED_IN = (405, 405, 405, 405, 405, 405, 405, 405, 405, 302)

API_MATRIX: dict[str, tuple[int, ...]] = {
    "api:mobilityquota-list": _API_STAFF,
    "api:mobilityquota-detail": _API_STAFF,
    "api:call-list": _API_CALLS_LIST,
    "api:call-detail": _API_CALLS_DETAIL,
    "api:call-transition": _API_OFFICE_STEP,
    "api:place-list": _API_CALLS_LIST,
    "api:place-detail": _API_CALLS_DETAIL,
    "api:criterion-list": _API_CALLS_LIST,
    "api:criterion-detail": _API_CALLS_DETAIL,
    # An application from faculty A: faculty B's coordinator finds nothing.
    "api:application-list": _API_CALLS_LIST,
    "api:application-detail": (200, 200, 200, 404, 200, 403, 403, 403, 404, 401),
    "api:application-override": _API_STEP,
    "api:participant-transition": _API_STEP,
    # The signed-in user's own applications (the portal's pages over HTTP): anyone signed in
    # lists theirs; the applicant persona's draft is theirs alone, staff included; its steps
    # and its documents take a POST only.
    "api:myapplication-list": _API_SIGNED_IN,
    "api:myapplication-detail": (404, 404, 404, 404, 404, 200, 404, 404, 404, 401),
    "api:myapplication-transition": _API_SIGNED_IN_POST,
    "api:myapplication-documents": _API_SIGNED_IN_POST,
    "api:achievements": _API_STAFF_AREA,
    "api:indicators": _API_STAFF,
    # The profile page's token forms: POST only (the page itself is accounts:profile).
    "api_tokens:add": _POST_ONLY_LOGGED_IN,
    "api_tokens:revoke": _POST_ONLY_LOGGED_IN,
}

# A step each record's status allows in the matrix's records.
_STEPS = {
    "agreement": "terminate",
    "mobility": "cancel",
    "project": "withdraw",
    "foreignstudent": "enrol",
    "studentrequest": "take",
    "call": "close",
    "participant": "issue",
}


def api_kwargs(name: str, objects: dict) -> dict | None:
    """The address arguments of an API address with more than a ``pk``, or None."""
    if name == "api:myapplication-transition":
        return {"pk": objects["own_application"], "name": "withdraw"}
    if name in ("api:myapplication-detail", "api:myapplication-documents"):
        return {"pk": objects["own_application"]}
    if name.startswith("api:") and name.endswith("-transition"):
        model = name.split(":")[1].removesuffix("-transition")
        return {"pk": objects[model], "name": _STEPS[model]}
    if name == "api:application-override":
        return {"pk": objects["application"]}
    if name == "api_tokens:revoke":
        return {"pk": 1}  # a GET is refused before the token is looked up
    return None
