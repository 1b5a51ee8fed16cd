"""Scale the demo data to a large university's size, for the benchmarks.

    DATABASE_URL=postgres://... .venv/bin/python bench/generate.py \\
        --mobilities 100000 --people 50000 --agreements 2000 --partners 600

Migrates, loads the world directory (``--directory``, default ``$HAMKOR_DATA_DIR`` or
``../shared/data``) when present and the demo data set, then tops the database up to the
sizes asked for: partners (real directory institutions when loaded, else generated ones),
agreements with their parties and quotas, people, and mobilities spread over ten years with
the statuses, dates, visas and reports a decade of an office's records has.

The draw is fixed by ``--seed``: the same sizes and seed give the same rows. Rows are written
with ``bulk_create`` in batches, bypassing the services and their history (a benchmark of
reads needs the rows, not their audit trail), so the generator only runs on a database it
generated: it marks it in the table ``bench_generated`` and refuses any database that holds
people, agreements or mobilities without that mark, unless ``--force`` is given. A second
run with the same sizes adds nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HAMKOR_VAR_DIR", tempfile.mkdtemp(prefix="hamkor-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from hamkor.accounts.models import OrgUnit, User  # noqa: E402
from hamkor.agreements.models import Agreement, AgreementParty, MobilityQuota  # noqa: E402
from hamkor.core.transitions import status_set_initial  # noqa: E402
from hamkor.mobility.models import Mobility, Person  # noqa: E402
from hamkor.partners.models import Institution, RankingEntry  # noqa: E402

MARK_TABLE = "bench_generated"
BATCH = 2_000
YEARS = 10  # the mobilities span the ten years up to next year

GIVEN = (
    "Aziz", "Bekzod", "Dilshod", "Farrux", "Jasur", "Javohir", "Otabek", "Sardor", "Shoxrux",
    "Ulugʻbek", "Zafar", "Akmal", "Dilnoza", "Gulnora", "Kamola", "Madina", "Malika", "Nigora",
    "Nodira", "Sevara", "Shahnoza", "Zarina", "Feruza", "Laylo",
)  # fmt: skip
FAMILY = (
    "Abdullayev", "Aliyev", "Azimov", "Boboyev", "Ergashev", "Fayzullayev", "Hasanov",
    "Ismoilov", "Jurayev", "Karimov", "Mirzayev", "Nazarov", "Normatov", "Qodirov", "Rahimov",
    "Rashidov", "Saidov", "Salimov", "Sobirov", "Tursunov", "Umarov", "Usmonov", "Xolmatov",
    "Yoqubov", "Yusupov", "Zokirov",
)  # fmt: skip
FOREIGN = (
    ("DE", "Müller", "Anna"), ("FR", "Martin", "Claire"), ("KR", "Kim", "Min-jun"),
    ("TR", "Yılmaz", "Mehmet"), ("RU", "Ivanov", "Sergey"), ("CN", "Wang", "Li"),
    ("PL", "Nowak", "Piotr"), ("IT", "Rossi", "Giulia"), ("JP", "Sato", "Haruto"),
    ("KZ", "Nurlanov", "Aidos"), ("GB", "Smith", "James"), ("IN", "Sharma", "Priya"),
)  # fmt: skip
COUNTRIES = [country for country, _, _ in FOREIGN]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mobilities", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--agreements", type=int, default=2_000)
    parser.add_argument("--partners", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--directory", default=None, help="folder of the world directory lists")
    parser.add_argument(
        "--force", action="store_true", help="write into a database this script did not mark"
    )
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    if not _marked() and _holds_records() and not args.force:
        sys.exit(
            "bench/generate.py: this database holds people, agreements or mobilities that "
            "this script did not generate; refusing to write into it (--force to do so)."
        )
    _mark(args.seed)
    directory = Path(
        args.directory or os.environ.get("HAMKOR_DATA_DIR") or Path(__file__).parent.parent.parent
        / "shared" / "data"
    )  # fmt: skip
    if directory.is_dir() and not Institution.objects.exclude(directory_key="").exists():
        call_command("load_directory", "--from", str(directory))
    with open(os.devnull, "w") as quiet:
        call_command("demo_data", stdout=quiet)

    rng = random.Random(args.seed)
    partners = _partners(rng, args.partners)
    agreements = _agreements(rng, args.agreements, partners)
    people = _people(rng, args.people, partners)
    _mobilities(rng, args.mobilities, people, partners, agreements)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    print(
        f"{connection.vendor}: {Institution.objects.count():,} institutions "
        f"({len(partners)} partners), {Agreement.objects.count():,} agreements, "
        f"{Person.objects.count():,} people, {Mobility.objects.count():,} mobilities"
    )


# --- The mark -------------------------------------------------------------------------------


def _marked() -> bool:
    return MARK_TABLE in connection.introspection.table_names()


def _holds_records() -> bool:
    return (
        any(model.objects.exists() for model in (Person, Agreement, Mobility))
        or User.objects.exclude(email__endswith="@hamkor.demo").exists()
    )


def _mark(seed: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARK_TABLE} (seed integer NOT NULL, at varchar(40))"
        )
        cursor.execute(
            f"INSERT INTO {MARK_TABLE} (seed, at) VALUES (%s, %s)",
            [seed, timezone.now().isoformat()],
        )


# --- The rows -------------------------------------------------------------------------------


def _partners(rng: random.Random, target: int) -> list[Institution]:
    """``target`` partner institutions: directory universities made partners, else new ones."""
    partners = list(_partner_queryset().order_by("pk"))
    missing = target - len(partners)
    if missing > 0:
        pool = list(
            Institution.objects.filter(is_home=False, partnership=Institution.Partnership.NONE)
            .exclude(directory_key="")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        chosen = rng.sample(pool, min(missing, len(pool)))
        Institution.objects.filter(pk__in=chosen).update(partnership=Institution.Partnership.ACTIVE)
        missing -= len(chosen)
    if missing > 0:
        start = Institution.objects.filter(name__startswith="Bench University").count()
        new = [
            Institution(
                name=f"Bench University {start + n + 1}",
                name_en=f"Bench University {start + n + 1}",
                country=rng.choice(COUNTRIES),
                city="Bench",
                partnership=Institution.Partnership.ACTIVE,
            )
            for n in range(missing)
        ]
        for institution in new:
            institution.refresh_search_text()
        created = Institution.objects.bulk_create(new, batch_size=BATCH)
        RankingEntry.objects.bulk_create(
            (
                RankingEntry(
                    institution=institution,
                    ranking=RankingEntry.Ranking.QS_WORLD,
                    year=2027,
                    rank=str(rank),
                    rank_low=rank,
                )
                for institution in created
                if (rank := rng.randint(1, 2500)) <= 1500
            ),
            batch_size=BATCH,
        )
    return list(_partner_queryset().order_by("pk"))


def _partner_queryset():
    return Institution.objects.partners()


def _agreements(
    rng: random.Random, target: int, partners: list[Institution]
) -> dict[int, list[Agreement]]:
    """Agreements up to ``target``, two parties each (the partner), one to three quotas."""
    missing = target - Agreement.objects.count()
    if missing > 0:
        today = timezone.localdate()
        first = Agreement.objects.filter(reference__startswith="BEN-").count()
        rows = []
        for n in range(missing):
            signed = today - datetime.timedelta(days=rng.randint(0, 365 * YEARS))
            years = rng.choice((3, 5, 5, 10))
            valid_to = signed.replace(year=signed.year + years, day=min(signed.day, 28))
            kind = rng.choice(Agreement.Kind.values)
            rows.append(
                Agreement(
                    reference=f"BEN-{first + n + 1:06d}",
                    kind=kind,
                    title=f"{Agreement.Kind(kind).label} {first + n + 1}",
                    status=Agreement.Status.ACTIVE
                    if valid_to >= today
                    else Agreement.Status.EXPIRED,
                    signed_on=signed,
                    valid_from=signed,
                    valid_to=valid_to,
                )
            )
        for agreement in rows:
            agreement.refresh_search_text()
        created = Agreement.objects.bulk_create(rows, batch_size=BATCH)
        AgreementParty.objects.bulk_create(
            (
                AgreementParty(agreement=agreement, institution=rng.choice(partners))
                for agreement in created
            ),
            batch_size=BATCH,
        )
        quotas = []
        for agreement in created:
            kinds = rng.sample(MobilityQuota.MobilityKind.values, rng.randint(1, 3))
            year = agreement.valid_from.year
            for kind in kinds:
                quotas.append(
                    MobilityQuota(
                        agreement=agreement,
                        direction=rng.choice(MobilityQuota.Direction.values),
                        mobility_kind=kind,
                        places_per_year=rng.randint(1, 6),
                        months=Decimal(5) if kind.startswith("student") else None,
                        days=None if kind.startswith("student") else 7,
                        first_year=year,
                        last_year=agreement.valid_to.year,
                    )
                )
        MobilityQuota.objects.bulk_create(quotas, batch_size=BATCH)
    by_partner: dict[int, list[Agreement]] = {}
    for party in AgreementParty.objects.select_related("agreement").order_by("pk"):
        by_partner.setdefault(party.institution_id, []).append(party.agreement)
    return by_partner


def _people(rng: random.Random, target: int, partners: list[Institution]) -> list[Person]:
    """People up to ``target``: our students and staff in a faculty, and foreign guests."""
    missing = target - Person.objects.count()
    if missing > 0:
        faculties = list(
            OrgUnit.objects.filter(institution__is_home=True, kind=OrgUnit.Kind.FACULTY)
        )
        today = timezone.localdate()
        first = Person.objects.filter(email__endswith="@bench.example").count()
        rows = []
        for n in range(missing):
            number = first + n + 1
            draw = rng.random()
            if draw < 0.8:
                category = Person.Category.STUDENT if draw < 0.55 else Person.Category.STAFF
                person = Person(
                    category=category,
                    last_name=rng.choice(FAMILY),
                    first_name=rng.choice(GIVEN),
                    citizenship="UZ",
                    org_unit=rng.choice(faculties) if faculties else None,
                    study_level=Person.StudyLevel.BACHELOR
                    if category == Person.Category.STUDENT
                    else "",
                )
            else:
                country, family, given = rng.choice(FOREIGN)
                person = Person(
                    category=Person.Category.FOREIGN_PROFESSOR
                    if draw < 0.93
                    else Person.Category.FOREIGN_STUDENT,
                    last_name=family,
                    first_name=given,
                    citizenship=country,
                    institution=rng.choice(partners),
                )
            person.email = f"person{number}@bench.example"
            if rng.random() < 0.6:
                person.passport_number = f"BP{number:07d}"
                person.passport_valid_to = today + datetime.timedelta(days=rng.randint(-400, 3650))
                person.date_of_birth = today - datetime.timedelta(days=rng.randint(6600, 22000))
            rows.append(person)
        for person in rows:
            person.refresh_search_text()  # bulk_create skips save(), which fills it
        Person.objects.bulk_create(rows, batch_size=BATCH)
    return list(Person.objects.order_by("pk").only("pk", "category", "org_unit_id"))


def _mobilities(
    rng: random.Random,
    target: int,
    people: list[Person],
    partners: list[Institution],
    agreements: dict[int, list[Agreement]],
) -> None:
    """Mobilities up to ``target`` over ten years: each person's trips in distinct years."""
    missing = target - Mobility.objects.count()
    if missing <= 0:
        return
    home = Institution.objects.get(is_home=True)
    today = timezone.localdate()
    first_year = today.year - YEARS + 1
    taken = {
        (person_id, start.year)
        for person_id, start in Mobility.objects.values_list("person_id", "planned_start")
    }
    foreign = {Person.Category.FOREIGN_PROFESSOR, Person.Category.FOREIGN_STUDENT}
    rows: list[Mobility] = []
    while len(rows) < missing:
        person = rng.choice(people)
        year = rng.randint(first_year, today.year + 1)
        if (person.pk, year) in taken:
            continue
        taken.add((person.pk, year))
        rows.append(_mobility(rng, person, year, person.category in foreign, home, partners,
                              agreements, today))  # fmt: skip
        if len(rows) >= BATCH:
            with transaction.atomic():
                Mobility.objects.bulk_create(rows)
            missing -= len(rows)
            rows = []
    if rows:
        Mobility.objects.bulk_create(rows)


