"""Approving a stocktake: post the differences through the ledger, fix the figures, close it.

One movement of type ``stocktake`` per line with a variance (bucket 'adj'): a gain creates a
batch at the item's last receipt cost (the batch's own cost when the item was never
received); a loss consumes the counted batch, or by policy when counted per item. All in one
transaction with the review figures, so no sale can slip in between.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import InventoryError, RefusedOperation, ValidationError
from inventory_app.domain.model import Changes
from inventory_app.domain.stocktake import (
    StocktakeReason,
    StocktakeState,
    Uncounted,
    parse_reason,
    settle,
)
from inventory_app.services.stocktake.posting import post_difference
from inventory_app.services.stocktake.reading import (
    ReviewLine,
    _now,
    _row,
    compute_lines,
    tolerance,
)
from inventory_app.storage.db import Database
from inventory_app.storage.ledger.poster import Poster


def approve(
    db: Database,
    stocktake_id: int,
    *,
    approver: str,
    uncounted: Uncounted | str | None = None,
    reason: str | None = None,
    today: dt.date | None = None,
) -> Changes:
    """Post one adjustment per variance line, record every line's figures, set the items'
    last-counted date, and make the stocktake read-only.

    ``uncounted`` must be given when some lines were not counted: 'unchanged' leaves them,
    'zero' posts them to zero. ``reason`` is the code for lines without their own.
    """
    approver = approver.strip()
    if not approver:
        raise ValidationError("approval needs the approver's name")
    choice = Uncounted(uncounted) if uncounted else None
    default_reason = parse_reason(reason) if reason else StocktakeReason.UNKNOWN
    today = today or dt.date.today()
    with db.transaction() as conn:
        row = _row(conn, stocktake_id)
        if row[4] != StocktakeState.OPEN:
            raise RefusedOperation(f"stocktake #{stocktake_id} is already {row[4]}")
        lines = compute_lines(conn, row, tolerance(db))
        missing = [x for x in lines if not x.counted]
        if missing and choice is None:
            raise RefusedOperation(
                f"{len(missing)} of {len(lines)} lines of stocktake #{stocktake_id} are not "
                "counted; choose whether they stay unchanged or count as zero"
            )
        deltas = _counted_deltas(lines)
        poster = Poster(conn, source="stocktake", today=today)
        doc_id: int | None = None
        fixed: list[tuple] = []
        counted_items: set[int] = set()
        for line in lines:
            if line.counted:
                outcome, final = "counted", line.counted_qty
                delta = deltas[line.line_id]
            elif choice == Uncounted.ZERO:
                outcome, final = "zero", Decimal("0.000")
                delta = -line.expected_qty
            else:
                outcome, final, delta = "unchanged", None, Decimal(0)
            if outcome != "unchanged":
                counted_items.add(line.item_id)
            mids: list[int] = []
            code = line.reason or default_reason.value
            if delta:
                if doc_id is None:
                    doc_id = poster.new_document(
                        date=today,
                        kind="stocktake",
                        reference=f"stocktake #{stocktake_id}",
                        note=row[1],
                        operator=approver,
                    )
                try:
                    mids = post_difference(
                        poster,
                        conn,
                        line,
                        delta,
                        reason=code,
                        stocktake_id=stocktake_id,
                        document_id=doc_id,
                        today=today,
                    )
                except InventoryError as exc:
                    raise RefusedOperation(
                        f"the difference of {_where(line)} cannot be posted: {exc}. "
                        "Recount the line (stock may have moved since it was counted)."
                    ) from None
            fixed.append((line, outcome, final, delta, mids, code if delta else line.reason))
        changes = poster.finish() if doc_id is not None else Changes()
        values = _values(conn, [m for f in fixed for m in f[4]])
        conn.executemany(
            "UPDATE stocktake_lines SET outcome = ?, final_expected = ?, final_counted = ?,"
            " posted_qty = ?, posted_value = ?, movement_id = ?, reason = ? WHERE id = ?",
            [
                (
                    outcome,
                    money.qty_to_int(line.expected_qty),
                    None if final is None else money.qty_to_int(final),
                    money.qty_to_int(delta),
                    sum(values.get(m, 0) for m in mids),
                    mids[0] if mids else None,
                    code,
                    line.line_id,
                )
                for line, outcome, final, delta, mids, code in fixed
            ],
        )
        conn.executemany(
            "UPDATE items SET last_counted = ? WHERE id = ?",
            [(today.isoformat(), i) for i in sorted(counted_items)],
        )
        conn.execute(
            "UPDATE stocktakes SET state = 'approved', closed_at = ?, approver = ?,"
            " uncounted = ?, document_id = ? WHERE id = ?",
            (_now(), approver, choice.value if choice else None, doc_id, stocktake_id),
        )
    return changes | Changes(items=frozenset(counted_items), stocktakes=frozenset({stocktake_id}))


def _counted_deltas(lines: list[ReviewLine]) -> dict[int, Decimal]:
    """Quantity to post per counted line: its variance, except where a sale after the count
    drew a batch counted short (see ``domain.stocktake.settle``)."""
    groups: dict[tuple[int, str], list[ReviewLine]] = defaultdict(list)
    for x in lines:
        if x.counted:
            groups[(x.item_id, x.location)].append(x)
    out: dict[int, Decimal] = {}
    for group in groups.values():
        group.sort(key=lambda x: (x.expiry is None, x.expiry or dt.date.max, x.batch.casefold()))
        entries = []
        for x in group:
            now = money.qty_to_int(x.books_qty or Decimal(0))
            target = now + money.qty_to_int(x.variance_qty or Decimal(0))
            entries.append((x.line_id, now, target))
        posted, short = settle(entries)
        if short:
            x = group[0]
            raise RefusedOperation(
                f"{x.sku} at {x.location}: {money.fmt_qty(short)} more left the shelf after it "
                "was counted than the count found; recount it"
            )
        out.update({k: money.qty_from_int(v) for k, v in posted.items()})
    return out


def _where(line: ReviewLine) -> str:
    batch = f" batch {line.batch}" if line.batch else ""
    return f"{line.sku}{batch} at {line.location}"


def _values(conn: sqlite3.Connection, mids: list[int]) -> dict[int, int]:
    if not mids:
        return {}
    marks = ",".join("?" * len(mids))
    return dict(conn.execute(f"SELECT id, value FROM movements WHERE id IN ({marks})", mids))
