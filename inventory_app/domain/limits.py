"""What the shop file can hold, checked where a value comes in (a file, the CLI, a dialog)
rather than found out by SQLite or ``datetime`` half-way through a posting.

Dates: 1900-01-01 to 9999-12-30, the span Excel and SQLite's date text both hold with a day to
spare (reports look at the day after a date). Amounts are integers in minor units in SQLite's
64-bit INTEGER (at most 9.2e18): a line may hold up to a billion units at up to 100 million a
unit, worth up to a trillion, so that even ninety thousand such lines still add up inside it.
"""

from __future__ import annotations

import datetime as dt

from inventory_app.domain.errors import ValidationError
from inventory_app.domain.money import cost_from_int, line_value, money_from_int, qty_from_int

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(9999, 12, 30)
MAX_DAYS = 36_525  # 100 years: a shelf life or lead time beyond it is a typo
MAX_QTY = 10**12  # thousandths: 1,000,000,000 units in one line
MAX_UNIT_COST = 10**12  # ten-thousandths: 100,000,000 for one unit
MAX_VALUE = 10**14  # cents: 1,000,000,000,000 for one line
INT64_MAX = 2**63 - 1  # the largest id or integer SQLite stores


def check_date(date: dt.date) -> dt.date:
    """``date`` itself, or ``date.out_of_range`` when the shop file cannot keep it."""
    if not MIN_DATE <= date <= MAX_DATE:
        raise ValidationError("date.out_of_range", date=date, first=MIN_DATE, last=MAX_DATE)
    return date


def add_days(date: dt.date, days: int) -> dt.date:
    """``date`` + ``days`` within the dates kept (no ``OverflowError`` near year 9999)."""
    try:
        return check_date(date + dt.timedelta(days=days))
    except OverflowError:
        last = MAX_DATE if days > 0 else MIN_DATE
        raise ValidationError(
            "date.out_of_range", date=last, first=MIN_DATE, last=MAX_DATE
        ) from None


def check_line_amounts(qty: int, unit_cost: int) -> int:
    """The value in cents of ``qty`` thousandths at ``unit_cost`` ten-thousandths, after
    checking both and the value against what a line may hold (before any of it is stored)."""
    if abs(qty) > MAX_QTY:
        raise ValidationError("amount.qty_too_large", qty=qty_from_int(qty), limit=MAX_QTY // 1000)
    if unit_cost > MAX_UNIT_COST:
        raise ValidationError(
            "amount.cost_too_large",
            cost=cost_from_int(unit_cost),
            limit=MAX_UNIT_COST // 10_000,
        )
    value = line_value(qty, unit_cost)
    if abs(value) > MAX_VALUE:
        raise ValidationError(
            "amount.value_too_large", value=money_from_int(value), limit=MAX_VALUE // 100
        )
    return value
