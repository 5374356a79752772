"""Importing opening stock: one receipt per item/batch at a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inventory_app.domain.errors import (
    ImportErrors,
    RefusedOperation,
    RowError,
    ValidationError,
)
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
from inventory_app.services.tabular import Column, Table, cell_date, cell_text, read_table
from inventory_app.storage.db import Database

OPENING_COLUMNS = (
    Column("sku", required=True),
    Column("qty", required=True),
    Column("unit_cost", required=True),
    Column("batch"),
    Column("expiry"),
    Column("location"),
)


@cyclic_gc_paused()
def import_opening(
    db: Database,
    path: str | Path,
    *,
    date: dt.date,
    sheet: str | None = None,
    operator: str = "",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Opening stock: one receipt per row (an item's batch) dated ``date``, at the row's unit
    cost, with its batch code, expiry and location when given. All rows or none."""
    lock = stock.lock_date(db)
    if lock and date <= lock:
        raise RefusedOperation("import.opening_date_closed", date=date, lock_date=lock)
    if date > dt.date.today():
        raise ValidationError("import.opening_date_future", date=date)
    table = read_table(path, OPENING_COLUMNS, sheet=sheet, progress=progress, cancel=cancel)
    skus, locations = known_names(db)
    lines, errors = _opening_lines(table, date, skus=skus, locations=locations)
    if errors:
        raise ImportErrors(errors, source=table.source)
    if not lines:
        return ImportResult()
    changes = post_or_refuse(
        db,
        table,
        lines,
        operator=operator,
        progress=progress,
        cancel=cancel,
        dry_run=dry_run,
        kind="opening",
        reference="opening balance",
    )
    return ImportResult(posted=len(lines), changes=changes)


def _opening_lines(
    table: Table, date: dt.date, *, skus: set[str], locations: set[str]
) -> tuple[list[tuple[int, dt.date, Line]], list[RowError]]:
    """Rows -> (row number, date, receipt line), and every problem found in them."""
    col = Collector(table)
    lines: list[tuple[int, dt.date, Line]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in table.rows:
        before = len(col.errors)
        sku = col.cell(row, "sku", cell_text, required=True)
        qty = col.cell(row, "qty", cell_qty, required=True)
        cost = col.cell(row, "unit_cost", cell_cost, required=True)
        batch = col.cell(row, "batch", cell_text) or None
        expiry = col.cell(row, "expiry", cell_date)
        location = col.cell(row, "location", cell_text) or None
        if sku and sku.casefold() not in skus:
            col.add(row, "sku", "import.unknown_sku", sku=sku)
        if qty is not None and qty <= 0:
            col.add(row, "qty", "import.opening_qty_not_positive", qty=qty)
        if expiry is not None and expiry < date:
            col.add(row, "expiry", "import.expiry_before_opening", expiry=expiry, date=date)
        if location and location.casefold() not in locations:
            col.add(row, "location", "import.unknown_location", location=location)
        if sku and batch:
            key = (sku.casefold(), batch.casefold(), (location or "").casefold())
            if key in seen:
                col.add(row, "batch", "import.duplicate_batch", batch=batch, first_row=seen[key])
            seen.setdefault(key, row.number)
        if len(col.errors) > before:
            continue
        line = Line(
            type=MovementType.RECEIPT,
            sku=sku,
            qty=qty,
            unit_cost=cost,
            batch=batch,
            expiry=expiry,
            location=location,
            note="opening balance",
        )
        lines.append((row.number, date, line))
    return lines, col.errors
