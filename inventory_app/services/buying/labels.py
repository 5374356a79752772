"""Shelf and batch labels: what each label says and the barcode it carries.

An item label carries the SKU as Code 128 (any scanner reads it back into the item field). A
batch label carries a GS1 element string — ``01`` GTIN, ``17`` expiry, ``10`` batch, with the
group separator after the batch — when the item's barcode is a GTIN, so scanning it on a
receipt or a count fills item, batch and expiry (``domain.gs1``); else the SKU. Drawing is
``charts.labels``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import gs1
from inventory_app.domain.errors import NotFound, ValidationError
from inventory_app.services import reports
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Database

LAYOUTS = ("a4", "40x30")
WORDS = {
    "en": {"batch": "Batch", "expiry": "Exp.", "price": "Price"},
    "zh": {"batch": "批号", "expiry": "有效期至", "price": "售价"},
}


@dataclass(frozen=True, slots=True)
class Label:
    title: str  # the item's name
    code: str  # the SKU
    lines: tuple[str, ...]  # batch, expiry, price: what applies
    barcode: str  # the data encoded as Code 128
    barcode_text: str  # printed under the bars


def _gtin14(barcode: str | None) -> str | None:
    if barcode and barcode.isdigit() and len(barcode) in (8, 12, 13, 14):
        code = barcode.zfill(14)
        return code if gs1.check_digit_ok(code) else None
    return None


def batch_data(gtin14: str, batch: str, expiry: dt.date | None) -> str:
    """The GS1 element string of a batch (fixed-length fields first, the batch last)."""
    exp = f"17{expiry:%y%m%d}" if expiry is not None else ""
    return f"01{gtin14}{exp}10{batch}"


def _item(db: Database, sku: str) -> tuple:
    row = catalog_sql.item_by_sku(db.conn, sku.strip())
    if row is None:
        raise NotFound("catalog.unknown_sku", sku=sku)
    return row


def _price_line(price: Decimal | None, currency: str, w: dict[str, str]) -> tuple[str, ...]:
    return () if price is None else (f"{w['price']} {currency}{price:,.2f}",)


def item_labels(
    db: Database,
    skus: list[str],
    *,
    copies: int = 1,
    price: Decimal | None = None,
    lang: str = "en",
    currency: str = "¥",
) -> list[Label]:
    """``copies`` shelf labels of each item."""
    if copies < 1:
        raise ValidationError("labels.copies", copies=copies)
    w = WORDS.get(lang, WORDS["en"])
    out = []
    for sku in skus:
        row = _item(db, sku)
        label = Label(row[2], row[1], _price_line(price, currency, w), row[1], row[1])
        out += [label] * copies
    return out


def batch_labels(
    db: Database,
    sku: str,
    *,
    batch: str | None = None,
    copies: int = 1,
    lang: str = "en",
) -> list[Label]:
    """Labels of the batches of ``sku`` on hand (or only ``batch``), ``copies`` each."""
    if copies < 1:
        raise ValidationError("labels.copies", copies=copies)
    row = _item(db, sku)
    w = WORDS.get(lang, WORDS["en"])
    gtin = _gtin14(row[3])
    found = [
        b
        for b in reports.item_batches(db, row[1])
        if batch is None or b.batch.casefold() == batch.strip().casefold()
    ]
    if not found:
        raise NotFound("labels.no_batch", sku=row[1], batch=batch or "")
    out = []
    for b in found:
        lines = [f"{w['batch']} {b.batch}"]
        if b.expiry is not None:
            lines.append(f"{w['expiry']} {b.expiry.isoformat()}")
        if gtin is not None:
            data = batch_data(gtin, b.batch, b.expiry)
            exp = "" if b.expiry is None else f"(17){b.expiry:%y%m%d}"
            text = f"(01){gtin}{exp}(10){b.batch}"
        else:
            data = text = row[1]
        out += [Label(row[2], row[1], tuple(lines), data, text)] * copies
    return out
