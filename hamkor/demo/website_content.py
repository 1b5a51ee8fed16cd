"""Demo content of the public site: the pages for foreign students and guests, a few news
items (published, scheduled, a draft) and a picture, saved through the content services.

The facts come from public sources on Uzbekistan's rules (see ``shared/uzbek-context.md``);
the texts are written here in our own words, for the department to replace with its own.
"""

from __future__ import annotations

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from hamkor.website.content.models import NewsItem, Page, SiteImage
from hamkor.website.content.services import (
    news_item_save,
    news_item_transition,
    page_save,
    page_transition,
    site_image_upload,
)

REASON = "demo.loaded"

# (slug, parent slug, position, titles, bodies)
PAGES = [
    (
        "foreign-guests",
        None,
        10,
        {
            "uz": "Xorijiy talabalar va mehmonlar uchun",
            "ru": "Иностранным студентам и гостям",
            "en": "For foreign students and guests",
        },
        {
            "uz": "<p>Universitetga oʻqishga, dars berishga yoki ilmiy ish bilan keladigan "
            "xorijliklar uchun asosiy qoidalar shu yerda jamlangan. Savollar boʻlsa, "
            "boʻlimga murojaat qiling: biz har ish kuni qabul qilamiz.</p>",
            "ru": "<p>Здесь собраны основные правила для иностранцев, которые приезжают в "
            "университет учиться, преподавать или заниматься наукой. Если остались вопросы, "
            "обращайтесь в отдел: мы принимаем каждый рабочий день.</p>",
            "en": "<p>The main rules for foreigners who come to the university to study, teach "
            "or do research are gathered here. If a question remains, contact the department: "
            "we receive visitors every working day.</p>",
        },
    ),
    (
        "admission",
        "foreign-guests",
        10,
        {"uz": "Qabul", "ru": "Поступление", "en": "Admission"},
        {
            "uz": "<h2>Kim qabul qilinadi</h2><p>Xorijiy fuqarolar toʻlov-kontrakt asosida "
            "oʻqiydi. MDH davlatlaridan kelgan abituriyentlar suhbat asosida qabul "
            "qilinadi.</p><h2>Toʻlov</h2><p>Kontrakt summasi soʻmda belgilanadi; boshqa "
            "valyutadagi toʻlov toʻlov kunidagi Markaziy bank kursi boʻyicha "
            "hisoblanadi.</p><h2>Yotoqxona</h2><p>Xorijiy talabalarga yotoqxonada joy "
            "berishda ustunlik beriladi. Ariza my.gov.uz portalida 1-avgustdan "
            "qabul qilinadi.</p>",
            "ru": "<h2>Кого принимают</h2><p>Иностранные граждане учатся на платно-контрактной "
            "основе. Абитуриенты из стран СНГ поступают по итогам собеседования.</p>"
            "<h2>Оплата</h2><p>Сумма контракта устанавливается в сумах; платёж в другой "
            "валюте пересчитывается по курсу Центрального банка на день оплаты.</p>"
            "<h2>Общежитие</h2><p>Иностранные студенты получают место в общежитии в первую "
            "очередь. Заявление подаётся на портале my.gov.uz с 1 августа.</p>",
            "en": "<h2>Who is admitted</h2><p>Foreign citizens study on a paid contract. "
            "Applicants from CIS countries are admitted after an interview.</p>"
            "<h2>Fees</h2><p>The contract is priced in som; a payment in another currency is "
            "converted at the Central Bank's rate of the day it is paid.</p>"
            "<h2>Dormitory</h2><p>Foreign students come first for a dormitory place. The "
            "application is made on my.gov.uz from 1 August.</p>",
        },
    ),
    (
        "visa-support",
        "foreign-guests",
        20,
        {"uz": "Viza boʻyicha koʻmak", "ru": "Визовая поддержка", "en": "Visa support"},
        {
            "uz": "<h2>Qaysi viza kerak</h2><ul><li><strong>Talaba vizasi</strong> — bir "
            "yilga beriladi, universitet soʻrovi bilan.</li><li><strong>Akademik "
            "viza</strong> — dars berish va ilmiy ish uchun, 3 oydan 2 yilgacha.</li></ul>"
            "<h2>Qanday olinadi</h2><ol><li>Pasport nusxasini va ish joyidan "
            "maʼlumotnomani boʻlimga yuboring.</li><li>Boʻlim evisa.mfa.uz "
            "orqali elektron shaklni toʻldiradi va Tashqi ishlar vazirligiga "
            "murojaat qiladi.</li><li>Ruxsat kelgach, vizani oʻz davlatingizdagi "
            "konsullikdan olasiz.</li></ol><p>Baʼzi davlatlar fuqarolari "
            "vizasiz kela oladi; muddat davlatga qarab farq qiladi, shuning uchun "
            "oldindan boʻlimdan soʻrang.</p>",
            "ru": "<h2>Какая виза нужна</h2><ul><li><strong>Студенческая виза</strong> — на "
            "один год, по запросу университета.</li><li><strong>Академическая виза</strong> — "
            "для преподавания и научной работы, от 3 месяцев до 2 лет.</li></ul>"
            "<h2>Как её получить</h2><ol><li>Пришлите в отдел копию паспорта и справку с "
            "места работы.</li><li>Отдел заполняет электронную форму на evisa.mfa.uz и "
            "обращается в Министерство иностранных дел.</li><li>Когда разрешение готово, "
            "визу получают в консульстве в своей стране.</li></ol><p>Граждане некоторых "
            "стран могут приехать без визы; срок зависит от страны, поэтому уточните его в "
            "отделе заранее.</p>",
            "en": "<h2>Which visa</h2><ul><li><strong>Student visa</strong> — for one year, "
            "requested by the university.</li><li><strong>Academic visa</strong> — for "
            "teaching and research, from 3 months to 2 years.</li></ul><h2>How to get it</h2>"
            "<ol><li>Send the department a copy of your passport and a letter from your "
            "employer.</li><li>The department fills in the electronic form at evisa.mfa.uz and "
            "applies to the Ministry of Foreign Affairs.</li><li>Once approved, you collect "
            "the visa at the consulate in your country.</li></ol><p>Citizens of some countries "
            "may come without a visa; how long depends on the country, so ask the department "
            "in advance.</p>",
        },
    ),
    (
        "registration",
        "foreign-guests",
        30,
        {
            "uz": "Vaqtincha roʻyxatdan oʻtish",
            "ru": "Временная регистрация",
            "en": "Temporary registration",
        },
        {
            "uz": "<p><strong>Kirgandan keyin 3 kun ichida roʻyxatdan oʻtish shart.</strong> "
            "Muddat kirgan kunning ertasidan boshlab hisoblanadi.</p><ul><li>Mehmonxonada "
            "yashasangiz, mehmonxona sizni E-mehmon tizimi orqali oʻzi roʻyxatga "
            "qoʻyadi.</li><li>Xususiy uyda yoki yotoqxonada yashasangiz, birinchi ish "
            "kunidayoq boʻlimga pasportingiz bilan keling.</li><li>Viza uzaytirilsa, "
            "roʻyxat ham uzaytiriladi: pasportni muddat tugashidan ikki hafta oldin "
            "olib keling.</li></ul>",
            "ru": "<p><strong>Зарегистрироваться нужно в течение 3 дней после въезда.</strong> "
            "Срок считается со дня, следующего за днём въезда.</p><ul><li>Если вы живёте в "
            "гостинице, она сама регистрирует вас через систему E-mehmon.</li><li>Если вы "
            "живёте в частной квартире или общежитии, приходите в отдел с паспортом в первый "
            "же рабочий день.</li><li>При продлении визы продлевается и регистрация: "
            "принесите паспорт за две недели до окончания срока.</li></ul>",
            "en": "<p><strong>You must register within 3 days of entering the country.</strong> "
            "The days count from the day after your entry.</p><ul><li>In a hotel, the hotel "
            "registers you through the E-mehmon system.</li><li>In a private flat or the "
            "dormitory, come to the department with your passport on your first working "
            "day.</li><li>When your visa is extended, so is your registration: bring your "
            "passport two weeks before it expires.</li></ul>",
        },
    ),
    (
        "visiting-professors",
        "foreign-guests",
        40,
        {
            "uz": "Tashrif buyuruvchi professorlar uchun eslatma",
            "ru": "Памятка для приглашённого профессора",
            "en": "Checklist for visiting professors",
        },
        {
            "uz": "<h2>Kelishdan oldin</h2><ul><li>Tarjimai hol (CV), pasport va diplomlar "
            "nusxasi</li><li>Maʼruzalar mavzulari va reja</li><li>Taklifnoma "
            "(undagi QR kod orqali haqiqiyligini tekshirish mumkin)</li><li>Akademik "
            "viza</li></ul><h2>Kelgandan keyin</h2><ul><li>3 kun ichida roʻyxatdan "
            "oʻtish</li><li>Fakultet bilan dars jadvalini kelishish</li></ul>"
            "<h2>Ketishdan oldin</h2><ul><li>Sertifikat va qisqa hisobot</li></ul>",
            "ru": "<h2>До приезда</h2><ul><li>Резюме (CV), копии паспорта и дипломов</li>"
            "<li>Темы лекций и план</li><li>Приглашение (его подлинность проверяется по "
            "QR-коду)</li><li>Академическая виза</li></ul><h2>После приезда</h2><ul>"
            "<li>Регистрация в течение 3 дней</li><li>Расписание занятий с факультетом</li>"
            "</ul><h2>Перед отъездом</h2><ul><li>Сертификат и краткий отчёт</li></ul>",
            "en": "<h2>Before you come</h2><ul><li>CV, copies of your passport and "
            "diplomas</li><li>Lecture topics and a plan</li><li>The invitation letter (its QR "
            "code proves it is genuine)</li><li>An academic visa</li></ul><h2>On arrival</h2>"
            "<ul><li>Registration within 3 days</li><li>Your timetable, agreed with the "
            "faculty</li></ul><h2>Before you leave</h2><ul><li>The certificate and a short "
            "report</li></ul>",
        },
    ),
]

