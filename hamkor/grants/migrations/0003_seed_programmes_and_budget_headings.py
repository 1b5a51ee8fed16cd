"""The programmes and budget headings the office starts with; it extends both lists on the
staff pages. Rows already present (by code) are left as the office wrote them."""

from django.db import migrations

# code, Uzbek, Russian, English, funder, Erasmus+ action (the calculator's rate tables)
PROGRAMMES = [
    ("erasmus-ka171", "Erasmus+ KA171: xalqaro kredit mobilligi",
     "Erasmus+ KA171: международная кредитная мобильность",
     "Erasmus+ KA171: international credit mobility", "European Commission", "KA171"),
    ("erasmus-ka131", "Erasmus+ KA131: oliy taʼlim mobilligi",
     "Erasmus+ KA131: мобильность в высшем образовании",
     "Erasmus+ KA131: higher education mobility", "European Commission", "KA131"),
    ("erasmus-cbhe", "Erasmus+ CBHE: oliy taʼlimda salohiyatni oshirish",
     "Erasmus+ CBHE: развитие потенциала высшего образования",
     "Erasmus+ CBHE: capacity building in higher education", "European Commission", ""),
    ("jean-monnet", "Jean Monnet", "Жан Монне", "Jean Monnet", "European Commission", ""),
    ("horizon-europe", "Horizon Europe", "Горизонт Европа", "Horizon Europe",
     "European Commission", ""),
    ("national", "Milliy dasturlar", "Национальные программы", "National programmes",
     "", ""),
    ("bilateral", "Ikki tomonlama hamkorlik", "Двустороннее сотрудничество",
     "Bilateral cooperation", "", ""),
    ("other", "Boshqa", "Другое", "Other", "", ""),
]  # fmt: skip

HEADINGS = [
    ("travel", "Yoʻl xarajatlari", "Транспортные расходы", "Travel"),
    ("individual-support", "Shaxsiy yordam", "Индивидуальная поддержка", "Individual support"),
    ("organisational-support", "Tashkiliy yordam", "Организационная поддержка",
     "Organisational support"),
    ("equipment", "Jihozlar", "Оборудование", "Equipment"),
    ("staff-costs", "Xodimlar xarajatlari", "Расходы на персонал", "Staff costs"),
    ("other", "Boshqa xarajatlar", "Прочие расходы", "Other costs"),
]  # fmt: skip


def seed(apps, schema_editor):
    Programme = apps.get_model("grants", "Programme")
    BudgetHeading = apps.get_model("grants", "BudgetHeading")
    for code, uz, ru, en, funder, action in PROGRAMMES:
        Programme.objects.get_or_create(
            code=code,
            defaults={
                "name_uz": uz,
                "name_ru": ru,
                "name_en": en,
                "funder": funder,
                "erasmus_action": action,
            },
        )
    for code, uz, ru, en in HEADINGS:
        BudgetHeading.objects.get_or_create(
            code=code, defaults={"name_uz": uz, "name_ru": ru, "name_en": en}
        )


class Migration(migrations.Migration):
    dependencies = [("grants", "0002_add_grant_projects")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
