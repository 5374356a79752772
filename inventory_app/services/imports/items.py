"""Importing the item list (create new SKUs, update the master data of known ones)."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from pathlib import Path

from inventory_app.domain.errors import (
    ImportErrors,
    ValidationError,
)
from inventory_app.domain.model import Changes, ItemFields, Removal
from inventory_app.services import catalog
from inventory_app.services.imports.common import (
    Cancel,
    ImportResult,
    Progress,
    _Collector,
    _DryRun,
    _qty,
    _text,
)
from inventory_app.services.progress import cyclic_gc_paused
from inventory_app.services.tabular.table import (
    Column,
    cell_int,
    cell_text,
    read_table,
)
from inventory_app.storage.db import Database

ITEM_COLUMNS = (
    Column("sku", required=True),
    Column("name", required=True),
    Column("category"),
    Column("unit"),
    Column("barcode"),
    Column("supplier"),
    Column("reorder_point"),
    Column("safety_stock"),
    Column("lead_time_days"),
    Column("shelf_life_days"),
    Column("removal"),
)

REMOVAL_WORDS = {"fifo": Removal.FIFO, "fefo": Removal.FEFO, "先进先出": Removal.FIFO,
                 "近效期先出": Removal.FEFO}  # fmt: skip


# -- items -------------------------------------------------------------------------------


@cyclic_gc_paused()
def import_items(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Create items, or update the master data of existing SKUs (never their stock)."""
    table = read_table(path, ITEM_COLUMNS, sheet=sheet, progress=progress, cancel=cancel)
    col = _Collector(table)
    existing = {
        sku.casefold(): barcode
        for sku, barcode in db.conn.execute("SELECT sku, barcode FROM items")
    }
    barcode_owner = {bc: sku for sku, bc in existing.items() if bc}
    seen_sku: dict[str, int] = {}
    seen_barcode: dict[str, int] = {}
    parsed: list[ItemFields] = []
    for row in table.rows:
        before = len(col.errors)
        sku = col.cell(row, "sku", _text, required=True)
        name = col.cell(row, "name", _text, required=True)
        barcode = col.cell(row, "barcode", _text)
        removal = col.cell(row, "removal", _removal)
        reorder = col.cell(row, "reorder_point", _qty)
        safety = col.cell(row, "safety_stock", _qty)
        lead = col.cell(row, "lead_time_days", cell_int)
        shelf = col.cell(row, "shelf_life_days", cell_int)
        if sku:
            key = sku.casefold()
            if key in seen_sku:
                col.add(row, "sku", f"the same SKU is already on row {seen_sku[key]}")
            seen_sku.setdefault(key, row.number)
        if barcode:
            if barcode in seen_barcode:
                col.add(
                    row, "barcode", f"the same barcode is already on row {seen_barcode[barcode]}"
                )
            seen_barcode.setdefault(barcode, row.number)
            owner = barcode_owner.get(barcode)
            if owner is not None and sku and owner != sku.casefold():
                col.add(row, "barcode", "this barcode already belongs to another item")
        if len(col.errors) > before or not (sku and name):
            continue
        fields = ItemFields(
            sku=sku,
            name=name,
            barcode=barcode or None,
            category=col.cell(row, "category", _text) or "",
            unit=col.cell(row, "unit", _text) or "pcs",
            supplier=col.cell(row, "supplier", _text) or "",
            reorder_point=reorder if reorder is not None else Decimal(0),
            safety_stock=safety,
            lead_time_days=lead if lead is not None else 0,
            shelf_life_days=shelf,
            removal=removal or (Removal.FEFO if shelf else Removal.FIFO),
        )
        for key, problem in catalog.item_problems(fields).items():
            col.add(row, key if key in table.headers else "", problem)
        parsed.append(fields)
    if col.errors:
        raise ImportErrors(col.errors, source=table.source)
    new = [f for f in parsed if f.sku.casefold() not in existing]
    old = [f for f in parsed if f.sku.casefold() in existing]
    with contextlib.suppress(_DryRun), db.transaction():
        changes = catalog.add_items(db, new) if new else Changes()
        for f in old:
            changes = changes | catalog.update_item(db, f.sku, f)
        if dry_run:
            raise _DryRun
    return ImportResult(
        created=len(new), updated=len(old), changes=Changes() if dry_run else changes
    )


def _removal(raw: object) -> Removal:
    word = cell_text(raw).strip().casefold()
    if word in REMOVAL_WORDS:
        return REMOVAL_WORDS[word]
    raise ValidationError("removal is fifo or fefo")
