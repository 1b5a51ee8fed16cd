"""The raw SQL the staff lists need, written by hand (bench/pages.py and bench/run).

Each function answers ``[(sql, params), ...]``: the list's count and its first page's rows
with the joins and subqueries its columns show, as PostgreSQL would be asked by a program
that knows the page exactly. A page's time over this is what the ORM, the forms and the
templates add (docs/decisions/0023-measuring-server-time.md).
"""

from __future__ import annotations

PAGE = 25  # rows of a list's first page
QS = "qs_world"  # RankingEntry.Ranking.QS_WORLD

# --- The raw SQL the lists need -------------------------------------------------------------

MOBILITY_FROM = (
    "mobility_mobility m JOIN mobility_person p ON p.id = m.person_id "
    "JOIN partners_institution s ON s.id = m.sending_institution_id "
    "JOIN partners_institution r ON r.id = m.receiving_institution_id"
)
# The search as the page runs it: each word in the person's or a partner's names or their
# normalised ``search_text`` (so that the script does not matter), or the invitation's
# reference; and for the officer, who may read personal data, the passport number. Each
# table's columns are asked in a subquery of their own, which their trigram indexes serve.
PERSON_MATCH = (
    "(UPPER(last_name) LIKE UPPER(%s) OR UPPER(first_name) LIKE UPPER(%s) "
    "OR UPPER(name_original) LIKE UPPER(%s) OR UPPER(email) LIKE UPPER(%s) "
    "OR search_text LIKE %s)"
)
PARTNER_MATCH = (
    "(UPPER(name) LIKE UPPER(%s) OR UPPER(name_en) LIKE UPPER(%s) OR search_text LIKE %s)"
)
MOBILITY_SEARCH = (
    "(UPPER(m.invitation_reference) LIKE UPPER(%s) "
    f"OR m.person_id IN (SELECT id FROM mobility_person WHERE {PERSON_MATCH}) "
    f"OR m.sending_institution_id IN (SELECT id FROM partners_institution WHERE {PARTNER_MATCH}) "
    f"OR m.receiving_institution_id IN (SELECT id FROM partners_institution WHERE {PARTNER_MATCH}) "
    "OR m.person_id IN (SELECT id FROM mobility_person WHERE UPPER(passport_number) = UPPER(%s)))"
)


def mobility_search(word: str) -> list[str]:
    like, key = f"%{word}%", f"%{word.lower()}%"
    return [like, *[like] * 4, key, *[like] * 2, key, *[like] * 2, key, word]


def mobility_raw(where: str = "1 = 1", params: list | None = None) -> list[tuple[str, list]]:
    params = params or []
    rank = (
        "(SELECT COALESCE(q.rank_high, q.rank_low) FROM partners_rankingentry q "
        "WHERE q.institution_id = m.receiving_institution_id AND q.ranking = %s "
        "ORDER BY q.year DESC LIMIT 1)"
    )
    return [
        # The count needs no join: every mobility has its person and institutions.
        (f"SELECT COUNT(*) FROM mobility_mobility m WHERE {where}", params),
        (
            f"SELECT m.*, p.last_name, p.first_name, s.name, r.name, {rank} "
            f"FROM {MOBILITY_FROM} WHERE {where} "
            f"ORDER BY m.planned_start DESC, m.id DESC LIMIT {PAGE}",
            [QS, *params],
        ),
    ]


PERSON_SEARCH = (
    "(UPPER(p.last_name) LIKE UPPER(%s) OR UPPER(p.first_name) LIKE UPPER(%s) "
    "OR UPPER(p.middle_name) LIKE UPPER(%s) OR UPPER(p.name_original) LIKE UPPER(%s) "
    "OR UPPER(p.email) LIKE UPPER(%s) OR p.search_text LIKE %s "
    "OR UPPER(p.passport_number) = UPPER(%s))"
)


def person_raw(where: str = "1 = 1", params: list | None = None) -> list[tuple[str, list]]:
    params = params or []
    return [
        (f"SELECT COUNT(*) FROM mobility_person p WHERE {where}", params),
        (
            "SELECT p.*, u.name_uz, i.name, "
            "(SELECT COUNT(*) FROM mobility_mobility m WHERE m.person_id = p.id) "
            "FROM mobility_person p LEFT JOIN accounts_orgunit u ON u.id = p.org_unit_id "
            "LEFT JOIN partners_institution i ON i.id = p.institution_id "
            f"WHERE {where} ORDER BY p.last_name, p.first_name, p.id LIMIT {PAGE}",
            params,
        ),
    ]


# The agreement search: its reference, title and normalised text, or a party's names.
AGREEMENT_SEARCH = (
    "(UPPER(a.reference) LIKE UPPER(%s) OR UPPER(a.title) LIKE UPPER(%s) "
    "OR a.search_text LIKE %s OR a.id IN (SELECT ap.agreement_id FROM "
    "agreements_agreementparty ap JOIN partners_institution i ON i.id = ap.institution_id "
    "WHERE UPPER(i.name) LIKE UPPER(%s) OR UPPER(i.name_en) LIKE UPPER(%s) "
    "OR UPPER(i.name_uz) LIKE UPPER(%s) OR UPPER(i.name_ru) LIKE UPPER(%s) "
    "OR UPPER(i.acronym) LIKE UPPER(%s) OR i.search_text LIKE %s))"
)