# (slug, days from now, published?, titles, summaries, bodies)
NEWS = [
    (
        "summer-school-registration",
        -20,
        True,
        {
            "uz": "Xalqaro yozgi maktabga roʻyxat boshlandi",
            "ru": "Открыта регистрация в международную летнюю школу",
            "en": "Registration opens for the international summer school",
        },
        {
            "uz": "Hamkor universitetlar talabalari uchun ikki haftalik yozgi maktab.",
            "ru": "Двухнедельная летняя школа для студентов университетов-партнёров.",
            "en": "A two-week summer school for students of our partner universities.",
        },
        {
            "uz": "<p>Yozgi maktab oʻzbek tili, madaniyati va tarixiga bagʻishlanadi. "
            "Darslar ingliz va rus tillarida oʻtadi.</p>",
            "ru": "<p>Летняя школа посвящена узбекскому языку, культуре и истории. Занятия "
            "проходят на английском и русском языках.</p>",
            "en": "<p>The summer school is about the Uzbek language, culture and history. "
            "Classes are in English and Russian.</p>",
        },
    ),
    (
        "guide-for-visiting-professors",
        -5,
        True,
        {
            "uz": "Xorijiy professorlar uchun yangi qoʻllanma",
            "ru": "Новая памятка для зарубежных профессоров",
            "en": "A new guide for visiting professors",
        },
        {
            "uz": "Viza, roʻyxat va kelish tartibi bir sahifada.",
            "ru": "Виза, регистрация и порядок приезда на одной странице.",
            "en": "Visa, registration and arrival on one page.",
        },
        {
            "uz": "<p>Boʻlim xorijiy mehmonlar uchun sahifalarni yangiladi. "
            '<a href="/uz/pages/foreign-guests/visiting-professors/">Roʻyxatni '
            "oʻqing</a>.</p>",
            "ru": "<p>Отдел обновил страницы для иностранных гостей. "
            '<a href="/ru/pages/foreign-guests/visiting-professors/">Прочитать '
            "памятку</a>.</p>",
            "en": "<p>The department has updated its pages for foreign guests. "
            '<a href="/en/pages/foreign-guests/visiting-professors/">Read the '
            "checklist</a>.</p>",
        },
    ),
    (
        "erasmus-information-day",
        3,
        True,
        {
            "uz": "Erasmus+ axborot kuni",
            "ru": "Информационный день Erasmus+",
            "en": "Erasmus+ information day",
        },
        {
            "uz": "Kredit mobilligi dasturlari haqida ochiq uchrashuv.",
            "ru": "Открытая встреча о программах кредитной мобильности.",
            "en": "An open meeting on credit mobility programmes.",
        },
        {
            "uz": "<p>Talabalar va oʻqituvchilar almashinuv dasturlari haqida maʼlumot oladi.</p>",
            "ru": "<p>Студенты и преподаватели узнают о программах обмена.</p>",
            "en": "<p>Students and staff learn about the exchange programmes.</p>",
        },
    ),
    (
        "year-in-review",
        None,
        False,
        {"uz": "Hamkorlik yili natijalari", "ru": "", "en": "The year of cooperation"},
        {"uz": "Yil davomida imzolangan shartnomalar va almashinuvlar.", "ru": "", "en": ""},
        {"uz": "<p>Tayyorlanmoqda.</p>", "ru": "", "en": ""},
    ),
]


