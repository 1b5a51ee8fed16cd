"""The register's categories as the office starts with them (administrators edit purposes,
legal bases and periods on the register's page; the codes are what the retention rules of
hamkor/privacy/retention.py know)."""

from django.db import migrations

# code, legal basis, years (None: kept), counted from, action, names (uz, ru, en),
# purposes (uz, ru, en)
CATEGORIES = [
    (
        "identity", "public_task", None, "mobility_end", "keep",
        ("Shaxsni aniqlovchi maʼlumotlar", "Идентификационные данные", "Identity"),
        (
            "Ism-familiya, fuqarolik, tugʻilgan sana: almashinuvlarni tashkil etish va "
            "vazirlikka hisobot berish uchun.",
            "Имя, гражданство, дата рождения: для организации обменов и отчётов министерству.",
            "Names, citizenship, date of birth: to organise exchanges and report to the "
            "Ministry.",
        ),
    ),
    (
        "contact", "legitimate_interest", None, "mobility_end", "keep",
        ("Aloqa maʼlumotlari", "Контактные данные", "Contact details"),
        (
            "Elektron pochta va telefon: xatlar va eslatmalar yuborish uchun.",
            "Электронная почта и телефон: для писем и напоминаний.",
            "E-mail and phone: to send letters and reminders.",
        ),
    ),
    (
        "passport", "legal_obligation", 3, "mobility_end", "delete_files",
        ("Pasport va viza", "Паспорт и виза", "Passport and visa"),
        (
            "Pasport va viza raqamlari, pasport nusxalari: taklifnoma, viza va chet "
            "elliklarni roʻyxatga qoʻyish uchun (Vazirlar Mahkamasining 593-son qarori).",
            "Номера паспорта и визы, копии паспорта: для приглашений, виз и регистрации "
            "иностранцев (постановление Кабинета министров № 593).",
            "Passport and visa numbers, passport copies: for invitations, visas and the "
            "registration of foreigners (Cabinet resolution No. 593).",
        ),
    ),
    (
        "academic", "public_task", None, "mobility_end", "keep",
        ("Oʻquv natijalari", "Академические данные", "Academic records"),
        (
            "Kreditlar, sertifikat olingani: yutuqlar va yillik hisobot uchun.",
            "Кредиты, получение сертификата: для достижений и годового отчёта.",
            "Credits, whether a certificate was received: for the achievements and the "
            "annual report.",
        ),
    ),
    (
        "documents", "public_task", 10, "mobility_end", "delete_files",
        ("Yuklangan hujjatlar", "Загруженные документы", "Uploaded documents"),
        (
            "Almashinuv hujjatlari (taklifnomalar, oʻquv shartnomalari, sertifikatlar "
            "nusxalari): almashinuvni tasdiqlash uchun.",
            "Документы обменов (приглашения, учебные соглашения, копии сертификатов): для "
            "подтверждения обмена.",
            "Exchange documents (invitations, learning agreements, certificate scans): as "
            "proof of the exchange.",
        ),
    ),
    (
        "requests", "consent", 1, "request_closed", "anonymise",
        (
            "Talabalar murojaatlari (sogʻliq bilan bogʻliq)",
            "Обращения студентов (в том числе о здоровье)",
            "Student requests (health included)",
        ),
        (
            "Xorijiy talabalarning murojaatlari va ularga javoblar, jumladan tibbiy "
            "sugʻurta: murojaatni hal qilish uchun.",
            "Обращения иностранных студентов и ответы на них, в том числе о медицинской "
            "страховке: для решения обращения.",
            "Foreign students' requests and the replies, health insurance included: to "
            "resolve the request.",
        ),
    ),
    (
        "applications", "public_task", 5, "call_close", "delete_files",
        ("Tanlovlarga arizalar", "Заявки на конкурсы", "Applications to calls"),
        (
            "Motivatsiya xati va arizaga ilova qilingan hujjatlar: tanlov oʻtkazish uchun.",
            "Мотивационное письмо и документы заявки: для проведения отбора.",
            "Motivation letters and the documents of an application: to run the selection.",
        ),
    ),
    (
        "events", "legitimate_interest", 5, "event_date", "anonymise",
        ("Tadbirlarda ishtirok", "Участие в мероприятиях", "Event participation"),
        (
            "Tadbir ishtirokchilari: roʻyxatdan oʻtkazish va sertifikat berish uchun.",
            "Участники мероприятий: для регистрации и выдачи сертификатов.",
            "Event participants: to register them and issue certificates.",
        ),
    ),
    (
        "inquiries", "consent", 2, "received", "anonymise",
        ("Murojaatlar va qabulga yozilish", "Обращения и записи на приём", "Inquiries and bookings"),
        (
            "Saytdan yuborilgan murojaatlar va qabulga yozilishlar: javob berish uchun.",
            "Обращения и записи на приём с сайта: для ответа.",
            "Inquiries and reception bookings sent from the website: to answer them.",
        ),
    ),
]


def seed(apps, schema_editor):
    from django.utils import timezone

    DataCategory = apps.get_model("privacy", "DataCategory")
    History = apps.get_model("privacy", "HistoricalDataCategory")
    for code, basis, years, anchor, action, names, purposes in CATEGORIES:
        category, created = DataCategory.objects.get_or_create(
            code=code,
            defaults={
                "legal_basis": basis,
                "retention_years": years,
                "anchor": anchor,
                "action": action,
                "name_uz": names[0],
                "name_ru": names[1],
                "name_en": names[2],
                "purpose_uz": purposes[0],
                "purpose_ru": purposes[1],
                "purpose_en": purposes[2],
            },
        )
        if created:  # its history starts here, like a record added on a page
            History.objects.create(
                **{f.attname: getattr(category, f.attname) for f in DataCategory._meta.fields},
                history_date=timezone.now(),
                history_type="+",
                history_change_reason="privacy.datacategory.created",
            )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_register")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
