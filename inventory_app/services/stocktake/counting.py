"""Stocktakes: start (snapshot), count, recount, set reasons, cancel. Each write runs in one
transaction.

The package ``services.stocktake`` offers these and the reading side (``reading``: the list,
the review figures, the count history), re-exported here and from the package. Beside them:
``approve`` (post the differences and close), ``posting`` (how one difference is posted),
``cycle`` (ABC classes, the due list, the items of a scope, shrinkage), ``sheet`` (count
sheets out and in) and ``report`` (the .xlsx report).

The shop does not stop: every count records the last movement posted when it was made, and
the review compares it with the books at that moment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import NotFound, RefusedOperation, ValidationError
from inventory_app.domain.messages import render
from inventory_app.domain.model import DEFAULT_LOCATION, Changes
from inventory_app.domain.stocktake import (
    Scope,
    ScopeKind,
    StocktakeState,
    counted_per_batch,
    parse_reason,
    parse_scope,
    scope_label,
)
from inventory_app.services import catalog
from inventory_app.services.access import record, require
from inventory_app.services.stocktake.cycle import scope_items
from inventory_app.services.stocktake.reading import (
    open_row,
    stocktake_row,
)
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.stocktakes import CountItem, ItemLine, StocktakeRow


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
    actor = require(db, "stocktake_start")
    operator = operator.strip() or actor.name
    parsed = parse_scope(scope)
    # the default name in the language of whoever starts it: "盘点 2026-12-02（类别：乳制品）"
    name = name.strip() or render(
        "stocktake.default_name",
        {"date": today or dt.date.today(), "scope": scope_label(parsed)},
    )
    items, location_id = scope_items(db, parsed, today=today)
    with db.transaction() as conn:
        sid = q.insert_stocktake(
            conn,
            name=name,
            scope=str(parsed),
            blind=blind,
            mark=q.last_movement_id(conn),
            started_by=operator.strip(),
        )
        q.add_scope_items(conn, sid, items)
        q.snapshot_lines(conn, sid, location_id=location_id)
        record(conn, actor, "stocktake_start", f"stocktake {sid}", scope=str(parsed), name=name)
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
    actor = require(db, "count")
    counter = counter.strip() or actor.name
    amount = money.parse_qty(qty, what="count")
    if amount < 0:
        raise ValidationError("stocktake.negative_count", qty=amount)
    with db.transaction() as conn:
        row = open_row(conn, stocktake_id)
        line_id, sku, loc_name, line_batch, added = resolve_line(
            conn, row, code=code, batch=batch, location=location, add_to_scope=add_to_scope
        )
        current = q.line_round(conn, line_id)
        round_ = current + 1 if recount and current else max(current, 1)
        q.record_count(
            conn,
            line_id,
            round_=round_,
            qty=money.qty_to_int(amount),
            counter=counter.strip(),
            source=source,
        )
        total = q.round_total(conn, line_id, round_)
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
    stocktake_row(conn, stocktake_id)
    item = catalog.find_item(db, code or "")
    if item is None:
        return None
    lines = q.item_line_batches(conn, stocktake_id, item.id)
    per_batch = _per_batch([x[0] for x in lines], item.removal, item.shelf_life_days)
    held = q.batches_held(conn, item.id) if per_batch else []
    found: dict[str, tuple[str, str | None]] = {}
    for b, e, loc in [*lines, *held]:
        if b and (location is None or loc.casefold() == location.casefold()):
            found.setdefault(b.casefold(), (b, e))
    here = sorted(found.values(), key=lambda x: (x[1] is None, x[1] or "", x[0]))
    batches = tuple((b, dt.date.fromisoformat(e) if e else None) for b, e in here)
    in_scope = q.in_scope(conn, stocktake_id, item.id)
    return CountTarget(item.id, item.sku, item.name, item.unit, in_scope, per_batch, batches)


def _per_batch(line_batches: list[str], removal: str, shelf_life_days: int | None) -> bool:
    """Whether an item is counted per batch in a stocktake: as its lines already are, else
    by the item's kind (see ``domain.stocktake.counted_per_batch``)."""
    if line_batches:
        return any(line_batches)
    return counted_per_batch(removal=removal, shelf_life_days=shelf_life_days)


