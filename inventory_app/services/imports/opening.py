"""Importing opening stock: one receipt per item/batch at a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inventory_app.domain.errors import (
    ImportErrors,
    RefusedOperation,
    ValidationError,
)
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
from inventory_app.services.progress import cyclic_gc_paused
from inventory_app.services.tabular.table import (
    Column,
    cell_date,
    read_table,
)
from inventory_app.storage.db import Database

# -- opening balances --------------------------------------------------------------------

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
        raise RefusedOperation(
            f"the opening date {date.isoformat()} is in the closed period (up to {lock})"
        )
    if date > dt.date.today():
        raise ValidationError(f"the opening date {date.isoformat()} is in the future")
    table = read_table(path, OPENING_COLUMNS, sheet=sheet, progress=progress, cancel=cancel)
    skus, locations = _known_names(db)
    col = _Collector(table)
    lines: list[tuple[int, dt.date, Line]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in table.rows:
        before = len(col.errors)
        sku = col.cell(row, "sku", _text, required=True)
        qty = col.cell(row, "qty", _qty, required=True)
        cost = col.cell(row, "unit_cost", _cost, required=True)
        batch = col.cell(row, "batch", _text) or None
        expiry = col.cell(row, "expiry", cell_date)
        location = col.cell(row, "location", _text) or None
        if sku and sku.casefold() not in skus:
            col.add(row, "sku", "unknown SKU (import the items first)")
        if qty is not None and qty <= 0:
            col.add(row, "qty", "an opening quantity is more than zero")
        if expiry is not None and expiry < date:
            col.add(row, "expiry", f"is before the opening date {date.isoformat()}")
        if location and location.casefold() not in locations:
            col.add(row, "location", "unknown location")
        if sku and batch:
            key = (sku.casefold(), batch.casefold(), (location or "").casefold())
            if key in seen:
                col.add(row, "batch", f"the same batch is already on row {seen[key]}")
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
    if col.errors:
        raise ImportErrors(col.errors, source=table.source)
    if not lines:
        return ImportResult()
    changes = _post_or_refuse(
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
