"""Uzbek Latin → Cyrillic transliteration, the make_cyrillic command, the uz-cyrl locale.

None of these needs a database or configured settings.
"""

from __future__ import annotations

import gettext
import re
from io import StringIO

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hamkor.core.management.commands.make_cyrillic import Command as MakeCyrillic
from hamkor.core.translit import latin_to_cyrillic, normalise_apostrophes

APOSTROPHE_VARIANTS = ["\u02bb", "\u2018", "\u2019", "`", "\u00b4", "'", "\u02bc"]


# --- normalise_apostrophes ---------------------------------------------------------------


@pytest.mark.parametrize("mark", APOSTROPHE_VARIANTS)
def test_normalise_apostrophes_okina_variants_become_u02bb(mark):
    assert normalise_apostrophes(f"O{mark}zbekiston") == "O\u02bbzbekiston"
    assert normalise_apostrophes(f"G{mark}arb va tog{mark}") == "G\u02bbarb va tog\u02bb"
    assert normalise_apostrophes(f"TO{mark}RT") == "TO\u02bbRT"


@pytest.mark.parametrize("mark", APOSTROPHE_VARIANTS)
def test_normalise_apostrophes_tutuq_variants_become_u02bc(mark):
    assert normalise_apostrophes(f"ma{mark}lumot") == "ma\u02bclumot"
    assert normalise_apostrophes(f"san{mark}at") == "san\u02bcat"


def test_normalise_apostrophes_word_final_tutuq_belongs_to_the_word():
    assert normalise_apostrophes("manba'") == "manba\u02bc"


def test_normalise_apostrophes_quotation_marks_stay():
    assert normalise_apostrophes("'Salom' dedi") == "'Salom' dedi"
    assert normalise_apostrophes("\u2018Kitob\u2019 nashriyoti") == "\u2018Kitob\u2019 nashriyoti"
    assert normalise_apostrophes("'O'zbekiston' gazetasi") == "'O\u02bbzbekiston' gazetasi"


def test_normalise_apostrophes_text_without_apostrophes_is_unchanged():
    assert normalise_apostrophes("Toshkent 2025") == "Toshkent 2025"
    assert normalise_apostrophes("") == ""


