"""Importing opening stock: one receipt per item/batch at a date."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import repeat
from pathlib import Path

from inventory_app.domain.errors import (
    Cancelled,
    ImportErrors,
    RefusedOperation,
    ValidationError,
)
from inventory_app.domain.model import Changes, Line, MovementType
from inventory_app.services import postings as stock
from inventory_app.services.access import record, require
from inventory_app.services.imports.common import (
    Cells,
    Collector,
    DryRun,
    ImportResult,
    Numbered,
    Posting,
    Refused,
    cell_cost,
    cell_qty,
    known_names,
    refusal_errors,
)
from inventory_app.services.imports.packs import PackColumn
from inventory_app.services.progress import Cancel, Progress, cyclic_gc_paused
from inventory_app.services.tabular import (
    Chunk,
    Column,
    Reread,
    SourceRow,
    TableReader,
    cell_date,
    cell_text,
    open_table,
)
from inventory_app.storage.db import Database

OPENING_COLUMNS = (
    Column("sku", required=True),
    Column("qty", required=True),
    Column("unit_cost", required=True),
    Column("batch"),
    Column("expiry"),
    Column("location"),
    Column("pack"),  # the unit the row's quantity and cost are in (imports.packs)
    Column("unit"),
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
    skus, locations = known_names(db)
    options = dict(operator=operator, progress=progress, cancel=cancel, dry_run=dry_run)
    with open_table(path, OPENING_COLUMNS, sheet=sheet, progress=progress, cancel=cancel) as table:
        while True:
            try:
                packs = PackColumn(db, table.headers)
                rows = _OpeningRows(table.headers, date, skus, locations, packs)
                return _post_opening(db, table, rows, **options)
            except Reread:
                continue  # the file in another encoding: from the start
            except Refused as refused:
                # as the journal import does: the rows' problems and the ledger's refusals
                # together, in row order (a row's own order kept)
                errors = refused.errors + refusal_errors(table, refused.refused)
                errors.sort(key=lambda e: e.row)
                raise ImportErrors(errors, source=table.source) from None


def _post_opening(
    db: Database,
    table: TableReader,
    rows: _OpeningRows,
    *,
    operator: str,
    progress: Progress | None,
    cancel: Cancel | None,
    dry_run: bool,
) -> ImportResult:
    """Read the rows and post them as they come, in one transaction, all or nothing. Rows go
    on being posted after a problem so that every problem is found, the rows' and the
    ledger's alike (as in the journal import); ``Refused`` brings them all."""
    changes = Changes()
    actor = require(db, "import")
    operator = operator or actor.name
    with (
        contextlib.suppress(DryRun),
        db.transaction() as conn,
        Posting(
            conn, operator=operator, kind="opening", reference="opening balance",
            packs=rows.packs.packs,
        ) as posting,
    ):  # fmt: skip
        for chunk in table.chunks(progress=progress):
            if cancel and cancel():
                raise Cancelled("import.cancelled")
            posting.post(rows.lines(chunk), cancel=cancel)
        if rows.errors or posting.refused:
            raise Refused(rows.errors, posting.refused)
        if not posting.posted:
            return ImportResult()
        changes = posting.finish()
        record(conn, actor, "opening_import", table.source, source="import", posted=posting.posted)
        if dry_run:
            raise DryRun
    return ImportResult(posted=posting.posted, changes=Changes() if dry_run else changes)


def _positive_qty(raw: object) -> Decimal:
    qty = cell_qty(raw)
    if qty <= 0:
        raise ValidationError("import.opening_qty_not_positive", qty=qty)
    return qty


def _known(names: set[str]) -> Callable[[object], str]:
    def parse(raw: object) -> str:
        text = cell_text(raw)
        if text.casefold() not in names:
            raise ValidationError("import.unknown_sku", sku=text)
        return text

    return parse


_KEYS = ("sku", "qty", "unit_cost", "batch", "expiry", "location")


