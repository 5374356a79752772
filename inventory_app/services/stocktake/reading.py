"""Reading stocktakes: the list with progress, and the review figures of every line
(expected at the moment each line was counted, counted, variance qty and value, flag).

Quantities are ``Decimal`` (3 places), money ``Decimal`` (2 places).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import NotFound, RefusedOperation
from inventory_app.domain.stocktake import (
    StocktakeState,
    StocktakeStatus,
    Tolerance,
    figures,
    status,
)
from inventory_app.services import settings
from inventory_app.services.stocktake.posting import preview_values
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Database


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class StocktakeInfo:
    id: int
    name: str
    scope: str
    blind: bool
    state: StocktakeState
    status: StocktakeStatus
    lines: int
    counted: int
    started_at: str
    started_by: str
    closed_at: str | None
    approver: str | None
    uncounted: str | None

    @property
    def open(self) -> bool:
        return self.state == StocktakeState.OPEN


@dataclass(frozen=True, slots=True)
class ReviewLine:
    """One line at review. ``expected_qty``: the books when the line was counted (now, for
    an uncounted line). After approval the figures are the ones fixed then, and
    ``variance_value`` is what was posted."""

    line_id: int
    item_id: int
    sku: str
    name: str
    unit: str
    barcode: str | None
    location: str
    batch: str
    expiry: dt.date | None
    snapshot_qty: Decimal
    expected_qty: Decimal
    books_qty: Decimal | None  # what the books hold now (None once approved)
    counted_qty: Decimal | None
    variance_qty: Decimal | None
    variance_value: Decimal | None
    flagged: bool
    counters: str
    counts: int
    round: int
    last_counted_at: str | None
    reason: str | None
    added: bool
    outcome: str | None = None
    movement_id: int | None = None

    @property
    def id(self) -> int:
        return self.line_id

    @property
    def counted(self) -> bool:
        """Somebody counted it (a line zeroed at approval was not counted)."""
        return self.counts > 0


@dataclass(frozen=True, slots=True)
class Review:
    stocktake: StocktakeInfo
    lines: list[ReviewLine]

    @property
    def gains(self) -> Decimal:
        return sum(
            (x.variance_value or 0 for x in self.lines if (x.variance_value or 0) > 0),
            Decimal("0.00"),
        )

    @property
    def losses(self) -> Decimal:
        return -sum(
            (x.variance_value or 0 for x in self.lines if (x.variance_value or 0) < 0),
            Decimal("0.00"),
        )


def tolerance(db: Database) -> Tolerance:
    value = settings.get_decimal(db, "stocktake_tolerance_value")
    return Tolerance(
        qty_pct=settings.get_decimal(db, "stocktake_tolerance_pct"),
        value=money.money_to_int(value),
    )


# -- reading ------------------------------------------------------------------------------


def _info(row: tuple, lines: int, counted: int) -> StocktakeInfo:
    (
        id_,
        name,
        scope,
        blind,
        state,
        _,
        started_at,
        started_by,
        closed_at,
        approver,
        uncounted,
        _,
    ) = row
    return StocktakeInfo(
        id=id_,
        name=name,
        scope=scope,
        blind=bool(blind),
        state=StocktakeState(state),
        status=status(state, lines=lines, counted=counted),
        lines=lines,
        counted=counted,
        started_at=started_at,
        started_by=started_by,
        closed_at=closed_at,
        approver=approver,
        uncounted=uncounted,
    )


def list_stocktakes(db: Database) -> list[StocktakeInfo]:
    """Every stocktake, newest first, with progress (lines counted / total)."""
    return [_info(r[:12], r[12], r[13]) for r in q.stocktake_rows(db.conn)]


def _row(conn: sqlite3.Connection, stocktake_id: int) -> tuple:
    row = q.stocktake_row(conn, stocktake_id)
    if row is None:
        raise NotFound(f"there is no stocktake #{stocktake_id}")
    return row


def get(db: Database, stocktake_id: int) -> StocktakeInfo:
    for r in q.stocktake_rows(db.conn, stocktake_id):
        return _info(r[:12], r[12], r[13])
    raise NotFound(f"there is no stocktake #{stocktake_id}")


def _fold(code: str) -> str:
    return code.casefold()


def compute_lines(conn: sqlite3.Connection, row: tuple, tol: Tolerance) -> list[ReviewLine]:
    """Review figures of every line of stocktake ``row`` (see ``domain.stocktake``)."""
    stocktake_id, mark0, state = row[0], row[5], row[4]
    counts = q.current_counts(conn, stocktake_id)
    frozen = state == StocktakeState.APPROVED
    by_batch: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    by_place: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    held_batch: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    held_place: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    if not frozen:
        for item_id, loc, code, mid, qty in q.events_since(conn, stocktake_id, mark0):
            by_batch[(item_id, loc, _fold(code))].append((mid, qty))
            by_place[(item_id, loc)].append((mid, qty))
        for item_id, loc, code, qty, value in q.holdings_now(conn, stocktake_id):
            for acc in (held_batch[(item_id, loc, _fold(code))], held_place[(item_id, loc)]):
                acc[0] += qty
                acc[1] += value
    out = []
    for r in q.line_rows(conn, stocktake_id):
        (
            line_id,
            item_id,
            sku,
            name,
            unit,
            barcode,
            loc_id,
            loc,
            batch,
            expiry,
            snap,
            _,
            added_at,
            reason,
            outcome,
            f_exp,
            f_cnt,
            p_qty,
            p_value,
            movement_id,
            last_cost,
        ) = r
        c = counts.get(line_id)
        counted = c[0] if c else None
        if frozen:
            fig_expected, fig_counted, books_now = f_exp, f_cnt, None
            var = None if f_cnt is None else p_qty  # what was posted
            value = None if var is None else (p_value or 0)
            flagged = False
            if var is not None:
                flagged = tol.flags(expected=f_exp, variance=var, variance_value=value or 0)
        else:
            key = (item_id, loc_id, _fold(batch)) if batch else (item_id, loc_id)
            events = (by_batch if batch else by_place).get(key, [])
            held = (held_batch if batch else held_place).get(key, [0, 0])
            mark = c[1] if c else None
            fig = figures(
                snapshot=snap,
                moved_before_count=None if c is None else sum(x for m, x in events if m <= mark),
                moved_until_now=sum(x for _, x in events),
                counted=counted,
                held_qty=held[0],
                held_value=held[1],
                gain_cost=last_cost,
                tolerance=tol,
            )
            fig_expected, fig_counted = fig.expected, fig.counted
            books_now = snap + sum(x for _, x in events)
            var, value, flagged = fig.variance, fig.variance_value, fig.flagged
        out.append(
            ReviewLine(
                line_id=line_id,
                item_id=item_id,
                sku=sku,
                name=name,
                unit=unit,
                barcode=barcode,
                location=loc,
                batch=batch,
                expiry=dt.date.fromisoformat(expiry) if expiry else None,
                snapshot_qty=money.qty_from_int(snap),
                expected_qty=money.qty_from_int(fig_expected),
                books_qty=None if books_now is None else money.qty_from_int(books_now),
                counted_qty=None if fig_counted is None else money.qty_from_int(fig_counted),
                variance_qty=None if var is None else money.qty_from_int(var),
                variance_value=None if value is None else money.money_from_int(value),
                flagged=flagged,
                counters=", ".join((c[5] or "").split(",")) if c and c[5] else "",
                counts=c[3] if c else 0,
                round=c[2] if c else 0,
                last_counted_at=c[4] if c else None,
                reason=reason,
                added=added_at is not None,
                outcome=outcome,
                movement_id=movement_id,
            )
        )
    if not frozen:
        out = _exact_values(conn, out, tol)
    return out


def _exact_values(
    conn: sqlite3.Connection, lines: list[ReviewLine], tol: Tolerance
) -> list[ReviewLine]:
    """Replace the estimated variance values by what approval would post now (a preview
    through the ledger's own rules), and flag again with them."""
    wanted = [(x, x.variance_qty) for x in lines if x.variance_qty]
    if not wanted:
        return lines
    exact = preview_values(conn, wanted, today=dt.date.today())
    out = []
    for x in lines:
        value = exact.get(x.line_id)
        if value is not None and x.variance_qty is not None:
            flagged = tol.flags(
                expected=money.qty_to_int(x.expected_qty),
                variance=money.qty_to_int(x.variance_qty),
                variance_value=value,
            )
            x = replace(x, variance_value=money.money_from_int(value), flagged=flagged)
        out.append(x)
    return out


def review(db: Database, stocktake_id: int) -> Review:
    """Every line with expected, counted, variance qty and value, and the recount flag."""
    row = _row(db.conn, stocktake_id)
    lines = compute_lines(db.conn, row, tolerance(db))
    return Review(_info(row, len(lines), sum(1 for x in lines if x.counted)), lines)


def _open_row(conn: sqlite3.Connection, stocktake_id: int) -> tuple:
    row = _row(conn, stocktake_id)
    if row[4] != StocktakeState.OPEN:
        raise RefusedOperation(
            f"stocktake #{stocktake_id} is {row[4]}; it is read-only and takes no counts"
        )
    return row


@dataclass(frozen=True, slots=True)
class CountRecord:
    """One count in the history (a replaced round stays, marked ``current=False``)."""

    line_id: int
    round: int
    qty: Decimal
    counter: str
    counted_at: str
    source: str
    current: bool


def count_history(db: Database, stocktake_id: int) -> list[CountRecord]:
    _row(db.conn, stocktake_id)
    return [
        CountRecord(r[1], r[2], money.qty_from_int(r[3]), r[4], r[5], r[6], r[2] == r[7])
        for r in q.count_rows(db.conn, stocktake_id)
    ]
