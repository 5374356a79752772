"""How numbers and dates read in tables: the locale's thousands separator and decimal point
(QLocale(): the language chosen in Settings, or the system's), ISO dates, never float."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale


def localized(text: str) -> str:
    """A number written with "," groups and a "." point, in the locale's separators (the same
    for English and Chinese; 1.234,5 under de_DE)."""
    locale = QLocale()
    group, point = locale.groupSeparator(), locale.decimalPoint()
    if group == "," and point == ".":
        return text
    return text.translate({ord(","): "\0", ord("."): point}).replace("\0", group)


def qty_text(q: Decimal | None) -> str:
    """'1,234', '0.5', '-12.25': at most 3 decimals, trailing zeros dropped."""
    if q is None:
        return ""
    text = f"{q:,.3f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else localized(text)


def _plain_qty(q: Decimal) -> str:
    text = f"{q:.3f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _plain_cost(c: Decimal) -> str:
    text = f"{c:.4f}"
    while text.endswith("0") and len(text.split(".")[1]) > 2:
        text = text[:-1]
    return text


def qty_field_text(q: Decimal) -> str:
    """A quantity as typed into a field (what the services parse): '1234.5', no groups."""
    return _plain_qty(q)


def cost_field_text(c: Decimal) -> str:
    """A unit cost as typed into a field, 2 to 4 decimals: '2.50', '0.0125'."""
    return _plain_cost(c)


def money_text(m: Decimal | None) -> str:
    """'1,234.50'."""
    return "" if m is None else localized(f"{m:,.2f}")


def cost_text(c: Decimal | None) -> str:
    """A unit cost: 2 decimals, up to 4 when it has them ('3.50', '0.1234')."""
    if c is None:
        return ""
    text = f"{c:,.4f}"
    while text.endswith("0") and len(text.split(".")[1]) > 2:
        text = text[:-1]
    return localized(text)


def date_text(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def location_text(name: str) -> str:
    """A location's name as shown: the shop's default location (stored as "Main", the name
    postings fall back to) in the user's language; any other name as the shop typed it."""
    if name == "Main":
        return QCoreApplication.translate("location", "Main")
    return name


# the references and notes the app writes itself, in English (stocktakes, reversals)
_MADE_REFERENCE = re.compile(r"(stocktake|reverses|reverses document) #(\d+)")


def reference_text(text: str) -> str:
    """A reference or note as shown: those the app wrote (``stocktake #3``, ``reverses #12``)
    in the user's language, anything a person typed as typed."""
    m = _MADE_REFERENCE.fullmatch(text)
    if m is None:
        return text
    kind, number = m.groups()
    if kind == "stocktake":
        phrase = QCoreApplication.translate("reference", "stocktake #{0}")
    elif kind == "reverses":
        phrase = QCoreApplication.translate("reference", "reverses #{0}")
    else:
        phrase = QCoreApplication.translate("reference", "reverses document #{0}")
    return phrase.format(number)


def reason_text(reason: str | None) -> str:
    """A movement's reason in the shop's words: the write-off and stocktake reason codes
    translated, a reason typed in (an adjustment's) as typed."""
    names = {
        "damaged": QCoreApplication.translate("reason", "damaged"),
        "expired": QCoreApplication.translate("reason", "expired"),
        "lost": QCoreApplication.translate("reason", "lost"),
        "sample": QCoreApplication.translate("reason", "sample"),
        "other": QCoreApplication.translate("reason", "other"),
        "theft": QCoreApplication.translate("reason", "theft"),
        "data error": QCoreApplication.translate("reason", "data error"),
        "unknown": QCoreApplication.translate("reason", "unknown"),
    }
    return names.get(reason or "", reason or "")


def type_text(movement_type: str) -> str:
    """A movement type in the shop's words."""
    names = {
        "receipt": QCoreApplication.translate("movement", "Receipt"),
        "issue": QCoreApplication.translate("movement", "Issue"),
        "writeoff": QCoreApplication.translate("movement", "Write-off"),
        "adjust": QCoreApplication.translate("movement", "Adjustment"),
        "transfer": QCoreApplication.translate("movement", "Transfer"),
        "stocktake": QCoreApplication.translate("movement", "Stocktake"),
        "reversal": QCoreApplication.translate("movement", "Reversal"),
    }
    return names.get(movement_type, movement_type)


def status_text(status: str) -> str:
    """A stocktake's status in the shop's words."""
    names = {
        "open": QCoreApplication.translate("stocktake", "Open"),
        "counting": QCoreApplication.translate("stocktake", "Counting"),
        "in_review": QCoreApplication.translate("stocktake", "In review"),
        "approved": QCoreApplication.translate("stocktake", "Approved"),
        "cancelled": QCoreApplication.translate("stocktake", "Cancelled"),
    }
    return names.get(status, status)


MOVEMENT_TYPES = ("receipt", "issue", "writeoff", "adjust", "transfer", "stocktake", "reversal")
