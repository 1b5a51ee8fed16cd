import factory
from django.contrib.auth.models import Group

from hamkor.accounts.models import OrgUnit, User
from hamkor.partners.tests.factories import HomeInstitutionFactory

PASSWORD = "correct-horse-battery"


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    institution = factory.SubFactory(HomeInstitutionFactory)
    kind = OrgUnit.Kind.FACULTY
    code = factory.Sequence(lambda n: f"unit-{n}")
    name_uz = factory.Sequence(lambda n: f"Fakultet {n}")
    name_ru = factory.Sequence(lambda n: f"Факультет {n}")
    name_en = factory.Sequence(lambda n: f"Faculty {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
            self.__dict__.pop("roles", None)
