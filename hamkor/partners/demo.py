"""Demo data of the partners app: the home university."""

from hamkor.partners.models import Institution

HOME = {
    "name": "Qo\u02bbqon davlat universiteti",
    "name_uz": "Qo\u02bbqon davlat universiteti",
    "name_ru": "Кокандский государственный университет",
    "name_en": "Kokand State University",
    "acronym": "KSU",
    "kind": Institution.Kind.UNIVERSITY,
    "country": "UZ",
    "city": "Kokand",
    "website": "https://kokandsu.uz",
}


def load(stdout) -> None:
    home, created = Institution.objects.update_or_create(is_home=True, defaults=HOME)
    stdout.write(f"home university: {home.name_en} ({'created' if created else 'kept'})")
