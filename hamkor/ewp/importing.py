"""Import of a partner's IIA (an IIAs API v7 get response) into agreements.

``read`` validates the file against the official schema and plans each IIA without
writing: which agreement it updates (found by our iia-id or the partner's), which
institution it names (an unknown one is offered for creation), and the conditions before
and after. ``apply`` writes the plans through the agreements services in one transaction:
all of them or nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pycountry
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hamkor.accounts.models import OrgUnit
from hamkor.agreements.models import Agreement, AgreementParty, MobilityQuota
from hamkor.agreements.services import agreement_import, agreement_quota_save, agreement_save
from hamkor.core.services import object_delete, object_save
from hamkor.ewp import conditions, iia_hash, iias, schemas
from hamkor.ewp.iia_hash import local
from hamkor.ewp.parsing import XmlProblem, XmlRefused
from hamkor.partners.models import Contact, Institution


@dataclass
class IiaPlan:
    """What importing one ``<iia>`` would do."""

    label: str
    partner_hei: str
    partner: Institution | None
    agreement: Agreement | None
    home_iia_id: str
    party_ewp: dict
    signatory: str
    home_signatory: str
    signed_on: datetime.date | None
    in_effect: bool
    specs: list[dict] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    # The partner's contacts in the file, (name, e-mail), that the institution lacks.
    contacts: list[tuple[str, str]] = field(default_factory=list)
    # The partner's unit party to the agreement (its ``ounit-id``), and every unit id of the
    # partner the file names (that one and the partner's side of each condition).
    partner_unit: str = ""
    units: list[str] = field(default_factory=list)

    @property
    def new_units(self) -> list[str]:
        """The partner's unit ids the import adds to the institution's units."""
        if self.partner is None:
            return list(self.units)
        known = set(
            self.partner.units.filter(ewp_ounit_id__in=self.units).values_list(
                "ewp_ounit_id", flat=True
            )
        )
        return [unit for unit in self.units if unit not in known]

    @property
    def after(self) -> list[str]:
        return [conditions.spec_summary(spec) for spec in self.specs]

    @property
    def removed(self) -> list[str]:
        return [line for line in self.before if line not in self.after]

    @property
    def added(self) -> list[str]:
        return [line for line in self.after if line not in self.before]

    @property
    def suggested_country(self) -> str:
        """The country a new institution is proposed in: its domain's, when it is one."""
        code = self.partner_hei.rsplit(".", 1)[-1].upper()
        return code if pycountry.countries.get(alpha_2=code) else ""


def _child(element, name: str):
    return next((c for c in element if isinstance(c.tag, str) and local(c) == name), None)


def _children(element, name: str) -> list:
    return [c for c in element if isinstance(c.tag, str) and local(c) == name]


def _text(element, name: str) -> str:
    found = _child(element, name) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def read(data: bytes) -> list[IiaPlan]:
    """Plans for every IIA in ``data``; :class:`XmlRefused` when the file cannot be used."""
    tree = schemas.validate(data, schemas.IIAS_GET)
    ours = iias.home()
    if ours is None:
        raise XmlRefused([XmlProblem(_("Set the SCHAC code of the home university first."))])
    plans = [_plan(iia, ours) for iia in iia_hash.iias(tree)]
    if not plans:
        raise XmlRefused([XmlProblem(_("The file holds no agreement."))])
    return plans


