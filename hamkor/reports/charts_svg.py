"""Charts drawn on the server as SVG, from a :class:`~hamkor.reports.series.Table`.

The annual report is printed by WeasyPrint, which renders SVG images but runs no script, so
the dashboard's Chart.js cannot draw its charts. These few shapes are enough for a report:

* ``bars``: one bar per row, its first column (grant income per year);
* ``stacked``: one bar per row, each column a coloured part of it (agreements per year by
  kind), with a legend;
* ``horizontal``: one bar per row, laid sideways, the label at its left (partner countries).

Each chart is a complete ``<svg>`` document in a fixed ``viewBox``; text is escaped, numbers
are written by the ``number`` function given (the report's language groups digits its own
way). A table of zeros draws its axis and no bar; nothing is divided by zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from html import escape

from hamkor.reports.series import Table

BARS, STACKED, HORIZONTAL = "bars", "stacked", "horizontal"
KINDS = (BARS, STACKED, HORIZONTAL)

# Colours told apart in print and by most colour-blind readers (Okabe–Ito, then greys).
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442",
    "#000000", "#777777", "#BBBBBB",
)  # fmt: skip
WIDTH = 640
FONT = 11
# The width of a character relative to the font size: DejaVu Sans averages a little more
# than half an em, so a label cut at this estimate does not run into the bars.
CHAR = 0.62
AXIS = "#444444"
GRID = "#DDDDDD"


def _plain(value) -> str:
    return f"{value:,}".replace(",", " ") if isinstance(value, int) else str(value)


def nice_ceiling(value: float) -> tuple[float, float]:
    """The top of the axis and its step: the smallest 1, 2 or 5 × 10ⁿ step that covers
    ``value`` in at most five steps (``(1, 1)`` for nothing to draw)."""
    if value <= 0:
        return 1.0, 1.0
    magnitude = 10 ** math.floor(math.log10(value / 5))
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        if step * 5 >= value:
            break
    return step * math.ceil(value / step), step


def _number_of(value) -> float:
    return float(value) if isinstance(value, (int, float, Decimal)) else 0.0


def _cut(text: str, room: float, size: float = FONT) -> str:
    """``text`` shortened with an ellipsis to fit ``room`` units at ``size``."""
    fits = max(1, int(room / (size * CHAR)))
    return text if len(text) <= fits else text[: max(1, fits - 1)].rstrip() + "…"


def _text(x, y, content, *, anchor="start", size=FONT, weight="normal", fill="#222222") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}">{escape(content)}</text>'
    )


def _rect(x, y, width, height, fill, title: str = "") -> str:
    tip = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
        f'height="{max(height, 0):.1f}" fill="{fill}">{tip}</rect>'
    )


def _legend(labels: list[str], top: float, width: float) -> tuple[list[str], float]:
    """The legend's items wrapped into lines across ``width``; answers the SVG parts and
    the height they take."""
    parts, x, y = [], 0.0, top
    line = FONT + 8
    for index, label in enumerate(labels):
        label = _cut(label, width - 20)
        item = 16 + len(label) * FONT * CHAR + 14
        if x and x + item > width:
            x, y = 0.0, y + line
        colour = PALETTE[index % len(PALETTE)]
        parts.append(_rect(x, y, 10, 10, colour))
        parts.append(_text(x + 14, y + 9, label))
        x += item
    return parts, (y - top + line) if labels else 0.0


def _svg(width: float, height: float, parts: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f'font-family="DejaVu Sans, sans-serif"><title>{escape(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )


def chart_svg(
    table: Table,
    kind: str = STACKED,
    *,
    width: float = WIDTH,
    number: Callable[[object], str] = _plain,
) -> str:
    """``table`` drawn as a ``kind`` chart (see the module's shapes)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown chart kind: {kind}")
    if kind == HORIZONTAL:
        return _horizontal(table, width=width, number=number)
    return _vertical(table, stacked=kind == STACKED, width=width, number=number)


def _vertical(table: Table, *, stacked: bool, width: float, number) -> str:
    columns = table.columns if stacked else table.columns[:1]
    sums = [
        sum(_number_of(v) for v in row.values[: len(columns)]) if row.values else 0.0
        for row in table.rows
    ]
    top, step = nice_ceiling(max(sums, default=0.0))
    ticks = [step * i for i in range(round(top / step) + 1)]
    left = max(len(number(_round(t))) for t in ticks) * FONT * CHAR + 10
    plot_top, plot_height = 10.0, 190.0
    plot_width = width - left - 10
    base = plot_top + plot_height
    parts: list[str] = []
    for tick in ticks:
        y = base - plot_height * tick / top
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{width - 10:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID if tick else AXIS}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + 4, number(_round(tick)), anchor="end", size=FONT - 1))
    slot = plot_width / max(len(table.rows), 1)
    bar = min(slot * 0.6, 60)
    for index, row in enumerate(table.rows):
        x = left + slot * index + (slot - bar) / 2
        y = base
        for column, value in enumerate(row.values[: len(columns)]):
            height = plot_height * _number_of(value) / top
            if height > 0:
                y -= height
                label = f"{row.label} · {columns[column][1]}: {number(value)}"
                parts.append(_rect(x, y, bar, height, PALETTE[column % len(PALETTE)], label))
        total = sums[index]
        if total:
            shown = number(row.total if stacked else row.values[0])
            parts.append(_text(x + bar / 2, y - 4, shown, anchor="middle", size=FONT - 1))
        parts.append(_text(x + bar / 2, base + 15, _cut(row.label, slot), anchor="middle"))
    height = base + 24
    if stacked and columns:
        legend, taken = _legend([label for _key, label in columns], height + 4, width)
        parts += legend
        height += taken + 8
    return _svg(width, height, parts, table.title)


def _horizontal(table: Table, *, width: float, number) -> str:
    values = [_number_of(row.values[0]) if row.values else 0.0 for row in table.rows]
    top, _step = nice_ceiling(max(values, default=0.0))
    label_room = min(width * 0.35, max((len(r.label) for r in table.rows), default=4) * FONT * CHAR)
    left = label_room + 10
    right = len(number(_round(top))) * FONT * CHAR + 16
    plot_width = width - left - right
    line = 20.0
    parts: list[str] = []
    for index, row in enumerate(table.rows):
        y = 6 + index * line
        parts.append(_text(left - 6, y + 12, _cut(row.label, label_room), anchor="end"))
        length = plot_width * values[index] / top
        label = f"{row.label}: {number(row.values[0] if row.values else 0)}"
        parts.append(_rect(left, y + 2, length, line - 6, PALETTE[0], label))
        shown = number(row.values[0] if row.values else 0)
        parts.append(_text(left + length + 4, y + 12, shown, size=FONT - 1))
    bottom = 6 + len(table.rows) * line
    parts.append(
        f'<line x1="{left:.1f}" y1="4" x2="{left:.1f}" y2="{bottom:.1f}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    )
    return _svg(width, bottom + 6, parts, table.title)


def _round(value: float):
    """An axis tick as the reader expects it: 250, not 250.0."""
    return int(value) if float(value).is_integer() else value
