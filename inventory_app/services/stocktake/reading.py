"""Reading stocktakes: the list with progress, and the review figures of every line
(expected at the moment each line was counted, counted, variance qty and value, flag).

Quantities are ``Decimal`` (3 places), money ``Decimal`` (2 places).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

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
from inventory_app.services.progress import MadeOnce
from inventory_app.services.stocktake.posting import preview_values
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.stocktakes import CurrentCount, LineRow, StocktakeRow


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


def _info(row: StocktakeRow, lines: int, counted: int) -> StocktakeInfo:
    return StocktakeInfo(
        id=row.id,
        name=row.name,
        scope=row.scope,
        blind=bool(row.blind),
        state=StocktakeState(row.state),
        status=status(row.state, lines=lines, counted=counted),
        lines=lines,
        counted=counted,
        started_at=row.started_at,
        started_by=row.started_by,
        closed_at=row.closed_at,
        approver=row.approver,
        uncounted=row.uncounted,
    )


def list_stocktakes(db: Database) -> list[StocktakeInfo]:
    """Every stocktake, newest first, with progress (lines counted / total)."""
    return [_info(row, lines, counted) for row, lines, counted in q.stocktake_rows(db.conn)]


def stocktake_row(conn: Connection, stocktake_id: int) -> StocktakeRow:
    """The stored row of a stocktake; NotFound when there is none."""
    row = q.stocktake_row(conn, stocktake_id)
    if row is None:
        raise NotFound("stocktake.not_found", stocktake_id=stocktake_id)
    return row


def open_row(conn: Connection, stocktake_id: int) -> StocktakeRow:
    """The stored row of a stocktake that still takes counts; refused once it is closed."""
    row = stocktake_row(conn, stocktake_id)
    if row.state != StocktakeState.OPEN:
        raise RefusedOperation("stocktake.read_only", stocktake_id=stocktake_id, state=row.state)
    return row


def get(db: Database, stocktake_id: int) -> StocktakeInfo:
    for row, lines, counted in q.stocktake_rows(db.conn, stocktake_id):
        return _info(row, lines, counted)
    raise NotFound("stocktake.not_found", stocktake_id=stocktake_id)


class _Figures(NamedTuple):
    """A line's review figures in minor units (see ``ReviewLine``)."""

    expected: int
    counted: int | None
    books_now: int | None
    variance: int | None
    variance_value: int | None
    flagged: bool


class _Moves:
    """What moved after the snapshot, and what is held now, of the stocktake's items: per
    batch code (case-insensitive) for lines counted per batch, else per item and location."""

    def __init__(self, conn: Connection, stocktake_id: int, mark: int) -> None:
        self.by_batch: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        self.by_place: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        self.held_batch: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.held_place: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        for item_id, loc, code, mid, qty in q.events_since(conn, stocktake_id, mark):
            self.by_batch[(item_id, loc, code.casefold())].append((mid, qty))
            self.by_place[(item_id, loc)].append((mid, qty))
        for item_id, loc, code, qty, value in q.holdings_now(conn, stocktake_id):
            for acc in (
                self.held_batch[(item_id, loc, code.casefold())],
                self.held_place[(item_id, loc)],
            ):
                acc[0] += qty
                acc[1] += value

    def of(self, line: LineRow) -> tuple[list[tuple[int, int]], list[int]]:
        """(movement id, signed qty) of what moved since the snapshot, and [qty, value] held."""
        if line.batch:
            key: tuple = (line.item_id, line.location_id, line.batch.casefold())
            return self.by_batch.get(key, []), self.held_batch.get(key, [0, 0])
        key = (line.item_id, line.location_id)
        return self.by_place.get(key, []), self.held_place.get(key, [0, 0])


