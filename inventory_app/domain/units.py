"""Packs: an item's stock unit (瓶) and its packs with an exact factor (1 箱 = 24 瓶).

The ledger keeps stock units only; a pack is how a user typed a quantity or a price. A factor
is an exact quantity of stock units (thousandths, like every quantity), so converting a pack
quantity to stock units is a multiplication that never rounds: 2.5 箱 × 24 = 60 瓶.

**The cost rule.** A price is per pack (¥100.00 per 箱 of 3 瓶), the ledger's unit cost is per
stock unit to 4 decimals, and a receipt's value is ``round(qty × unit cost, 2)``. ¥100.00 / 3
is 33.3333…, so no 4-decimal unit cost gives every quantity the value the supplier charged. The
rule, written once here and tested:

1. The value of a receipt in packs is what the supplier charges: ``V = round(packs × pack
   price, 2)``, half-up (the commercial rule of ``money``).
2. The stock-unit cost is ``V / Q`` (Q = stock units) truncated to 4 decimals (``c``); if
   ``round(Q × c, 2)`` is exactly ``V``, the receipt is one line at ``c``.
3. Otherwise the receipt is split in two lines of the same batch: ``Q − q`` units at ``c`` and
   a small remainder ``q`` (one stock unit, or less when Q < 2) at the cost that makes its value
   exactly ``V`` minus the first line's. Truncating (not rounding) ``c`` makes the first line's
   value at most ``V``, so the remainder is never negative.

So the receipt's lines always sum to ``V`` to the cent, and from there the ledger keeps the
batch's value exact: an issue takes its share of what is left and the last unit takes the rest
(``money.share_of_value``). A case at ¥100.00 for 3 bottles is one batch of 3 worth ¥100.00;
the three single-bottle issues draw ¥33.33, ¥33.34 and ¥33.33: not a cent made or lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import ValidationError

_E4 = money.COST_SCALE
_LINE_DIVISOR = money.QTY_SCALE * money.COST_SCALE // money.MONEY_SCALE  # milli × e-4 -> cents
# The largest remainder quantities (thousandths) that turn any whole number of cents into a
# 4-decimal unit cost exactly: the divisors of ``_LINE_DIVISOR`` up to one stock unit.
_REMAINDERS = tuple(d for d in range(money.QTY_SCALE, 0, -1) if _LINE_DIVISOR % d == 0)


@dataclass(frozen=True, slots=True)
class Pack:
    """A pack of an item: ``name`` (箱), ``factor`` stock units per pack (thousandths)."""

    name: str
    factor: int
    barcode: str | None = None

    @property
    def factor_qty(self) -> Decimal:
        return money.qty_from_int(self.factor)


STOCK_UNIT_FACTOR = money.QTY_SCALE  # the stock unit itself: 1 瓶 = 1 瓶


def parse_factor(value: object) -> int:
    """A pack factor (stock units per pack, up to 3 decimals, > 0) in thousandths."""
    q = money.parse_qty(value, what="factor")
    if q <= 0:
        raise ValidationError("units.factor_not_positive", value=value)
    return money.qty_to_int(q)


def stock_qty(pack_qty: int, factor: int) -> int:
    """Stock units (thousandths) in ``pack_qty`` packs (thousandths) of ``factor``: exact
    when the result has at most 3 decimals, else refused (a quantity is never rounded)."""
    units, rest = divmod(pack_qty * factor, money.QTY_SCALE)
    if rest:
        raise ValidationError(
            "units.qty_not_exact",
            qty=money.qty_from_int(pack_qty),
            factor=money.qty_from_int(factor),
        )
    return units


def pack_qty_of(stock: int, factor: int) -> Decimal:
    """``stock`` stock units (thousandths) as packs of ``factor`` (for display; rounded to 3
    decimals half-up)."""
    return (Decimal(stock) / Decimal(factor)).quantize(Decimal("0.001"), ROUND_HALF_UP)


def packs_to_cover(stock_needed: int, factor: int) -> int:
    """Whole packs (thousandths) that hold at least ``stock_needed`` stock units."""
    if stock_needed <= 0:
        return 0
    packs = -(-stock_needed // factor)  # ceiling
    return packs * money.QTY_SCALE


@dataclass(frozen=True, slots=True)
class CostLine:
    """A part of a receipt: ``qty`` stock units (thousandths) at ``unit_cost`` (e-4) worth
    ``value`` cents, ``value == money.line_value(qty, unit_cost)``."""

    qty: int
    unit_cost: int
    value: int


def receipt_value(pack_qty: int, pack_cost: int) -> int:
    """Cents charged for ``pack_qty`` packs (thousandths) at ``pack_cost`` (e-4): rule 1."""
    return money.line_value(pack_qty, pack_cost)


def split_receipt(qty: int, value: int) -> tuple[CostLine, ...]:
    """``qty`` stock units (thousandths, > 0) worth exactly ``value`` cents as one or two
    receipt lines whose values sum to ``value`` (the module's rules 2 and 3)."""
    if qty <= 0 or value < 0:
        raise ValueError("qty must be positive and value not negative")
    cost = value * _LINE_DIVISOR // qty  # truncated: the first line never exceeds ``value``
    if money.line_value(qty, cost) == value:
        return (CostLine(qty, cost, value),)
    rest = next(d for d in _REMAINDERS if d <= qty // 2 or d == 1)
    first = CostLine(qty - rest, cost, money.line_value(qty - rest, cost))
    remainder_value = value - first.value
    last = CostLine(rest, remainder_value * _LINE_DIVISOR // rest, remainder_value)
    assert money.line_value(last.qty, last.unit_cost) == remainder_value
    return (first, last)


def pack_cost_to_unit(pack_cost: int, factor: int) -> int:
    """A pack's cost (e-4) as a stock unit's cost (e-4), rounded half-up: what a price list
    shows ("¥4.1667 per 瓶"); never used to value a receipt (``split_receipt`` is)."""
    return money.div_half_up(pack_cost * money.QTY_SCALE, factor)


def round_up_to(qty: Decimal, step: Decimal) -> Decimal:
    """``qty`` rounded up to a whole multiple of ``step`` (> 0)."""
    if qty <= 0:
        return Decimal(0)
    return (qty / step).to_integral_value(rounding=ROUND_CEILING) * step
