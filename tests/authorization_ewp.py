"""The Erasmus Without Paper rows of the authorization matrix
(``tests/test_authorization_matrix.py`` gathers them).

The EWP endpoints answer XML: a caller without a session (and without a partner's key) gets
401, a logged-in user without the permission 403. Opened without parameters, those whose
parameters are required answer 400 to whoever may call them.
"""

from __future__ import annotations

# Expected status for GET, per persona: admin officer coord coord_b leader applicant anonymous
_EWP_READ = (200, 200, 200, 200, 200, 403, 403, 403, 403, 401)
_EWP_BAD_REQUEST = (400, 400, 400, 400, 400, 403, 403, 403, 403, 401)

EWP_MATRIX: dict[str, tuple[int, ...]] = {
    "ewp:institutions": _EWP_BAD_REQUEST,  # hei_id is required
    "ewp:ounits": _EWP_BAD_REQUEST,  # hei_id is required
    "ewp:iias_index": _EWP_READ,
    "ewp:iias_get": _EWP_BAD_REQUEST,  # iia_id is required
    "ewp:omobilities_index": _EWP_BAD_REQUEST,  # sending_hei_id is required
    "ewp:omobilities_get": _EWP_BAD_REQUEST,
    # The office imports partners' IIAs.
    "ewp:iia_import": (200, 200, 403, 403, 403, 403, 403, 403, 403, 302),
}
