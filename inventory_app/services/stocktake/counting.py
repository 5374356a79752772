"""Stocktakes: start (snapshot), count, recount, set reasons, cancel; the reading side
(list, review) is in ``stocktake_review`` and re-exported here. Approval is in
``stocktake_approve``; ABC and the due list in ``stocktake_cycle``; sheets and the report in
``stocktake_sheet`` / ``stocktake_report``.

Each write runs in one transaction. The shop does not stop: every count records the last
movement posted when it was made, and the review compares it with the books at that moment.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import NotFound, RefusedOperation, ValidationError
from inventory_app.domain.model import DEFAULT_LOCATION, Changes
from inventory_app.domain.stocktake import (
    StocktakeState,
    counted_per_batch,
    parse_reason,
    parse_scope,
)
from inventory_app.services import catalog
from inventory_app.services.stocktake.cycle import scope_items
from inventory_app.services.stocktake.reading import (
    CountRecord,
    Review,
    ReviewLine,
    StocktakeInfo,
    _now,
    _open_row,
    _row,
    count_history,
    get,
    list_stocktakes,
    review,
    tolerance,
)
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Database

__all__ = [
    "CountRecord",
    "CountTarget",
    "Counted",
    "Review",
    "ReviewLine",
    "StocktakeInfo",
    "cancel",
    "count",
    "count_history",
    "count_target",
    "get",
    "list_stocktakes",
    "resolve_line",
    "review",
    "set_reason",
    "start",
    "tolerance",
]


@dataclass(frozen=True, slots=True)
class Counted:
    """What a count did: the line it went to and that line's total in the current round."""

    changes: Changes
    line_id: int
    sku: str
    location: str
    batch: str
    total: Decimal
    added_line: bool


# -- writing ------------------------------------------------------------------------------


def start(
    db: Database,
    *,
    scope: str = "all",
    blind: bool = False,
    name: str = "",
    operator: str = "",
    today: dt.date | None = None,
) -> Changes:
    """Start a stocktake: snapshot what the books hold per item/location (per batch for items
    with expiry) for the items in ``scope``. The new id is in ``changes.stocktakes``."""
    parsed = parse_scope(scope)
    name = name.strip() or f"Stocktake {(today or dt.date.today()).isoformat()} ({parsed})"
    items, location_id = scope_items(db, parsed, today=today)
    with db.transaction() as conn:
        mark = q.last_movement_id(conn)
        sid = q.insert_stocktake(
            conn,
            name=name,
            scope=str(parsed),
            blind=blind,
            mark=mark,
            now=_now(),
            started_by=operator.strip(),
        )
        q.add_scope_items(conn, sid, items)
        q.snapshot_lines(conn, sid, location_id=location_id)
    return Changes(stocktakes=frozenset({sid}))


def count(
    db: Database,
    stocktake_id: int,
    *,
    code: str,
    qty: Decimal | int | str,
    batch: str | None = None,
    location: str | None = None,
    counter: str = "",
    recount: bool = False,
    add_to_scope: bool = False,
    source: str = "screen",
) -> Counted:
    """Record a count of ``qty`` for the item with SKU or barcode ``code``. Counts of the
    same line add up (several counters); ``recount`` starts a new round that replaces the
    earlier counts (they stay in the history). An item outside the scope is refused unless
    ``add_to_scope``. A batch or location not in the snapshot gets a new line."""
    amount = money.parse_qty(qty, what="count")
    if amount < 0:
        raise ValidationError(f"a count cannot be negative (got {amount}); to correct, recount")
    with db.transaction() as conn:
        row = _open_row(conn, stocktake_id)
        line_id, sku, loc_name, line_batch, added = resolve_line(
            conn, row, code=code, batch=batch, location=location, add_to_scope=add_to_scope
        )
        current = q.line_round(conn, line_id)
        round_ = current + 1 if recount and current else max(current, 1)
        q.insert_count(
            conn,
            line_id=line_id,
            round_=round_,
            qty=money.qty_to_int(amount),
            counter=counter.strip(),
            now=_now(),
            mark=q.last_movement_id(conn),
            source=source,
        )
        total = conn.execute(
            "SELECT sum(qty) FROM stocktake_counts WHERE line_id = ? AND round = ?",
            (line_id, round_),
        ).fetchone()[0]
    return Counted(
        Changes(stocktakes=frozenset({stocktake_id})),
        line_id,
        sku,
        loc_name,
        line_batch,
        money.qty_from_int(total),
        added,
    )


