"""Date formats for English pages, unambiguous for readers on both sides of the Atlantic.

Django's English formats put the month first (``12/07/2026``), which a reader in Tashkent
takes for the 12th of July. The office's English pages write the month as a word instead
(``7 Dec 2026``) and the time on the 24-hour clock. Input formats are Django's own.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as in Uzbekistan
