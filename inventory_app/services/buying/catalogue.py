"""The item catalogue with its buying columns: import (供应商, 供应商编码, 供应商货号, 包装,
换算率, 包装条码, 采购价, 交货周期) and export, in Chinese or English headers.

An items file may name each item's supplier by code (供应商编码) and/or name (供应商): a
supplier not yet known is created (named by the 供应商 cell, with the row's lead time), and
the item is linked to it as its preferred supplier, with the supplier's own code for the item,
its pack (made when the row gives a factor) and price per pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from inventory_app.domain import money, units
from inventory_app.domain.errors import ValidationError
from inventory_app.services.access import record_done, require
from inventory_app.services.buying.suppliers import Supplier, add_supplier, link_item
from inventory_app.services.buying.units import add_pack
from inventory_app.storage import buying as sql
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Database

BUYING_KEYS = (
    "supplier_code",
    "supplier_sku",
    "pack",
    "factor",
    "pack_barcode",
    "purchase_price",
)


@dataclass(frozen=True, slots=True)
class ItemBuying:
    """The buying cells of one row of an items file."""

    sku: str
    supplier: str  # the 供应商 cell: a supplier's code or name, or free text
    supplier_code: str
    supplier_sku: str
    pack: str
    factor: Decimal | None
    pack_barcode: str
    price: Decimal | None
    lead_time_days: int

    @property
    def any(self) -> bool:
        return bool(self.supplier_code or self.supplier_sku or self.pack or self.price is not None)


def _find_supplier(db: Database, row: ItemBuying) -> str | None:
    """The code of the row's supplier (made when the row names a new code), or None."""
    code = row.supplier_code.strip()
    if code:
        if sql.supplier_by_code(db.conn, code) is None:
            name = row.supplier.strip() or code
            add_supplier(
                db, Supplier(code=code, name=name, lead_time_days=max(0, row.lead_time_days))
            )
        return code
    text = row.supplier.strip().casefold()
    if not text:
        return None
    for s in sql.suppliers(db.conn):
        if text in (str(s[1]).casefold(), str(s[2]).casefold()):
            return str(s[1])
    return None


def apply_buying(db: Database, rows: Sequence[ItemBuying]) -> int:
    """Make the suppliers, packs and links the rows name (inside the caller's transaction,
    after the items exist); returns how many links were written."""
    linked = 0
    for row in rows:
        pack = row.pack.strip()
        if pack and row.factor is not None:
            item_id = catalog_sql.item_id(db.conn, row.sku)
            have = {n.casefold(): f for n, f, _ in sql.packs_of(db.conn, item_id)}
            factor = units.parse_factor(row.factor)
            if pack.casefold() not in have:
                add_pack(db, row.sku, pack, factor=row.factor, barcode=row.pack_barcode or None)
            elif have[pack.casefold()] != factor:
                raise ValidationError("units.pack_exists", pack=pack)
        code = _find_supplier(db, row)
        if code is None or (not row.any and not row.supplier):
            continue
        link_item(
            db,
            code,
            sku=row.sku,
            supplier_sku=row.supplier_sku,
            pack=pack,
            price=row.price,
            preferred=True,
        )
        linked += 1
    return linked


# -- export -----------------------------------------------------------------------------------

# key: (English header, Chinese header)
HEADERS: dict[str, tuple[str, str]] = {
    "sku": ("SKU", "编码"),
    "name": ("Name", "名称"),
    "category": ("Category", "类别"),
    "unit": ("Unit", "单位"),
    "barcode": ("Barcode", "条码"),
    "supplier": ("Supplier", "供应商"),
    "supplier_code": ("Supplier code", "供应商编码"),
    "supplier_sku": ("Supplier SKU", "供应商货号"),
    "pack": ("Pack", "包装"),
    "factor": ("Factor", "换算率"),
    "pack_barcode": ("Pack barcode", "包装条码"),
    "purchase_price": ("Purchase price", "采购价"),
    "lead_time_days": ("Lead time days", "交货周期"),
    "reorder_point": ("Reorder point", "再订货点"),
}


def catalogue_rows(db: Database) -> list[dict[str, object]]:
    """One row per item (its preferred supplier, the pack bought from it or its first
    pack): what ``export_catalogue`` writes and an items import reads back."""
    conn = db.conn
    links: dict[int, tuple] = {}
    for link in sql.links(conn):
        links.setdefault(link[0], link)
    names = {str(s[1]): str(s[2]) for s in sql.suppliers(conn)}
    packs: dict[str, list[tuple[str, int, str | None]]] = {}
    for sku, name, factor, barcode in sql.all_packs(conn):
        packs.setdefault(sku.casefold(), []).append((name, factor, barcode))
    out = []
    for r in catalog_sql.all_items(conn):
        link = links.get(r[0])
        item_packs = packs.get(str(r[1]).casefold(), [])
        wanted = link[4] if link else ""
        pack = next(
            (p for p in item_packs if p[0] == wanted), item_packs[0] if item_packs else None
        )
        out.append(
            {
                "sku": r[1],
                "name": r[2],
                "category": r[4],
                "unit": r[5],
                "barcode": r[3] or "",
                "supplier": names.get(link[2], "") if link else r[6],
                "supplier_code": link[2] if link else "",
                "supplier_sku": link[3] if link else "",
                "pack": pack[0] if pack else "",
                "factor": money.qty_from_int(pack[1]) if pack else None,
                "pack_barcode": (pack[2] or "") if pack else "",
                "purchase_price": money.cost_from_int(link[5])
                if link and link[5] is not None
                else None,
                "lead_time_days": r[9],
                "reorder_point": money.qty_from_int(r[7]),
            }
        )
    return out


def export_catalogue(db: Database, path: str | Path, *, lang: str = "en") -> Path:
    """The item catalogue with its buying columns as .xlsx (headers in ``lang``)."""
    from openpyxl import Workbook

    actor = require(db, "export")
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("export.not_xlsx", name=target.name)
    wb = Workbook()
    ws = wb.active
    ws.title = "商品" if lang == "zh" else "Items"
    keys = list(HEADERS)
    ws.append([HEADERS[k][1 if lang == "zh" else 0] for k in keys])
    for row in catalogue_rows(db):
        ws.append([row[k] for k in keys])  # openpyxl writes a Decimal as a number
    for col, key in zip(ws.columns, keys, strict=True):
        ws.column_dimensions[col[0].column_letter].width = 22 if key == "name" else 14
        if key in ("sku", "barcode", "supplier_sku", "pack_barcode", "supplier_code"):
            for cell in col[1:]:
                cell.number_format = "@"
    ws.freeze_panes = "A2"
    try:
        wb.save(target)
    except OSError as exc:
        raise ValidationError("export.write_failed", reason=exc.strerror or str(exc)) from None
    record_done(db, actor, "export", str(target))
    return target
