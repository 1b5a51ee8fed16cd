"""HEMIS items read into plain values: names, dates, units, titles, levels.

No official documentation of the HEMIS API was found (``../shared/uzbek-context.md``,
section 5). ``FIELDS`` says, for every field Hamkor reads, where its name comes from:
``seen`` — named in third-party code cited there; ``assumed`` — nothing verifiable, to be
checked against a real instance. docs/hemis.md lists the same (a test keeps them alike). A
missing field is a blank, never an error.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from hamkor.core.search import search_key

SEEN, ASSUMED = "seen", "assumed"
# Every HEMIS field Hamkor reads (answers of the data API and of OAuth2), and whether its
# name is seen in the sources of uzbek-context.md or assumed.
FIELDS: dict[str, str] = {
    # The data API's envelope and paging (client.py).
    "success": ASSUMED,
    "data.items": SEEN,
    "data.pagination.pageCount": ASSUMED,
    # An employee or a student (read_person).
    "id": ASSUMED,
    "second_name": ASSUMED,
    "first_name": ASSUMED,
    "third_name": ASSUMED,
    "birth_date": ASSUMED,
    "email": ASSUMED,
    "phone": ASSUMED,
    "department.code": ASSUMED,
    "department.name": ASSUMED,
    "staffPosition.name": ASSUMED,
    "academicRank.name": ASSUMED,
    "academicDegree.name": ASSUMED,
    "employeeStatus.name": SEEN,
    "country.code": ASSUMED,
    "citizenship.code": ASSUMED,
    "specialty.name": ASSUMED,
    "educationType.name": ASSUMED,
    "level.name": ASSUMED,
    "studentStatus.name": ASSUMED,
    # OAuth2 (oauth.py): the token answer and /oauth/api/user.
    "oauth:access_token": ASSUMED,
    "oauth:id": ASSUMED,
}

# Statuses as HEMIS names them (Uzbek, compared through search_key: any apostrophe).
# "Ishlamoqda" (working) is seen in uzbek-context.md's sources; "Oʻqimoqda" (studying) is
# assumed by analogy.
WORKING = search_key("Ishlamoqda")
STUDYING = search_key("O'qimoqda")


@dataclass(frozen=True)
class HemisPerson:
    """What Hamkor reads of one HEMIS employee or student."""

    hemis_id: str
    last_name: str
    first_name: str
    middle_name: str
    date_of_birth: datetime.date | None
    email: str
    phone: str
    country: str  # ISO 3166 alpha-2, upper case; "" when not given
    unit_code: str
    unit_name: str
    position: str  # staff
    title: str  # Person.Title value; staff
    active: bool  # working (staff) or studying (students)
    programme: str  # students
    level: str  # ForeignStudent.Level value; "" when not understood
    year_of_study: int | None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name) if part)


def _text(value) -> str:
    return str(value).strip() if value not in (None, "") else ""


def _named(item: dict, key: str, part: str = "name") -> str:
    value = item.get(key)
    return _text(value.get(part)) if isinstance(value, dict) else ""


def proper_name(value) -> str:
    """HEMIS often writes names in capitals (``QOʻCHQOROV``): each word (and each part of a
    hyphenated one) gets a capital first letter only; a name in mixed case is kept."""
    text = " ".join(_text(value).split())
    if not text or not text.isupper():
        return text
    return re.sub(r"[^\s-]+", lambda found: found[0][0] + found[0][1:].lower(), text)


def date_of(value) -> datetime.date | None:
    """A Unix timestamp (how HEMIS sends dates) or an ISO date."""
    if value in (None, ""):
        return None
    try:
        return datetime.datetime.fromtimestamp(int(value), tz=datetime.UTC).date()
    except (TypeError, ValueError, OverflowError, OSError):
        pass
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def title_of(item: dict) -> str:
    """The highest of the academic rank and degree, as a ``Person.Title`` value."""
    rank = search_key(_named(item, "academicRank"))
    degree = search_key(_named(item, "academicDegree"))
    if "professor" in rank:
        return "professor"
    if "dsc" in degree or "doktor" in degree:
        return "dsc"
    if "dotsent" in rank or "docent" in rank:
        return "docent"
    if "phd" in degree or "nomzod" in degree:
        return "phd"
    return ""


LEVELS = (
    ("bakalavr", "bachelor"),
    ("magistr", "master"),
    ("ordinatura", "residency"),
    ("phd", "phd"),
    ("tayanch doktorant", "phd"),
    ("dsc", "dsc"),
    ("tayyorlov", "preparatory"),
)


def level_of(item: dict) -> str:
    name = search_key(_named(item, "educationType"))
    return next((level for word, level in LEVELS if word in name), "")


def year_of(item: dict) -> int | None:
    """The course (``level.name`` "2-kurs") as a number from 1 to 7."""
    found = re.search(r"\d+", _named(item, "level"))
    year = int(found.group()) if found else None
    return year if year and 1 <= year <= 7 else None


def read_person(item: dict, *, student: bool) -> HemisPerson:
    status = search_key(_named(item, "studentStatus" if student else "employeeStatus"))
    country = _named(item, "country", "code") or _named(item, "citizenship", "code")
    return HemisPerson(
        hemis_id=_text(item.get("id")),
        last_name=proper_name(item.get("second_name")),
        first_name=proper_name(item.get("first_name")),
        middle_name=proper_name(item.get("third_name")),
        date_of_birth=date_of(item.get("birth_date")),
        email=_text(item.get("email")).lower(),
        phone=_text(item.get("phone")),
        country=country.upper() if re.fullmatch(r"[A-Za-z]{2}", country) else "",
        unit_code=_named(item, "department", "code"),
        unit_name=_named(item, "department"),
        position=_named(item, "staffPosition"),
        title="" if student else title_of(item),
        active=status == (STUDYING if student else WORKING),
        programme=_named(item, "specialty"),
        level=level_of(item) if student else "",
        year_of_study=year_of(item) if student else None,
    )
