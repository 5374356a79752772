"""How the difference of one stocktake line is posted, shared by the approval and by the
review (which previews it, so the value shown is what approval would post now).

A gain creates a batch at the item's last receipt cost (the batch's own cost when the item
was never received). A loss of a batch counted by code draws that batch (naming it out of
policy order records the override reason 'stocktake'). A loss counted per item takes expired
batches first, oldest expiry first (they are what has gone missing or been thrown away, and
the policy never picks them on its own), then the rest by the item's FIFO/FEFO policy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol

from inventory_app.domain import money
from inventory_app.domain.errors import InventoryError, RefusedOperation
from inventory_app.domain.model import Line, MovementType
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Connection
from inventory_app.storage.ledger.poster import Poster

OVERRIDE = "stocktake"


class LineLike(Protocol):
    line_id: int
    item_id: int
    sku: str
    location: str
    batch: str
    expiry: dt.date | None


def post_difference(
    poster: Poster,
    conn: Connection,
    line: LineLike,
    delta: Decimal,
    *,
    reason: str | None,
    stocktake_id: int | None,
    document_id: int,
    today: dt.date,
) -> list[int]:
    """Post ``delta`` (signed qty) for ``line``; returns the movement ids: one, except a loss
    counted per item that also takes expired batches (one movement per such batch)."""
    base = dict(
        type=MovementType.STOCKTAKE,
        sku=line.sku,
        location=line.location,
        reason=reason,
        stocktake_id=stocktake_id,
        note=f"stocktake #{stocktake_id}" if stocktake_id else "",
    )

    def apply(ln: Line) -> int:
        return poster.apply(ln, date=today, document_id=document_id, operator="")

    if delta > 0:
        cost = None
        if poster.item(line.sku).last_cost is None:
            cost = fallback_cost(conn, line)
        expiry = line.expiry if line.batch else None
        return [
            apply(Line(qty=delta, batch=line.batch or None, expiry=expiry, unit_cost=cost, **base))
        ]
    need = money.qty_to_int(-delta)
    item = poster.item(line.sku)
    loc = poster.location(line.location)
    if line.batch:
        plan = poster.plan(item, need, date=today, location=loc, batch=line.batch)
        why = OVERRIDE if plan.needs_reason else None
        return [apply(Line(qty=delta, batch=line.batch, override_reason=why, **base))]
    mids = []
    for code, held in q.expired_batches(conn, item_id=item.id, location_id=loc, today=today):
        if need <= 0:
            break
        take = min(held, need)
        ln = Line(qty=-money.qty_from_int(take), batch=code, override_reason=OVERRIDE, **base)
        mids.append(apply(ln))
        need -= take
    if need > 0:
        mids.append(apply(Line(qty=-money.qty_from_int(need), **base)))
    return mids


def fallback_cost(conn: Connection, line: LineLike) -> Decimal:
    """Cost of a gain for an item never received: its batch's cost (the newest batch of the
    item when counted per item)."""
    cost = q.newest_batch_cost(conn, line.item_id, batch=line.batch)
    if cost is None:
        raise RefusedOperation("stocktake.no_cost_yet", sku=line.sku)
    return money.cost_from_int(cost)


def preview_values(
    conn: Connection, lines: Iterable[tuple[LineLike, Decimal]], *, today: dt.date
) -> dict[int, int]:
    """line id -> value (cents, signed) that posting each (line, delta) would have now; lines
    that could not be posted now are left out (the caller keeps its estimate)."""
    poster = Poster(conn, preview=True, today=today)
    out: dict[int, int] = {}
    for line, delta in lines:
        if not delta:
            continue
        try:
            mids = post_difference(
                poster,
                conn,
                line,
                delta,
                reason=None,
                stocktake_id=None,
                document_id=0,
                today=today,
            )
        except InventoryError:
            continue
        if delta > 0:
            cost = poster.item(line.sku).last_cost
            if cost is None:
                cost = money.cost_to_int(fallback_cost(conn, line))
            out[line.line_id] = money.line_value(money.qty_to_int(delta), cost)
        else:
            out[line.line_id] = -sum(v for mid in mids for _, _, v in poster.draws_of(mid))
    return out