# --- latin_to_cyrillic: Uzbek text -------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Xalqaro hamkorlik boʻlimi", "Халқаро ҳамкорлик бўлими"),
        ("Qoʻqon davlat universiteti", "Қўқон давлат университети"),
        ("Gʻarb", "Ғарб"),
        ("Shahar", "Шаҳар"),
        ("Choʻl", "Чўл"),
        ("ekspert", "эксперт"),
        ("yoshlar", "ёшлар"),
        ("maʼlumot", "маълумот"),
        ("Toshkent shahri", "Тошкент шаҳри"),
        ("Samarqand viloyati", "Самарқанд вилояти"),
        ("Yangi yil bilan tabriklaymiz!", "Янги йил билан табриклаймиз!"),
        ("Xorijiy hamkorlar roʻyxati", "Хорижий ҳамкорлар рўйхати"),
        ("Talabalar almashinuvi dasturi", "Талабалар алмашинуви дастури"),
        ("Sogʻliqni saqlash vazirligi", "Соғлиқни сақлаш вазирлиги"),
        ("Iyun va iyul oylarida", "Июнь ва июль ойларида"),
        ("Sentabr oyida", "Сентябрь ойида"),
        ("Fakulteti", "Факультети"),
        ("Ikki bosqichli autentifikatsiya", "Икки босқичли аутентификация"),
        ("Fayl (.xlsx yoki .csv)", "Файл (.xlsx ёки .csv)"),
        ("Google Authenticator ilovasi", "Google Authenticator иловаси"),
        ("Ilmiy-tadqiqot ishlari", "Илмий-тадқиқот ишлари"),
        ("Tayyor hujjatlar", "Тайёр ҳужжатлар"),
        ("Dunyo tillari", "Дунё тиллари"),
        ("Bugun tong otdi", "Бугун тонг отди"),
    ],
)
def test_latin_to_cyrillic_uzbek_text(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("mark", APOSTROPHE_VARIANTS)
def test_latin_to_cyrillic_every_apostrophe_variant_gives_the_same_result(mark):
    text = f"O{mark}zbekiston Respublikasi ta{mark}lim vazirligi, G{mark}arbiy mintaqa"
    assert latin_to_cyrillic(text) == "Ўзбекистон Республикаси таълим вазирлиги, Ғарбий минтақа"


def test_latin_to_cyrillic_keeps_case():
    assert latin_to_cyrillic("Shahar SHAHAR shahar") == "Шаҳар ШАҲАР шаҳар"
    assert latin_to_cyrillic("O‘ZBEKISTON") == "ЎЗБЕКИСТОН"
    assert latin_to_cyrillic("CHOʻL Choʻl") == "ЧЎЛ Чўл"
    assert latin_to_cyrillic("Yoshlar YOSHLAR") == "Ёшлар ЁШЛАР"
    assert latin_to_cyrillic("TAʼLIM Taʼlim") == "ТАЪЛИМ Таълим"


def test_latin_to_cyrillic_e_is_e_with_dots_only_at_word_start_and_after_vowel():
    assert latin_to_cyrillic("Eshik") == "Эшик"
    assert latin_to_cyrillic("poeziya aeroport") == "поэзия аэропорт"
    assert latin_to_cyrillic("Ilmiy-ekspert kengash") == "Илмий-эксперт кенгаш"
    assert latin_to_cyrillic("kelishuv") == "келишув"


def test_latin_to_cyrillic_ye_is_ie_at_word_start_and_hard_sign_after_consonant():
    assert latin_to_cyrillic("Yevropa yer") == "Европа ер"
    assert latin_to_cyrillic("qayerda proyekt") == "қаерда проект"
    assert latin_to_cyrillic("obyekt Subyekt OBYEKT") == "объект Субъект ОБЪЕКТ"


def test_latin_to_cyrillic_y_before_o_okina_is_short_i():
    assert latin_to_cyrillic("yoʻl Yoʻnalish yoʻq") == "йўл Йўналиш йўқ"
    assert latin_to_cyrillic("Yangiyoʻl") == "Янгийўл"


def test_latin_to_cyrillic_tutuq_is_hard_sign():
    assert latin_to_cyrillic("sheʼr sanʼat eʼlon Qurʼon") == "шеър санъат эълон Қуръон"


def test_latin_to_cyrillic_tutuq_between_s_and_h_is_dropped():
    assert latin_to_cyrillic("Isʼhoq") == "Исҳоқ"


def test_latin_to_cyrillic_ng_and_ts_stay_two_letters():
    assert latin_to_cyrillic("tong mintaqa") == "тонг минтақа"
    assert latin_to_cyrillic("sport tsikli") == "спорт тсикли"


def test_latin_to_cyrillic_cyrillic_and_other_text_is_unchanged():
    assert latin_to_cyrillic("Ўзбекистон") == "Ўзбекистон"
    assert latin_to_cyrillic("2025 — 15 %") == "2025 — 15 %"
    assert latin_to_cyrillic("") == ""


def test_latin_to_cyrillic_running_twice_changes_nothing_more():
    once = latin_to_cyrillic("Xalqaro hamkorlik boʻlimi: %(count)d ta PDF")
    assert latin_to_cyrillic(once) == once


# --- latin_to_cyrillic: protected spans --------------------------------------------------


def test_latin_to_cyrillic_keeps_percent_placeholders():
    assert (
        latin_to_cyrillic("Salom, %(name)s! Sizda %d ta yangi xabar bor (%s).")
        == "Салом, %(name)s! Сизда %d та янги хабар бор (%s)."
    )
    assert latin_to_cyrillic("%sni oʻchirish") == "%sни ўчириш"
    assert latin_to_cyrillic("%(percent).1f%% bajarildi") == "%(percent).1f%% бажарилди"


def test_latin_to_cyrillic_percent_sign_in_prose_is_not_a_placeholder():
    assert latin_to_cyrillic("30%dan ortiq") == "30%дан ортиқ"
    assert latin_to_cyrillic("20% oʻqituvchilar") == "20% ўқитувчилар"


def test_latin_to_cyrillic_keeps_brace_placeholders():
    assert latin_to_cyrillic("{count} ta fayl, {0} va {name:>10}") == (
        "{count} та файл, {0} ва {name:>10}"
    )


def test_latin_to_cyrillic_keeps_html_tags_and_entities():
    text = '<a href="/partners/" class="link">Hamkorlar</a> &amp; <b>yangiliklar</b>&nbsp;'
    assert latin_to_cyrillic(text) == (
        '<a href="/partners/" class="link">Ҳамкорлар</a> &amp; <b>янгиликлар</b>&nbsp;'
    )
    assert latin_to_cyrillic("Qator<br/>keyingi <!-- izoh -->") == "Қатор<br/>кейинги <!-- izoh -->"


def test_latin_to_cyrillic_keeps_django_template_syntax():
    text = "{% trans 'Salom' %} {{ partner.name|default:'yoʻq' }} va {# izoh #}"
    assert latin_to_cyrillic(text) == (
        "{% trans 'Salom' %} {{ partner.name|default:'yoʻq' }} ва {# izoh #}"
    )


def test_latin_to_cyrillic_keeps_urls_emails_domains_and_file_names():
    text = (
        "Sayt: https://hamkor.uz/oʻqish?til=uz, pochta: xalqaro@univer.uz, "
        "yoki www.example.com; hisobot.pdf faylini oching"
    )
    assert latin_to_cyrillic(text) == (
        "Сайт: https://hamkor.uz/oʻqish?til=uz, почта: xalqaro@univer.uz, "
        "ёки www.example.com; hisobot.pdf файлини очинг"
    )


def test_latin_to_cyrillic_keeps_acronyms():
    assert latin_to_cyrillic("QS reytingi, PDF va CSV, XLSX") == "QS рейтинги, PDF ва CSV, XLSX"
    assert latin_to_cyrillic("URL, API, ID, TOTP kodi") == "URL, API, ID, TOTP коди"


def test_latin_to_cyrillic_acronym_with_suffix_keeps_the_acronym():
    assert latin_to_cyrillic("PDFni yuklab oling, QSda") == "PDFни юклаб олинг, QSда"


def test_latin_to_cyrillic_short_uzbek_words_in_capitals_are_not_acronyms():
    assert latin_to_cyrillic("HISOBOT VA TAHLIL") == "ҲИСОБОТ ВА ТАҲЛИЛ"
    assert latin_to_cyrillic("XATO") == "ХАТО"


def test_latin_to_cyrillic_keeps_latin_abbreviations_such_as_phd():
    assert latin_to_cyrillic("PhD dasturi") == "PhD дастури"
    assert latin_to_cyrillic("PhD") == "PhD"


def test_latin_to_cyrillic_keeps_proper_names_in_latin_whatever_their_words():
    assert latin_to_cyrillic("QS World University Rankings") == "QS World University Rankings"
    assert latin_to_cyrillic("QS World reytingi") == "QS World рейтинги"
    assert latin_to_cyrillic("Erasmus Without Paper tizimida") == "Erasmus Without Paper тизимида"
    assert latin_to_cyrillic("Academic Ranking of World Universities") == (
        "Academic Ranking of World Universities"
    )


def test_latin_to_cyrillic_writes_units_of_size_in_cyrillic():
    assert latin_to_cyrillic("10 MB dan katta, 200 KB") == "10 МБ дан катта, 200 КБ"
    assert latin_to_cyrillic("2 GBgacha") == "2 ГБгача"


# --- the uz-cyrl locale -----------------------------------------------------------------


def test_languages_registers_uz_cyrl_in_lang_info():
    from django.conf.locale import LANG_INFO

    from hamkor import languages

    assert [code for code, _ in languages.LANGUAGES] == ["uz", "uz-cyrl", "ru", "en"]
    assert dict(languages.LANGUAGES)["uz-cyrl"] == "Ўзбекча"
    assert LANG_INFO["uz-cyrl"]["code"] == "uz-cyrl"
    assert LANG_INFO["uz-cyrl"]["bidi"] is False
    assert LANG_INFO["uz-cyrl"]["name_local"] == "Ўзбекча"
    assert languages.CONTENT_LANGUAGES == ("uz", "ru", "en")


def test_formats_uz_cyrl_escapes_every_literal_letter():
    from hamkor.formats.uz_Cyrl import formats

    for name in ("DATE_FORMAT", "DATETIME_FORMAT", "YEAR_MONTH_FORMAT"):
        value = getattr(formats, name)
        assert "йил" in value.replace("\\", "")
        # Each Cyrillic letter must be escaped, or the date filter reads it as a format code.
        assert not re.search(r"(?<!\\)[а-яёўқғҳ]", value), name
    assert formats.SHORT_DATE_FORMAT == "d.m.Y"
    assert formats.FIRST_DAY_OF_WEEK == 1
    assert formats.DECIMAL_SEPARATOR == ","
    assert formats.THOUSAND_SEPARATOR == "\xa0"


# --- make_cyrillic ----------------------------------------------------------------------


def _write_uz_catalogue(locale_dir, domain="django"):
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Project-Id-Version": "hamkor",
        "Language": "uz",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    catalogue.append(polib.POEntry(msgid="International cooperation", msgstr="Xalqaro hamkorlik"))
    catalogue.append(
        polib.POEntry(msgid="Hello, %(name)s!", msgstr="Salom, %(name)s!", flags=["python-format"])
    )
    catalogue.append(polib.POEntry(msgctxt="month", msgid="May", msgstr="May"))
    catalogue.append(
        polib.POEntry(
            msgid="%(count)d partner",
            msgid_plural="%(count)d partners",
            msgstr_plural={0: "%(count)d ta hamkor", 1: "%(count)d ta hamkor"},
            flags=["python-format"],
        )
    )
    catalogue.append(polib.POEntry(msgid="Not translated yet", msgstr=""))
    catalogue.append(polib.POEntry(msgid="Guess", msgstr="Taxmin", flags=["fuzzy"]))
    directory = locale_dir / "uz" / "LC_MESSAGES"
    directory.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(directory / f"{domain}.po"))
    return directory / f"{domain}.po"


