"""Purchase orders: their life cycle, the expected date, and turning reorder suggestions into
order lines (rounded up to the pack, then up to the supplier's minimum order).

draft → sent → partial → received, or cancelled (with a reason) from draft, sent or partial.
Only a draft's lines can change; what was received is what the ledger's receipts against the
order say, so "received" cannot drift from stock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from inventory_app.domain import money


class OrderStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    PARTIAL = "partial"
    RECEIVED = "received"
    CANCELLED = "cancelled"


OPEN = (OrderStatus.SENT, OrderStatus.PARTIAL)  # goods still expected
CANCELLABLE = (OrderStatus.DRAFT, OrderStatus.SENT, OrderStatus.PARTIAL)


def expected_date(day: dt.date, lead_time_days: int) -> dt.date:
    """When goods ordered on ``day`` should arrive."""
    return day + dt.timedelta(days=max(0, lead_time_days))


def status_after_receipt(lines: list[tuple[int, int]]) -> OrderStatus:
    """The status of a sent order whose lines have (ordered, received) stock units."""
    if all(received >= ordered for ordered, received in lines):
        return OrderStatus.RECEIVED
    return OrderStatus.PARTIAL


def is_overdue(status: str, expected: dt.date | None, today: dt.date) -> bool:
    return status in OPEN and expected is not None and expected < today


@dataclass(frozen=True, slots=True)
class SuggestedLine:
    """One line of a suggested order: ``packs`` of ``pack`` (``factor`` stock units each,
    thousandths) at ``pack_cost`` each; ``why`` says where the quantity comes from."""

    sku: str
    name: str
    pack: str
    factor: int
    needed: Decimal  # stock units the reorder suggestion asks for
    packs: Decimal
    pack_cost: Decimal | None
    why: str

    @property
    def stock_qty(self) -> Decimal:
        return self.packs * money.qty_from_int(self.factor)

    @property
    def value(self) -> Decimal:
        if self.pack_cost is None:
            return Decimal("0.00")
        return money.round_money(self.packs * self.pack_cost)


def packs_for(needed: Decimal, factor: int) -> Decimal:
    """Whole packs that hold at least ``needed`` stock units (0 when nothing is needed)."""
    if needed <= 0:
        return Decimal(0)
    return (needed / money.qty_from_int(factor)).to_integral_value(rounding=ROUND_CEILING)


def round_to_minimum(
    lines: list[SuggestedLine], minimum: Decimal, *, note: str
) -> list[SuggestedLine]:
    """Add whole packs, one at a time to the lines in turn (largest need first), until the
    order's value reaches ``minimum``; lines without a price cannot help and are left.
    ``note`` is added to the why of each line that grew, ``{packs}`` and ``{pack}`` filled."""
    priced = [n for n, x in enumerate(lines) if x.pack_cost]
    if minimum <= 0 or not priced:
        return lines
    out = list(lines)
    added = dict.fromkeys(priced, 0)
    order = sorted(priced, key=lambda n: -lines[n].needed)
    turn = 0
    while sum((x.value for x in out), Decimal(0)) < minimum:
        n = order[turn % len(order)]
        out[n] = replace(out[n], packs=out[n].packs + 1)
        added[n] += 1
        turn += 1
    return [
        replace(x, why=x.why + note.format(packs=added[n], pack=x.pack)) if added.get(n) else x
        for n, x in enumerate(out)
    ]
