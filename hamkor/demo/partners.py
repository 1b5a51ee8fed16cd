"""Demo data of the partners app: the home university, then real partner universities.

Partners come from the world directory when ``hamkor load-directory`` has filled it, else
from the short list of real universities in :mod:`hamkor.demo.institutions`.
"""

import datetime

from django.db.models import Q

from hamkor.accounts.models import User
from hamkor.core.services import object_save
from hamkor.demo.institutions import CITY_POINTS, DOMAINS, NAMES, PARTNERS
from hamkor.partners.directory import city_coordinates, parse_rank, website_host
from hamkor.partners.models import Institution, Interaction, RankingEntry
from hamkor.partners.services import institutions_similar

HOME = {
    "name": "Qo\u02bbqon davlat universiteti",
    "name_uz": "Qo\u02bbqon davlat universiteti",
    "name_ru": "Кокандский государственный университет",
    "name_en": "Kokand State University",
    "acronym": "KSU",
    "kind": Institution.Kind.UNIVERSITY,
    "country": "UZ",
    "city": "Kokand",
    "latitude": 40.5286,
    "longitude": 70.9425,
    "website": "https://kokandsu.uz",
}
QS_EDITION = 2027


def load_home(stdout) -> None:
    home = Institution.objects.filter(is_home=True).first() or Institution(is_home=True)
    for field, value in HOME.items():
        setattr(home, field, value)
    object_save(instance=home, actor=None, reason="demo.loaded")
    stdout.write(f"home university: {home.name_en}")


def find(name: str, country: str) -> Institution | None:
    """The institution standing for a demo partner, the directory's row when it has one.

    The lists spell some names differently, so the row is looked for by the name, then by
    the name followed by an alias in brackets ("Abai Kazakh National Pedagogical University
    (Abai University)"), then by the web domain, then by a name almost the same.
    """
    in_country = Institution.objects.filter(country=country)
    found = (
        in_country.filter(Q(name_en__iexact=name) | Q(name__iexact=name)).first()
        or in_country.filter(
            Q(name_en__istartswith=f"{name} (") | Q(name__istartswith=f"{name} (")
        ).first()
        or _by_domain(in_country, DOMAINS.get(name))
    )
    if found is None:
        similar = institutions_similar(name=name, country=country, limit=1)
        if similar and similar[0][1] >= 95:
            found = similar[0][0]
    return found


def _by_domain(institutions, domain: str | None) -> Institution | None:
    if not domain:
        return None
    candidates = institutions.filter(
        Q(email_domains__icontains=domain) | Q(website__icontains=domain)
    )
    for institution in candidates:
        hosts = institution.email_domains.split()
        if domain in hosts or website_host(institution.website) in (domain, f"www.{domain}"):
            return institution
    return None


def demo_partners() -> list[Institution]:
    """The demo partners as loaded, in the order of ``PARTNERS``; other demo modules use them."""
    found = (find(name, country) for name, country, _city, _rank in PARTNERS)
    return [institution for institution in found if institution is not None]


def find_or_create(name: str, country: str, city: str, actor) -> Institution:
    """The directory's row for this university if there is one, else a new institution."""
    institution = find(name, country) or Institution(name=name, country=country, city=city)
    institution.name_en = institution.name_en or name
    name_uz, name_ru = NAMES.get(name, ("", ""))
    institution.name_uz = institution.name_uz or name_uz
    institution.name_ru = institution.name_ru or name_ru
    institution.city = institution.city or city
    if institution.latitude is None:
        point = CITY_POINTS.get((country, city)) or city_coordinates(city, country)
        if point:
            institution.latitude, institution.longitude = point
    institution.partnership = Institution.Partnership.ACTIVE
    institution.owner = institution.owner or actor
    return object_save(instance=institution, actor=actor, reason="demo.loaded")


def load(stdout) -> None:
    officer = User.objects.get(email="officer@hamkor.demo")
    partners = []
    for name, country, city, rank in PARTNERS:
        institution = find_or_create(name, country, city, officer)
        partners.append(institution)
        bounds = parse_rank(rank) if rank else None
        if bounds:
            RankingEntry.objects.update_or_create(
                institution=institution,
                ranking=RankingEntry.Ranking.QS_WORLD,
                year=QS_EDITION,
                defaults={"rank": rank, "rank_low": bounds[0], "rank_high": bounds[1]},
            )
    # A year of dealings with the first partners; three follow-ups fall due this week.
    today = datetime.date.today()
    kinds = list(Interaction.Kind)
    for n, institution in enumerate(partners[:24]):
        day = today - datetime.timedelta(days=15 * n + 3)
        follow_up = today + datetime.timedelta(days=n - 1) if n < 3 else None
        Interaction.objects.update_or_create(
            institution=institution,
            date=day,
            kind=kinds[n % len(kinds)],
            defaults={
                "summary": "Kelgusi oʻquv yilida talabalar va xodimlar almashinuvi hamda "
                "qoʻshma yozgi maktab muhokama qilindi.",
                "participants": "Nodira Begmatova",
                "owner": officer,
                "follow_up_on": follow_up,
            },
        )
    ranked = RankingEntry.objects.filter(
        year=QS_EDITION,
        ranking=RankingEntry.Ranking.QS_WORLD,
        institution__in=[institution.pk for institution in partners],
    )
    stdout.write(
        f"partner universities: {len(partners)}, "
        f"of them ranked by QS {QS_EDITION}: {ranked.count()}"
    )
