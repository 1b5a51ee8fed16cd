"""``hemis_sync``: HEMIS's staff and students into the people registry and foreign students.

Rules, in order, for each HEMIS record:

- a record already linked (:class:`HemisLink`) is that person;
- else a person with the same e-mail, or else the same last and first name (compared
  through ``search_key``: any apostrophe, either script) and no different date of birth, is
  that person, when exactly one matches; several matching is skipped (never a duplicate);
- else a new person is created, for a working employee and a studying foreign student only:
  our own students (citizens of Uzbekistan) update the people already in the registry (those
  who travel) and are not added, so the registry does not fill with every student.

HEMIS owns the unit, position, academic title, study level and a foreign student's
programme, level and year; it fills the office's blanks (patronymic, date of birth, e-mail,
phone) and never overwrites names the office typed. Writes go through the registry's and the
students' services, so history says ``hemis`` and who ran it.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from hamkor.accounts.models import OrgUnit
from hamkor.core.search import search_key
from hamkor.hemis.client import HemisClient
from hamkor.hemis.mapping import HemisPerson, read_person
from hamkor.hemis.models import HemisLink
from hamkor.mobility.models import Person
from hamkor.mobility.services import person_save
from hamkor.students.models import ForeignStudent
from hamkor.students.services import foreign_student_save, foreign_student_transition

logger = logging.getLogger(__name__)

HOME = "UZ"
OWNED = ("org_unit", "position", "academic_title", "study_level")
FILLED = ("middle_name", "date_of_birth", "email", "phone")
STUDENT_OWNED = ("faculty", "programme", "level", "year_of_study")


class Skip(Exception):
    """A HEMIS record left alone, with the reason the report shows."""


@dataclass
class SyncReport:
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> number
    skipped: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, id, name, why

    def add(self, kind: str, outcome: str) -> None:
        self.counts[(kind, outcome)] += 1

    def lines(self) -> list[str]:
        head = "HEMIS sync (dry run: nothing saved)" if self.dry_run else "HEMIS sync"
        lines = [head]
        for kind in ("employee", "student"):
            numbers = ", ".join(
                f"{outcome} {self.counts[(kind, outcome)]}"
                for outcome in ("created", "updated", "unchanged", "skipped")
            )
            lines.append(f"{kind}s: {numbers}")
        lines += [f"skipped {kind} {hid} ({name}): {why}" for kind, hid, name, why in self.skipped]
        return lines


class Units:
    """Our units by HEMIS department: same code, else same name in any language."""

    def __init__(self):
        self.units = list(OrgUnit.objects.filter(institution__is_home=True, is_active=True))

    def find(self, code: str, name: str) -> OrgUnit:
        for unit in self.units:
            if code and unit.code == code:
                return unit
        key = search_key(name)
        for unit in self.units:
            if key and key in {search_key(n) for n in (unit.name_uz, unit.name_ru, unit.name_en)}:
                return unit
        raise Skip(f"no unit of ours is “{name or code}” (give a unit this code or name)")


def person_match(record: HemisPerson, kind: str) -> Person | None:
    """The registry's person for ``record`` (see the module's rules), or None."""
    link = HemisLink.objects.filter(kind=kind, hemis_id=record.hemis_id).first()
    if link:
        return link.person
    if record.email:
        found = list(Person.objects.filter(email__iexact=record.email)[:2])
        if len(found) == 1:
            return found[0]
    last, first = search_key(record.last_name), search_key(record.first_name)
    candidates = [
        person
        for person in Person.objects.filter(search_text__contains=last)
        if search_key(person.last_name) == last
        and search_key(person.first_name) == first
        and not (
            person.date_of_birth
            and record.date_of_birth
            and person.date_of_birth != record.date_of_birth
        )
    ]
    if len(candidates) > 1:
        raise Skip(f"{len(candidates)} people of the registry have this name")
    return candidates[0] if candidates else None


def _apply(person: Person, values: dict, owned, filled) -> bool:
    """Set HEMIS's values on ``person``; whether anything changed."""
    changed = False
    for name in (*owned, *filled):
        value = values.get(name)
        if value in ("", None) or (name in filled and getattr(person, name) not in ("", None)):
            continue
        if getattr(person, name) != value:
            setattr(person, name, value)
            changed = True
    return changed


