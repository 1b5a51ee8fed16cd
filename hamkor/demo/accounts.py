"""Demo data of the accounts app: faculties of the home university and one user per role.

The faculty list follows the university's public pages at the time of writing; the
department will keep it up to date as data.
"""

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.accounts.services import user_save
from hamkor.partners.models import Institution

FACULTIES = [
    (
        "exact",
        "Aniq fanlar va muhandislik fakulteti",
        "Факультет точных наук и инженерии",
        "Faculty of Exact Sciences and Engineering",
    ),
    (
        "chem",
        "Kimyoviy texnologiyalar va tabiiy fanlar fakulteti",
        "Факультет химических технологий и естественных наук",
        "Faculty of Chemical Technologies and Natural Sciences",
    ),
    (
        "pedpsy",
        "Pedagogika va psixologiya fakulteti",
        "Факультет педагогики и психологии",
        "Faculty of Pedagogy and Psychology",
    ),
    (
        "social",
        "Ijtimoiy fanlar fakulteti",
        "Факультет социальных наук",
        "Faculty of Social Sciences",
    ),
    (
        "philology",
        "Xorijiy filologiya fakulteti",
        "Факультет иностранной филологии",
        "Faculty of Foreign Philology",
    ),
    (
        "arts",
        "San\u02bcat va sport fakulteti",
        "Факультет искусства и спорта",
        "Faculty of Arts and Sport",
    ),
    (
        "primary",
        "Boshlang\u02bbich va texnologik ta\u02bclim fakulteti",
        "Факультет начального и технологического образования",
        "Faculty of Primary and Technological Education",
    ),
]
OFFICE = (
    "iro",
    "Xalqaro hamkorlik bo\u02bblimi",
    "Отдел международного сотрудничества",
    "Department of International Cooperation",
)

# One account per role. Demo passwords are printed; a real installation invites users.
USERS = [
    (Role.ADMINISTRATOR, "admin@hamkor.demo", "Aziz Karimov", "iro", "admin-demo-2026"),
    (Role.OFFICER, "officer@hamkor.demo", "Nodira Begmatova", "iro", "officer-demo-2026"),
    (
        Role.COORDINATOR,
        "coordinator@hamkor.demo",
        "Dilshod Rahimov",
        "philology",
        "coordinator-demo-2026",
    ),
    (Role.LEADERSHIP, "rector@hamkor.demo", "Malika Yusupova", None, "leadership-demo-2026"),
    (Role.REVIEWER, "reviewer@hamkor.demo", "Shahnoza Aliyeva", "philology", "reviewer-demo-2026"),
    (
        Role.APPLICANT,
        "student@hamkor.demo",
        "Jasur Toshpo\u02bblatov",
        "exact",
        "student-demo-2026",
    ),
]


def load(stdout) -> None:
    home = Institution.objects.get(is_home=True)
    units = {}
    for code, uz, ru, en in [*FACULTIES, OFFICE]:
        kind = OrgUnit.Kind.OFFICE if code == OFFICE[0] else OrgUnit.Kind.FACULTY
        units[code], _created = OrgUnit.objects.update_or_create(
            institution=home,
            code=code,
            defaults={"kind": kind, "name_uz": uz, "name_ru": ru, "name_en": en},
        )
    stdout.write(f"units of the home university: {len(units)}")
    stdout.write("logins (e-mail / password):")
    for role, email, name, unit, password in USERS:
        user = User.objects.filter(email=email).first() or User(email=email)
        user.full_name = name
        user.org_unit = units.get(unit)
        user.set_password(password)
        user_save(user=user, roles=[role], actor=None, reason="demo.loaded")
        stdout.write(f"  {Role(role).label:<20} {email:<26} {password}")
    stdout.write("  (the administrator enrols an authenticator app at the first login)")
