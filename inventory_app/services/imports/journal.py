"""Importing items and the movement journal from .csv / .xlsx files.

The whole file is validated before anything is written; any problem refuses the file
with one message per bad row (row, column, value, what is wrong) and changes nothing.
``dry_run=True`` goes all the way (the ledger's own checks included) and keeps nothing:
the import wizard's Check step.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inventory_app.domain.errors import RowError, ValidationError
from inventory_app.domain.model import Line, MovementType
from inventory_app.services import postings as stock
from inventory_app.services.imports.common import (
    Cancel,
    ImportResult,
    Progress,
    _Collector,
    _cost,
    _known_names,
    _post_or_refuse,
    _qty,
    _text,
)
from inventory_app.services.imports.items import ITEM_COLUMNS, import_items
from inventory_app.services.imports.opening import OPENING_COLUMNS, import_opening
from inventory_app.services.progress import cyclic_gc_paused
from inventory_app.services.tabular.table import (
    Column,
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

# -- journal -----------------------------------------------------------------------------


def _type(raw: object) -> MovementType:
    word = cell_text(raw).strip().casefold()
    if word in TYPE_WORDS:
        return TYPE_WORDS[word]
    raise ValidationError("type is one of receipt, issue, writeoff, adjust, transfer")


_REASON_WORDS = {"damaged", "expired", "lost", "sample", "other"}


def parse_journal(
    table: Table, *, skus: set[str], locations: set[str], lock_date: dt.date | None,
    today: dt.date,
) -> tuple[list[tuple[int, dt.date, Line]], list[RowError]]:  # fmt: skip
    """Rows -> (row number, date, line), checking everything that does not need the ledger."""
    col = _Collector(table)
    out: list[tuple[int, dt.date, Line]] = []
    for row in table.rows:
        before = len(col.errors)
        date = col.cell(row, "date", cell_date, required=True)
        type_ = col.cell(row, "type", _type, required=True)
        sku = col.cell(row, "sku", _text, required=True)
        qty = col.cell(row, "qty", _qty, required=True)
        cost = col.cell(row, "unit_cost", _cost)
        expiry = col.cell(row, "expiry", cell_date)
        batch = col.cell(row, "batch", _text)
        location = col.cell(row, "location", _text)
        to_location = col.cell(row, "to_location", _text)
        reference = col.cell(row, "reference", _text) or ""
        note = col.cell(row, "note", _text) or ""
        reason = col.cell(row, "reason", _text)
        if sku and sku.casefold() not in skus:
            col.add(row, "sku", "unknown SKU (import the items first)")
        if date is not None:
            if lock_date is not None and date <= lock_date:
                col.add(row, "date", f"falls in the closed period (up to {lock_date})")
            elif date > today:
                col.add(row, "date", "is in the future")
        if qty is not None:
            if qty == 0:
                col.add(row, "qty", "is zero")
            elif qty < 0 and type_ != MovementType.ADJUST:
                col.add(row, "qty", "must be positive (only adjust rows are signed)")
        if type_ == MovementType.RECEIPT and cost is None and "unit_cost" not in _errs(col, before):
            col.add(row, "unit_cost", "a receipt needs a unit cost")
        for key, name in (("location", location), ("to_location", to_location)):
            if name and name.casefold() not in locations:
                col.add(row, key, "unknown location")
        if type_ == MovementType.TRANSFER and not to_location:
            col.add(row, "to_location", "a transfer needs a destination location")
        if (
            type_ == MovementType.RECEIPT
            and expiry is not None
            and date is not None
            and expiry < date
        ):
            col.add(row, "expiry", "is before the date of the row")
        if len(col.errors) > before:
            continue
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
        out.append((row.number, date, line))
    return out, col.errors


def _errs(col: _Collector, since: int) -> set[str]:
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
    skus, locations = _known_names(db)
    lines, errors = parse_journal(
        table,
        skus=skus,
        locations=locations,
        lock_date=stock.lock_date(db),
        today=dt.date.today(),
    )
    lines.sort(key=lambda t: t[1])  # stable: file order within a date
    changes = _post_or_refuse(
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


__all__ = [
    "ITEM_COLUMNS",
    "JOURNAL_COLUMNS",
    "OPENING_COLUMNS",
    "ImportResult",
    "import_items",
    "import_journal",
    "import_opening",
    "parse_journal",
]
