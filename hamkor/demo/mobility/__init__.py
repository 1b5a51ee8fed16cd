"""Demo data of the mobility app: the exchanges behind the seed page's figures.

In 2022-2025 (academic years 2022/23 to 2024/25 and the autumn of 2025): 520 students sent
abroad who came back with certificates; 64 professors who taught at QS top-1000
universities; 114 professors who completed internships at QS top-1000 universities (twelve of
them twice, and some had another internship at a university outside the top 1000); 22
teachers at universities in the UK and Europe; 156 visiting professors from partner
universities around the world, with invitation letters, visas and registration. Around them,
what an office also has: students still waiting for their certificate, cancelled trips with
their reason, and a few exchanges of 2026 and 2027 in progress, accepted or planned. The
seeded applicant ``student@hamkor.demo`` is linked to a student with one accepted
mobility for the spring of 2027; no other person has a user account.

Hosts are the real partner universities loaded by the partners demo; "top 1000" is read
from their QS ranking entries with the same rule as the figures (``figures.py``). Every
mobility is saved by the services, so every rule holds (no overlap per person, an agreement
only when it is in force on the dates and the partner is a party, real currencies), and its
history says ``demo.loaded``. Exchanges of past years are entered as the office enters its
records of them, completed with their dates in one save; the ones still being worked on
(nominated, accepted, in progress, cancelled) then go through the named transitions.

The plan is drawn from a fixed seed, so every run draws the same data; people are keyed by
their e-mail and mobilities by (person, planned start), so a second run adds nothing.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.utils import timezone

from hamkor.accounts.models import OrgUnit, User
from hamkor.agreements.models import Agreement, MobilityQuota
from hamkor.core.services import object_save
from hamkor.core.transitions import status_set_initial
from hamkor.demo.mobility.setup import (
    COUNTRY_WEIGHT,
    PERIOD,
    Partner,
    S,
    Trip,
)
from hamkor.demo.mobility.trips import Planner
from hamkor.demo.partners import demo_partners
from hamkor.mobility.figures import LABELS, mobility_figures
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.services import (
    mobility_invitation_issue,
    mobility_save,
    mobility_transition,
)
from hamkor.partners.models import Institution, RankingEntry


def _partners() -> list[Partner]:
    """The demo partners with their QS World ranks and agreements, in a fixed order."""
    institutions = sorted(demo_partners(), key=lambda i: (i.name_en, i.pk))
    ranks: dict[int, list] = {}
    for entry in RankingEntry.objects.filter(
        institution__in=institutions, ranking=RankingEntry.Ranking.QS_WORLD
    ).order_by("year"):
        worst = entry.rank_high if entry.rank_high is not None else entry.rank_low
        ranks.setdefault(entry.institution_id, []).append((entry.year, worst))
    agreements: dict[int, list] = {}
    quotas: dict[int, list] = {}
    for quota in MobilityQuota.objects.filter(agreement__parties__institution__in=institutions):
        quotas.setdefault(quota.agreement_id, []).append(quota)
    for agreement in (
        Agreement.objects.filter(parties__institution__in=institutions)
        .distinct()
        .prefetch_related("parties")
        .order_by("signed_on", "pk")
    ):
        agreement.demo_quotas = quotas.get(agreement.pk, [])
        for party in agreement.parties.all():
            agreements.setdefault(party.institution_id, []).append(agreement)
    per_country = Counter(i.country.code for i in institutions)
    return [
        Partner(
            institution=i,
            country=i.country.code,
            weight=COUNTRY_WEIGHT.get(i.country.code, 1.0) / per_country[i.country.code] ** 0.5,
            qs=ranks.get(i.pk, []),
            agreements=agreements.get(i.pk, []),
        )
        for i in institutions
    ]


# The steps from "planned" to each status. The exchanges of past years are entered as the
# office's records of them: saved once, completed, with their dates (one service call a row,
# every rule checked); the ones still being worked on go through the named transitions.
TRANSITIONS = {
    S.PLANNED: [],
    S.NOMINATED: ["nominate"],
    S.ACCEPTED: ["nominate", "accept"],
    S.IN_PROGRESS: ["accept", "start_trip"],
    S.COMPLETED: [],
    S.CANCELLED: ["nominate", "cancel"],
}


def _carry_out(trip: Trip, person: Person, units, home, officer) -> Mobility:
    outgoing = trip.direction == Mobility.Direction.OUTGOING
    mobility = Mobility(
        person=person,
        direction=trip.direction,
        kind=trip.kind,
        programme=trip.programme,
        agreement=trip.agreement,
        sending_institution=home if outgoing else trip.partner.institution,
        receiving_institution=trip.partner.institution if outgoing else home,
        home_unit=units.get(trip.unit),
        planned_start=trip.start,
        planned_end=trip.end,
        **{key: value for key, value in trip.fields.items() if value is not None},
    )
    if trip.status == S.COMPLETED:
        # Entered as the record of a past exchange (see TRANSITIONS above).
        status_set_initial(mobility, S.COMPLETED)
        mobility.actual_start, mobility.actual_end = trip.start, trip.end
        mobility.status_changed_at = timezone.make_aware(
            datetime.datetime.combine(trip.end, datetime.time(17, 0))
        )
    mobility_save(mobility=mobility, actor=officer, reason="demo.loaded")
    if not outgoing and trip.status != S.CANCELLED:
        mobility_invitation_issue(mobility=mobility, actor=officer)
    for name in TRANSITIONS[trip.status]:
        on = trip.start if name == "start_trip" else None
        mobility = mobility_transition(
            mobility=mobility, name=name, actor=officer, reason=trip.cancel_reason, on=on
        )
    return mobility


def load(stdout) -> None:
    officer = User.objects.get(email="officer@hamkor.demo")
    home = Institution.objects.get(is_home=True)
    units = {
        unit.code: unit
        for unit in OrgUnit.objects.filter(institution=home, kind=OrgUnit.Kind.FACULTY)
    }
    partners = _partners()
    if not partners:
        stdout.write("mobility: no demo partners, nothing to do")
        return
    planner = Planner(partners)
    planner.plan()
    applicant = User.objects.filter(email="student@hamkor.demo").first()
    if applicant is not None:
        planner.applicant(applicant)

    emails = [plan.email for plan in planner.people]
    existing = {person.email: person for person in Person.objects.filter(email__in=emails)}
    if applicant is not None:
        linked = Person.objects.filter(user=applicant).first()
        if linked is not None:
            existing[applicant.email] = linked
    done = set(
        Mobility.objects.filter(person__in=existing.values()).values_list(
            "person_id", "planned_start"
        )
    )
    people: dict[int, Person] = {}
    created_people = created_trips = 0
    for plan in planner.people:
        person = existing.get(plan.email)
        if person is None:
            person = Person(
                email=plan.email,
                org_unit=units.get(plan.unit),
                institution=plan.partner.institution if plan.partner else None,
                user=plan.user,
                **plan.fields,
            )
            object_save(instance=person, actor=officer, reason="demo.loaded")
            created_people += 1
        people[id(plan)] = person
    for trip in planner.trips:
        person = people[id(trip.person)]
        # A person loaded by an earlier run keeps the trips it gave them, even when the
        # partners have changed since (a directory loaded after the first demo).
        if (person.pk, trip.start) in done or person.email in existing:
            continue
        _carry_out(trip, person, units, home, officer)
        created_trips += 1

    _this_week(partners, home, units, officer)
    figures = mobility_figures(start=PERIOD[0], end=PERIOD[1])
    stdout.write(
        f"people: {created_people} added ({Person.objects.count()} in all), "
        f"mobilities: {created_trips} added ({Mobility.objects.count()} in all)"
    )
    stdout.write(
        f"mobility figures {PERIOD[0]:%Y}-{PERIOD[1]:%Y}: "
        + "; ".join(f"{LABELS[key]} {value}" for key, value in figures.items())
    )


# Guests and a traveller around the day the demo is loaded, so that the deadlines board has
# something to show. Keyed by e-mail: loaded once, they become overdue on later days.
THIS_WEEK = (
    ("Novak", "Petr", "CZ", "incoming", -1),
    ("Kim", "Min-jun", "KR", "incoming", 2),
    ("Yusupov", "Bekzod", "UZ", "outgoing", -3),
)


def _this_week(partners: list, home, units, officer) -> None:
    today = timezone.localdate()
    by_country = {partner.institution.country.code: partner.institution for partner in partners}
    for last, first, country, direction, offset in THIS_WEEK:
        email = (
            f"{first}.{last}.now@{'guests' if direction == 'incoming' else 'staff'}.kokandsu.demo"
        )
        if Person.objects.filter(email=email.lower()).exists():
            continue
        incoming = direction == Mobility.Direction.INCOMING
        partner = by_country.get(country) or partners[0].institution
        person = object_save(
            instance=Person(
                email=email.lower(),
                last_name=last,
                first_name=first,
                category=Person.Category.FOREIGN_PROFESSOR if incoming else Person.Category.STAFF,
                citizenship=country,
                institution=partner if incoming else None,
                org_unit=None if incoming else units.get("exact"),
                position="Professor" if incoming else "Katta oʻqituvchi",
                language="en" if incoming else "uz",
            ),
            actor=officer,
            reason="demo.loaded",
        )
        start = today + datetime.timedelta(days=offset)
        if not incoming:
            start = today - datetime.timedelta(days=12)
        end = start + datetime.timedelta(days=9)
        mobility = mobility_save(
            mobility=Mobility(
                person=person,
                direction=direction,
                kind=Mobility.Kind.STAFF_TEACHING,
                programme=Mobility.Programme.PARTNER,
                sending_institution=partner if incoming else home,
                receiving_institution=home if incoming else partner,
                home_unit=units.get("philology"),
                planned_start=start,
                planned_end=end,
                visa_type=Mobility.Visa.VISA_FREE if incoming else "",
            ),
            actor=officer,
            reason="demo.loaded",
        )
        if incoming:
            mobility_invitation_issue(mobility=mobility, actor=officer)
        mobility = mobility_transition(mobility=mobility, name="accept", actor=officer)
        if start <= today:
            mobility = mobility_transition(
                mobility=mobility, name="start_trip", actor=officer, on=start
            )
        if not incoming:
            mobility_transition(
                mobility=mobility,
                name="complete",
                actor=officer,
                on=today - datetime.timedelta(days=3),
            )