def _plan(iia, ours: Institution) -> IiaPlan:
    partners = _children(iia, "partner")
    home_index = next(
        (i for i, p in enumerate(partners) if _text(p, "hei-id") == ours.schac_code), None
    )
    if home_index is None:
        raise XmlRefused(
            [
                XmlProblem(
                    _("The agreement does not name our university (%(hei)s).")
                    % {"hei": ours.schac_code},
                    iia.sourceline,
                )
            ]
        )
    home, remote = partners[home_index], partners[1 - home_index]
    hei = _text(remote, "hei-id")
    partner_iia_id = _text(remote, "iia-id")
    plan = IiaPlan(
        label=iia_hash.iia_label(iia),
        partner_hei=hei,
        partner=Institution.objects.filter(schac_code=hei).first(),
        agreement=None,
        home_iia_id=_text(home, "iia-id"),
        party_ewp={
            key: value
            for key, value in (
                ("iia_id", partner_iia_id),
                ("iia_code", _text(remote, "iia-code")),
                # The stated hash is the publisher's, who lists itself first.
                ("iia_hash", _text(iia, "iia-hash") if home_index == 1 else ""),
            )
            if value
        },
        signatory=_text(remote.find("{*}signing-contact"), "contact-name"),
        home_signatory=_text(home.find("{*}signing-contact"), "contact-name"),
        signed_on=_date(_text(home, "signing-date")),
        in_effect=_text(iia, "in-effect") in ("true", "1"),
        partner_unit=_text(remote, "ounit-id"),
    )
    plan.agreement = _existing(plan)
    if plan.agreement is not None and not _with_partner(plan.agreement, hei):
        raise XmlRefused(
            [
                XmlProblem(
                    _(
                        "Our agreement %(reference)s named in the file is not with %(hei)s: "
                        "nothing was changed."
                    )
                    % {"reference": plan.agreement.reference, "hei": hei},
                    iia.sourceline,
                )
            ]
        )
    plan.contacts = _new_contacts(remote, plan.partner)
    cooperation = _child(iia, "cooperation-conditions")
    for element in cooperation if cooperation is not None else ():
        if isinstance(element.tag, str):
            plan.specs.append(_spec(element, ours.schac_code))
    plan.units = _partner_units(plan)
    if plan.agreement is not None:
        plan.before = [
            conditions.spec_summary(conditions.spec_from_quota(quota))
            for quota in plan.agreement.quotas.all()
        ]
    return plan


def _partner_units(plan: IiaPlan) -> list[str]:
    """The partner's unit ids in the file: its ``ounit-id``, then in each condition the
    sending unit when the partner sends, the receiving unit when it receives."""
    found = [plan.partner_unit] if plan.partner_unit else []
    for spec in plan.specs:
        key = "receiving_ounit_id" if spec["direction"] == "outgoing" else "sending_ounit_id"
        if spec[key] and spec[key] not in found:
            found.append(spec[key])
    return found


def _new_contacts(partner_element, institution: Institution | None) -> list[tuple[str, str]]:
    found = []
    for element in partner_element:
        if not isinstance(element.tag, str) or local(element) not in ("signing-contact", "contact"):
            continue
        name = _text(element, "contact-name") or " ".join(
            filter(
                None, (_text(element, "person-given-names"), _text(element, "person-family-name"))
            )
        )
        email = _text(element, "email")
        if name and (name, email) not in found:
            found.append((name[:200], email))
    if institution is None:
        return found
    known = Contact.objects.filter(institution=institution)
    return [
        (name, email)
        for name, email in found
        if not known.filter(full_name=name, email=email).exists()
    ]


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value[:10]) if value else None


def _with_partner(agreement: Agreement, hei: str) -> bool:
    """Whether ``agreement`` is with the institution of SCHAC code ``hei`` (a file that names
    our agreement with another partner must not rewrite it)."""
    return agreement.parties.filter(institution__schac_code__iexact=hei).exists()


def _existing(plan: IiaPlan) -> Agreement | None:
    if plan.home_iia_id:
        found = iias.by_iia_id(plan.home_iia_id).first()
        if found:
            return found
    if plan.partner and plan.party_ewp.get("iia_id"):
        return (
            Agreement.objects.filter(
                parties__institution=plan.partner,
                parties__iia_id=plan.party_ewp["iia_id"],
            )
            .distinct()
            .first()
        )
    return None


def _year(value: str) -> int:
    return int(value.split("/")[0])


def _area(element) -> dict:
    code = _child(element, "isced-f-code")
    area = {"isced": (code.text or "").strip()}
    if code.get("v6-value"):
        area["isced_v6"] = code.get("v6-value")
    if _text(element, "isced-clarification"):
        area["clarification"] = _text(element, "isced-clarification")
    return area


def _spec(element, home_hei: str) -> dict:
    places = _child(element, "mobilities-per-year")
    languages = []
    for skill in _children(element, "recommended-language-skill"):
        language = {"language": _text(skill, "language"), "cefr": _text(skill, "cefr-level")}
        if _child(skill, "subject-area") is not None:
            language.update(_area(_child(skill, "subject-area")))
        if skill.get("not-yet-defined") in ("true", "1"):
            language["undefined"] = True
        languages.append(language)
    total = _text(element, "total-months-per-year") or _text(element, "total-days-per-year")
    return {
        "kind": conditions.KINDS[local(element)],
        "direction": "outgoing" if _text(element, "sending-hei-id") == home_hei else "incoming",
        "sending_ounit_id": _text(element, "sending-ounit-id"),
        "receiving_ounit_id": _text(element, "receiving-ounit-id"),
        "first_year": _year(_text(element, "receiving-first-academic-year-id")),
        "last_year": _year(_text(element, "receiving-last-academic-year-id")),
        "places": int(places.text),
        "places_undefined": places.get("not-yet-defined") in ("true", "1"),
        "languages": languages,
        "subject_areas": [_area(area) for area in _children(element, "subject-area")],
        "other_info_terms": _text(element, "other-info-terms"),
        "total": total,
        "blended": _text(element, "blended") in ("true", "1"),
        "eqf_levels": [int(level.text) for level in _children(element, "eqf-level")],
    }