def _columns(prefix: str, texts: dict) -> dict:
    return {f"{prefix}_{language}": text for language, text in texts.items()}


def _with_picture(bodies: dict, image: SiteImage, slug: str) -> dict:
    """The summer school's texts show the picture after their first paragraph."""
    if slug != "summer-school-registration":
        return bodies
    return {
        language: body + f'<p><img src="{image.url}" alt="{getattr(image, f"alt_{language}")}"></p>'
        if body
        else body
        for language, body in bodies.items()
    }


def _banner() -> SimpleUploadedFile:
    """A plain picture drawn here: the flag's colours as bands."""
    picture = Image.new("RGB", (1200, 500), "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 1200, 160), fill=(0, 153, 181))
    draw.rectangle((0, 170, 1200, 330), fill="white")
    draw.rectangle((0, 340, 1200, 500), fill=(30, 181, 58))
    draw.rectangle((0, 160, 1200, 170), fill=(206, 17, 38))
    draw.rectangle((0, 330, 1200, 340), fill=(206, 17, 38))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return SimpleUploadedFile("banner.png", out.getvalue(), content_type="image/png")


def load(stdout) -> None:
    officer = get_user_model().objects.get(email="officer@hamkor.demo")
    image = SiteImage.objects.filter(original_name="banner.png").first()
    if image is None:
        image = site_image_upload(
            image=SiteImage(
                alt_uz="Bayroq ranglaridagi chiziqlar",
                alt_ru="Полосы цветов флага",
                alt_en="Bands in the colours of the flag",
            ),
            upload=_banner(),
            actor=officer,
            reason=REASON,
        )
    pages = 0
    for slug, parent_slug, position, titles, bodies in PAGES:
        path = f"{parent_slug}/{slug}" if parent_slug else slug
        if Page.objects.filter(path=path).exists():
            continue
        parent = Page.objects.get(path=parent_slug) if parent_slug else None
        page = page_save(
            page=Page(
                parent=parent,
                slug=slug,
                position=position,
                checklist=slug == "visiting-professors",
                **_columns("title", titles),
                **_columns("body", bodies),
            ),
            actor=officer,
            reason=REASON,
        )
        page_transition(page=page, name="publish", actor=officer)
        pages += 1
    news = 0
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for slug, days, published, titles, summaries, bodies in NEWS:
        if NewsItem.objects.filter(slug=slug).exists():
            continue
        item = news_item_save(
            item=NewsItem(
                slug=slug,
                image=image if slug == "guide-for-visiting-professors" else None,
                publish_at=None if days is None else now + datetime.timedelta(days=days),
                **_columns("title", titles),
                **_columns("summary", summaries),
                **_columns("body", _with_picture(bodies, image, slug)),
            ),
            actor=officer,
            reason=REASON,
        )
        if published:
            news_item_transition(item=item, name="publish", actor=officer)
        news += 1
    stdout.write(f"site content: {pages} pages and {news} news items added")
