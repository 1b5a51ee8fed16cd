"""Names for the generated people: the demo data set's lists, drawn at random.

Uzbek names in Latin with the Cyrillic original as older passports have it; foreign guests'
and students' names typical of their country with the original script beside them.
"""

from __future__ import annotations

from hamkor.demo.mobility import names as demo_names
from hamkor.demo.students.names import STUDENT_NAMES

STYLES = {**demo_names.FOREIGN, **STUDENT_NAMES}
GUEST_COUNTRIES = tuple(demo_names.FOREIGN)
STUDENT_COUNTRIES = {
    "TJ": 24, "TM": 19, "KZ": 11, "KG": 11, "AF": 10, "IN": 8, "PK": 4, "RU": 4, "TR": 3,
    "AZ": 3, "KR": 2, "CN": 2,
}  # fmt: skip


def uzbek(rng) -> dict[str, str]:
    female = rng.random() < 0.5
    given = rng.choice(demo_names.UZ_FEMALE if female else demo_names.UZ_MALE)
    family = rng.choice(demo_names.UZ_SURNAMES)
    if female:
        family = demo_names.uz_female_surname(*family)
    return {
        "last_name": family[0],
        "first_name": given[0],
        "name_original": f"{family[1]} {given[1]}",
    }


def foreign(rng, country: str) -> dict[str, str]:
    style = STYLES[country]
    female = rng.random() < 0.45
    given = rng.choice(style["female" if female else "male"])
    family = rng.choice(style["surnames"])
    return demo_names.foreign_name(country, female, given, family, styles=STYLES)


def student_country(rng) -> str:
    return rng.choices(list(STUDENT_COUNTRIES), list(STUDENT_COUNTRIES.values()))[0]
