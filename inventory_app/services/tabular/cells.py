"""Turn one spreadsheet cell into text, an exact number or a date, for the importers."""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from inventory_app.domain import limits
from inventory_app.domain.errors import ValidationError

Cell = str | int | Decimal | datetime.date | datetime.datetime | None

# str.isspace() characters plus zero-width ones that arrive with copy-paste and BOM-joined files.
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)


def strip_spaces(value: str) -> str:
    """``value`` without leading or trailing spaces of any kind (``SPACES``)."""
    return value.strip(SPACES)


def _require(cell: Cell) -> Cell:
    if cell is None or (isinstance(cell, str) and not cell.strip(SPACES)):
        raise ValidationError("tabular.empty")
    if isinstance(cell, bool):
        raise ValidationError("tabular.not_accepted")
    return cell


def cell_shown(cell: Cell | object) -> str:
    """A cell as an error message or a preview shows it, whatever it holds: as read, dates
    as ISO text, empty as ''."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return str(cell)


def cell_text(cell: Cell) -> str:
    """Text of a cell: numbers without exponent or trailing '.0' (barcodes stay digits),
    dates as YYYY-MM-DD. Empty -> ValidationError."""
    cell = _require(cell)
    if isinstance(cell, str):
        return cell.strip(SPACES)
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, Decimal):
        if not cell.is_finite():
            raise ValidationError("tabular.not_finite")
        text = format(cell, "f")  # not normalize(): it rounds to 28 digits
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    if isinstance(cell, datetime.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    if isinstance(cell, float):
        return cell_text(Decimal(repr(cell)))
    raise ValidationError("tabular.not_text")


_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?", re.ASCII)
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_MAX_DIGITS = 18  # a bigger quantity or price is a typo (and "1e999999" would be a slow int)


def cell_decimal(cell: Cell) -> Decimal:
    """Exact number from an int, Decimal or text such as '12.50', '1,234.50', '１２３', '¥8'."""
    cell = _require(cell)
    if isinstance(cell, int):
        value = Decimal(cell)
    elif isinstance(cell, Decimal):
        value = cell
    elif isinstance(cell, float):
        value = Decimal(repr(cell))
    elif isinstance(cell, str):
        value = _parse_number(cell)
    else:
        raise ValidationError("tabular.not_number")
    if not value.is_finite():
        raise ValidationError("tabular.not_finite")
    if value.adjusted() > _MAX_DIGITS:
        raise ValidationError("tabular.number_too_large", max_digits=_MAX_DIGITS)
    return value


def _parse_number(cell: str) -> Decimal:
    text = unicodedata.normalize("NFKC", cell).translate(_MINUS).strip(SPACES)
    sign = text[0] if text[:1] in ("+", "-") else ""
    text = sign + text[len(sign) :].lstrip("¥$€£").strip(SPACES)  # "-¥ 8.50"
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    elif "," in text:
        raise ValidationError("tabular.decimal_comma")
    if not _NUMBER.fullmatch(text):
        raise ValidationError("tabular.not_number")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError("tabular.not_number") from None


def cell_int(cell: Cell) -> int:
    """Whole number from an int, an integral Decimal or text ('12', '12.0', '1,200')."""
    value = cell_decimal(cell)
    if value != value.to_integral_value():
        raise ValidationError("tabular.not_whole")
    return int(value)


_ISO_DATE = re.compile(
    r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?",
    re.ASCII,
)
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_DAY_MONTH = re.compile(r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}(?:\s.*)?", re.ASCII)


def _real_date(year: str, month: str, day: str) -> datetime.date:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(
            "tabular.not_real_date", year=int(year), month=int(month), day=int(day)
        ) from None


def cell_date(cell: Cell) -> datetime.date:
    """Date from a date/datetime cell or text: 2026-11-21, 2026/11/21, 2026.11.21,
    2026年11月21日, 20261121. Day-first/month-first forms (21/11/2026) are refused, and so is
    a date the shop file cannot keep (year 1000; an Excel serial of 0 or less, 1899-12-30)."""
    date = _cell_date(cell)
    if not limits.MIN_DATE <= date <= limits.MAX_DATE:
        raise ValidationError(
            "tabular.date_out_of_range", date=date, first=limits.MIN_DATE, last=limits.MAX_DATE
        )
    return date


def _cell_date(cell: Cell) -> datetime.date:
    cell = _require(cell)
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, int) or (isinstance(cell, Decimal) and cell.is_finite()):
        match = _COMPACT_DATE.fullmatch(cell_text(cell))
        if match:
            return _real_date(*match.groups())
        raise ValidationError("tabular.number_not_date")
    if not isinstance(cell, str):
        raise ValidationError("tabular.not_date")
    text = unicodedata.normalize("NFKC", cell).strip(SPACES)
    if match := _ISO_DATE.fullmatch(text):
        year, _, month, day = match.groups()
        return _real_date(year, month, day)
    if (match := _CN_DATE.fullmatch(text)) or (match := _COMPACT_DATE.fullmatch(text)):
        return _real_date(*match.groups())
    if _DAY_MONTH.fullmatch(text):
        raise ValidationError("tabular.ambiguous_date")
    raise ValidationError("tabular.date_unreadable")
