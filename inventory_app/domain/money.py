"""Exact quantities and money.

Storage uses integers in minor units so that every sum is exact and fast:

* quantity: thousandths (3 decimal places)
* money: cents (2 decimal places)
* unit cost: ten-thousandths (4 decimal places)

Rounding is always half-up (away from zero for negatives), the commercial rule.
``Decimal`` is what callers see; ``int`` minor units is what the ledger computes with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import repeat
from operator import mul

from inventory_app.domain.errors import ValidationError

QTY_PLACES = 3
MONEY_PLACES = 2
COST_PLACES = 4
QTY_SCALE = 10**QTY_PLACES
MONEY_SCALE = 10**MONEY_PLACES
COST_SCALE = 10**COST_PLACES

_QTY_Q = Decimal(1).scaleb(-QTY_PLACES)
_MONEY_Q = Decimal(1).scaleb(-MONEY_PLACES)
_COST_Q = Decimal(1).scaleb(-COST_PLACES)
ZERO = Decimal(0)
# Far beyond any shop's figures, and well inside SQLite's 64-bit integers in minor units.
MAX_DIGITS = 12  # integer digits
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?", re.ASCII)


def div_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero. ``denominator`` > 0."""
    if denominator <= 0:
        raise ZeroDivisionError("denominator must be positive")
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((-2 * numerator + denominator) // (2 * denominator))


def to_decimal(value: object, *, what: str = "number") -> Decimal:
    """Parse text, int or Decimal into a finite Decimal. Floats are refused: they are not exact."""
    if isinstance(value, bool):
        raise ValidationError("number.not_a_number", what=what, value=value)
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            raise ValidationError("number.empty", what=what)
        if "," in text:
            # thousands in groups of three ("1,234.50") as in the importers; "1,5" or "2,50"
            # is a decimal comma to some and a typo to others: refused, never read as 15
            if not _GROUPED.fullmatch(text):
                raise ValidationError("number.decimal_comma", what=what, value=value)
            text = text.replace(",", "")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValidationError("number.not_a_number", what=what, value=value) from None
    else:
        raise ValidationError("number.not_a_number", what=what, value=value)
    if not d.is_finite():
        raise ValidationError("number.not_a_number", what=what, value=value)
    if d.adjusted() >= MAX_DIGITS:
        raise ValidationError("number.too_large", what=what, value=value)
    return d


def _places_ok(d: Decimal, places: int) -> bool:
    return d == d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def parse_qty(value: object, *, what: str = "quantity") -> Decimal:
    """A quantity with at most 3 decimals (more is an error, never silently rounded)."""
    d = to_decimal(value, what=what)
    if not _places_ok(d, QTY_PLACES):
        raise ValidationError("number.too_many_decimals", what=what, value=value, places=QTY_PLACES)
    return d.quantize(_QTY_Q)


def parse_cost(value: object, *, what: str = "unit cost") -> Decimal:
    """A unit cost with at most 4 decimals, not negative."""
    d = to_decimal(value, what=what)
    if not _places_ok(d, COST_PLACES):
        raise ValidationError(
            "number.too_many_decimals", what=what, value=value, places=COST_PLACES
        )
    if d < 0:
        raise ValidationError("number.negative", what=what, value=value)
    return d.quantize(_COST_Q)


def qty_units(value: object, *, what: str = "quantity") -> int:
    """Thousandths in a quantity (Decimal, int or text). The hot path of bulk postings:
    exact Decimals and ints skip the text parser; too many decimals is an error."""
    if type(value) is Decimal and value.is_finite() and value.adjusted() < MAX_DIGITS:
        n = value * QTY_SCALE
        units = int(n)
        if units == n:
            return units
    elif type(value) is int and abs(value) < 10**MAX_DIGITS:
        return value * QTY_SCALE
    return qty_to_int(parse_qty(value, what=what))


def qty_to_int(q: Decimal) -> int:
    return int(q.scaleb(QTY_PLACES).to_integral_value(rounding=ROUND_HALF_UP))


def money_to_int(m: Decimal) -> int:
    return int(m.scaleb(MONEY_PLACES).to_integral_value(rounding=ROUND_HALF_UP))


def cost_to_int(c: Decimal) -> int:
    return int(c.scaleb(COST_PLACES).to_integral_value(rounding=ROUND_HALF_UP))


def qty_from_int(n: int) -> Decimal:
    return Decimal(n).scaleb(-QTY_PLACES).quantize(_QTY_Q)


def money_from_int(n: int) -> Decimal:
    return Decimal(n).scaleb(-MONEY_PLACES).quantize(_MONEY_Q)


def cost_from_int(n: int) -> Decimal:
    return Decimal(n).scaleb(-COST_PLACES).quantize(_COST_Q)


# Whole columns of a report (a summary's 10k rows x 10 figures) turned into Decimals by C
# calls alone: Decimal(n) * 10**-places has the exponent the quantize gives, and is exact
# while n has fewer digits than the context's precision (28); beyond that quantize raises,
# so such a column takes the one-at-a-time way and raises as it did.
_FAST_LIMIT = 10**27


def qty_column(ns: Sequence[int]) -> list[Decimal]:
    """``[qty_from_int(n) for n in ns]``, several times faster: each distinct quantity is made
    once (a month's summary on 10k items: 10k quantities a column, ~30-230 distinct)."""
    distinct = list(set(ns))
    made = dict(zip(distinct, _column(distinct, _QTY_Q, qty_from_int), strict=True))
    return list(map(made.__getitem__, ns))


def money_column(ns: Sequence[int]) -> list[Decimal]:
    """``[money_from_int(n) for n in ns]``, several times faster."""
    return _column(ns, _MONEY_Q, money_from_int)


def _column(ns: Sequence[int], unit: Decimal, one: Callable[[int], Decimal]) -> list[Decimal]:
    if not ns:
        return []
    if min(ns) > -_FAST_LIMIT and max(ns) < _FAST_LIMIT:
        return list(map(mul, map(Decimal, ns), repeat(unit)))
    return [one(n) for n in ns]


def round_money(d: Decimal) -> Decimal:
    return d.quantize(_MONEY_Q, rounding=ROUND_HALF_UP)


# Minor-unit arithmetic used by the ledger -------------------------------------------------

_LINE_DIVISOR = QTY_SCALE * COST_SCALE // MONEY_SCALE  # milli * 1e-4 -> cents


def line_value(qty_milli: int, cost_e4: int) -> int:
    """Value in cents of ``qty`` at ``unit cost``: round(qty x cost, 2, half-up)."""
    return div_half_up(qty_milli * cost_e4, _LINE_DIVISOR)


def share_of_value(remaining_value: int, remaining_qty: int, qty: int) -> int:
    """Cents to take from a batch holding ``remaining_value`` for ``remaining_qty`` when
    drawing ``qty`` of it.

    Proportional to what is left, not to the original unit cost, so that the value is
    used up exactly when the quantity reaches zero and never goes negative.
    """
    if qty >= remaining_qty:
        return remaining_value
    return div_half_up(remaining_value * qty, remaining_qty)


def fmt_qty(n: int) -> str:
    """Human text for a quantity in milli-units: '12', '0.5', '1.25'."""
    d = qty_from_int(n)
    text = format(d.normalize(), "f")
    return text
