"""IIAs API v7 responses built from agreements, and the iia-hash they carry.

An Erasmus+ agreement with one partner that has a SCHAC code is an IIA. Our iia-id is the
agreement's ``iia_id`` when it came with one, otherwise its reference (immutable, printable
ASCII); the partner's id, code and hash are kept on its party, and the partner's unit party to the
agreement (``ounit-id``) is the party's unit, with its EWP id.
"""

from __future__ import annotations

from django.db.models import Q
from lxml import etree

from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.ewp import conditions, iia_hash
from hamkor.ewp.xmlbuild import CONTACT_NS, E, document, sub
from hamkor.partners.models import Institution

NS = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/"
GET_NS = NS + "get-response.xsd"
INDEX_NS = NS + "index-response.xsd"
ORDER = list(conditions.ELEMENTS)


def home() -> Institution | None:
    return Institution.objects.filter(is_home=True).exclude(schac_code="").first()


def our_iia_id(agreement: Agreement) -> str:
    return agreement.iia_id or agreement.reference


def iias_queryset():
    """Agreements served as IIAs: Erasmus+ ones with a partner known by its SCHAC code."""
    return (
        Agreement.objects.filter(kind=Agreement.Kind.ERASMUS)
        .filter(parties__institution__is_home=False)
        .exclude(parties__institution__schac_code="")
        .distinct()
    )


def partner_party(agreement: Agreement) -> AgreementParty | None:
    parties = [p for p in agreement.parties.all() if p.institution.schac_code]
    return next((p for p in parties if not p.institution.is_home), None)


def by_iia_id(iia_id: str):
    """Agreements answering to ``iia_id`` (ours: the ``iia_id`` or the reference)."""
    return iias_queryset().filter(Q(iia_id=iia_id) | Q(iia_id="", reference=iia_id))


def iia_element(agreement: Agreement, *, local_first: bool = True):
    """The ``<iia>`` of an agreement, with its hash.

    ``local_first=False`` puts the partner first, as the partner's own response does: the
    hash is then the one the partner computes, to compare with what they publish.
    """
    party = partner_party(agreement)
    ours, theirs = home(), party.institution
    iia = E(GET_NS, "iia")
    local = _partner(
        ours.schac_code, "", our_iia_id(agreement), agreement.reference,
        agreement.home_signatory, agreement.signed_on,
    )  # fmt: skip
    remote = _partner(
        theirs.schac_code, party.unit.ewp_ounit_id if party.unit_id else "",
        party.iia_id, party.iia_code, party.signatory, None,
    )  # fmt: skip
    for element in (local, remote) if local_first else (remote, local):
        iia.append(element)
    sub(iia, "in-effect", "true" if agreement.status == Agreement.Status.ACTIVE else "false")
    cooperation = sub(iia, "cooperation-conditions")
    if agreement.status == Agreement.Status.TERMINATED:
        cooperation.set("terminated-as-a-whole", "true")
    quotas = sorted(
        agreement.quotas.all(),
        key=lambda quota: (ORDER.index(quota.mobility_kind), quota.pk),
    )
    for quota in quotas:
        _spec(cooperation, conditions.spec_from_quota(quota), ours.schac_code, theirs.schac_code)
    sub(iia, "iia-hash", iia_hash.iia_hash(iia))
    return iia


def _partner(hei_id, ounit_id, iia_id, code, signatory, signed_on):
    partner = E(GET_NS, "partner")
    sub(partner, "hei-id", hei_id)
    if ounit_id:
        sub(partner, "ounit-id", ounit_id)
    if iia_id:
        sub(partner, "iia-id", iia_id)
    if code:
        sub(partner, "iia-code", code)
    if signatory:
        contact = sub(partner, "signing-contact")
        contact.append(E(CONTACT_NS, "contact-name", signatory))
    if signed_on:
        sub(partner, "signing-date", signed_on.isoformat())
    return partner


def _spec(parent, spec: dict, ours: str, theirs: str) -> None:
    outgoing = spec["direction"] == "outgoing"
    element = sub(parent, conditions.ELEMENTS[spec["kind"]])
    sub(element, "sending-hei-id", ours if outgoing else theirs)
    if spec["sending_ounit_id"]:
        sub(element, "sending-ounit-id", spec["sending_ounit_id"])
    sub(element, "receiving-hei-id", theirs if outgoing else ours)
    if spec["receiving_ounit_id"]:
        sub(element, "receiving-ounit-id", spec["receiving_ounit_id"])
    sub(element, "receiving-first-academic-year-id", _year(spec["first_year"]))
    sub(element, "receiving-last-academic-year-id", _year(spec["last_year"]))
    places = sub(element, "mobilities-per-year", str(spec["places"]))
    if spec["places_undefined"]:
        places.set("not-yet-defined", "true")
    for language in spec["languages"]:
        skill = sub(element, "recommended-language-skill")
        if language.get("undefined"):
            skill.set("not-yet-defined", "true")
        sub(skill, "language", language["language"])
        if language.get("cefr"):
            sub(skill, "cefr-level", language["cefr"])
        if language.get("isced"):
            _subject_area(skill, language)
    for area in spec["subject_areas"]:
        _subject_area(element, area)
    if spec["other_info_terms"]:
        sub(element, "other-info-terms", spec["other_info_terms"])
    student = spec["kind"] in conditions.STUDENT_KINDS
    if spec["total"]:
        sub(element, "total-months-per-year" if student else "total-days-per-year", spec["total"])
    if student:
        sub(element, "blended", "true" if spec["blended"] else "false")
        for level in spec["eqf_levels"]:
            sub(element, "eqf-level", str(level))


def _subject_area(parent, area: dict) -> None:
    element = sub(parent, "subject-area")
    code = sub(element, "isced-f-code", area["isced"])
    if area.get("isced_v6"):
        code.set("v6-value", area["isced_v6"])
    if area.get("clarification"):
        sub(element, "isced-clarification", area["clarification"])


def _year(year: int) -> str:
    return f"{year}/{year + 1}"


def get_response(agreements) -> bytes:
    root = E(GET_NS, "iias-get-response")
    for agreement in agreements:
        root.append(iia_element(agreement))
    return document(root, contacts=True)


def index_response(iia_ids) -> bytes:
    root = E(INDEX_NS, "iias-index-response")
    for iia_id in iia_ids:
        root.append(E(INDEX_NS, "iia-id", iia_id))
    return document(root)


def hash_lines(tree) -> list[str]:
    """``<iia-id> <hash>`` for each IIA of a get response (see ``hamkor ewp hash``)."""
    return [f"{iia_hash.iia_label(iia)} {iia_hash.iia_hash(iia)}" for iia in iia_hash.iias(tree)]


__all__ = ["etree", "get_response", "hash_lines", "iia_element", "index_response"]