def _partner_unit(institution: Institution, ounit_id: str, *, actor) -> OrgUnit:
    """The institution's unit known to EWP as ``ounit_id``; a new one (named by its id
    until the office names it) when the institution has none."""
    unit = institution.units.filter(ewp_ounit_id=ounit_id).first()
    if unit is not None:
        return unit
    base = slugify(f"ewp-{ounit_id}")[:36] or "ewp"
    code, n = base, 1
    while institution.units.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    unit = OrgUnit(
        institution=institution,
        kind=OrgUnit.Kind.OTHER,
        code=code,
        name_uz=ounit_id,
        name_en=ounit_id,
        ewp_ounit_id=ounit_id,
    )
    return object_save(instance=unit, actor=actor, reason="ewp.unit.imported")


@transaction.atomic
def apply(plans: list[IiaPlan], *, actor, new_institutions: dict[str, dict]) -> list[Agreement]:
    """Write every plan, or nothing.

    ``new_institutions`` gives, by hei-id, the fields of each unknown institution to create
    (``name`` and ``country``); an unknown institution not in it refuses the import.
    """
    return [_apply(plan, actor=actor, new_institutions=new_institutions) for plan in plans]


def _apply(plan: IiaPlan, *, actor, new_institutions: dict[str, dict]) -> Agreement:
    partner = plan.partner or Institution.objects.filter(schac_code=plan.partner_hei).first()
    if partner is None:
        fields = new_institutions.get(plan.partner_hei)
        if not fields:
            raise XmlRefused(
                [
                    XmlProblem(
                        _("The institution %(hei)s is not known: create it to import.")
                        % {"hei": plan.partner_hei}
                    )
                ]
            )
        partner = Institution(schac_code=plan.partner_hei, **fields)
        partner.partnership = Institution.Partnership.ACTIVE
        object_save(instance=partner, actor=actor, reason="ewp.institution.created")
    agreement = plan.agreement or Agreement(
        kind=Agreement.Kind.ERASMUS,
        title=_("Erasmus+ inter-institutional agreement with %(name)s") % {"name": partner},
    )
    agreement.signed_on = plan.signed_on or agreement.signed_on
    agreement.home_signatory = plan.home_signatory or agreement.home_signatory
    if plan.home_iia_id and plan.home_iia_id != agreement.reference:
        agreement.iia_id = plan.home_iia_id
    party = agreement.parties.filter(institution=partner).first() if agreement.pk else None
    party = party or AgreementParty(institution=partner)
    units = {unit: _partner_unit(partner, unit, actor=actor) for unit in plan.units}
    # As the file says: a unit, or none when the agreement is with the whole institution.
    party.unit = units.get(plan.partner_unit)
    for name, value in plan.party_ewp.items():
        setattr(party, name, value)
    party.signatory = plan.signatory or party.signatory
    if agreement.pk is None:
        agreement_import(
            agreement=agreement,
            party=party,
            actor=actor,
            active=plan.in_effect and agreement.signed_on is not None,
        )
    else:
        others = list(agreement.parties.exclude(institution=partner))
        agreement_save(
            agreement=agreement, actor=actor, parties=[*others, party], reason="ewp.iia.imported"
        )
    for name, email in plan.contacts:
        if not partner.contacts.filter(full_name=name, email=email).exists():
            contact = Contact(institution=partner, full_name=name, email=email)
            object_save(instance=contact, actor=actor, reason="ewp.contact.imported")
    for quota in agreement.quotas.all():
        object_delete(instance=quota, actor=actor, reason="ewp.iia.imported")
    for spec in plan.specs:
        quota = conditions.quota_fill(MobilityQuota(agreement=agreement), spec)
        agreement_quota_save(quota=quota, actor=actor)
    return agreement