def agreement_search(word: str) -> list[str]:
    like, key = f"%{word}%", f"%{word.lower()}%"
    return [like, like, key, *[like] * 5, key]


def agreement_raw(where: str = "1 = 1", params: list | None = None) -> list[tuple[str, list]]:
    params = params or []
    page = (
        f"SELECT a.id FROM agreements_agreement a WHERE {where} "
        f"ORDER BY a.signed_on DESC, a.created_at DESC LIMIT {PAGE}"
    )
    return [
        (f"SELECT COUNT(*) FROM agreements_agreement a WHERE {where}", params),
        (
            f"SELECT a.* FROM agreements_agreement a WHERE {where} "
            f"ORDER BY a.signed_on DESC, a.created_at DESC LIMIT {PAGE}",
            params,
        ),
        (
            "SELECT ap.*, i.name FROM agreements_agreementparty ap "
            "JOIN partners_institution i ON i.id = ap.institution_id "
            f"WHERE ap.agreement_id IN ({page})",
            params,
        ),
        (f"SELECT * FROM agreements_mobilityquota WHERE agreement_id IN ({page})", params),
        # The "Utilisation" column: the mobilities carried out under the page's agreements.
        (
            "SELECT agreement_id, direction, kind, actual_start, planned_start "
            f"FROM mobility_mobility WHERE agreement_id IN ({page}) "
            "AND status IN ('in_progress', 'completed')",
            params,
        ),
    ]


INSTITUTION_SEARCH = (
    "(UPPER(i.name) LIKE UPPER(%s) OR UPPER(i.name_en) LIKE UPPER(%s) "
    "OR UPPER(i.name_uz) LIKE UPPER(%s) OR UPPER(i.name_ru) LIKE UPPER(%s) "
    "OR UPPER(i.acronym) LIKE UPPER(%s) OR UPPER(i.erasmus_code) LIKE UPPER(%s) "
    "OR UPPER(i.city) LIKE UPPER(%s) OR i.search_text LIKE %s)"
)


def institution_raw(where: str, params: list) -> list[tuple[str, list]]:
    # The list's "Latest QS rank" and "Agreements" columns.
    columns = (
        "(SELECT q.rank FROM partners_rankingentry q WHERE q.institution_id = i.id "
        "AND q.ranking = %s ORDER BY q.year DESC LIMIT 1), "
        "(SELECT COUNT(DISTINCT ap.agreement_id) FROM agreements_agreementparty ap "
        "WHERE ap.institution_id = i.id)"
    )
    return [
        (f"SELECT COUNT(*) FROM partners_institution i WHERE {where}", params),
        (
            f"SELECT i.*, {columns} FROM partners_institution i WHERE {where} "
            f"ORDER BY i.name LIMIT {PAGE}",
            [QS, *params],
        ),
    ]


# The lists the generator does not scale (the demo's records): their count and the first
# page's rows with the tables their columns read.
def event_raw(where: str = "1 = 1", params: list | None = None) -> list[tuple[str, list]]:
    params = params or []
    confirmed = (
        "(SELECT COUNT(*) FROM events_participant x WHERE x.event_id = e.id "
        "AND x.registration = 'confirmed')"
    )
    return [
        (f"SELECT COUNT(*) FROM events_event e WHERE {where}", params),
        (
            f"SELECT e.*, u.name_uz, {confirmed} FROM events_event e "
            f"LEFT JOIN accounts_orgunit u ON u.id = e.home_unit_id WHERE {where} "
            f"ORDER BY e.start DESC, e.id DESC LIMIT {PAGE}",
            params,
        ),
    ]


def project_raw(where: str = "1 = 1", params: list | None = None) -> list[tuple[str, list]]:
    params = params or []
    return [
        (f"SELECT COUNT(*) FROM grants_project g WHERE {where}", params),
        (
            "SELECT g.*, p.name_uz, u.name_uz, r.email FROM grants_project g "
            "JOIN grants_programme p ON p.id = g.programme_id "
            "LEFT JOIN accounts_orgunit u ON u.id = g.faculty_id "
            f"LEFT JOIN accounts_user r ON r.id = g.responsible_id WHERE {where} "
            f"ORDER BY g.starts_on DESC, g.id DESC LIMIT {PAGE}",
            params,
        ),
    ]


def student_raw(where: str = "1 = 1", params: list | None = None) -> list[tuple[str, list]]:
    params = params or []
    return [
        (f"SELECT COUNT(*) FROM students_foreignstudent f WHERE {where}", params),
        (
            "SELECT f.*, p.*, u.name_uz FROM students_foreignstudent f "
            "JOIN mobility_person p ON p.id = f.person_id "
            f"LEFT JOIN accounts_orgunit u ON u.id = f.faculty_id WHERE {where} "
            f"ORDER BY p.last_name, p.first_name, f.id LIMIT {PAGE}",
            params,
        ),
    ]
