"""Importing items and the movement journal from .csv / .xlsx files.

The whole file is validated before anything is written; any problem refuses the file
with one message per bad row (row, column, value, what is wrong) and changes nothing.
``dry_run=True`` goes all the way (the ledger's own checks included) and keeps nothing:
the import wizard's Check step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from inventory_app.domain import money
from inventory_app.domain.errors import (
    Cancelled,
    ImportErrors,
    InsufficientStock,
    InventoryError,
    RefusedOperation,
    RowError,
    ValidationError,
)
from inventory_app.domain.model import Changes, ItemFields, Line, MovementType, Removal
from inventory_app.services import catalog
from inventory_app.services.tabular import (
    Column,
    SourceRow,
    Table,
    cell_date,
    cell_decimal,
    cell_int,
    cell_text,
    read_table,
)
from inventory_app.storage.db import Database
from inventory_app.storage.ledger import Poster

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

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

REMOVAL_WORDS = {"fifo": Removal.FIFO, "fefo": Removal.FEFO, "先进先出": Removal.FIFO,
                 "近效期先出": Removal.FEFO}  # fmt: skip


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
            RowError(row.number, self.header(key) if key else "", _show(raw), problem)
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


def _show(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def _qty(raw: object) -> Decimal:
    # as text, so that a message shows '1.2345', not Decimal('1.2345')
    return money.parse_qty(str(cell_decimal(raw)))


def _cost(raw: object) -> Decimal:
    return money.parse_cost(str(cell_decimal(raw)))


def _text(raw: object) -> str:
    return cell_text(raw).strip()


# -- items -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int = 0
    updated: int = 0
    posted: int = 0
    changes: Changes = field(default_factory=Changes)


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
        sku.casefold(): (iid, barcode)
        for iid, sku, barcode in db.conn.execute("SELECT id, sku, barcode FROM items")
    }
    barcode_owner = {bc: sku for sku, (_, bc) in existing.items() if bc}
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
            expiry is not None
            and date is not None
            and expiry < date
            and type_ == (MovementType.RECEIPT)
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
    skus = {s.casefold() for (s,) in db.conn.execute("SELECT sku FROM items")}
    locations = {n.casefold() for (n,) in db.conn.execute("SELECT name FROM locations")}
    lock = db.meta("lock_date")
    lines, errors = parse_journal(
        table,
        skus=skus,
        locations=locations,
        lock_date=dt.date.fromisoformat(lock) if lock else None,
        today=dt.date.today(),
    )
    lines.sort(key=lambda t: t[1])  # stable: file order within a date
    col = _Collector(table)
    by_number = {r.number: r for r in table.rows}
    changes = Changes()
    try:
        with contextlib.suppress(_DryRun), db.transaction() as conn:
            changes = _post_lines(conn, lines, col, by_number, operator, progress, cancel)
            if errors or col.errors:
                raise _Refused
            if dry_run:
                raise _DryRun
    except _Refused:
        all_errors = sorted(errors + col.errors, key=lambda e: e.row)
        raise ImportErrors(all_errors, source=table.source) from None
    return ImportResult(posted=len(lines), changes=Changes() if dry_run else changes)


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


# -- opening balances --------------------------------------------------------------------

OPENING_COLUMNS = (
    Column("sku", required=True),
    Column("qty", required=True),
    Column("unit_cost", required=True),
    Column("batch"),
    Column("expiry"),
    Column("location"),
)


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
    lock = db.meta("lock_date")
    if lock and date <= dt.date.fromisoformat(lock):
        raise RefusedOperation(
            f"the opening date {date.isoformat()} is in the closed period (up to {lock})"
        )
    if date > dt.date.today():
        raise ValidationError(f"the opening date {date.isoformat()} is in the future")
    table = read_table(path, OPENING_COLUMNS, sheet=sheet, progress=progress, cancel=cancel)
    skus = {s.casefold() for (s,) in db.conn.execute("SELECT sku FROM items")}
    locations = {n.casefold() for (n,) in db.conn.execute("SELECT name FROM locations")}
    col = _Collector(table)
    lines: list[tuple[int, Line]] = []
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
        lines.append((row.number, line))
    if col.errors:
        raise ImportErrors(col.errors, source=table.source)
    if not lines:
        return ImportResult()
    by_number = {r.number: r for r in table.rows}
    dated = [(number, date, line) for number, line in lines]
    changes = Changes()
    try:
        with contextlib.suppress(_DryRun), db.transaction() as conn:
            changes = _post_lines(
                conn, dated, col, by_number, operator, progress, cancel,
                kind="opening", reference="opening balance",
            )  # fmt: skip
            if col.errors:
                raise _Refused
            if dry_run:
                raise _DryRun
    except _Refused:
        raise ImportErrors(col.errors, source=table.source) from None
    return ImportResult(posted=len(lines), changes=Changes() if dry_run else changes)