class _OpeningRows:
    """Opening rows as receipt lines, a chunk at a time: a parser per column, each distinct
    cell parsed once; a row with any problem is read again cell by cell (``read_row``, the
    reference) to record its problems exactly (see ``journal._JournalRows``)."""

    def __init__(
        self,
        headers: dict[str, str],
        date: dt.date,
        skus: set[str],
        locations: set[str],
        packs: PackColumn | None = None,
    ) -> None:
        self.col = Collector(headers)
        self.errors = self.col.errors
        self.date, self.skus, self.locations = date, skus, locations
        self.seen: dict[tuple[str, str, str], int] = {}  # (sku, batch, location) -> first row
        self.packs = packs or PackColumn.none()
        parsers: dict[str, tuple[Callable[[object], object], bool]] = {
            "sku": (_known(skus), True),
            "qty": (_positive_qty, True),
            "unit_cost": (cell_cost, True),
            "batch": (cell_text, False),
            "expiry": (self._expiry, False),
            "location": (_known(locations), False),
        }
        self.cells = {
            key: Cells(parse, required=required)
            for key, (parse, required) in parsers.items()
            if key in headers
        }

    def _expiry(self, raw: object) -> dt.date:
        expiry = cell_date(raw)
        if expiry < self.date:
            raise ValidationError("import.expiry_before_opening")
        return expiry

    def lines(self, chunk: Chunk) -> list[Numbered]:
        """The chunk's good rows as (row number, date, receipt line); the problems of the
        others are added to ``errors``."""
        flagged: set[int] = set()
        columns: list[Iterable] = []
        for key in _KEYS:
            cells = self.cells.get(key)
            if cells is None:
                columns.append(repeat(None))
                continue
            values, bad = cells.column(chunk.columns[key])
            columns.append(values)
            flagged |= bad
        out: list[Numbered] = []
        seen, date, packs = self.seen, self.date, self.packs
        typed = chunk.columns.get(packs.key) if packs.key else None
        for k, (number, sku, qty, cost, batch, expiry, location) in enumerate(
            zip(chunk.numbers, *columns, strict=False)  # repeat(None) is endless
        ):
            if k not in flagged and batch:
                key = (sku.casefold(), batch.casefold(), (location or "").casefold())
                if key in seen:
                    flagged.add(k)
                else:
                    seen[key] = number
            if k in flagged or (typed is not None and not packs.take(number, sku, qty, typed[k])):
                self.read_row(chunk.row(k), out)
                continue
            line = Line(
                type=MovementType.RECEIPT, sku=sku, qty=qty, unit_cost=cost, batch=batch,
                expiry=expiry, location=location, note="opening balance",
            )  # fmt: skip
            out.append((number, date, line))
        return out

    def read_row(self, row: SourceRow, out: list[Numbered]) -> None:
        """Read ``row`` cell by cell: its line goes to ``out``, or its problems to ``errors``."""
        col = self.col
        before = len(col.errors)
        sku = col.cell(row, "sku", cell_text, required=True)
        qty = col.cell(row, "qty", cell_qty, required=True)
        cost = col.cell(row, "unit_cost", cell_cost, required=True)
        batch = col.cell(row, "batch", cell_text) or None
        expiry = col.cell(row, "expiry", cell_date)
        location = col.cell(row, "location", cell_text) or None
        if sku and sku.casefold() not in self.skus:
            col.add(row, "sku", "import.unknown_sku", sku=sku)
        if qty is not None and qty <= 0:
            col.add(row, "qty", "import.opening_qty_not_positive", qty=qty)
        if expiry is not None and expiry < self.date:
            col.add(row, "expiry", "import.expiry_before_opening", expiry=expiry, date=self.date)
        if location and location.casefold() not in self.locations:
            col.add(row, "location", "import.unknown_location", location=location)
        if sku and batch:
            key = (sku.casefold(), batch.casefold(), (location or "").casefold())
            if key in self.seen:
                first = self.seen[key]
                col.add(row, "batch", "import.duplicate_batch", batch=batch, first_row=first)
            self.seen.setdefault(key, row.number)
        self.packs.check(col, row, sku, qty)
        if len(col.errors) > before:
            return
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
        out.append((row.number, self.date, line))
