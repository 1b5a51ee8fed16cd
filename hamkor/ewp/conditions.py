"""Cooperation conditions: one mobility quota ⇄ one IIA mobility specification.

A quota's columns hold what the office reads and edits (kind, direction, places, years, one
field of study, one language and level, one EQF level, months or days per person); an IIA
may say more. ``MobilityQuota.conditions`` keeps the rest as agreed, with these keys:

``sending_ounit_id``, ``receiving_ounit_id``
    the organisational units named in the specification;
``places_undefined``
    ``mobilities-per-year`` marked not-yet-defined (an IIA approved under v6);
``languages``
    ``[{"language", "cefr", "isced", "isced_v6", "clarification", "undefined"}]``;
``subject_areas``
    ``[{"isced", "isced_v6", "clarification"}]``;
``other_info_terms``, ``total`` (months or days per year, as written), ``blended``,
``eqf_levels``.

The lists are used only while their first entry agrees with the columns: when the office
edits the column, the column wins and the list is rebuilt from it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from hamkor.agreements.models import MobilityQuota

Kind = MobilityQuota.MobilityKind
ELEMENTS = {
    Kind.STUDENT_STUDY: "student-studies-mobility-spec",
    Kind.STUDENT_TRAINEESHIP: "student-traineeship-mobility-spec",
    Kind.STAFF_TEACHING: "staff-teacher-mobility-spec",
    Kind.STAFF_TRAINING: "staff-training-mobility-spec",
}
KINDS = {element: kind for kind, element in ELEMENTS.items()}
STUDENT_KINDS = (Kind.STUDENT_STUDY, Kind.STUDENT_TRAINEESHIP)
KEPT = (
    "sending_ounit_id", "receiving_ounit_id", "places_undefined", "languages",
    "subject_areas", "other_info_terms", "total", "blended", "eqf_levels",
)  # fmt: skip


def _isced4(code: str) -> str:
    """IIAs v7 take four digits; a broader code of ours is written as its first narrow field."""
    return (code or "").ljust(4, "0")[:4]


def spec_from_quota(quota: MobilityQuota) -> dict:
    """The specification a quota stands for (see the module's docstring for the keys)."""
    kept = quota.conditions or {}
    languages = kept.get("languages") or []
    if not languages or languages[0].get("language") != quota.language:
        languages = (
            [{"language": quota.language, "cefr": quota.cefr_level}] if quota.language else []
        )
    areas = kept.get("subject_areas") or []
    if not areas or not areas[0].get("isced", "").startswith(quota.isced_code or "\0"):
        areas = [{"isced": _isced4(quota.isced_code)}] if quota.isced_code else []
    levels = kept.get("eqf_levels") or []
    if not _levels_agree(quota.eqf_level, levels):
        levels = [quota.eqf_level] if quota.eqf_level else []
    total = kept.get("total") or _total(quota)
    return {
        "kind": quota.mobility_kind,
        "direction": quota.direction,
        "sending_ounit_id": kept.get("sending_ounit_id", ""),
        "receiving_ounit_id": kept.get("receiving_ounit_id", ""),
        "first_year": quota.first_year,
        "last_year": quota.last_year,
        "places": max(quota.places_per_year, 1),
        "places_undefined": bool(kept.get("places_undefined")),
        "languages": languages,
        "subject_areas": areas,
        "other_info_terms": kept.get("other_info_terms", ""),
        "total": total,
        "blended": bool(kept.get("blended")),
        "eqf_levels": levels if quota.mobility_kind in STUDENT_KINDS else [],
    }


def _levels_agree(column: int | None, levels: list[int]) -> bool:
    # The column takes 5 to 8 only: the first such level of the list, or none.
    return column == next((level for level in levels if 5 <= level <= 8), None)


def _total(quota: MobilityQuota) -> str:
    per_person = quota.months if quota.mobility_kind in STUDENT_KINDS else quota.days
    if not per_person:
        return ""
    return format((Decimal(per_person) * quota.places_per_year).normalize(), "f")


def quota_fill(quota: MobilityQuota, spec: dict) -> MobilityQuota:
    """Set a quota's columns and kept conditions from a specification."""
    quota.mobility_kind = spec["kind"]
    quota.direction = spec["direction"]
    quota.first_year = spec["first_year"]
    quota.last_year = spec["last_year"]
    quota.places_per_year = spec["places"]
    first_language = (spec["languages"] or [{}])[0]
    quota.language = first_language.get("language", "").split("-")[0][:3]
    quota.cefr_level = first_language.get("cefr", "")
    first_area = (spec["subject_areas"] or [{}])[0]
    quota.isced_code = first_area.get("isced", "")
    quota.eqf_level = next((level for level in spec["eqf_levels"] if 5 <= level <= 8), None)
    per_person = _per_person(spec["total"], spec["places"])
    if spec["kind"] in STUDENT_KINDS:
        quota.months, quota.days = per_person, None
    else:
        quota.months = None
        quota.days = int(per_person) if per_person is not None else None
    quota.conditions = {
        key: spec[key] for key in KEPT if spec.get(key) not in ("", None, [], False)
    }
    return quota


def _per_person(total: str, places: int) -> Decimal | None:
    try:
        value = Decimal(total) / max(places, 1)
    except (InvalidOperation, TypeError):
        return None
    return value.quantize(Decimal("0.1"))


def spec_summary(spec: dict) -> str:
    """One line a person can compare: what changes when an import is applied."""
    languages = ", ".join(
        " ".join(filter(None, (item.get("language"), item.get("cefr"))))
        for item in spec["languages"]
    )
    areas = ", ".join(
        " ".join(filter(None, (item.get("isced"), item.get("clarification"))))
        for item in spec["subject_areas"]
    )
    parts = [
        str(MobilityQuota.Direction(spec["direction"]).label),
        str(Kind(spec["kind"]).label),
        f"{spec['first_year']}/{spec['first_year'] + 1}–{spec['last_year'] + 1}",
        f"× {spec['places']}",
        languages,
        areas,
        spec["total"] and f"Σ {spec['total']}",
        spec["eqf_levels"] and "EQF " + ", ".join(str(level) for level in spec["eqf_levels"]),
        spec["other_info_terms"],
    ]
    return " · ".join(str(part) for part in parts if part)
