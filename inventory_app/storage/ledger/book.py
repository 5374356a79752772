"""What a poster knows: the items it meets and their open batches, in memory, loaded from
SQL when first needed and kept ahead of SQL until the writer flushes them."""

from __future__ import annotations

import bisect
import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from inventory_app.domain.errors import ValidationError as Invalid
from inventory_app.domain.model import BatchLot
from inventory_app.domain.picking import policy_key
from inventory_app.storage.ledger.writer import LedgerWriter


@dataclass(slots=True)
class BookItem:
    id: int
    sku: str
    removal: str
    shelf_life_days: int | None
    last_cost: int | None
    lots: list[BatchLot] | None = None  # policy order; None until loaded
    by_id: dict[int, BatchLot] = field(default_factory=dict)
    emptied: int = 0  # lots in ``lots`` drawn to zero since the last clean-up


_ITEM_COLS = "id, sku, removal, shelf_life_days, last_cost"
_LOT_COLS = (
    "id, item_id, location_id, code, received_date, posted_date, expiry, unit_cost, "
    "qty_remaining, value_remaining, last_draw_date"
)


def parse_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _lot(row: tuple) -> BatchLot:
    return BatchLot(
        id=row[0],
        item_id=row[1],
        location_id=row[2],
        code=row[3],
        received_date=dt.date.fromisoformat(row[4]),
        posted_date=dt.date.fromisoformat(row[5]),
        expiry=parse_date(row[6]),
        unit_cost=row[7],
        qty=row[8],
        value=row[9],
        last_draw_date=parse_date(row[10]),
    )


class StockBook:
    """Items by SKU and id; each item's batches in policy order. ``preload`` reads every item
    up front (imports); otherwise items are read as they are met."""

    def __init__(self, conn: sqlite3.Connection, out: LedgerWriter, *, preload: bool) -> None:
        self.conn = conn
        self.out = out
        self._by_sku: dict[str, BookItem] = {}
        self._raw: dict[str, BookItem] = {}  # SKU exactly as met -> item (hot path)
        self._by_id: dict[int, BookItem] = {}
        self._preloaded = preload
        if preload:
            for r in conn.execute(f"SELECT {_ITEM_COLS} FROM items"):
                self.remember(BookItem(*r))

    def remember(self, item: BookItem) -> BookItem:
        self._by_sku[item.sku.casefold()] = item
        self._by_id[item.id] = item
        return item

    def item(self, sku: str) -> BookItem:
        found = self._raw.get(sku)
        if found is not None:
            return found
        key = sku.strip().casefold()
        found = self._by_sku.get(key)
        if found is None and not self._preloaded:
            r = self.conn.execute(
                f"SELECT {_ITEM_COLS} FROM items WHERE sku = ?", (sku.strip(),)
            ).fetchone()
            if r:
                found = self.remember(BookItem(*r))
        if found is None:
            raise Invalid("ledger.unknown_sku", sku=sku)
        self._raw[sku] = found
        return found

    def item_by_id(self, item_id: int) -> BookItem:
        found = self._by_id.get(item_id)
        if found is None:
            r = self.conn.execute(f"SELECT {_ITEM_COLS} FROM items WHERE id = ?", (item_id,))
            found = self.remember(BookItem(*r.fetchone()))
        return found

    def lots(self, item: BookItem) -> list[BatchLot]:
        if item.lots is None:
            rows = self.conn.execute(
                f"SELECT {_LOT_COLS} FROM batches WHERE item_id = ? AND qty_remaining > 0",
                (item.id,),
            ).fetchall()
            lots = [_lot(r) for r in rows]
            for lot in lots:
                item.by_id.setdefault(lot.id, lot)
            item.lots = sorted((item.by_id[lot.id] for lot in lots), key=policy_key(item.removal))
        elif item.emptied > 16:
            # emptied lots stay in the list (the picker skips them) until enough pile up;
            # once their balance is written they are forgotten (reloaded from SQL if needed)
            item.lots = [lot for lot in item.lots if lot.qty > 0]
            for lid in [i for i, lot in item.by_id.items() if lot.qty == 0]:
                if lid not in self.out.touched:
                    del item.by_id[lid]
            item.emptied = 0
        return item.lots

    def lot_by_id(self, batch_id: int) -> BatchLot:
        """The batch as this poster knows it (in memory, possibly ahead of SQL), else from SQL."""
        row = self.conn.execute(f"SELECT {_LOT_COLS} FROM batches WHERE id = ?", (batch_id,))
        fetched = row.fetchone()
        if fetched is None:  # created in this poster and not yet written
            lot = self.out.touched[batch_id]
            return self.item_by_id(lot.item_id).by_id.setdefault(batch_id, lot)
        item = self.item_by_id(fetched[1])
        return item.by_id.setdefault(batch_id, _lot(fetched))

    def add_lot(self, item: BookItem, lot: BatchLot, *, new: bool = False) -> None:
        """Put ``lot`` in ``item``'s batches in policy order, unless there already; ``new``: a
        batch just made, which neither the list nor SQL holds yet (no need to look)."""
        item.by_id[lot.id] = lot
        lots = self.lots(item)
        if new or not any(other is lot for other in lots):
            bisect.insort(lots, lot, key=policy_key(item.removal))

    def available(self, lot: BatchLot, on: dt.date) -> int:
        """What may be drawn from ``lot`` by a movement dated ``on`` without making any
        later day's balance negative (backdated postings must not take what later
        movements already used)."""
        if lot.last_draw_date is None or on >= lot.last_draw_date:
            return lot.qty
        self.out.write_rows()
        rows = self.conn.execute(
            "SELECT date, sum(qty) FROM allocations WHERE batch_id = ? AND date > ? "
            "GROUP BY date ORDER BY date DESC",
            (lot.id, on.isoformat()),
        ).fetchall()
        # The balance at a day t >= on is the current balance plus what movements dated
        # after t took (put-backs count negative); the lowest such balance bounds the draw.
        lowest = acc = 0
        for _, q in rows:
            acc += q
            lowest = min(lowest, acc)
        return max(0, lot.qty + lowest)
