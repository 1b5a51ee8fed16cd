"""Rules a button and a service share (see docs/decisions/0004-rules-once.md): when a call
may open, when an application is complete, whether its applicant is eligible, and whether it
may still be submitted."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.calls.models import Call, Cefr, DocumentKind, StudyLevel
from hamkor.core.dates import format_datetime

CEFR_ORDER = {level: index for index, level in enumerate(Cefr.values)}

# Eligibility reasons are stored as codes on the application and written out in the reader's
# language when shown (the applicant's, the office's).
FACULTY = "faculty"
STUDY_LEVEL = "study_level"
YEAR = "year_of_study"
GPA = "gpa"
LANGUAGE = "language"
CITIZENSHIP = "citizenship"
AUDIENCE = "audience"

# Who each audience admits, by the person's category in the registry.
AUDIENCE_CATEGORIES = {Call.Audience.STUDENTS: "student", Call.Audience.STAFF: "staff"}


def call_open_refusal(call: Call) -> str:
    """Why ``call`` cannot take applications yet, or ``""``: it needs places and criteria
    whose weights add up to 100."""
    if call.pk is None or not call.places.exists():
        return _("Add at least one place before opening the call.")
    weights = sum(call.criteria.values_list("weight", flat=True))
    if weights != 100:
        return _("The criteria's weights add up to %(total)s, not 100.") % {"total": weights}
    return ""


def criteria_weight_refusal(call: Call, *, weight: int, exclude: int | None = None) -> str:
    """Why a criterion of ``weight`` cannot join ``call``'s (the sum would pass 100), or ``""``."""
    others = call.criteria.exclude(pk=exclude).values_list("weight", flat=True)
    total = sum(others) + (weight or 0)
    if total > 100:
        return _("The criteria's weights would add up to %(total)s; they must add up to 100.") % {
            "total": total
        }
    return ""


def submission_refusal(call: Call, *, now: datetime.datetime | None = None) -> str:
    """Why applications to ``call`` cannot be submitted at ``now``, or ``""``."""
    now = now or timezone.now()
    if call.status != Call.Status.OPEN or now < call.opens_at:
        return _("This call is not open for applications.")
    if now > call.closes_at:
        deadline = format_datetime(call.closes_at)
        return _(
            "The deadline has passed (%(deadline)s, Tashkent time): the application can no "
            "longer be submitted. Your draft is kept."
        ) % {"deadline": deadline}
    return ""


def missing_items(application) -> list[str]:
    """What ``application`` still lacks before it may be submitted, in the reader's words."""
    call = application.call
    missing = []
    if not application.preferences.exists():
        missing.append(_("at least one preferred place"))
    if application.gpa is None and call.audience == Call.Audience.STUDENTS:
        missing.append(_("your GPA"))
    if not application.motivation.strip():
        missing.append(_("the motivation letter"))
    if call.language and not application.cefr_level:
        missing.append(_("your language level"))
    uploaded = set(application.documents.values_list("kind", flat=True))
    for kind in call.required_documents:
        if kind not in uploaded:
            missing.append(str(DocumentKind(kind).label))
    return missing


def eligibility_reasons(application) -> list[str]:
    """The codes of the call's conditions ``application`` does not meet (empty: eligible)."""
    call = application.call
    person = application.person
    reasons = []
    if person.category != AUDIENCE_CATEGORIES.get(call.audience, person.category):
        reasons.append(AUDIENCE)
    faculties = set(call.faculties.values_list("pk", flat=True))
    if faculties:
        unit = person.org_unit
        if unit is None or not ({unit.pk, unit.parent_id} & faculties):
            reasons.append(FACULTY)
    if call.study_levels and application.study_level not in call.study_levels:
        reasons.append(STUDY_LEVEL)
    if call.years_of_study and application.year_of_study not in call.years_of_study:
        reasons.append(YEAR)
    if call.min_gpa is not None and (application.gpa is None or application.gpa < call.min_gpa):
        reasons.append(GPA)
    if call.language and call.min_cefr:
        level = CEFR_ORDER.get(application.cefr_level, -1)
        if application.language != call.language or level < CEFR_ORDER[call.min_cefr]:
            reasons.append(LANGUAGE)
    if call.citizenships and person.citizenship.code not in call.citizenships:
        reasons.append(CITIZENSHIP)
    return reasons


def reason_text(code: str, call: Call) -> str:
    """One eligibility reason, in the active language, naming what the call asks."""
    if code == AUDIENCE:
        if call.audience == Call.Audience.STAFF:
            return _("The call is for staff members of the university only.")
        return _("The call is for students of the university only.")
    if code == FACULTY:
        names = ", ".join(str(unit) for unit in call.faculties.all())
        return _("The call is open to these faculties only: %(names)s.") % {"names": names}
    if code == STUDY_LEVEL:
        levels = ", ".join(str(StudyLevel(level).label) for level in call.study_levels)
        return _("The call is for these study levels: %(levels)s.") % {"levels": levels}
    if code == YEAR:
        years = ", ".join(str(year) for year in call.years_of_study)
        return _("The call is for these years of study: %(years)s.") % {"years": years}
    if code == GPA:
        return _("The minimum GPA is %(gpa)s.") % {"gpa": call.min_gpa}
    if code == LANGUAGE:
        return _("The call asks for %(language)s at level %(level)s or higher.") % {
            "language": language_name(call.language),
            "level": call.min_cefr,
        }
    if code == CITIZENSHIP:
        names = ", ".join(str(country.name) for country in call.citizenships)
        return _("The call is open to citizens of: %(names)s.") % {"names": names}
    return code


def reasons_text(application) -> list[str]:
    return [reason_text(code, application.call) for code in application.eligibility_reasons]


# Languages of the certificates exchanges ask for (ISO 639-1), offered in a list.
CERTIFICATE_LANGUAGES = frozenset(
    {"ar", "bg", "cs", "de", "el", "en", "es", "et", "fa", "fi", "fr", "hr", "hu", "it", "ja"}
    | {"kk", "ko", "ky", "lt", "lv", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "tg", "tr"}
    | {"uz", "zh"}
)


def language_choices(current: str = "") -> list[tuple[str, str]]:
    """The certificate languages by their names in the active language, alphabetically; a
    code already saved that is not among them stays offered."""
    codes = CERTIFICATE_LANGUAGES | ({current} if current else set())
    named = sorted(((code, language_name(code)) for code in codes), key=lambda pair: pair[1])
    return [("", "—"), *named]


def language_name(code: str) -> str:
    """A language's name in the active language, from its ISO 639 code (the CLDR's)."""
    from babel import Locale

    from hamkor.core.countries import locale_of

    return Locale.parse(locale_of()).languages.get(code.lower(), code)
