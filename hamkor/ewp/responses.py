"""Institutions v2, Organizational Units v2 and Outgoing Mobilities v2 responses.

Institutions: the home university and the partners known by a SCHAC code. Organizational
units: the home university's (``accounts.OrgUnit``; the id is the row's id, the code its
code). Outgoing mobilities: our outgoing student mobilities to a partner with a SCHAC code.
"""

from __future__ import annotations

from lxml import etree

from hamkor.accounts.models import OrgUnit
from hamkor.agreements.models import Agreement
from hamkor.ewp.xmlbuild import CONTACT_NS, XML_LANG, E, document, sub
from hamkor.mobility.models import Mobility, academic_year_of
from hamkor.partners.models import Institution

GITHUB = "https://github.com/erasmus-without-paper/"
INSTITUTIONS_NS = GITHUB + "ewp-specs-api-institutions/tree/stable-v2"
OUNITS_NS = GITHUB + "ewp-specs-api-ounits/tree/stable-v2"
OMOBILITIES_NS = GITHUB + "ewp-specs-api-omobilities/blob/stable-v2/endpoints/"
OMOBILITIES_GET_NS = OMOBILITIES_NS + "get-response.xsd"
OMOBILITIES_INDEX_NS = OMOBILITIES_NS + "index-response.xsd"
ERROR_NS = GITHUB + "ewp-specs-architecture/blob/stable-v1/common-types.xsd"


def _names(parent, record, languages=("en", "uz", "ru")) -> None:
    written = False
    for language in languages:
        value = getattr(record, f"name_{language}", "")
        if value:
            sub(parent, "name", value, **{XML_LANG: language})
            written = True
    original = getattr(record, "name", "")
    if not written or (original and original not in {getattr(record, "name_en", "")}):
        sub(parent, "name", str(original))


def institutions_response(hei_ids: list[str]) -> bytes:
    root = E(INSTITUTIONS_NS, "institutions-response")
    found = Institution.objects.filter(schac_code__in=hei_ids).prefetch_related("contacts")
    for institution in sorted(found, key=lambda i: hei_ids.index(i.schac_code)):
        hei = sub(root, "hei")
        sub(hei, "hei-id", institution.schac_code)
        if institution.erasmus_code:
            sub(hei, "other-id", institution.erasmus_code, type="erasmus")
        if institution.pic:
            sub(hei, "other-id", institution.pic, type="pic")
        _names(hei, institution)
        if institution.acronym:
            sub(hei, "abbreviation", institution.acronym)
        if institution.website:
            sub(hei, "website-url", institution.website)
        for contact in institution.contacts.all():
            element = etree.SubElement(hei, f"{{{CONTACT_NS}}}contact")
            element.append(E(CONTACT_NS, "contact-name", contact.full_name))
            if contact.email:
                element.append(E(CONTACT_NS, "email", contact.email))
        if institution.is_home:
            for unit in OrgUnit.objects.filter(institution=institution, is_active=True):
                sub(hei, "ounit-id", str(unit.pk))
    return document(root, contacts=True)


def ounits_response(units) -> bytes:
    root = E(OUNITS_NS, "ounits-response")
    for unit in units:
        element = sub(root, "ounit")
        sub(element, "ounit-id", str(unit.pk))
        sub(element, "ounit-code", unit.code)
        _names(element, unit)
        if unit.parent_id:
            sub(element, "parent-ounit-id", str(unit.parent_id))
    return document(root)


def omobilities_queryset():
    """Outgoing student mobilities served by the Outgoing Mobilities API."""
    return Mobility.objects.filter(
        direction=Mobility.Direction.OUTGOING,
        kind__in=(Mobility.Kind.STUDENT_STUDY, Mobility.Kind.STUDENT_TRAINEESHIP),
    ).exclude(receiving_institution__schac_code="")


def omobilities_index_response(ids) -> bytes:
    root = E(OMOBILITIES_INDEX_NS, "omobilities-index-response")
    for omobility_id in ids:
        sub(root, "omobility-id", str(omobility_id))
    return document(root)


STATUS = {
    Mobility.Status.IN_PROGRESS: "live",
    Mobility.Status.COMPLETED: "recognized",
    Mobility.Status.CANCELLED: "cancelled",
}


def omobilities_get_response(mobilities, *, sending_hei_id: str) -> bytes:
    root = E(OMOBILITIES_GET_NS, "omobilities-get-response")
    for mobility in mobilities:
        element = sub(root, "student-mobility")
        sub(element, "omobility-id", str(mobility.pk))
        ours, theirs = _iia_ids(mobility)
        sending = sub(element, "sending-hei")
        sub(sending, "hei-id", sending_hei_id)
        if mobility.home_unit_id:
            sub(sending, "ounit-id", str(mobility.home_unit_id))
        if ours:
            sub(sending, "iia-id", ours)
        receiving = sub(element, "receiving-hei")
        sub(receiving, "hei-id", mobility.receiving_institution.schac_code)
        if theirs:
            sub(receiving, "iia-id", theirs)
        sub(element, "non-standard-mobility-period")
        year = academic_year_of(mobility.planned_start)
        sub(element, "receiving-academic-year-id", f"{year}/{year + 1}")
        person = mobility.person
        student = sub(element, "student")
        sub(student, "given-names", person.first_name)
        sub(student, "family-name", person.last_name)
        sub(
            student,
            "global-id",
            f"urn:schac:personalUniqueCode:int:esi:{sending_hei_id}:{person.pk}",
        )
        if person.email:
            sub(student, "email", person.email)
        sub(element, "status", STATUS.get(mobility.status, "nomination"))
        traineeship = mobility.kind == Mobility.Kind.STUDENT_TRAINEESHIP
        sub(element, "activity-type", "student-traineeships" if traineeship else "student-studies")
        sub(element, "activity-attributes", "long-term")
        sub(element, "planned-arrival-date", mobility.planned_start.isoformat())
        sub(element, "planned-departure-date", mobility.planned_end.isoformat())
    return document(root)


def _iia_ids(mobility) -> tuple[str, str]:
    """The IIA a mobility goes under, as each side knows it: (ours, the partner's)."""
    agreement = mobility.agreement
    if agreement is None or agreement.kind != Agreement.Kind.ERASMUS:
        return "", ""
    party = next(
        (
            p
            for p in agreement.parties.all()
            if p.institution_id == mobility.receiving_institution_id
        ),
        None,
    )
    return agreement.iia_id or agreement.reference, party.iia_id if party else ""


def error_response(message: str) -> bytes:
    root = E(ERROR_NS, "error-response")
    sub(root, "developer-message", message)
    return document(root)
