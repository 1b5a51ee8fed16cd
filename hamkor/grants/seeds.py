"""The programmes and budget headings the office starts with; it extends both lists on the
staff pages. Rows already present (by code) are left as the office wrote them.

The data migration ``0003`` writes them once; an emptied database (a test's flush, which
also empties what migrations wrote) gets them back after ``migrate`` and ``flush`` through
``post_migrate`` (``GrantsConfig.ready``), but only while both lists are empty, so that a
row the office deleted stays deleted.
"""

from django.utils import timezone

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


def _created(apps, model_name: str, row) -> None:
    """The row's first history entry, as the services would have written it."""
    historical = apps.get_model("grants", f"Historical{model_name}")
    values = {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}
    historical.objects.create(
        **values,
        history_date=timezone.now(),
        history_type="+",
        history_change_reason=f"grants.{model_name.lower()}.seeded",
    )


def seed(apps, schema_editor):
    Programme = apps.get_model("grants", "Programme")
    BudgetHeading = apps.get_model("grants", "BudgetHeading")
    for code, uz, ru, en, funder, action in PROGRAMMES:
        row, created = Programme.objects.get_or_create(
            code=code,
            defaults={
                "name_uz": uz,
                "name_ru": ru,
                "name_en": en,
                "funder": funder,
                "erasmus_action": action,
            },
        )
        if created:
            _created(apps, "Programme", row)
    for code, uz, ru, en in HEADINGS:
        row, created = BudgetHeading.objects.get_or_create(
            code=code, defaults={"name_uz": uz, "name_ru": ru, "name_en": en}
        )
        if created:
            _created(apps, "BudgetHeading", row)


def seed_when_empty(sender, app_config=None, using="default", **kwargs) -> None:
    """``post_migrate``: the starting lists, when the database has none of either."""
    if app_config is None or app_config.label != "grants":
        return
    from django.apps import apps

    Programme = apps.get_model("grants", "Programme")
    BudgetHeading = apps.get_model("grants", "BudgetHeading")
    if Programme.objects.using(using).exists() or BudgetHeading.objects.using(using).exists():
        return
    seed(apps, None)
