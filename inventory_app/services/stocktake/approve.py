"""Approving a stocktake: post the differences through the ledger, fix the figures, close it.

One movement of type ``stocktake`` per line with a variance (bucket 'adj'): a gain creates a
batch at the item's last receipt cost (the batch's own cost when the item was never
received); a loss consumes the counted batch, or by policy when counted per item. All in one
transaction with the review figures, so no sale can slip in between.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import InventoryError, RefusedOperation, ValidationError
from inventory_app.domain.model import Changes
from inventory_app.domain.roles import may
from inventory_app.domain.stocktake import (
    StocktakeReason,
    StocktakeState,
    Uncounted,
    parse_reason,
    settle,
)
from inventory_app.services.access import record, require, roles_text
from inventory_app.services.stocktake.posting import post_difference
from inventory_app.services.stocktake.reading import (
    ReviewLine,
    compute_lines,
    stocktake_row,
    tolerance,
)
from inventory_app.storage import chain
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.ledger.poster import Poster
from inventory_app.storage.stocktakes import LineOutcome, StocktakeRow


def approve(
    db: Database,
    stocktake_id: int,
    *,
    approver: str = "",
    uncounted: Uncounted | str | None = None,
    reason: str | None = None,
    today: dt.date | None = None,
) -> Changes:
    """Post one adjustment per variance line, record every line's figures, set the items'
    last-counted date, and make the stocktake read-only.

    ``uncounted`` must be given when some lines were not counted: 'unchanged' leaves them,
    'zero' posts them to zero. ``reason`` is the code for lines without their own.
    """
    actor = require(db, "stocktake_approve")
    approver = approver.strip() or actor.name
    if not approver:
        raise ValidationError("stocktake.approver_needed")
    choice = Uncounted(uncounted) if uncounted else None
    default_reason = parse_reason(reason) if reason else StocktakeReason.UNKNOWN
    today = today or dt.date.today()
    with db.transaction() as conn:
        row = stocktake_row(conn, stocktake_id)
        if row.state != StocktakeState.OPEN:
            raise RefusedOperation(
                "stocktake.already_closed", stocktake_id=stocktake_id, state=row.state
            )
        lines = compute_lines(conn, row, tolerance(db))
        missing = sum(1 for x in lines if not x.counted)
        if missing and choice is None:
            raise RefusedOperation(
                "stocktake.uncounted_choice_needed",
                count=missing,
                lines=len(lines),
                stocktake_id=stocktake_id,
            )
        _require_owner_over_tolerance(actor.role, stocktake_id, lines, choice)
        run = _Approval(conn, row, approver=approver, today=today)
        run.post(lines, _counted_deltas(lines), choice=choice, default_reason=default_reason)
        # the poster writes the movements now: their values are read back just after
        changes = run.poster.finish() if run.document_id is not None else Changes()
        q.record_outcomes(conn, run.outcomes())
        q.set_last_counted(conn, sorted(run.counted_items), today)
        q.mark_approved(
            conn,
            stocktake_id,
            approver=approver,
            uncounted=choice.value if choice else None,
            document_id=run.document_id,
        )
        chain.add_stocktake(conn, stocktake_id)
        record(
            conn, actor, "stocktake_approve", f"stocktake {stocktake_id}", approver=approver,
            document=run.document_id, lines=len(lines),
        )  # fmt: skip
    return changes | Changes(
        items=frozenset(run.counted_items), stocktakes=frozenset({stocktake_id})
    )


# how many lines over the tolerance a refusal names (the review lists them all)
_NAMED_LINES = 5


def _require_owner_over_tolerance(
    role: object, stocktake_id: int, lines: list[ReviewLine], choice: Uncounted | None
) -> None:
    """A clerk approves differences within the tolerance; any line over it (flagged for
    recount, or an uncounted line with stock that 'zero' would write off) needs the owner.
    The refusal names the lines and who may approve."""
    action = "stocktake_approve_over_tolerance"
    if may(role, action):  # type: ignore[arg-type]
        return
    zeroed = choice == Uncounted.ZERO
    over = [x for x in lines if (x.flagged if x.counted else zeroed and x.expected_qty)]
    if not over:
        return
    named = ", ".join(
        f"{x.sku}{f' [{x.batch}]' if x.batch else ''} @ {x.location}" for x in over[:_NAMED_LINES]
    )
    if len(over) > _NAMED_LINES:
        named += ", …"
    raise RefusedOperation(
        "stocktake.over_tolerance",
        stocktake_id=stocktake_id,
        count=len(over),
        lines=named,
        roles=roles_text(action),
    )


@dataclass
class _Posted:
    """What approval did with one line."""

    line: ReviewLine
    outcome: str  # counted | zero | unchanged
    final: Decimal | None  # the quantity the line ends at (None: left unchanged)
    delta: Decimal
    movement_ids: list[int]
    reason: str | None


@dataclass
class _Approval:
    """The postings of one approval: one document, made when the first difference is posted."""

    conn: Connection
    row: StocktakeRow
    approver: str
    today: dt.date
    poster: Poster = field(init=False)
    document_id: int | None = None
    posted: list[_Posted] = field(default_factory=list)
    counted_items: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.poster = Poster(self.conn, source="stocktake", today=self.today)

    def post(
        self,
        lines: list[ReviewLine],
        deltas: dict[int, Decimal],
        *,
        choice: Uncounted | None,
        default_reason: StocktakeReason,
    ) -> None:
        """Post the difference of every line: its counted delta, or what ``choice`` says
        for a line nobody counted."""
        for line in lines:
            if line.counted:
                outcome, final, delta = "counted", line.counted_qty, deltas[line.line_id]
            elif choice == Uncounted.ZERO:
                outcome, final, delta = "zero", Decimal("0.000"), -line.expected_qty
            else:
                outcome, final, delta = "unchanged", None, Decimal(0)
            if outcome != "unchanged":
                self.counted_items.add(line.item_id)
            code = line.reason or default_reason.value
            mids = self._post_line(line, delta, code) if delta else []
            reason = code if delta else line.reason
            self.posted.append(_Posted(line, outcome, final, delta, mids, reason))

    def _post_line(self, line: ReviewLine, delta: Decimal, reason: str) -> list[int]:
        if self.document_id is None:
            self.document_id = self.poster.new_document(
                date=self.today,
                kind="stocktake",
                reference=f"stocktake #{self.row.id}",
                note=self.row.name,
                operator=self.approver,
            )
        try:
            return post_difference(
                self.poster,
                self.conn,
                line,
                delta,
                reason=reason,
                stocktake_id=self.row.id,
                document_id=self.document_id,
                today=self.today,
            )
        except InventoryError as exc:
            where = dict(sku=line.sku, location=line.location, problem=exc)
            if line.batch:
                raise RefusedOperation(
                    "stocktake.batch_difference_not_postable", batch=line.batch, **where
                ) from None
            raise RefusedOperation("stocktake.difference_not_postable", **where) from None

    def outcomes(self) -> list[LineOutcome]:
        """The figures to fix on every line, with the values the ledger posted."""
        values = q.movement_values(self.conn, [m for p in self.posted for m in p.movement_ids])
        return [
            LineOutcome(
                line_id=p.line.line_id,
                outcome=p.outcome,
                final_expected=money.qty_to_int(p.line.expected_qty),
                final_counted=None if p.final is None else money.qty_to_int(p.final),
                posted_qty=money.qty_to_int(p.delta),
                posted_value=sum(values.get(m, 0) for m in p.movement_ids),
                movement_id=p.movement_ids[0] if p.movement_ids else None,
                reason=p.reason,
            )
            for p in self.posted
        ]


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
                "stocktake.sold_after_count",
                sku=x.sku,
                location=x.location,
                qty=money.qty_from_int(short),
            )
        out.update({k: money.qty_from_int(v) for k, v in posted.items()})
    return out
