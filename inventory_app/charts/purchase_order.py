"""A purchase order drawn as one A4 page (matplotlib ``Figure``, no pyplot), written as PDF.

The texts come from ``services.buying.order_export.OrderSheet`` (Chinese or English); the
shipped CJK font is the fallback after DejaVu Sans, embedded as TrueType (``pdf.fonttype``
42) so the PDF's text can be searched and copied. Long orders shrink their rows to stay on
one page.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from inventory_app.charts.fonts import CJK_FAMILY, ensure_fonts
from inventory_app.domain.errors import ValidationError
from inventory_app.services.buying.order_export import OrderSheet

if TYPE_CHECKING:
    from matplotlib.figure import Figure

A4 = (8.27, 11.69)  # inches
LEFT, RIGHT = 0.07, 0.93
# x of each column's left edge (fractions of the page width); numbers align right at the next
COLUMNS = (0.07, 0.11, 0.22, 0.34, 0.56, 0.68, 0.77, 0.86)
NUMERIC = {5, 6, 7}


def _text(value: object, column: int) -> str:
    if isinstance(value, Decimal) and column == 5:  # a quantity: 5, 2.5
        text = format(value.normalize(), "f")
        return f"{int(value):,}" if value == value.to_integral_value() else text
    if isinstance(value, Decimal):
        return f"{value:,.2f}" if value == value.quantize(Decimal("0.01")) else f"{value:,}"
    return "" if value is None else str(value)


def order_figure(sheet: OrderSheet) -> Figure:
    """The order on one A4 page."""
    ensure_fonts()  # first: matplotlib loads lean (charts.lean_matplotlib)
    from matplotlib.figure import Figure

    fig = Figure(figsize=A4)
    fig.text(LEFT, 0.95, sheet.shop, fontsize=16, weight="bold", va="top")
    fig.text(RIGHT, 0.95, sheet.title, fontsize=16, weight="bold", va="top", ha="right")
    y = 0.905
    colon = "：" if sheet.lang == "zh" else ":"  # Chinese text takes the full-width colon
    for label, value in sheet.info:
        fig.text(LEFT, y, f"{label}{colon}", fontsize=9, color="#555555", va="top")
        fig.text(LEFT + 0.16, y, value, fontsize=9, va="top")
        y -= 0.019
    y -= 0.012
    rows = len(sheet.rows)
    step = min(0.022, (y - 0.16) / max(rows + 1, 1))
    size = max(5.0, min(9.0, step * 420))
    _row(fig, y, sheet.headers, size, bold=True)
    fig.add_artist(_line(fig, y - step * 0.75))
    for row in sheet.rows:
        y -= step
        _row(fig, y, [_text(v, n) for n, v in enumerate(row)], size)
    y -= step * 1.2
    fig.add_artist(_line(fig, y + step * 0.45))
    fig.text(COLUMNS[6], y, sheet.total_label, fontsize=size + 1, weight="bold", va="top")
    fig.text(RIGHT, y, f"{sheet.currency}{sheet.total:,.2f}", fontsize=size + 1, weight="bold",
             va="top", ha="right")  # fmt: skip
    fig.text(LEFT, 0.08, sheet.footer + colon, fontsize=9, va="top")
    fig.add_artist(_line(fig, 0.05, start=LEFT + 0.16, end=0.5))
    return fig


def _row(fig: Figure, y: float, cells: list[str], size: float, *, bold: bool = False) -> None:
    for n, text in enumerate(cells):
        if n in NUMERIC:
            right = COLUMNS[n + 1] - 0.01 if n + 1 < len(COLUMNS) else RIGHT
            fig.text(right, y, text, fontsize=size, va="top", ha="right",
                     weight="bold" if bold else "normal")  # fmt: skip
        else:
            width = (COLUMNS[n + 1] if n + 1 < len(COLUMNS) else RIGHT) - COLUMNS[n]
            fig.text(COLUMNS[n], y, _fit(text, width * A4[0] * 72 / size * 1.7), fontsize=size,
                     va="top", weight="bold" if bold else "normal")  # fmt: skip


def _fit(text: str, room: float) -> str:
    """``text`` cut to about ``room`` half-width characters (a CJK character counts two)."""
    used = 0.0
    for n, ch in enumerate(text):
        used += 2 if ord(ch) >= 0x2E80 else 1
        if used > room:
            return text[: max(n - 1, 1)] + "…"
    return text


def _line(fig: Figure, y: float, *, start: float = LEFT, end: float = RIGHT):
    from matplotlib.lines import Line2D

    return Line2D([start, end], [y, y], transform=fig.transFigure, color="#888888", lw=0.6)


# TrueType in the PDF (text stays text); the CJK font as the fallback even when something reset
# matplotlib's settings after ``ensure_fonts`` first ran.
_PDF_RC = {"pdf.fonttype": 42, "font.family": ["DejaVu Sans", CJK_FAMILY]}


def write_pdf(sheet: OrderSheet, path: str | Path) -> Path:
    """The order as a one-page A4 PDF (fonts embedded as TrueType: the text stays text)."""
    import logging

    import matplotlib

    # the CJK font has no bold face: matplotlib says so per glyph run; the regular one is fine
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    target = Path(path)
    fig = order_figure(sheet)
    try:
        with matplotlib.rc_context(_PDF_RC):
            fig.savefig(target, format="pdf", metadata={"Title": f"{sheet.title} {sheet.shop}"})
    except OSError as exc:
        raise ValidationError("po.export_failed", reason=exc.strerror or str(exc)) from None
    return target


def write_png(sheet: OrderSheet, path: str | Path, *, dpi: int = 110) -> Path:
    """The same page as a PNG (a preview)."""
    target = Path(path)
    order_figure(sheet).savefig(target, format="png", dpi=dpi, facecolor="white")
    return target
