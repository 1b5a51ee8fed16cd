"""The authorization matrix's rows for personal data (hamkor/privacy).

The register and the retention runs are the office's to read and the administrators' to
edit; consents are the office's; exporting a person's data is the office's, erasing a person
the administrators'. Export, like a consent's withdrawal, is POST only (405 for a GET to who
may, 403 to the others).
"""

from __future__ import annotations

# admin officer coord coord_b leader applicant applicant_b foreign reviewer anonymous
_OFFICE_READ = (200, 200, 403, 403, 403, 403, 403, 403, 403, 302)
_ADMIN_ONLY = (200, 403, 403, 403, 403, 403, 403, 403, 403, 302)
_OFFICE_POST = (405, 405, 403, 403, 403, 403, 403, 403, 403, 302)

PRIVACY_MATRIX = {
    "privacy:datacategory_list": _OFFICE_READ,
    "privacy:datacategory_detail": _OFFICE_READ,
    "privacy:datacategory_history": _OFFICE_READ,
    "privacy:datacategory_edit": _ADMIN_ONLY,
    "privacy:retentionrun_list": _OFFICE_READ,
    "privacy:retentionrun_detail": _OFFICE_READ,
    "privacy:consent_add": _OFFICE_READ,
    "privacy:consent_withdraw": _OFFICE_POST,
    "privacy:person_export": _OFFICE_POST,
    "privacy:person_erase": _ADMIN_ONLY,
}


def privacy_records(person_pk: int) -> dict:
    """A category of the register, a retention run and a consent of ``person_pk``."""
    from django.utils import timezone

    from hamkor.privacy.models import Consent, DataCategory, RetentionRun

    inquiries = DataCategory.objects.get(code="inquiries")
    consent = Consent.objects.create(
        person_id=person_pk,
        category=inquiries,
        given_at=timezone.now(),
        text_version="2026-01",
        method=Consent.Method.PAPER,
    )
    run = RetentionRun.objects.create(counts={"passport": {"records": 1, "files": 0}})
    return {"datacategory": inquiries.pk, "retentionrun": run.pk, "consent": consent.pk}


def privacy_kwargs(name: str, objects: dict) -> dict | None:
    if not name.startswith("privacy:"):
        return None
    if name.endswith("_list"):
        return {}
    if name in ("privacy:consent_add", "privacy:person_export", "privacy:person_erase"):
        return {"pk": objects["person"]}
    if name == "privacy:consent_withdraw":
        return {"pk": objects["consent"]}
    model = name.split(":")[1].rsplit("_", 1)[0]
    return {"pk": objects[model]}
