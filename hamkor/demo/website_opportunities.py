"""Demo opportunities of the public site: an Erasmus+ exchange, the state scholarship, a
partner's summer school and a partner's scholarship open now, one closed and one draft,
with deadlines relative to today (17:00 Tashkent time) and texts in our own words.

Run after the partners, whose institutions two of them name.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from hamkor.demo.partners import find
from hamkor.website.opportunities.models import Opportunity
from hamkor.website.opportunities.services import opportunity_save, opportunity_transition

REASON = "demo.loaded"
K = Opportunity.Kind
A = Opportunity.Audience

# slug, kind, audience, days to the deadline, published?, partner (name, country), url,
# titles, summaries, bodies
OPPORTUNITIES = [
    (
        "erasmus-ka171-semester",
        K.EXCHANGE,
        A.BOTH,
        24,
        True,
        ("Masaryk University", "CZ"),
        "https://erasmus-plus.ec.europa.eu/",
        {
            "uz": "Erasmus+ KA171: Chexiyada bir semestr",
            "ru": "Erasmus+ KA171: семестр в Чехии",
            "en": "Erasmus+ KA171: a semester in the Czech Republic",
        },
        {
            "uz": "Kredit mobilligi: talabalar uchun bir semestr, oʻqituvchilar uchun bir "
            "haftalik dars berish safari; grant yoʻl va yashash xarajatlarini qoplaydi.",
            "ru": "Кредитная мобильность: семестр учёбы для студентов и неделя преподавания "
            "для сотрудников; грант покрывает дорогу и проживание.",
            "en": "Credit mobility: a semester of study for students and a teaching week for "
            "staff; the grant pays for travel and living costs.",
        },
        {
            "uz": "<h2>Kimlar topshira oladi</h2><ul><li>2–3-kurs bakalavr va magistr "
            "talabalari (oʻrtacha baho 4 dan yuqori)</li><li>Ingliz tili B2 darajasida</li>"
            "<li>Kafedrada kamida bir yil ishlagan oʻqituvchilar</li></ul><h2>Hujjatlar</h2>"
            "<ul><li>Motivatsion xat</li><li>Transkript yoki ish joyidan maʼlumotnoma</li>"
            "<li>Til sertifikati</li></ul><p>Hujjatlarni boʻlimga olib keling yoki elektron "
            "pochta orqali yuboring.</p>",
            "ru": "<h2>Кто может подать</h2><ul><li>Студенты бакалавриата 2–3 курсов и "
            "магистранты (средний балл выше 4)</li><li>Английский язык на уровне B2</li>"
            "<li>Преподаватели, проработавшие на кафедре не меньше года</li></ul>"
            "<h2>Документы</h2><ul><li>Мотивационное письмо</li><li>Выписка оценок или "
            "справка с места работы</li><li>Языковой сертификат</li></ul><p>Документы "
            "принесите в отдел или пришлите по электронной почте.</p>",
            "en": "<h2>Who may apply</h2><ul><li>Bachelor's students in their 2nd or 3rd year "
            "and master's students (average mark above 4)</li><li>English at level B2</li>"
            "<li>Teachers with at least a year at their department</li></ul>"
            "<h2>Documents</h2><ul><li>A motivation letter</li><li>A transcript, or a letter "
            "from your department</li><li>A language certificate</li></ul><p>Bring the "
            "documents to the department or send them by e-mail.</p>",
        },
    ),
    (
        "el-yurt-umidi-scholarship",
        K.SCHOLARSHIP,
        A.BOTH,
        45,
        True,
        None,
        "https://eyuf.uz/",
        {
            "uz": "“El-yurt umidi” jamgʻarmasi stipendiyasi",
            "ru": "Стипендия фонда «Эл-юрт умиди»",
            "en": "El-Yurt Umidi Foundation scholarship",
        },
        {
            "uz": "Xorijiy universitetlarda magistratura, doktorantura va malaka oshirish "
            "uchun davlat stipendiyasi.",
            "ru": "Государственная стипендия на магистратуру, докторантуру и стажировку в "
            "зарубежных университетах.",
            "en": "A state scholarship for a master's degree, doctoral study or a research "
            "stay at a university abroad.",
        },
        {
            "uz": "<p>Stipendiya oʻqish, yoʻl va yashash xarajatlarini qoplaydi. Oʻqishdan "
            "keyin Oʻzbekistonda ishlash majburiyati bor.</p><p>Ariza jamgʻarmaning "
            "saytida topshiriladi; boʻlim motivatsion xat va tavsiyanomalarni tayyorlashga "
            "yordam beradi.</p>",
            "ru": "<p>Стипендия покрывает обучение, дорогу и проживание. После учёбы нужно "
            "отработать в Узбекистане.</p><p>Заявка подаётся на сайте фонда; отдел помогает "
            "подготовить мотивационное письмо и рекомендации.</p>",
            "en": "<p>The scholarship pays for tuition, travel and living costs. After the "
            "study, the holder works in Uzbekistan for an agreed time.</p><p>Applications "
            "are made on the foundation's site; the department helps with the motivation "
            "letter and the references.</p>",
        },
    ),
    (
        "hanyang-summer-school",
        K.SUMMER_SCHOOL,
        A.STUDENTS,
        9,
        True,
        ("Hanyang University", "KR"),
        "",
        {
            "uz": "Seuldagi xalqaro yozgi maktab",
            "ru": "Международная летняя школа в Сеуле",
            "en": "International summer school in Seoul",
        },
        {
            "uz": "Uch haftalik kurslar: koreys tili, muhandislik va biznes; hamkor "
            "universitet talabalariga oʻqish toʻlovidan chegirma.",
            "ru": "Трёхнедельные курсы корейского языка, инженерии и бизнеса; для студентов "
            "университетов-партнёров скидка на обучение.",
            "en": "Three weeks of courses in Korean, engineering and business; partner "
            "universities' students pay a reduced fee.",
        },
        {
            "uz": "<p>Darslar ingliz tilida. Tanlangan talabalar kredit olishadi, uni "
            "oʻz universitetida hisobga oldirish mumkin.</p>",
            "ru": "<p>Занятия на английском языке. Отобранные студенты получают кредиты, "
            "которые можно перезачесть в своём университете.</p>",
            "en": "<p>Classes are in English. Selected students earn credits that their own "
            "university can recognise.</p>",
        },
    ),
    (
        "upm-partner-scholarship",
        K.SCHOLARSHIP,
        A.STAFF,
        60,
        True,
        ("Universiti Putra Malaysia", "MY"),
        "",
        {
            "uz": "Hamkor universitetning doktorantura stipendiyasi",
            "ru": "Стипендия университета-партнёра для докторантов",
            "en": "A partner university's doctoral scholarship",
        },
        {
            "uz": "Yosh oʻqituvchilar uchun doktorantura: oʻqish toʻlovisiz, oylik nafaqa bilan.",
            "ru": "Докторантура для молодых преподавателей: без платы за обучение, с "
            "ежемесячным пособием.",
            "en": "Doctoral study for young teachers: no tuition fee, and a monthly allowance.",
        },
        {
            "uz": "<p>Hamkorlik memorandumi asosida har yili ikki oʻrin ajratiladi. "
            "Nomzodni kafedra tavsiya qiladi.</p>",
            "ru": "<p>По меморандуму о сотрудничестве ежегодно выделяются два места. "
            "Кандидата рекомендует кафедра.</p>",
            "en": "<p>Two places a year under the cooperation memorandum. The candidate is "
            "recommended by their department.</p>",
        },
    ),
    (
        "staff-training-week",
        K.GRANT,
        A.STAFF,
        -4,
        True,
        None,
        "",
        {
            "uz": "Xodimlar uchun malaka oshirish haftasi granti",
            "ru": "Грант на неделю повышения квалификации сотрудников",
            "en": "Staff training week grant",
        },
        {
            "uz": "Xodimlar uchun bir haftalik tajriba almashish safari.",
            "ru": "Недельная поездка сотрудников для обмена опытом.",
            "en": "A one-week trip for staff to learn from a partner.",
        },
        {"uz": "<p>Qabul yakunlandi.</p>", "ru": "<p>Приём завершён.</p>", "en": ""},
    ),
    (
        "joint-research-call",
        K.GRANT,
        A.STAFF,
        30,
        False,
        None,
        "",
        {"uz": "Qoʻshma tadqiqot loyihalari tanlovi", "ru": "", "en": ""},
        {"uz": "Tayyorlanmoqda.", "ru": "", "en": ""},
        {"uz": "", "ru": "", "en": ""},
    ),
]


def _columns(prefix: str, texts: dict) -> dict:
    return {f"{prefix}_{language}": text for language, text in texts.items()}


def deadline_in(days: int) -> datetime.datetime:
    """17:00 Tashkent time, ``days`` from today."""
    today = timezone.localdate()
    moment = datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(17))
    return timezone.make_aware(moment)


def load(stdout) -> None:
    officer = get_user_model().objects.get(email="officer@hamkor.demo")
    added = 0
    for row in OPPORTUNITIES:
        slug, kind, audience, days, published, partner, url, titles, summaries, bodies = row
        if Opportunity.objects.filter(slug=slug).exists():
            continue
        opportunity = opportunity_save(
            opportunity=Opportunity(
                slug=slug,
                kind=kind,
                audience=audience,
                deadline=deadline_in(days),
                url=url,
                partner=find(*partner) if partner else None,
                **_columns("title", titles),
                **_columns("summary", summaries),
                **_columns("body", bodies),
            ),
            actor=officer,
            reason=REASON,
        )
        if published:
            opportunity_transition(opportunity=opportunity, name="publish", actor=officer)
        added += 1
    stdout.write(f"opportunities: {added} added")
