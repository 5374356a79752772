"""Reversals: a movement's exact opposite, restoring precisely the batches it touched.

A receipt (or any movement that created batches) can be reversed only while its batches
are untouched; a reversal is never itself reversed, and a movement is reversed once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from inventory_app.domain import money
from inventory_app.domain.errors import NotFound, RefusedOperation
from inventory_app.domain.errors import ValidationError as Invalid
from inventory_app.domain.model import Bucket, MovementType

if TYPE_CHECKING:
    from inventory_app.storage.ledger.poster import Poster

T = MovementType


def reverse(
    poster: Poster, movement_id: int, *, date: dt.date | None, reason: str, operator: str = ""
) -> int:
    """Post a reversal that restores exactly what movement ``movement_id`` touched."""
    if not reason.strip():
        raise Invalid("a reversal needs a reason")
    poster.out.write_rows()
    row = poster.conn.execute(
        "SELECT m.id, m.date, m.type, m.bucket, m.item_id, m.location_id, m.to_location_id,"
        " m.qty, m.value, i.sku, (SELECT id FROM movements r WHERE r.reverses_id = m.id)"
        " FROM movements m JOIN items i ON i.id = m.item_id WHERE m.id = ?",
        (movement_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"there is no movement {movement_id}")
    _, odate, otype, bucket, item_id, loc, to_loc, qty, value, sku, reversed_by = row
    if otype == T.REVERSAL:
        raise RefusedOperation(
            f"movement {movement_id} is itself a reversal; post the original again instead"
        )
    if reversed_by is not None:
        raise RefusedOperation(
            f"movement {movement_id} was already reversed by movement {reversed_by}"
        )
    odate = dt.date.fromisoformat(odate)
    date = date or max(poster.today, odate)
    if date < odate:
        raise Invalid(f"a reversal cannot be dated before the movement ({odate.isoformat()})")
    poster.check_date(date)
    created = poster.conn.execute(
        "SELECT b.id, b.code, b.qty_received, b.value_received,"
        " EXISTS (SELECT 1 FROM allocations a WHERE a.batch_id = b.id)"
        " FROM batches b WHERE b.movement_id = ?",
        (movement_id,),
    ).fetchall()
    for bid, code, q_recv, _, drawn_from in created:
        lot = poster.book.lot_by_id(bid)
        if lot.qty != q_recv or drawn_from:
            used = money.fmt_qty(q_recv - lot.qty) if lot.qty != q_recv else "some"
            raise RefusedOperation(
                f"movement {movement_id} of {sku} cannot be reversed: {used} of batch "
                f"{code} has already been used since. Reverse those movements first, "
                "or post an adjustment for the difference."
            )
    drawn = poster.conn.execute(
        "SELECT batch_id, qty, value FROM allocations WHERE movement_id = ? ORDER BY id",
        (movement_id,),
    ).fetchall()
    item = poster.book.item_by_id(item_id)
    doc_id = poster.new_document(
        date=date, kind="reversal", reference=f"reverses #{movement_id}", operator=operator
    )
    mid = poster.out.take_id("movements")
    for bid, q, v in drawn:
        lot = poster.book.lot_by_id(bid)
        poster._draw(mid, lot, -q, -v, date)
        if lot.qty > 0:
            poster.book.add_lot(poster.book.item_by_id(lot.item_id), lot)
    for bid, _, q_recv, v_recv, _ in created:
        poster._draw(mid, poster.book.lot_by_id(bid), q_recv, v_recv, date)
    poster._movement(
        mid, doc_id, date, T.REVERSAL, Bucket(bucket), item, loc, to_loc, -qty, -value,
        None, None, None, operator, reverses_id=movement_id, note=reason.strip(),
    )  # fmt: skip
    return mid
