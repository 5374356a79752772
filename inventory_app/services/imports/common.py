"""What every import shares: collecting row errors, the result, posting rows in order.

The names here are shared by the package's modules (``journal``, ``opening``, ``items``);
other packages use what ``services.imports`` names.
"""

from __future__ import annotations

import contextlib
import datetime as dt
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
from inventory_app.services.tabular import (
    SourceRow,
    Table,
    cell_decimal,
    cell_shown,
)
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.ledger.poster import Poster


class Collector:
    """Gathers row errors; ``cell`` parses one cell and records a failure instead of raising."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.errors: list[RowError] = []

    def header(self, key: str) -> str:
        return self.table.headers.get(key, key)

    def add(self, row: SourceRow, key: str, code: str, /, **params: object) -> None:
        """Record problem ``code`` (with ``params``) at ``row``'s column ``key`` ('' for the
        whole row); the cell's value goes with it."""
        raw = row.values.get(key)
        column = self.header(key) if key else ""
        self.errors.append(RowError(row.number, column, cell_shown(raw), code, params))

    def cell(self, row: SourceRow, key: str, parse, *, required: bool = False):
        raw = row.values.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.add(row, key, "import.empty")
            return None
        try:
            return parse(raw)
        except InventoryError as exc:
            self.add(row, key, exc.code, **exc.params)
            return None


def cell_qty(raw: object) -> Decimal:
    """A quantity cell: an exact number with at most 3 decimals."""
    # as text, so that a message shows '1.2345', not Decimal('1.2345')
    return money.parse_qty(str(cell_decimal(raw)))


def cell_cost(raw: object) -> Decimal:
    """A unit cost cell: an exact number with at most 4 decimals."""
    return money.parse_cost(str(cell_decimal(raw)))


def known_names(db: Database) -> tuple[set[str], set[str]]:
    """The shop's SKUs and location names, casefolded (what a row may name)."""
    return catalog_sql.known_names(db.conn)


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int = 0
    updated: int = 0
    posted: int = 0
    changes: Changes = field(default_factory=Changes)


# The column of the file a ledger refusal is about, by its code ('' for the whole row).
_COLUMN_OF_CODE = {
    "ledger.unknown_sku": "sku",
    "ledger.unknown_location": "location",
    "ledger.writeoff_reason_unknown": "note",
    "ledger.expired_batch_needs_reason": "note",
    "ledger.batch_out_of_turn_needs_reason": "note",
    "ledger.receipt_needs_cost": "unit_cost",
    "ledger.no_cost_known": "unit_cost",
    "ledger.expiry_before_date": "expiry",
}


def _column_for(exc: InventoryError) -> str:
    if isinstance(exc, InsufficientStock):
        return "qty"
    if isinstance(exc, RefusedOperation):
        return "date"
    return _COLUMN_OF_CODE.get(exc.code, "")


class _Refused(Exception):
    """Roll the import back: the file had errors."""


class DryRun(Exception):
    """Roll a checked import back on purpose: ``dry_run`` validates and posts everything
    (so every problem the ledger would find is found) and keeps nothing."""


def _post_lines(
    conn: Connection,
    lines: list[tuple[int, dt.date, Line]],
    col: Collector,
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
    lines of one date and reference (``reference`` given: that one for all lines).

    ``postings.post_entries`` is the same loop, but it stops at the first refusal and keeps
    its own transaction, so it cannot serve here."""
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
            col.add(rows[number], _column_for(exc), exc.code, **exc.params)
        if n % 5000 == 0:
            if cancel and cancel():
                raise Cancelled("import.cancelled")
            if progress:
                progress(n, total)
    if col.errors:
        return Changes()
    return poster.finish()


def post_or_refuse(
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
    col = Collector(table)
    rows = {r.number: r for r in table.rows}
    changes = Changes()
    try:
        with contextlib.suppress(DryRun), db.transaction() as conn:
            changes = _post_lines(
                conn, lines, col, rows, operator, progress, cancel, kind=kind, reference=reference
            )
            if earlier or col.errors:
                raise _Refused
            if dry_run:
                raise DryRun
    except _Refused:
        errors = sorted(earlier + col.errors, key=lambda e: e.row)
        raise ImportErrors(errors, source=table.source) from None
    return Changes() if dry_run else changes
