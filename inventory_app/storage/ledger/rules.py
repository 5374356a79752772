"""The checks a line must pass before the poster touches a batch, apart from the posting
itself: its type and quantity, a write-off's reason, a receipt's cost and expiry.

Pure functions on the line and the item (no SQL); each returns the checked value or raises
an ``InventoryError`` with a code. ``Poster.apply`` calls the cheap ones only when the fast
path inline has found something to say (a million lines each pass once).
"""

from __future__ import annotations

import datetime as dt

from inventory_app.domain import limits, money
from inventory_app.domain.errors import ValidationError as Invalid
from inventory_app.domain.model import Line, MovementType, WriteoffReason
from inventory_app.storage.ledger.book import BookItem

T = MovementType
WRITEOFF_REASONS = frozenset(r.value for r in WriteoffReason)
_CHOICES = ", ".join(sorted(WRITEOFF_REASONS))


def movement_type(raw: object) -> MovementType:
    """A line's type given as text (files, the CLI) as the enum member."""
    try:
        return T(raw)
    except ValueError:
        raise Invalid("ledger.unknown_type", type=raw) from None


def refuse_qty(qty: int, t: MovementType, *, signed: bool) -> None:
    """Raises for a zero quantity, or a negative one where only adjustments and stocktakes
    are signed. ``qty`` in thousandths, <= 0 (the caller's fast path has seen that)."""
    if qty == 0:
        raise Invalid("ledger.qty_zero")
    if not signed:
        raise Invalid("ledger.qty_not_positive", kind=t.value)


def writeoff_reason(reason: str | None, raw: str | None) -> str:
    """A write-off's reason code, casefolded; 'other' when none is given."""
    reason = (reason or WriteoffReason.OTHER.value).casefold()
    if reason not in WRITEOFF_REASONS:
        raise Invalid("ledger.writeoff_reason_unknown", reason=raw, choices=_CHOICES)
    return reason


def unit_cost(line: Line, t: MovementType, item: BookItem) -> int:
    """The cost (ten-thousandths) of stock coming in: as given, else (a gain) the item's
    last receipt cost; a receipt must state it."""
    if line.unit_cost is not None:
        return money.cost_to_int(money.parse_cost(line.unit_cost))
    if t is T.RECEIPT:
        raise Invalid("ledger.receipt_needs_cost")
    if item.last_cost is not None:
        return item.last_cost
    raise Invalid("ledger.no_cost_known", sku=item.sku)


def expiry(line: Line, t: MovementType, item: BookItem, date: dt.date) -> dt.date | None:
    """The new batch's expiry: as given, else from the item's shelf life."""
    found = line.expiry
    if found is None and item.shelf_life_days:
        found = limits.add_days(date, item.shelf_life_days)
    elif found is not None:
        limits.check_date(found)
    if found is not None and found < date and t is T.RECEIPT:
        # a delivery that is already past its date is a typo; stock *found* (an adjustment
        # or a stocktake gain) may well be expired, and is recorded as it is
        raise Invalid("ledger.expiry_before_date", expiry=found, date=date)
    return found
