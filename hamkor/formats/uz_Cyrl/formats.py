"""Date and number formats for Uzbek in the Cyrillic script (``uz-cyrl``).

Django ships formats for Uzbek only in the Latin script (``django.conf.locale.uz``). These
follow the same conventions — day before month, a year followed by the word for "year",
Monday first, a comma for decimals and a non-breaking space between thousands — with the
literal words written in Cyrillic. Django finds this module through ``FORMAT_MODULE_PATH``
because ``to_locale("uz-cyrl")`` is ``"uz_Cyrl"``.

In the ``*_FORMAT`` strings every literal letter is escaped with a backslash: unescaped,
Django's ``date`` filter would read each one as a format character. The ``*_INPUT_FORMATS``
are ``strptime`` patterns, where letters are literal without escaping.
"""

# "15-октябр, 2025-йил": E is the month name in the form used with a day.
DATE_FORMAT = r"j-E, Y-\й\и\л"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"j-E, Y-\й\и\л G:i"
YEAR_MONTH_FORMAT = r"F Y-\й\и\л"
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # 25.10.2025
    "%d-%B, %Y-йил",  # 25-October, 2025-йил (%B is the C locale's month name)
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # 25.10.2025 14:30:59
    "%d.%m.%Y %H:%M:%S.%f",  # 25.10.2025 14:30:59.000200
    "%d.%m.%Y %H:%M",  # 25.10.2025 14:30
    "%d-%B, %Y-йил %H:%M:%S",
    "%d-%B, %Y-йил %H:%M:%S.%f",
    "%d-%B, %Y-йил %H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a non-breaking space, so a number never wraps
NUMBER_GROUPING = 3
