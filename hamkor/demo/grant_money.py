"""Demo data of a project's money: exchange rates, receipts and expenses.

Runs after the projects' step, on whatever funded projects exist (approved, running, final
report submitted, closed), and adds nothing when run again. The receipts of the projects
active in 2022-2024 add up, at the rates of their days, to a little more than the $200,000
the department page states for 2022-2024 (``shared/seed/department-page.txt``), paid in US
dollars, euros and som; a project outside those years receives a smaller sum in its own
years. Expenses by budget heading use part of the money.

The rates are typed-in values of the Central Bank's order of magnitude for those days
(stored as entered by hand); a real installation fetches them (``hamkor rates fetch``).
"""

from __future__ import annotations

import datetime
from decimal import ROUND_DOWN, Decimal

from django.utils import timezone

from hamkor.core.services import object_save
from hamkor.grants.figures import grant_figures
from hamkor.grants.models import BudgetHeading, Expense, Project, Receipt
from hamkor.grants.money.services import expense_create, receipt_create
from hamkor.grants.services import exchange_rate_set

# Day -> UZS for one US dollar, one euro, one Russian rouble.
# fmt: off
RATES = {
    datetime.date(2021, 6, 15): ("10560.00", "12830.00", "145.90"),
    datetime.date(2022, 2, 15): ("10850.00", "12300.00", "143.50"),
    datetime.date(2022, 6, 14): ("10950.00", "11450.00", "190.20"),
    datetime.date(2022, 10, 18): ("11160.00", "10930.00", "181.00"),
    datetime.date(2023, 2, 14): ("11370.00", "12180.00", "153.50"),
    datetime.date(2023, 6, 13): ("11440.00", "12330.00", "137.30"),
    datetime.date(2023, 10, 17): ("12200.00", "12850.00", "124.60"),
    datetime.date(2024, 2, 13): ("12480.00", "13410.00", "136.90"),
    datetime.date(2024, 6, 18): ("12640.00", "13560.00", "143.60"),
    datetime.date(2024, 10, 15): ("12800.00", "13960.00", "131.90"),
    datetime.date(2025, 3, 18): ("12950.00", "14100.00", "153.80"),
}
# fmt: on
CURRENCIES = ("USD", "EUR", "RUB")
FIGURE_START, FIGURE_END = datetime.date(2022, 1, 1), datetime.date(2024, 12, 31)
# Dollars shared by the projects active in 2022-2024: the page says $200,000.
TARGET_USD = Decimal(236_000)
OTHER_YEARS_USD = Decimal(18_000)
RECEIPT_CURRENCIES = ("EUR", "USD", "UZS")

HEADINGS = (
    ("travel", "Yoʻl xarajatlari", "Путевые расходы", "Travel"),
    ("individual-support", "Shaxsiy qoʻllab-quvvatlash", "Индивидуальная поддержка",
     "Individual support"),
    ("organisational-support", "Tashkiliy qoʻllab-quvvatlash", "Организационная поддержка",
     "Organisational support"),
    ("equipment", "Jihozlar", "Оборудование", "Equipment"),
)  # fmt: skip
# Heading code, share of a receipt spent, what it paid for, to whom.
# The office writes its books in Uzbek.
SPENDING = (
    ("travel", Decimal("0.18"), "Ishtirokchilar aviachiptalari", "Uzbekistan Airways"),
    ("individual-support", Decimal("0.32"), "Ishtirokchilarga toʻlangan individual yordam", ""),
    ("organisational-support", Decimal("0.08"), "Mobillikni tashkil etish xarajatlari", ""),
    ("equipment", Decimal("0.05"), "Loyiha ofisi uchun noutbuklar", "Texnomart"),
)  # fmt: skip


def _rates() -> int:
    written = 0
    for day, values in RATES.items():
        for currency, rate in zip(CURRENCIES, values, strict=True):
            _row, changed = exchange_rate_set(
                actor=None, currency=currency, date=day, rate=Decimal(rate)
            )
            written += changed
    return written


def _headings() -> dict[str, BudgetHeading]:
    headings = {}
    for code, name_uz, name_ru, name_en in HEADINGS:
        heading = BudgetHeading.objects.filter(code=code).first()
        if heading is None:
            heading = BudgetHeading(code=code, name_uz=name_uz, name_ru=name_ru, name_en=name_en)
            object_save(instance=heading, actor=None, reason="demo.loaded")
        headings[code] = heading
    return headings


def _days(project: Project, today: datetime.date) -> list[datetime.date]:
    """The rate days within the project's dates (and not after today)."""
    return [
        day
        for day in RATES
        if day <= today
        and (project.starts_on is None or day >= project.starts_on)
        and (project.ends_on is None or day <= project.ends_on)
    ]


def _spread(days: list[datetime.date], count: int = 3) -> list[datetime.date]:
    """Up to ``count`` days from the first to the last, evenly spread."""
    if len(days) <= count:
        return days
    step = (len(days) - 1) / (count - 1)
    return [days[round(i * step)] for i in range(count)]


def _amount(usd: Decimal, currency: str, day: datetime.date) -> Decimal:
    usd_rate, eur_rate, _rub = (Decimal(v) for v in RATES[day])
    if currency == "USD":
        return usd.quantize(Decimal(10), rounding=ROUND_DOWN)
    if currency == "EUR":
        return (usd * usd_rate / eur_rate).quantize(Decimal(10), rounding=ROUND_DOWN)
    return (usd * usd_rate).quantize(Decimal(1000), rounding=ROUND_DOWN)


def load(stdout) -> None:
    rates = _rates()
    headings = _headings()
    today = timezone.localdate()
    funded = list(Project.objects.filter(status__in=Project.FUNDED).order_by("pk"))
    plans = []
    for project in funded:
        days = _days(project, today)
        in_figure = [d for d in days if FIGURE_START <= d <= FIGURE_END]
        plans.append((project, _spread(in_figure or days), bool(in_figure)))
    in_figure_count = sum(1 for _p, days, counted in plans if counted and days)
    receipts = expenses = 0
    for index, (project, days, counted) in enumerate(plans):
        if not days:
            continue
        total = TARGET_USD / in_figure_count if counted else OTHER_YEARS_USD
        share = total / len(days)
        for number, day in enumerate(days):
            currency = RECEIPT_CURRENCIES[(index + number) % len(RECEIPT_CURRENCIES)]
            if not Receipt.objects.filter(
                project=project, received_on=day, currency=currency
            ).exists():
                receipt_create(
                    actor=None,
                    project=project,
                    received_on=day,
                    amount=_amount(share, currency, day),
                    currency=currency,
                    payer=project.programme.funder or str(project.programme),
                    notes=f"{number + 1}-toʻlov ({len(days)} tadan)",
                )
                receipts += 1
            for code, part, description, payee in SPENDING:
                heading = headings[code]
                if Expense.objects.filter(project=project, spent_on=day, heading=heading).exists():
                    continue
                # Spent in som, the currency the university pays in at home.
                expense_create(
                    actor=None,
                    project=project,
                    heading=heading,
                    spent_on=day,
                    amount=_amount(share * part, "UZS", day),
                    currency="UZS",
                    description=description,
                    payee=payee,
                )
                expenses += 1
    figures = grant_figures(start=FIGURE_START, end=FIGURE_END)
    stdout.write(
        f"Grant money: {rates} exchange rates, {receipts} receipts and {expenses} expenses "
        f"created for {len(funded)} funded projects; 2022-2024: "
        f"${figures['grant_money_usd']:,.2f} received, {figures['grant_projects']} projects."
    )
