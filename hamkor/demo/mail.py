"""Demo data of bulk e-mail: a template officers send from the lists of people and mobilities."""

from __future__ import annotations

from hamkor.accounts.models import User
from hamkor.core.models import EmailTemplate
from hamkor.core.services import object_save

TEMPLATES = {
    "pre-departure": {
        "subject_uz": "Safaringiz oldidan: hujjatlar va yoʻriqnoma",
        "body_uz": (
            "Hurmatli {name}!\n\n"
            "Safaringiz oldidan ({partner}, {start} – {end}) Xalqaro hamkorlik boʻlimiga "
            "pasport nusxasi, sugʻurta polisi va taʼlim shartnomasini olib keling.\n\n"
            "Xalqaro hamkorlik boʻlimi"
        ),
        "subject_ru": "Перед поездкой: документы и инструктаж",
        "body_ru": (
            "Уважаемый(ая) {name}!\n\n"
            "Перед поездкой в {partner} ({start} – {end}) принесите в отдел международного "
            "сотрудничества копию паспорта, страховой полис и соглашение об обучении.\n\n"
            "Отдел международного сотрудничества"
        ),
        "subject_en": "Before you travel: documents and briefing",
        "body_en": (
            "Dear {name},\n\n"
            "Before your trip to {partner} ({start} – {end}), please bring a copy of your "
            "passport, your insurance policy and your learning agreement to the International "
            "Cooperation Department.\n\n"
            "International Cooperation Department"
        ),
    },
}


def load(stdout) -> None:
    officer = User.objects.get(email="officer@hamkor.demo")
    created = 0
    for code, texts in TEMPLATES.items():
        if EmailTemplate.objects.filter(code=code).exists():
            continue
        object_save(instance=EmailTemplate(code=code, **texts), actor=officer, reason="demo.loaded")
        created += 1
    stdout.write(f"e-mail templates: {created} created")
