"""Importing the movement journal from .csv / .xlsx files.

The whole file is validated before anything is written; any problem refuses the file
with one message per bad row (row, column, value, what is wrong) and changes nothing.
``dry_run=True`` goes all the way (the ledger's own checks included) and keeps nothing:
the import wizard's Check step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from inventory_app.domain.errors import RowError, ValidationError
from inventory_app.domain.model import Line, MovementType
from inventory_app.services import postings as stock
from inventory_app.services.imports.common import (
    Collector,
    ImportResult,
    cell_cost,
    cell_qty,
    known_names,
    post_or_refuse,
)
from inventory_app.services.progress import Cancel, Progress, cyclic_gc_paused
from inventory_app.services.tabular import (
    Column,
    SourceRow,
    Table,
    cell_date,
    cell_text,
    read_table,
)
from inventory_app.storage.db import Database

JOURNAL_COLUMNS = (
    Column("date", required=True),
    Column("type", required=True),
    Column("sku", required=True),
    Column("qty", required=True),
    Column("unit_cost"),
    Column("batch"),
    Column("expiry"),
    Column("location"),
    Column("to_location"),
    Column("reference"),
    Column("note"),
    Column("reason"),
)

# Movement types as people write them (English or Chinese).
TYPE_WORDS = {
    "receipt": MovementType.RECEIPT,
    "receive": MovementType.RECEIPT,
    "入库": MovementType.RECEIPT,
    "采购入库": MovementType.RECEIPT,
    "issue": MovementType.ISSUE,
    "sale": MovementType.ISSUE,
    "出库": MovementType.ISSUE,
    "销售出库": MovementType.ISSUE,
    "writeoff": MovementType.WRITEOFF,
    "write-off": MovementType.WRITEOFF,
    "write off": MovementType.WRITEOFF,
    "报损": MovementType.WRITEOFF,
    "adjust": MovementType.ADJUST,
    "adjustment": MovementType.ADJUST,
    "调整": MovementType.ADJUST,
    "transfer": MovementType.TRANSFER,
    "调拨": MovementType.TRANSFER,
}
# the types a journal row may have, as a message lists them
_TYPE_NAMES = ", ".join(dict.fromkeys(t.value for t in TYPE_WORDS.values()))

_REASON_WORDS = {"damaged", "expired", "lost", "sample", "other"}


def _type(raw: object) -> MovementType:
    word = cell_text(raw).strip().casefold()
    if word in TYPE_WORDS:
        return TYPE_WORDS[word]
    raise ValidationError("import.unknown_type", accepted=_TYPE_NAMES)


@dataclass(frozen=True, slots=True)
class _Bounds:
    """What a journal row is checked against: the shop's names (casefolded), the lock date."""

    skus: set[str]
    locations: set[str]
    lock_date: dt.date | None
    today: dt.date


def parse_journal(
    table: Table, *, skus: set[str], locations: set[str], lock_date: dt.date | None,
    today: dt.date,
) -> tuple[list[tuple[int, dt.date, Line]], list[RowError]]:  # fmt: skip
    """Rows -> (row number, date, line), checking everything that does not need the ledger."""
    col = Collector(table)
    bounds = _Bounds(skus, locations, lock_date, today)
    out: list[tuple[int, dt.date, Line]] = []
    for row in table.rows:
        before = len(col.errors)
        date, line = _read_row(col, row)
        _check_row(col, row, date, line, bounds, before)
        if len(col.errors) == before:
            out.append((row.number, date, line))
    return out, col.errors


def _read_row(col: Collector, row: SourceRow) -> tuple[dt.date | None, Line]:
    """The row's date and line as read; a cell that cannot be read is recorded in ``col`` and
    left None (so the line is only good if ``col`` gained no error)."""
    date = col.cell(row, "date", cell_date, required=True)
    type_ = col.cell(row, "type", _type, required=True)
    sku = col.cell(row, "sku", cell_text, required=True)
    qty = col.cell(row, "qty", cell_qty, required=True)
    cost = col.cell(row, "unit_cost", cell_cost)
    expiry = col.cell(row, "expiry", cell_date)
    batch = col.cell(row, "batch", cell_text)
    location = col.cell(row, "location", cell_text)
    to_location = col.cell(row, "to_location", cell_text)
    reference = col.cell(row, "reference", cell_text) or ""
    note = col.cell(row, "note", cell_text) or ""
    reason = col.cell(row, "reason", cell_text)
    if type_ == MovementType.WRITEOFF and not reason:
        first = note.split()[0].casefold() if note.split() else ""
        reason = first if first in _REASON_WORDS else "other"
    line = Line(
        type=type_,
        sku=sku,
        qty=qty,
        unit_cost=cost,
        batch=batch,
        expiry=expiry,
        location=location,
        to_location=to_location,
        reason=reason,
        override_reason=note if batch else None,
        note=note,
        reference=reference,
    )
    return date, line


def _check_row(
    col: Collector, row: SourceRow, date: dt.date | None, line: Line, bounds: _Bounds, before: int
) -> None:
    """Record in ``col`` what is wrong with the row beyond its cells' form: names the shop
    does not know, a date outside the open period, signs and missing companions (``before``:
    ``col``'s error count when the row began)."""
    type_, sku, qty = line.type, line.sku, line.qty
    if sku and sku.casefold() not in bounds.skus:
        col.add(row, "sku", "import.unknown_sku", sku=sku)
    if date is not None:
        if bounds.lock_date is not None and date <= bounds.lock_date:
            col.add(row, "date", "import.date_closed", date=date, lock_date=bounds.lock_date)
        elif date > bounds.today:
            col.add(row, "date", "import.date_future", date=date)
    if qty is not None:
        if qty == 0:
            col.add(row, "qty", "import.qty_zero")
        elif qty < 0 and type_ != MovementType.ADJUST:
            col.add(row, "qty", "import.qty_negative", qty=qty)
    if (
        type_ == MovementType.RECEIPT
        and line.unit_cost is None
        and "unit_cost" not in _errs(col, before)
    ):
        col.add(row, "unit_cost", "import.receipt_needs_cost")
    for key, name in (("location", line.location), ("to_location", line.to_location)):
        if name and name.casefold() not in bounds.locations:
            col.add(row, key, "import.unknown_location", location=name)
    if type_ == MovementType.TRANSFER and not line.to_location:
        col.add(row, "to_location", "import.transfer_needs_destination")
    expiry = line.expiry
    if type_ == MovementType.RECEIPT and expiry is not None and date is not None and expiry < date:
        col.add(row, "expiry", "import.expiry_before_date", expiry=expiry, date=date)


def _errs(col: Collector, since: int) -> set[str]:
    return {e.column for e in col.errors[since:]}


@cyclic_gc_paused()
def import_journal(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    operator: str = "",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Post a movement journal. Rows post in date order, file order within a date; stock
    that would go negative at a row (counting the rows before it) is refused."""
    table = read_table(path, JOURNAL_COLUMNS, sheet=sheet, progress=progress, cancel=cancel)
    skus, locations = known_names(db)
    lines, errors = parse_journal(
        table,
        skus=skus,
        locations=locations,
        lock_date=stock.lock_date(db),
        today=dt.date.today(),
    )
    lines.sort(key=lambda t: t[1])  # stable: file order within a date
    changes = post_or_refuse(
        db,
        table,
        lines,
        operator=operator,
        progress=progress,
        cancel=cancel,
        dry_run=dry_run,
        earlier=errors,
    )
    return ImportResult(posted=len(lines), changes=changes)
