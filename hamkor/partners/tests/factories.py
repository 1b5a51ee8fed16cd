import factory

from hamkor.partners.models import Institution


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"University {n}")
    name_en = factory.SelfAttribute("name")
    country = "TR"
    city = "Ankara"


class HomeInstitutionFactory(InstitutionFactory):
    class Meta:
        model = Institution
        django_get_or_create = ("is_home",)

    name = "Qoʻqon davlat universiteti"
    name_uz = "Qoʻqon davlat universiteti"
    name_ru = "Кокандский государственный университет"
    name_en = "Kokand State University"
    country = "UZ"
    city = "Kokand"
    is_home = True