def _live_figures(
    line: LineRow, count: CurrentCount | None, moves: _Moves, tol: Tolerance
) -> _Figures:
    """Figures of a line of an open stocktake: expected at the moment it was counted."""
    events, held = moves.of(line)
    moved = sum(x for _, x in events)
    fig = figures(
        snapshot=line.snapshot_qty,
        moved_before_count=None if count is None else sum(x for m, x in events if m <= count.seen),
        moved_until_now=moved,
        counted=None if count is None else count.qty,
        held_qty=held[0],
        held_value=held[1],
        gain_cost=line.last_cost,
        tolerance=tol,
    )
    return _Figures(
        fig.expected,
        fig.counted,
        line.snapshot_qty + moved,
        fig.variance,
        fig.variance_value,
        fig.flagged,
    )


def _fixed_figures(line: LineRow, tol: Tolerance) -> _Figures:
    """Figures of a line of an approved stocktake: as fixed then, the variance as posted."""
    var = None if line.final_counted is None else line.posted_qty
    value = None if var is None else (line.posted_value or 0)
    flagged = False
    if var is not None:
        flagged = tol.flags(expected=line.final_expected, variance=var, variance_value=value or 0)
    return _Figures(line.final_expected, line.final_counted, None, var, value, flagged)


def _review_line(
    line: LineRow, count: CurrentCount | None, fig: _Figures, qty: MadeOnce, cash: MadeOnce
) -> ReviewLine:
    return ReviewLine(
        line_id=line.id,
        item_id=line.item_id,
        sku=line.sku,
        name=line.name,
        unit=line.unit,
        barcode=line.barcode,
        location=line.location,
        batch=line.batch,
        expiry=dt.date.fromisoformat(line.expiry) if line.expiry else None,
        snapshot_qty=qty[line.snapshot_qty],
        expected_qty=qty[fig.expected],
        books_qty=None if fig.books_now is None else qty[fig.books_now],
        counted_qty=None if fig.counted is None else qty[fig.counted],
        variance_qty=None if fig.variance is None else qty[fig.variance],
        variance_value=None if fig.variance_value is None else cash[fig.variance_value],
        flagged=fig.flagged,
        counters=", ".join(count.counters.split(",")) if count and count.counters else "",
        counts=count.counts if count else 0,
        round=count.round if count else 0,
        last_counted_at=count.last_counted_at if count else None,
        reason=line.reason,
        added=line.added_at is not None,
        outcome=line.outcome,
        movement_id=line.movement_id,
    )


def compute_lines(conn: Connection, row: StocktakeRow, tol: Tolerance) -> list[ReviewLine]:
    """Review figures of every line of stocktake ``row`` (see ``domain.stocktake``)."""
    counts = q.current_counts(conn, row.id)
    lines = q.line_rows(conn, row.id)
    # minor units -> Decimal, each made once per review: many figures repeat (counted =
    # expected, variance 0) and making a Decimal costs more than looking one up
    qty, cash = MadeOnce(money.qty_from_int), MadeOnce(money.money_from_int)
    if row.state == StocktakeState.APPROVED:
        return [_review_line(x, counts.get(x.id), _fixed_figures(x, tol), qty, cash) for x in lines]
    moves = _Moves(conn, row.id, row.mark)
    out = []
    for x in lines:
        count = counts.get(x.id)
        out.append(_review_line(x, count, _live_figures(x, count, moves, tol), qty, cash))
    return _exact_values(conn, out, tol)


def _exact_values(conn: Connection, lines: list[ReviewLine], tol: Tolerance) -> list[ReviewLine]:
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
    row = stocktake_row(db.conn, stocktake_id)
    lines = compute_lines(db.conn, row, tolerance(db))
    return Review(_info(row, len(lines), sum(1 for x in lines if x.counted)), lines)


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
    """Every count of the stocktake in the order recorded, replaced rounds included."""
    stocktake_row(db.conn, stocktake_id)
    return [
        CountRecord(r[1], r[2], money.qty_from_int(r[3]), r[4], r[5], r[6], r[2] == r[7])
        for r in q.count_rows(db.conn, stocktake_id)
    ]