def resolve_line(
    conn: Connection,
    row: StocktakeRow,
    *,
    code: str,
    batch: str | None,
    location: str | None,
    add_to_scope: bool = False,
) -> tuple[int, str, str, str, bool]:
    """The line a count of ``code`` (SKU or barcode) goes to: (line id, sku, location name,
    batch, added). Adds the line (and with ``add_to_scope`` the item) when allowed."""
    scope = parse_scope(row.scope)
    item = _item_to_count(conn, row.id, scope, code, add_to_scope=add_to_scope)
    lines = q.item_lines(conn, row.id, item.id)
    loc_id, loc_name = _location(conn, scope, location, lines, item.sku)
    here = [x for x in lines if x.location_id == loc_id]
    per_batch = _per_batch([x.batch for x in lines], item.removal, item.shelf_life_days)
    want = (batch or "").strip()
    found = _line_here(item.sku, loc_name, here, want, per_batch=per_batch)
    if found is not None:
        return found.id, item.sku, loc_name, found.batch, False
    snap, value = q.qty_at_mark(
        conn, item_id=item.id, location_id=loc_id, batch=want, mark=row.mark
    )
    expiry = None
    if want:
        expiry, want = q.batch_identity(conn, item.id, want)
    line_id = q.add_found_line(
        conn,
        row.id,
        item_id=item.id,
        location_id=loc_id,
        batch=want,
        expiry=expiry,
        snapshot_qty=snap,
        snapshot_value=value,
    )
    return line_id, item.sku, loc_name, want, True


def _item_to_count(
    conn: Connection, stocktake_id: int, scope: Scope, code: str, *, add_to_scope: bool
) -> CountItem:
    """The item with SKU or barcode ``code``, in the scope (put there with ``add_to_scope``)."""
    code = (code or "").strip()
    item = q.item_for_count(conn, code)
    if item is None:
        raise NotFound("stocktake.unknown_code", item_code=code)
    if not q.in_scope(conn, stocktake_id, item.id):
        if not add_to_scope:
            raise RefusedOperation(
                "stocktake.item_out_of_scope",
                sku=item.sku,
                stocktake_id=stocktake_id,
                scope=str(scope),
            )
        q.add_scope_items(conn, stocktake_id, [item.id])
    return item


def _line_here(
    sku: str, location: str, here: list[ItemLine], want: str, *, per_batch: bool
) -> ItemLine | None:
    """The line at the location for batch ``want`` ('' when none was named); None: a new
    line is wanted. Refuses a batch for an item counted per location, and a missing one
    where it cannot be told."""
    if want and not per_batch:
        raise ValidationError("stocktake.not_per_batch", sku=sku)
    if per_batch and not want:
        if len(here) == 1:
            return here[0]
        if not here:
            raise ValidationError("stocktake.batch_needed", sku=sku)
        raise ValidationError(
            "stocktake.batch_ambiguous",
            sku=sku,
            location=location,
            batches=", ".join(sorted(x.batch for x in here)),
        )
    return next((x for x in here if x.batch.casefold() == want.casefold()), None)


def _location(
    conn: Connection, scope: Scope, location: str | None, lines: list[ItemLine], sku: str
) -> tuple[int, str]:
    """(id, name) of the location counted: the one named, else the scope's, else the only
    one the item's lines are at, else the default location."""
    if scope.kind == ScopeKind.LOCATION:
        name = scope.values[0]
        if location and location.strip().casefold() != name.casefold():
            raise RefusedOperation(
                "stocktake.location_out_of_scope", location=location, scope_location=name
            )
        location = name
    if not location:
        places = sorted({(x.location_id, x.location) for x in lines})
        if len(places) > 1:
            raise ValidationError(
                "stocktake.location_needed", sku=sku, locations=", ".join(p[1] for p in places)
            )
        if places:
            return places[0]
        location = DEFAULT_LOCATION
    found = q.location_by_name(conn, location.strip())
    if found is None:
        raise NotFound("stocktake.unknown_location", location=location)
    return found[0], found[1]


def set_reason(db: Database, stocktake_id: int, line_id: int, reason: str | None) -> Changes:
    """The reason code posted with a line's difference (None: the approval's default)."""
    require(db, "stocktake_approve")
    code = parse_reason(reason).value if reason else None
    with db.transaction() as conn:
        open_row(conn, stocktake_id)
        if not q.set_line_reason(conn, stocktake_id, line_id, code):
            raise NotFound("stocktake.no_such_line", stocktake_id=stocktake_id, line_id=line_id)
    return Changes(stocktakes=frozenset({stocktake_id}))


def cancel(db: Database, stocktake_id: int) -> Changes:
    """Cancel an open stocktake: nothing is posted; it stays in the list, read-only."""
    actor = require(db, "stocktake_cancel")
    with db.transaction() as conn:
        row = stocktake_row(conn, stocktake_id)
        if row.state != StocktakeState.OPEN:
            raise RefusedOperation(
                "stocktake.already_closed", stocktake_id=stocktake_id, state=row.state
            )
        q.mark_cancelled(conn, stocktake_id)
        record(conn, actor, "stocktake_cancel", f"stocktake {stocktake_id}")
    return Changes(stocktakes=frozenset({stocktake_id}))
