"""Importing the item list (create new SKUs, update the master data of known ones)."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from pathlib import Path

from inventory_app.domain.errors import ImportErrors, ValidationError
from inventory_app.domain.model import Changes, ItemFields, Removal
from inventory_app.services import catalog
from inventory_app.services.access import require
from inventory_app.services.buying.catalogue import BUYING_KEYS, ItemBuying, apply_buying
from inventory_app.services.imports.common import (
    Cancel,
    Cells,
    Collector,
    DryRun,
    ImportResult,
    Progress,
    cell_cost,
    cell_qty,
)
from inventory_app.services.progress import cyclic_gc_paused
from inventory_app.services.tabular import (
    Chunk,
    Column,
    Reread,
    SourceRow,
    cell_int,
    cell_text,
    open_table,
)
from inventory_app.storage import catalog as catalog_sql
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
    # buying (#15): the supplier record, its code for the item, a pack and its price
    *(Column(key) for key in BUYING_KEYS),
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
    known = catalog_sql.skus_and_barcodes(db.conn)
    existing = {sku.casefold() for sku, _barcode in known}
    with open_table(path, ITEM_COLUMNS, sheet=sheet, progress=progress, cancel=cancel) as table:
        while True:
            items = _ItemRows(Collector(table.headers), known)
            try:
                for chunk in table.chunks(progress=progress, cancel=cancel):
                    items.add(chunk)
            except Reread:
                continue  # the file in another encoding: from the start
            break
    if items.col.errors:
        raise ImportErrors(items.col.errors, source=table.source)
    new = [f for f in items.parsed if f.sku.casefold() not in existing]
    old = [f for f in items.parsed if f.sku.casefold() in existing]
    require(db, "import")
    with contextlib.suppress(DryRun), db.transaction():
        changes = catalog.add_items(db, new) if new else Changes()
        if old:
            changes = changes | catalog.update_items(db, old)
        if items.buying:
            apply_buying(db, items.buying)
        if dry_run:
            raise DryRun
    return ImportResult(
        created=len(new), updated=len(old), changes=Changes() if dry_run else changes
    )


class _ItemRows:
    """The rows of an items file as ``ItemFields``; every problem goes to the collector. Each
    column's distinct cells are parsed once (``Cells``); a row is read cell by cell."""

    def __init__(self, col: Collector, known: list[tuple[str, str | None]]) -> None:
        self.col = col
        # barcode -> the SKU of the item that has it now
        self.barcode_owner = {bc: sku for sku, bc in known if bc}
        self.seen_sku: dict[str, int] = {}  # casefolded SKU -> the row it is first on
        self.seen_barcode: dict[str, int] = {}
        self.parsed: list[ItemFields] = []
        self.buying: list[ItemBuying] = []
        self.has_buying = any(k in col.headers for k in BUYING_KEYS)
        self.cells = {
            "sku": Cells(cell_text),
            "name": Cells(cell_text),
            "barcode": Cells(cell_text),
            "removal": Cells(_removal),
            "reorder_point": Cells(cell_qty),
            "safety_stock": Cells(cell_qty),
            "lead_time_days": Cells(cell_int),
            "shelf_life_days": Cells(cell_int),
            "category": Cells(cell_text),
            "unit": Cells(cell_text),
            "supplier": Cells(cell_text),
            **{k: Cells(cell_text) for k in ("supplier_code", "supplier_sku", "pack")},
            "pack_barcode": Cells(cell_text),
            "factor": Cells(cell_qty),
            "purchase_price": Cells(cell_cost),
        }

    def add(self, chunk: Chunk) -> None:
        """Parse the chunk's rows into ``parsed``."""
        for row in chunk.rows():
            fields = self.fields(row)
            if fields is not None:
                self.parsed.append(fields)

    def fields(self, row: SourceRow) -> ItemFields | None:
        """The row's item, or None if the row has a problem (recorded)."""
        col, cells = self.col, self.cells
        before = len(col.errors)
        sku = col.cell(row, "sku", cells["sku"], required=True)
        name = col.cell(row, "name", cells["name"], required=True)
        barcode = col.cell(row, "barcode", cells["barcode"])
        removal = col.cell(row, "removal", cells["removal"])
        reorder = col.cell(row, "reorder_point", cells["reorder_point"])
        safety = col.cell(row, "safety_stock", cells["safety_stock"])
        lead = col.cell(row, "lead_time_days", cells["lead_time_days"])
        shelf = col.cell(row, "shelf_life_days", cells["shelf_life_days"])
        self.check_unique(row, sku, barcode)
        if len(col.errors) > before or not (sku and name):
            return None
        fields = ItemFields(
            sku=sku,
            name=name,
            barcode=barcode or None,
            category=col.cell(row, "category", cells["category"]) or "",
            unit=col.cell(row, "unit", cells["unit"]) or "pcs",
            supplier=col.cell(row, "supplier", cells["supplier"]) or "",
            reorder_point=reorder if reorder is not None else Decimal(0),
            safety_stock=safety,
            lead_time_days=lead if lead is not None else 0,
            shelf_life_days=shelf,
            removal=removal or (Removal.FEFO if shelf else Removal.FIFO),
        )
        for key, error in catalog.item_field_errors(fields).items():
            self.col.add(row, key if key in col.headers else "", error.code, **error.params)
        if self.has_buying:
            self.buying_cells(row, fields)
        return fields

    def buying_cells(self, row: SourceRow, fields: ItemFields) -> None:
        """The row's supplier, supplier code, pack and price (``services.buying``)."""
        col, cells = self.col, self.cells
        text = {k: col.cell(row, k, cells[k]) or "" for k in ("supplier_code", "supplier_sku")}
        found = ItemBuying(
            sku=fields.sku,
            supplier=fields.supplier,
            supplier_code=text["supplier_code"],
            supplier_sku=text["supplier_sku"],
            pack=col.cell(row, "pack", cells["pack"]) or "",
            factor=col.cell(row, "factor", cells["factor"]),
            pack_barcode=col.cell(row, "pack_barcode", cells["pack_barcode"]) or "",
            price=col.cell(row, "purchase_price", cells["purchase_price"]),
            lead_time_days=fields.lead_time_days,
        )
        if found.any or found.pack:
            self.buying.append(found)

    def check_unique(self, row: SourceRow, sku: str | None, barcode: str | None) -> None:
        """A SKU or barcode twice in the file, or a barcode another item has: row problems."""
        if sku:
            key = sku.casefold()
            if key in self.seen_sku:
                self.col.add(
                    row, "sku", "catalog.import_sku_repeated", first_row=self.seen_sku[key]
                )
            self.seen_sku.setdefault(key, row.number)
        if barcode:
            if barcode in self.seen_barcode:
                first = self.seen_barcode[barcode]
                self.col.add(row, "barcode", "catalog.import_barcode_repeated", first_row=first)
            self.seen_barcode.setdefault(barcode, row.number)
            owner = self.barcode_owner.get(barcode)
            if owner is not None and sku and owner.casefold() != sku.casefold():
                self.col.add(
                    row, "barcode", "catalog.import_barcode_owned", barcode=barcode, owner=owner
                )


def _removal(raw: object) -> Removal:
    word = cell_text(raw).strip().casefold()
    if word in REMOVAL_WORDS:
        return REMOVAL_WORDS[word]
    raise ValidationError("catalog.removal_invalid", field="removal")
