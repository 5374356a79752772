"""Reversals: a movement's exact opposite, restoring precisely the batches it touched.

A receipt (or any movement that created batches) can be reversed only while its batches
are untouched; a reversal is never itself reversed, and a movement is reversed once.
``reverse`` reads and checks here, and books the opposite through the poster's
``Bookkeeper`` (by batch and movement id, as the original was written).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from inventory_app.domain import money
from inventory_app.domain.errors import NotFound, RefusedOperation
from inventory_app.domain.errors import ValidationError as Invalid
from inventory_app.domain.model import Bucket, MovementType
from inventory_app.storage.ledger.bookkeeping import Bookkeeper

T = MovementType


@dataclass(frozen=True, slots=True)
class _Original:
    """The movement being reversed, as posted (amounts in minor units)."""

    id: int
    date: dt.date
    bucket: Bucket
    item_id: int
    location_id: int
    to_location_id: int | None
    qty: int
    value: int
    sku: str


def _original(conn: sqlite3.Connection, movement_id: int) -> _Original:
    """The movement, refused if it is missing, a reversal, or already reversed."""
    row = conn.execute(
        "SELECT m.id, m.date, m.type, m.bucket, m.item_id, m.location_id, m.to_location_id,"
        " m.qty, m.value, i.sku, (SELECT id FROM movements r WHERE r.reverses_id = m.id)"
        " FROM movements m JOIN items i ON i.id = m.item_id WHERE m.id = ?",
        (movement_id,),
    ).fetchone()
    if row is None:
        raise NotFound("ledger.no_such_movement", movement_id=movement_id)
    mid, date, kind, bucket, item_id, loc, to_loc, qty, value, sku, reversed_by = row
    if kind == T.REVERSAL:
        raise RefusedOperation("ledger.reversing_a_reversal", movement_id=movement_id)
    if reversed_by is not None:
        raise RefusedOperation(
            "ledger.already_reversed", movement_id=movement_id, reversed_by=reversed_by
        )
    return _Original(
        mid, dt.date.fromisoformat(date), Bucket(bucket), item_id, loc, to_loc, qty, value, sku
    )


def _created_batches(keeper: Bookkeeper, original: _Original) -> list[tuple[int, int, int]]:
    """(batch id, qty received, value received) of the batches ``original`` created,
    refused if any was drawn from since (its stock may be sold already)."""
    rows = keeper.conn.execute(
        "SELECT b.id, b.code, b.qty_received, b.value_received,"
        " EXISTS (SELECT 1 FROM allocations a WHERE a.batch_id = b.id)"
        " FROM batches b WHERE b.movement_id = ?",
        (original.id,),
    ).fetchall()
    for bid, code, q_recv, _, drawn_from in rows:
        left = keeper.lot(bid).qty
        if left != q_recv:
            raise RefusedOperation(
                "ledger.batch_used_since", movement_id=original.id, sku=original.sku,
                batch=code, used=money.qty_from_int(q_recv - left),
            )  # fmt: skip
        if drawn_from:  # drawn and put back: nothing missing, but history to undo first
            raise RefusedOperation(
                "ledger.batch_drawn_since", movement_id=original.id, sku=original.sku, batch=code
            )
    return [(bid, q, v) for bid, _, q, v, _ in rows]


def reverse(
    keeper: Bookkeeper, movement_id: int, *, date: dt.date | None, reason: str, operator: str = ""
) -> int:
    """Post a reversal that restores exactly what movement ``movement_id`` touched; returns
    the reversal's movement id. Dated ``date``, or today (not before the original)."""
    if not reason.strip():
        raise Invalid("ledger.reversal_needs_reason")
    keeper.write_rows()  # what this poster posted so far is read back by SQL below
    original = _original(keeper.conn, movement_id)
    date = _reversal_date(keeper, date, original.date)
    doc_id = keeper.new_document(
        date=date, kind="reversal", reference=f"reverses #{movement_id}", operator=operator
    )
    return _post_opposite(keeper, original, doc_id, date, reason, operator)


def reverse_document(
    keeper: Bookkeeper, document_id: int, *, date: dt.date | None, reason: str, operator: str = ""
) -> list[int]:
    """Reverse every line of document ``document_id`` not reversed yet, newest line first,
    as one reversal document with one reason; returns the reversals' movement ids."""
    if not reason.strip():
        raise Invalid("ledger.reversal_needs_reason")
    keeper.write_rows()
    ids = [
        r[0]
        for r in keeper.conn.execute(
            "SELECT m.id FROM movements m WHERE m.document_id = ? AND m.type <> 'reversal'"
            " AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses_id = m.id)"
            " ORDER BY m.id DESC",
            (document_id,),
        )
    ]
    if not ids:
        raise RefusedOperation("ledger.nothing_to_reverse", document_id=document_id)
    originals = [_original(keeper.conn, mid) for mid in ids]
    date = _reversal_date(keeper, date, max(o.date for o in originals))
    doc_id = keeper.new_document(
        date=date, kind="reversal", reference=f"reverses document #{document_id}",
        operator=operator,
    )  # fmt: skip
    done = []
    for original in originals:
        keeper.write_rows()  # a line reversed just now is read back by the next one's checks
        done.append(_post_opposite(keeper, original, doc_id, date, reason, operator))
    return done


def _reversal_date(keeper: Bookkeeper, date: dt.date | None, original: dt.date) -> dt.date:
    date = date or max(keeper.today, original)
    if date < original:
        raise Invalid("ledger.reversal_before_movement", date=original)
    keeper.check_date(date)
    return date


def _post_opposite(
    keeper: Bookkeeper, original: _Original, doc_id: int, date: dt.date, reason: str, operator: str
) -> int:
    """Post the exact opposite of ``original`` as a line of document ``doc_id``."""
    movement_id = original.id
    created = _created_batches(keeper, original)
    drawn = keeper.conn.execute(
        "SELECT batch_id, qty, value FROM allocations WHERE movement_id = ? ORDER BY id",
        (movement_id,),
    ).fetchall()
    mid = keeper.new_movement_id()
    for bid, q, v in drawn:
        keeper.restore_allocation(mid, bid, q, v, date=date)
    for bid, q_recv, v_recv in created:
        keeper.withdraw(mid, bid, q_recv, v_recv, date=date)
    keeper.record_reversal(
        mid,
        document_id=doc_id,
        date=date,
        reverses_id=movement_id,
        bucket=original.bucket,
        item_id=original.item_id,
        location_id=original.location_id,
        to_location_id=original.to_location_id,
        qty=-original.qty,
        value=-original.value,
        note=reason.strip(),
        operator=operator,
    )
    return mid