@dataclass(frozen=True, slots=True)
class CountTarget:
    """What a scanned code means for a stocktake, before counting it (the count view asks
    for a batch or offers to add the item from this)."""

    item_id: int
    sku: str
    name: str
    unit: str
    in_scope: bool
    per_batch: bool
    # (code, expiry) of its lines and of the batches in stock at the location, expiry first
    batches: tuple[tuple[str, dt.date | None], ...]


def count_target(
    db: Database, stocktake_id: int, *, code: str, location: str | None = None
) -> CountTarget | None:
    """The item with SKU or barcode ``code`` as this stocktake sees it; None: unknown code."""
    conn = db.conn
    _row(conn, stocktake_id)
    item = catalog.find_item(db, code or "")
    if item is None:
        return None
    item_id = item.id
    lines = conn.execute(
        "SELECT l.batch, l.expiry, loc.name FROM stocktake_lines l"
        " JOIN locations loc ON loc.id = l.location_id WHERE l.stocktake_id = ? AND l.item_id = ?"
        " ORDER BY l.expiry IS NULL, l.expiry, l.batch",
        (stocktake_id, item_id),
    ).fetchall()
    per_batch = _per_batch([x[0] for x in lines], item.removal, item.shelf_life_days)
    found: dict[str, tuple[str, str | None]] = {}
    held = conn.execute(
        "SELECT b.code, b.expiry, l.name FROM batches b JOIN locations l ON l.id = b.location_id"
        " WHERE b.item_id = ? AND b.qty_remaining > 0",
        (item_id,),
    ).fetchall()
    for b, e, loc in [*lines, *(held if per_batch else [])]:
        if b and (location is None or loc.casefold() == location.casefold()):
            found.setdefault(b.casefold(), (b, e))
    here = sorted(found.values(), key=lambda x: (x[1] is None, x[1] or "", x[0]))
    batches = tuple((b, dt.date.fromisoformat(e) if e else None) for b, e in here)
    in_scope = _in_scope(conn, stocktake_id, item_id)
    return CountTarget(item_id, item.sku, item.name, item.unit, in_scope, per_batch, batches)


def _in_scope(conn: sqlite3.Connection, stocktake_id: int, item_id: int) -> bool:
    row = conn.execute(
        "SELECT 1 FROM stocktake_items WHERE stocktake_id = ? AND item_id = ?",
        (stocktake_id, item_id),
    ).fetchone()
    return row is not None


def _per_batch(line_batches: list[str], removal: str, shelf_life_days: int | None) -> bool:
    """Whether an item is counted per batch in a stocktake: as its lines already are, else
    by the item's kind (see ``domain.stocktake.counted_per_batch``)."""
    if line_batches:
        return any(line_batches)
    return counted_per_batch(removal=removal, shelf_life_days=shelf_life_days)


