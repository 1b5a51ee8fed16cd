"""Demo data of the website app: the department's profile, with the facts of its page.

The contacts and the head are facts from the department's public page; the mission is
written here in our own words, for the department to replace with its own.
"""

from hamkor.partners.models import Institution
from hamkor.website.models import DepartmentProfile

PROFILE = {
    "name_uz": "Xalqaro hamkorlik bo\u02bblimi",
    "name_ru": "Отдел международного сотрудничества",
    "name_en": "Department of International Cooperation",
    "mission_uz": "Bo\u02bblim universitetning xorijiy oliy ta\u02bclim muassasalari bilan "
    "aloqalarini rivojlantiradi: hamkorlik shartnomalari, talaba va o\u02bbqituvchilar "
    "almashinuvi, xorijiy professorlarni taklif qilish va xalqaro tadbirlar.",
    "mission_ru": "Отдел развивает связи университета с зарубежными вузами: договоры о "
    "сотрудничестве, обмен студентами и преподавателями, приглашение зарубежных профессоров "
    "и международные мероприятия.",
    "mission_en": "The department develops the university's ties with universities abroad: "
    "cooperation agreements, student and staff exchanges, visiting professors and "
    "international events.",
    "head_name_uz": "Begmatova Nodira Numanovna",
    "head_name_ru": "Бегматова Нодира Нумановна",
    "head_name_en": "Nodira Begmatova",
    "head_title_uz": "Xalqaro hamkorlik bo\u02bblimi boshlig\u02bbi",
    "head_title_ru": "Начальник отдела международного сотрудничества",
    "head_title_en": "Head of the Department of International Cooperation",
    "reception_uz": "Har ish kuni",
    "reception_ru": "Каждый рабочий день",
    "reception_en": "Every working day",
    "phone": "+998 90 343 41 59",
    "email": "ksu.intdept@gmail.com",
    "university_phone": "+998 73 542 38 38",
    "university_email": "kokandsu@exat.uz",
}


def load(stdout) -> None:
    home = Institution.objects.get(is_home=True)
    _profile, created = DepartmentProfile.objects.update_or_create(
        institution=home, defaults=PROFILE
    )
    stdout.write(f"department profile: {'created' if created else 'kept'}")
