"""What every import shares: collecting row errors, the result, posting rows in order."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import (
    Cancelled,
    ImportErrors,
    InsufficientStock,
    InventoryError,
    RefusedOperation,
    RowError,
)
from inventory_app.domain.model import Changes, Line
from inventory_app.services.progress import Cancel, Progress
from inventory_app.services.tabular.table import (
    SourceRow,
    Table,
    cell_decimal,
    cell_shown,
    cell_text,
)
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Database
from inventory_app.storage.ledger.poster import Poster


class _Collector:
    """Gathers row errors; ``cell`` parses one cell and records a failure instead of raising."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.errors: list[RowError] = []

    def header(self, key: str) -> str:
        return self.table.headers.get(key, key)

    def add(self, row: SourceRow, key: str, problem: str) -> None:
        raw = row.values.get(key)
        self.errors.append(
            RowError(row.number, self.header(key) if key else "", cell_shown(raw), problem)
        )

    def cell(self, row: SourceRow, key: str, parse, *, required: bool = False):
        raw = row.values.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.add(row, key, "is empty")
            return None
        try:
            return parse(raw)
        except InventoryError as exc:
            self.add(row, key, str(exc))
            return None


def _qty(raw: object) -> Decimal:
    # as text, so that a message shows '1.2345', not Decimal('1.2345')
    return money.parse_qty(str(cell_decimal(raw)))


def _cost(raw: object) -> Decimal:
    return money.parse_cost(str(cell_decimal(raw)))


# a text cell, already trimmed of every kind of space (zero-width ones too)
_text = cell_text


def _known_names(db: Database) -> tuple[set[str], set[str]]:
    """The shop's SKUs and location names, casefolded (what a row may name)."""
    return catalog_sql.known_names(db.conn)


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int = 0
    updated: int = 0
    posted: int = 0
    changes: Changes = field(default_factory=Changes)


def _column_for(exc: InventoryError) -> str:
    if isinstance(exc, InsufficientStock):
        return "qty"
    if isinstance(exc, RefusedOperation):
        return "date"
    text = str(exc)
    if "reason" in text:
        return "note"
    if "unit cost" in text:
        return "unit_cost"
    if "batch" in text:
        return "batch"
    return ""


class _Refused(Exception):
    """Roll the import back: the file had errors."""


class _DryRun(Exception):
    """Roll a checked import back on purpose: ``dry_run`` validates and posts everything
    (so every problem the ledger would find is found) and keeps nothing."""


def _post_lines(
    conn: sqlite3.Connection,
    lines: list[tuple[int, dt.date, Line]],
    col: _Collector,
    rows: dict[int, SourceRow],
    operator: str,
    progress: Progress | None,
    cancel: Cancel | None,
    *,
    kind: str = "import",
    reference: str | None = None,
) -> Changes:
    """Post (row number, date, line) in order; a row the ledger refuses is recorded in
    ``col`` and posting goes on, so that every problem is reported. A document groups the
    lines of one date and reference (``reference`` given: that one for all lines)."""
    poster = Poster(conn, source="import", preload=True)
    doc_key: tuple | None = None
    doc_id = 0
    total = len(lines)
    for n, (number, date, line) in enumerate(lines, 1):
        ref = line.reference if reference is None else reference
        if (date, ref) != doc_key:
            doc_key = (date, ref)
            doc_id = poster.new_document(date=date, kind=kind, reference=ref, operator=operator)
        try:
            poster.apply(line, date=date, document_id=doc_id, operator=operator)
        except InventoryError as exc:
            col.add(rows[number], _column_for(exc), str(exc))
        if n % 5000 == 0:
            if cancel and cancel():
                raise Cancelled("import cancelled; nothing was posted")
            if progress:
                progress(n, total)
    if col.errors:
        return Changes()
    return poster.finish()


def _post_or_refuse(
    db: Database,
    table: Table,
    lines: list[tuple[int, dt.date, Line]],
    *,
    operator: str,
    progress: Progress | None,
    cancel: Cancel | None,
    dry_run: bool,
    earlier: list[RowError] | None = None,
    kind: str = "import",
    reference: str | None = None,
) -> Changes:
    """Post (row number, date, line) in one transaction, all or nothing. Any problem (the
    ``earlier`` ones found while reading the rows, or a row the ledger refuses) keeps nothing
    and raises ``ImportErrors`` with them all, by row; ``dry_run`` keeps nothing on purpose
    and returns no changes."""
    earlier = earlier or []
    col = _Collector(table)
    rows = {r.number: r for r in table.rows}
    changes = Changes()
    try:
        with contextlib.suppress(_DryRun), db.transaction() as conn:
            changes = _post_lines(
                conn, lines, col, rows, operator, progress, cancel, kind=kind, reference=reference
            )
            if earlier or col.errors:
                raise _Refused
            if dry_run:
                raise _DryRun
    except _Refused:
        errors = sorted(earlier + col.errors, key=lambda e: e.row)
        raise ImportErrors(errors, source=table.source) from None
    return Changes() if dry_run else changes