def _person(record, kind, *, category, values, actor, create: bool) -> tuple[Person, str]:
    person = person_match(record, kind)
    if person is None:
        if not create:
            raise Skip("not in the registry (our students are only updated)")
        person = Person(
            category=category,
            last_name=record.last_name,
            first_name=record.first_name,
            citizenship=record.country or HOME,
        )
        _apply(person, values, OWNED, FILLED)
        outcome = "created"
    else:
        outcome = "updated" if _apply(person, values, OWNED, FILLED) else "unchanged"
    if outcome != "unchanged":
        person = person_save(person=person, actor=actor)
    HemisLink.objects.update_or_create(
        kind=kind, hemis_id=record.hemis_id, defaults={"person": person}
    )
    return person, outcome


def _employee(record: HemisPerson, units: Units, actor) -> str:
    if not record.active:
        raise Skip("not working")
    unit = units.find(record.unit_code, record.unit_name)
    values = {
        "org_unit": unit,
        "position": record.position[:200],
        "academic_title": record.title,
        **{name: getattr(record, name) for name in FILLED},
    }
    _, outcome = _person(
        record, "employee", category=Person.Category.STAFF, values=values, actor=actor, create=True
    )
    return outcome


def _student(record: HemisPerson, units: Units, actor) -> str:
    foreign = bool(record.country) and record.country != HOME
    unit = units.find(record.unit_code, record.unit_name)
    if not foreign:
        values = {"org_unit": unit, **{name: getattr(record, name) for name in FILLED}}
        _, outcome = _person(
            record, "student", category=Person.Category.STUDENT, values=values, actor=actor,
            create=False,
        )  # fmt: skip
        return outcome
    if not record.level:
        raise Skip("the level of study is not understood")
    values = {name: getattr(record, name) for name in FILLED}
    person, outcome = _person(
        record,
        "student",
        category=Person.Category.FOREIGN_STUDENT,
        values=values,
        actor=actor,
        create=record.active,
    )
    student = ForeignStudent.objects.filter(person=person).first()
    wanted = {
        "faculty": unit,
        "programme": record.programme[:200] or "—",
        "level": record.level,
        "year_of_study": record.year_of_study or 1,
    }
    if student is None:
        if not record.active:
            raise Skip("not studying")
        student = foreign_student_save(
            student=ForeignStudent(person=person, **wanted),
            actor=actor,
            reason="hemis.foreignstudent.created",
        )
        foreign_student_transition(student=student, name="enrol", actor=actor)
        return "created"
    if any(getattr(student, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(student, name, value)
        foreign_student_save(student=student, actor=actor, reason="hemis.foreignstudent.synced")
        return "updated"
    return outcome


def _one(report: SyncReport, kind: str, item: dict, work) -> None:
    record = read_person(item, student=kind == "student")
    try:
        if not record.hemis_id or not record.last_name or not record.first_name:
            raise Skip("no id or no name")
        with transaction.atomic():
            report.add(kind, work(record))
    except Skip as exc:
        report.add(kind, "skipped")
        report.skipped.append((kind, record.hemis_id, record.full_name, str(exc)))
    except ValidationError as exc:
        report.add(kind, "skipped")
        reasons = "; ".join(exc.messages)
        report.skipped.append((kind, record.hemis_id, record.full_name, f"refused: {reasons}"))


def hemis_sync(*, actor, dry_run: bool = False, client: HemisClient | None = None) -> SyncReport:
    """Read HEMIS's employees and students and bring the registry up to date. A dry run does
    everything in a transaction rolled back at the end: its report is exact."""
    client = client or HemisClient.from_settings()
    report = SyncReport(dry_run=dry_run)
    with transaction.atomic():
        units = Units()
        for item in client.employees():
            _one(report, "employee", item, lambda record: _employee(record, units, actor))
        for item in client.students():
            _one(report, "student", item, lambda record: _student(record, units, actor))
        if dry_run:
            transaction.set_rollback(True)
    logger.info("hemis sync: %s", "; ".join(report.lines()[1:3]))
    return report