def resolve_line(
    conn: sqlite3.Connection,
    row: tuple,
    *,
    code: str,
    batch: str | None,
    location: str | None,
    add_to_scope: bool = False,
) -> tuple[int, str, str, str, bool]:
    """The line a count of ``code`` (SKU or barcode) goes to: (line id, sku, location name,
    batch, added). Adds the line (and with ``add_to_scope`` the item) when allowed."""
    stocktake_id, scope = row[0], parse_scope(row[2])
    code = (code or "").strip()
    item = conn.execute(
        "SELECT id, sku, removal, shelf_life_days FROM items WHERE sku = ? OR barcode = ?"
        " ORDER BY sku = ? DESC LIMIT 1",
        (code, code, code),
    ).fetchone()
    if item is None:
        raise NotFound(f"no item has the code or barcode {code!r}")
    item_id, sku, removal, shelf = item
    if not _in_scope(conn, stocktake_id, item_id):
        if not add_to_scope:
            raise RefusedOperation(
                f"{sku} is not in the scope of stocktake #{stocktake_id} ({scope}); "
                "add it to the stocktake first"
            )
        q.add_scope_items(conn, stocktake_id, [item_id])
    lines = conn.execute(
        "SELECT l.id, l.location_id, loc.name, l.batch FROM stocktake_lines l"
        " JOIN locations loc ON loc.id = l.location_id"
        " WHERE l.stocktake_id = ? AND l.item_id = ?",
        (stocktake_id, item_id),
    ).fetchall()
    loc_id, loc_name = _location(conn, scope, location, lines, sku)
    here = [x for x in lines if x[1] == loc_id]
    per_batch = _per_batch([x[3] for x in lines], removal, shelf)
    want = (batch or "").strip()
    if want and not per_batch:
        raise ValidationError(f"{sku} is counted per location, not per batch; leave out the batch")
    if per_batch and not want:
        if len(here) == 1:
            return here[0][0], sku, loc_name, here[0][3], False
        if not here:
            raise ValidationError(f"{sku} is counted per batch: name the batch")
        raise ValidationError(
            f"{sku} has several batches at {loc_name}: "
            + ", ".join(sorted(x[3] for x in here))
            + "; name the batch"
        )
    found = next((x for x in here if x[3].casefold() == want.casefold()), None)
    if found is not None:
        return found[0], sku, loc_name, found[3], False
    snap, value = q.qty_at_mark(conn, item_id=item_id, location_id=loc_id, batch=want, mark=row[5])
    expiry = None
    if want:
        got = conn.execute(
            "SELECT min(expiry), min(code) FROM batches WHERE item_id = ? AND code = ?"
            " COLLATE NOCASE",
            (item_id, want),
        ).fetchone()
        expiry, want = got[0], got[1] or want
    cur = conn.execute(
        "INSERT INTO stocktake_lines (stocktake_id, item_id, location_id, batch, expiry,"
        " snapshot_qty, snapshot_value, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (stocktake_id, item_id, loc_id, want, expiry, snap, value, _now()),
    )
    return int(cur.lastrowid), sku, loc_name, want, True


def _location(conn, scope, location, lines, sku) -> tuple[int, str]:
    if scope.kind == "location":
        name = scope.values[0]
        if location and location.strip().casefold() != name.casefold():
            raise RefusedOperation(
                f"{location!r} is outside the scope of this stocktake (location {name})"
            )
        location = name
    if not location:
        places = sorted({(x[1], x[2]) for x in lines})
        if len(places) > 1:
            raise ValidationError(
                f"{sku} is held at several locations ({', '.join(p[1] for p in places)}); "
                "name the location"
            )
        if places:
            return places[0]
        location = DEFAULT_LOCATION
    row = conn.execute(
        "SELECT id, name FROM locations WHERE name = ? COLLATE NOCASE", (location.strip(),)
    ).fetchone()
    if row is None:
        raise NotFound(f"unknown location {location!r}")
    return row[0], row[1]


def set_reason(db: Database, stocktake_id: int, line_id: int, reason: str | None) -> Changes:
    """The reason code posted with a line's difference (None: the approval's default)."""
    code = parse_reason(reason).value if reason else None
    with db.transaction() as conn:
        _open_row(conn, stocktake_id)
        cur = conn.execute(
            "UPDATE stocktake_lines SET reason = ? WHERE id = ? AND stocktake_id = ?",
            (code, line_id, stocktake_id),
        )
        if cur.rowcount == 0:
            raise NotFound(f"stocktake #{stocktake_id} has no line {line_id}")
    return Changes(stocktakes=frozenset({stocktake_id}))


def cancel(db: Database, stocktake_id: int) -> Changes:
    """Cancel an open stocktake: nothing is posted; it stays in the list, read-only."""
    with db.transaction() as conn:
        row = _row(conn, stocktake_id)
        if row[4] != StocktakeState.OPEN:
            raise RefusedOperation(f"stocktake #{stocktake_id} is already {row[4]}")
        conn.execute(
            "UPDATE stocktakes SET state = 'cancelled', closed_at = ? WHERE id = ?",
            (_now(), stocktake_id),
        )
    return Changes(stocktakes=frozenset({stocktake_id}))
