"""How the Excel pack looks and what its cells hold: number formats, column kinds, exact
number text, Excel dates, safe text, widths (CJK characters count double).

Numbers are written as their exact decimal text (``Decimal('12.30')`` -> ``12.30``), never
through a float, so the cents shown are the cents stored. Only a ``Formula`` value becomes a
formula; any other text is text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl.styles import Font, PatternFill, Side

from inventory_app.domain.text import display_width

FMT_MONEY = "#,##0.00"
FMT_QTY_WHOLE = "#,##0"
FMT_QTY = "#,##0.000"
FMT_COST = "#,##0.00##"
FMT_DATE = "yyyy-mm-dd"
FMT_DATETIME = "yyyy-mm-dd hh:mm"
FMT_INT = "#,##0"
FMT_RATIO = "0.00"
FMT_DAYS = "#,##0.0"
FMT_PCT = "0.00%"

KIND_FORMATS = {
    "money": FMT_MONEY,
    "cost": FMT_COST,
    "date": FMT_DATE,
    "datetime": FMT_DATETIME,
    "int": FMT_INT,
    "ratio": FMT_RATIO,
    "days": FMT_DAYS,
    "pct": FMT_PCT,
}
KIND_WIDTHS = {
    "money": 15,
    "qty": 12,
    "cost": 11,
    "date": 11,
    "datetime": 16,
    "int": 8,
    "ratio": 10,
    "days": 10,
    "pct": 10,
}

# Characters XML 1.0 cannot carry (openpyxl refuses them); they arrive with copy-paste.
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
FORMULA_START = ("=", "+", "-", "@")
MAX_CELL_TEXT = 32767

ROW_NORMAL, ROW_SUBTOTAL, ROW_TOTAL, ROW_TITLE, ROW_LABEL = range(5)

HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
SUBTOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
TOTAL_FILL = PatternFill("solid", fgColor="E2E8F0")
THIN = Side(style="thin", color="808080")
# A named font: a bold font without a name prints in a fallback serif face in some programs.
FONT_NAME = "Calibri"
BOLD = Font(name=FONT_NAME, size=11, bold=True)


class Formula(str):
    """A formula we wrote (``=SUM(F2:F9)``). Plain ``str`` values are always text."""

    __slots__ = ()


class Num(str):
    """A number already in exact decimal text (``'-12.50'``), written as a number."""

    __slots__ = ()


def scaled(n: int, places: int) -> Num:
    """Integer minor units as exact number text: ``scaled(-1250, 2)`` -> ``'-12.50'``."""
    if n == 0:
        return Num("0")
    q, r = divmod(-n if n < 0 else n, 10**places)
    return Num(f"{'-' if n < 0 else ''}{q}.{r:0{places}d}")


EXCEL_EPOCH = dt.date(1899, 12, 30)
_serials: dict[str, Num] = {}


def excel_date(iso: str) -> Num:
    """An ISO date as its Excel serial day number (the 1900 date system), cached."""
    found = _serials.get(iso)
    if found is None:
        found = Num(str((dt.date.fromisoformat(iso) - EXCEL_EPOCH).days))
        if len(_serials) < 100_000:
            _serials[iso] = found
    return found


@dataclass(frozen=True, slots=True)
class Col:
    """A column: its header label key, what it holds, and a width (None: measured)."""

    key: str
    kind: str = "text"  # text | date | datetime | int | qty | money | cost | ratio | days | pct
    width: float | None = None


def clean_text(value: str) -> str:
    """Text as a cell can hold it: no XML-illegal control characters, at most 32767 long."""
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    return value[:MAX_CELL_TEXT]


def number_text(d: Decimal | int) -> str:
    """Exact decimal text of a number, never in exponent form, no negative zero."""
    if isinstance(d, int):
        return str(d)
    if not d:
        return "0"
    return format(d, "f")


def text_widths(rows: Sequence[Sequence[object]], columns: Sequence[int]) -> dict[int, int]:
    """The widest display width of the text in ``columns`` (0-based) over ``rows``."""
    out: dict[int, int] = {}
    for r in rows:
        for i in columns:
            v = r[i]
            if isinstance(v, str) and v:
                w = display_width(v)
                if w > out.get(i, 0):
                    out[i] = w
    return out
