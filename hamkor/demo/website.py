"""Demo data of the website app: the department's profile, with the facts of its page.

The contacts, the head and the countries of the partners are facts from the department's
public page; every text is written here in our own words, in Uzbek (Latin and, for the short
texts, Cyrillic), Russian and English, for the department to replace with its own. No text
states a figure: the page's figures are the achievements, computed from the records.
Saved through the website's service, as staff would save it; loaded again, it changes nothing.
"""

from django.contrib.auth import get_user_model

from hamkor.partners.models import Institution
from hamkor.website.models import DepartmentProfile
from hamkor.website.services import department_profile_save


def _items(*lines: str) -> str:
    return "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


PROFILE = {
    "name_uz": "Xalqaro hamkorlik boʻlimi",
    "name_uz_cyrl": "Халқаро ҳамкорлик бўлими",
    "name_ru": "Отдел международного сотрудничества",
    "name_en": "Department of International Cooperation",
    "mission_uz": "Boʻlim universitetning xorijiy oliy taʼlim muassasalari bilan "
    "aloqalarini rivojlantiradi: hamkorlik shartnomalari, talaba va oʻqituvchilar "
    "almashinuvi, xorijiy professorlarni taklif qilish va xalqaro tadbirlar.",
    "mission_ru": "Отдел развивает связи университета с зарубежными вузами: договоры о "
    "сотрудничестве, обмен студентами и преподавателями, приглашение зарубежных профессоров "
    "и международные мероприятия.",
    "mission_en": "The department develops the university's ties with universities abroad: "
    "cooperation agreements, student and staff exchanges, visiting professors and "
    "international events.",
    "head_name_uz": "Begmatova Nodira Numanovna",
    "head_name_uz_cyrl": "Бегматова Нодира Нумановна",
    "head_name_ru": "Бегматова Нодира Нумановна",
    "head_name_en": "Nodira Begmatova",
    "head_title_uz": "Xalqaro hamkorlik boʻlimi boshligʻi",
    "head_title_uz_cyrl": "Халқаро ҳамкорлик бўлими бошлиғи",
    "head_title_ru": "Начальник отдела международного сотрудничества",
    "head_title_en": "Head of the Department of International Cooperation",
    "reception_uz": "Har ish kuni",
    "reception_uz_cyrl": "Ҳар иш куни",
    "reception_ru": "Каждый рабочий день",
    "reception_en": "Every working day",
    "phone": "+998 90 343 41 59",
    "email": "ksu.intdept@gmail.com",
    "university_phone": "+998 73 542 38 38",
    "university_email": "kokandsu@exat.uz",
    "address_uz": "Qoʻqon shahri, Fargʻona viloyati",
    "address_uz_cyrl": "Қўқон шаҳри, Фарғона вилояти",
    "address_ru": "г. Коканд, Ферганская область",
    "address_en": "Kokand, Fergana region",
    "map_url": "https://www.openstreetmap.org/search?query=Kokand%20State%20University",
    "history_uz": "<p>Boʻlim universitetda uning chet eldagi universitetlar bilan aloqalarini "
    "yoʻlga qoʻyish uchun tuzilgan. Uning ishi universitetni mamlakatdan tashqarida "
    "tanitish hamda hamkorlar bilan ilmiy va madaniy almashinuvni kengaytirishdan "
    "iborat.</p><p>Soʻnggi yillarda universitet Turkiya, Rossiya, Janubiy Koreya, Xitoy, "
    "Malayziya, Qozogʻiston, Qirgʻiziston va boshqa mamlakatlar universitetlari bilan "
    "shartnoma va memorandumlar tuzdi.</p>",
    "history_ru": "<p>Отдел создан в университете, чтобы выстраивать его связи с "
    "университетами за рубежом. Его работа — делать университет известнее за пределами "
    "страны и расширять научный и культурный обмен с партнёрами.</p><p>За последние годы "
    "университет заключил договоры и меморандумы с университетами Турции, России, Южной "
    "Кореи, Китая, Малайзии, Казахстана, Кыргызстана и других стран.</p>",
    "history_en": "<p>The department was set up to build the university's ties with "
    "universities abroad. Its work is to make the university better known beyond the "
    "country and to widen scientific and cultural exchange with partners.</p><p>In recent "
    "years the university has concluded agreements and memorandums with universities in "
    "Türkiye, Russia, South Korea, China, Malaysia, Kazakhstan, Kyrgyzstan and other "
    "countries.</p>",
    "activities_uz": _items(
        "Chet el universitetlari va ilmiy markazlari orasidan hamkorlar topish, ular bilan "
        "aloqalarni mustahkamlash",
        "Talaba va oʻqituvchilar almashinuvi, jumladan Erasmus+ dasturlari orqali",
        "Xorijdan professor va mutaxassislarni taklif qilish, oʻqituvchilarimizni chet elda "
        "malaka oshirishga yuborish",
        "Xalqaro konferensiya, seminar va forumlarda qatnashish hamda ularni oʻtkazish",
        "Xorijiy talabalarni oʻqitish va ularga qulay sharoit yaratish",
        "Universitetni xalqaro reytinglarga olib chiqish va nufuzini oshirish loyihalari",
    ),
    "activities_ru": _items(
        "Поиск партнёров среди зарубежных университетов и научных центров, поддержка связей с ними",
        "Обмен студентами и преподавателями, в том числе по программам Erasmus+",
        "Приглашение зарубежных профессоров и специалистов, стажировки наших преподавателей "
        "за рубежом",
        "Участие в международных конференциях, семинарах и форумах и их проведение",
        "Обучение иностранных студентов и удобные условия для них",
        "Проекты, которые выводят университет в международные рейтинги и поднимают его престиж",
    ),
    "activities_en": _items(
        "Finding partners among universities and research centres abroad and keeping the "
        "ties strong",
        "Exchanges of students and teachers, Erasmus+ programmes among them",
        "Inviting professors and specialists from abroad; sending our teachers abroad to train",
        "Taking part in international conferences, seminars and forums, and holding our own",
        "Teaching foreign students and making their stay comfortable",
        "Projects that bring the university into international rankings and raise its standing",
    ),
    "tasks_uz": _items(
        "Universitetning xalqaro aloqalar strategiyasini ishlab chiqish va bajarish",
        "Xalqaro shartnoma va memorandumlarni tayyorlash va kelishish",
        "Xorijiy hamkorlar bilan doimiy aloqada boʻlish",
        "Akademik almashinuvlarni tashkil etish va kuzatib borish",
        "Universitetda xalqaro tadbirlar oʻtkazish",
        "Oʻqituvchi va talabalarga chet elda oʻqish, malaka oshirish va amaliyot oʻtashda "
        "koʻmaklashish",
    ),
    "tasks_ru": _items(
        "Разработка стратегии международных связей университета и её выполнение",
        "Подготовка и согласование международных договоров и меморандумов",
        "Постоянная связь с зарубежными партнёрами",
        "Организация академических обменов и контроль за ними",
        "Проведение международных мероприятий в университете",
        "Помощь преподавателям и студентам в учёбе, повышении квалификации и стажировках "
        "за рубежом",
    ),
    "tasks_en": _items(
        "Drawing up the university's strategy for international relations and carrying it out",
        "Preparing international agreements and memorandums and agreeing them with partners",
        "Keeping in regular touch with partners abroad",
        "Organising academic exchanges and following them up",
        "Holding international events at the university",
        "Helping teachers and students to study, train and do internships abroad",
    ),
}


def load(stdout) -> None:
    home = Institution.objects.get(is_home=True)
    officer = get_user_model().objects.get(email="officer@hamkor.demo")
    profile = DepartmentProfile.objects.filter(institution=home).first()
    created = profile is None
    if created:
        profile = DepartmentProfile(institution=home)
    if created or any(getattr(profile, name) != value for name, value in PROFILE.items()):
        for name, value in PROFILE.items():
            setattr(profile, name, value)
        department_profile_save(profile=profile, actor=officer, reason="demo.loaded")
    stdout.write(f"department profile: {'created' if created else 'kept'}")