def _run(locale_dir, *args):
    out = StringIO()
    call_command(MakeCyrillic(), "--locale-dir", str(locale_dir), *args, stdout=out)
    return out.getvalue()


def test_make_cyrillic_writes_transliterated_po_and_loadable_mo(tmp_path):
    _write_uz_catalogue(tmp_path)

    _run(tmp_path)

    po_path = tmp_path / "uz_Cyrl" / "LC_MESSAGES" / "django.po"
    generated = polib.pofile(str(po_path))
    assert generated.metadata["Language"] == "uz_Cyrl"
    assert generated.find("International cooperation").msgstr == "Халқаро ҳамкорлик"
    assert generated.find("Not translated yet").msgstr == ""
    assert generated.find("Guess").fuzzy
    assert generated.find("%(count)d partner").msgstr_plural[0] == "%(count)d та ҳамкор"

    with (po_path.with_suffix(".mo")).open("rb") as mo:
        translations = gettext.GNUTranslations(mo)
    assert translations.gettext("International cooperation") == "Халқаро ҳамкорлик"
    assert translations.gettext("Hello, %(name)s!") == "Салом, %(name)s!"
    assert translations.pgettext("month", "May") == "Май"
    assert translations.ngettext("%(count)d partner", "%(count)d partners", 5) == (
        "%(count)d та ҳамкор"
    )
    # Untranslated and fuzzy messages are left out of the .mo, so gettext falls back.
    assert translations.gettext("Not translated yet") == "Not translated yet"
    assert translations.gettext("Guess") == "Guess"