def _mobility(rng, person, year, incoming, home, partners, agreements, today) -> Mobility:
    partner = rng.choice(partners)
    student = person.category in (Person.Category.STUDENT, Person.Category.FOREIGN_STUDENT)
    if student:
        kind = rng.choice((Mobility.Kind.STUDENT_STUDY, Mobility.Kind.STUDENT_TRAINEESHIP))
        length = rng.randint(60, 150)
    else:
        kind = rng.choice(
            (Mobility.Kind.STAFF_TEACHING, Mobility.Kind.STAFF_TRAINING, Mobility.Kind.RESEARCH)
        )
        length = rng.randint(5, 30)
    start = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364 - 150))
    end = start + datetime.timedelta(days=length)
    in_force = [
        agreement
        for agreement in agreements.get(partner.pk, ())
        if (agreement.valid_from or start) <= start and (agreement.valid_to or end) >= end
    ]
    mobility = Mobility(
        person_id=person.pk,
        direction=Mobility.Direction.INCOMING if incoming else Mobility.Direction.OUTGOING,
        kind=kind,
        programme=rng.choice(Mobility.Programme.values),
        agreement=rng.choice(in_force) if in_force and rng.random() < 0.7 else None,
        sending_institution=partner if incoming else home,
        receiving_institution=home if incoming else partner,
        home_unit_id=person.org_unit_id,
        planned_start=start,
        planned_end=end,
        funding_amount=Decimal(rng.randint(5, 300) * 100),
        funding_currency=rng.choice(("EUR", "USD", "UZS")),
        certificate_received=False,
    )
    if end < today:
        if rng.random() < 0.06:
            status_set_initial(mobility, Mobility.Status.CANCELLED)
            mobility.cancel_reason = "Visa refused"
        else:
            status_set_initial(mobility, Mobility.Status.COMPLETED)
            mobility.actual_start, mobility.actual_end = start, end
            mobility.certificate_received = rng.random() < 0.9
            if not incoming and rng.random() < 0.97:
                mobility.report_received_on = end + datetime.timedelta(days=rng.randint(1, 5))
    elif start <= today:
        status_set_initial(mobility, Mobility.Status.IN_PROGRESS)
        mobility.actual_start = start
    else:
        status_set_initial(
            mobility,
            rng.choice(
                (Mobility.Status.PLANNED, Mobility.Status.NOMINATED, Mobility.Status.ACCEPTED)
            ),
        )
    if incoming:
        mobility.visa_type = Mobility.Visa.ACADEMIC
        mobility.visa_number = f"V{rng.randint(10**6, 10**7 - 1)}"
        mobility.visa_valid_to = end + datetime.timedelta(days=rng.randint(-20, 30))
        if start <= today and rng.random() < 0.95:
            mobility.registered_on = start + datetime.timedelta(days=rng.randint(0, 3))
            mobility.registration_valid_to = end + datetime.timedelta(days=rng.randint(-15, 10))
    return mobility


if __name__ == "__main__":
    main()