def test_make_cyrillic_handles_djangojs_when_present(tmp_path):
    _write_uz_catalogue(tmp_path)
    _write_uz_catalogue(tmp_path, domain="djangojs")

    _run(tmp_path)

    target = tmp_path / "uz_Cyrl" / "LC_MESSAGES"
    assert (target / "djangojs.po").is_file()
    assert (target / "djangojs.mo").is_file()


def test_make_cyrillic_check_passes_when_current(tmp_path):
    _write_uz_catalogue(tmp_path)
    _run(tmp_path)

    assert "up to date" in _run(tmp_path, "--check")


def test_make_cyrillic_check_fails_when_uz_changed(tmp_path):
    source = _write_uz_catalogue(tmp_path)
    _run(tmp_path)
    catalogue = polib.pofile(str(source))
    catalogue.find("Not translated yet").msgstr = "Hali tarjima qilinmagan"
    catalogue.save()

    with pytest.raises(CommandError, match="Not translated yet"):
        _run(tmp_path, "--check")


def test_make_cyrillic_check_fails_when_generated_file_is_missing(tmp_path):
    _write_uz_catalogue(tmp_path)

    with pytest.raises(CommandError, match="missing"):
        _run(tmp_path, "--check")
    assert not (tmp_path / "uz_Cyrl").exists()


def test_make_cyrillic_without_uz_catalogue_fails(tmp_path):
    with pytest.raises(CommandError, match="makemessages"):
        _run(tmp_path)
