"""Importing the movement journal from .csv / .xlsx files.

The whole file is read and posted in one transaction; any problem refuses the file with one
message per bad row (row, column, value, what is wrong) and keeps nothing. ``dry_run=True``
goes all the way (the ledger's own checks included) and keeps nothing: the import wizard's
Check step. A file in date order is posted as it is read, a chunk of rows at a time, so that
a million-line journal is never in memory all at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from inventory_app.domain.errors import Cancelled, ImportErrors, ValidationError
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
    Column("pack"),  # the unit the row's quantity and cost are in (imports.packs)
    Column("unit"),
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
    "库存调整": MovementType.ADJUST,
    "调整": MovementType.ADJUST,
    "transfer": MovementType.TRANSFER,
    "调拨": MovementType.TRANSFER,
}
# the types a journal row may have, as a message lists them: each type's English word and its
# first Chinese one ("receipt/入库, issue/出库, ..."), so a clerk sees the word to type either way
_TYPE_NAMES = ", ".join(
    f"{t.value}/{next(w for w, u in TYPE_WORDS.items() if u is t and not w.isascii())}"
    for t in dict.fromkeys(TYPE_WORDS.values())
)

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


def _known(names: set[str], code: str) -> Callable[[object], str]:
    """A parser of a name the shop must know (only its success matters: see _JournalRows)."""

    def parse(raw: object) -> str:
        text = cell_text(raw)
        if text.casefold() not in names:
            raise ValidationError(code)
        return text

    return parse


def _nonzero_qty(raw: object) -> Decimal:
    qty = cell_qty(raw)
    if qty == 0:
        raise ValidationError("import.qty_zero")
    return qty


_KEYS = ("date", "type", "sku", "qty", "unit_cost", "expiry", "batch", "location",
         "to_location", "reference", "note", "reason")  # fmt: skip
_REMEMBERED_LINES = 50_000
_RECEIPT, _WRITEOFF = MovementType.RECEIPT, MovementType.WRITEOFF
_ADJUST, _TRANSFER = MovementType.ADJUST, MovementType.TRANSFER


class _JournalRows:
    """The rows of a journal as lines, a chunk at a time, checking everything that does not
    need the ledger.

    Each column has its parser, chosen once from the header, and each distinct cell of a
    column is parsed once (a journal repeats a few hundred dates, SKUs and quantities). The
    parsers also refuse what a column alone can tell (an unknown SKU, a closed date, a zero
    quantity); a row with any problem at all is read again cell by cell (``_read_row`` and
    ``_check_row``, the reference) to record its problems exactly: what, where, in order."""

    def __init__(
        self, headers: dict[str, str], bounds: _Bounds, packs: PackColumn | None = None
    ) -> None:
        self.col = Collector(headers)
        self.packs = packs or PackColumn.none()
        self.errors = self.col.errors
        self.bounds = bounds
        parsers: dict[str, tuple[Callable[[object], object], bool]] = {
            "date": (self._open_date, True),
            "type": (_type, True),
            "sku": (_known(bounds.skus, "import.unknown_sku"), True),
            "qty": (_nonzero_qty, True),
            "unit_cost": (cell_cost, False),
            "expiry": (cell_date, False),
            "location": (_known(bounds.locations, "import.unknown_location"), False),
            "to_location": (_known(bounds.locations, "import.unknown_location"), False),
        }
        self.made: dict[tuple, Line] = {}  # a row's cells but its date -> its line
        self.cells: dict[str, Cells] = {}
        for key in _KEYS:
            if key in headers:  # a column the file lacks is all None: nothing to parse
                parse, required = parsers.get(key, (cell_text, False))
                self.cells[key] = Cells(parse, required=required)

    def _open_date(self, raw: object) -> dt.date:
        date = cell_date(raw)
        lock, today = self.bounds.lock_date, self.bounds.today
        if (lock is not None and date <= lock) or date > today:
            raise ValidationError("import.date_closed")
        return date

    def lines(self, chunk: Chunk) -> list[Numbered]:
        """The chunk's good rows as (row number, date, line); the problems of the others are
        added to ``errors``."""
        flagged: set[int] = set()
        columns: list[Iterable] = []
        for key in _KEYS:
            cells = self.cells.get(key)
            if cells is None:
                columns.append(repeat(None))  # not in the file
                continue
            values, bad = cells.column(chunk.columns[key])
            columns.append(values)
            flagged |= bad
        if len(self.made) > _REMEMBERED_LINES:
            self.made.clear()
        made = self.made
        # a line is made of its row's cells but the date: rows alike share one (it is frozen)
        alike = zip(*(chunk.columns.get(key, repeat(None)) for key in _KEYS[1:]), strict=False)
        packs = self.packs
        typed = chunk.columns.get(packs.key) if packs.key else None
        out: list[Numbered] = []
        for k, (number, date, t, sku, qty, cost, expiry, batch, loc, to_loc, ref, note, reason) in (
            enumerate(zip(chunk.numbers, *columns, strict=False))  # repeat(None): endless
        ):  # fmt: skip
            cells = next(alike)
            if (
                k in flagged
                or (qty < 0 and t is not _ADJUST)
                or (t is _RECEIPT and (cost is None or (expiry is not None and expiry < date)))
                or (t is _TRANSFER and to_loc is None)
                or (typed is not None and not packs.take(number, sku, qty, typed[k]))
            ):
                self.read_row(chunk.row(k), out)
                continue
            line = made.get(cells)
            if line is None:
                note = note or ""
                if t is _WRITEOFF and not reason:
                    reason = _reason_in(note)
                line = made[cells] = Line(
                    type=t, sku=sku, qty=qty, unit_cost=cost, batch=batch, expiry=expiry,
                    location=loc, to_location=to_loc, reason=reason,
                    override_reason=note if batch else None, note=note, reference=ref or "",
                )  # fmt: skip
            out.append((number, date, line))
        return out

    def read_row(self, row: SourceRow, out: list[Numbered]) -> None:
        """Read ``row`` cell by cell: its line goes to ``out``, or its problems to ``errors``."""
        before = len(self.errors)
        date, line = _read_row(self.col, row)
        _check_row(self.col, row, date, line, self.bounds, before)
        self.packs.check(self.col, row, line.sku, line.qty)
        if len(self.errors) == before:
            out.append((row.number, date, line))  # type: ignore[arg-type]


def _reason_in(note: str) -> str:
    """A write-off's reason when the row gives none: the note's first word if it is one."""
    words = note.split()
    first = words[0].casefold() if words else ""
    return first if first in _REASON_WORDS else "other"


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
        reason = _reason_in(note)
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


_HOLD = 50_000  # lines read before posting starts: a file out of date order is sorted then


class _OutOfOrder(Exception):
    """A row dated before a line already posted: start again, sorting every line first."""


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
    skus, locations = known_names(db)
    bounds = _Bounds(skus, locations, stock.lock_date(db), dt.date.today())
    options = dict(operator=operator, progress=progress, cancel=cancel, dry_run=dry_run)
    with open_table(path, JOURNAL_COLUMNS, sheet=sheet, progress=progress, cancel=cancel) as table:
        in_order = True
        while True:
            try:
                return _post_journal(db, table, bounds, in_order=in_order, **options)
            except Reread:
                continue  # the file in another encoding: from the start
            except _OutOfOrder:
                in_order = False
            except Refused as refused:
                errors = refused.errors + refusal_errors(table, refused.refused)
                errors.sort(key=lambda e: e.row)  # stable: a row's own order kept
                raise ImportErrors(errors, source=table.source) from None


def _post_journal(
    db: Database,
    table: TableReader,
    bounds: _Bounds,
    *,
    in_order: bool,
    operator: str,
    progress: Progress | None,
    cancel: Cancel | None,
    dry_run: bool,
) -> ImportResult:
    """Read the journal and post its lines in one transaction, all or nothing.

    ``in_order``: while the rows come in date order (as a journal usually does), lines are
    posted as they are read, so that a million-line file is never all in memory; a row
    dated earlier than a line already posted raises ``_OutOfOrder``. Otherwise every line is
    read, then sorted by date (stable: file order within a date) and posted. Rows go on
    being posted after a problem so that every problem is found (``Refused`` brings them);
    ``dry_run`` keeps nothing on purpose."""
    rows = _JournalRows(table.headers, bounds, PackColumn(db, table.headers))
    held: list[Numbered] = []  # read, not yet posted
    last = dt.date.min
    changes = Changes()
    actor = require(db, "import")
    operator = operator or actor.name
    with (
        contextlib.suppress(DryRun),
        db.transaction() as conn,
        Posting(conn, operator=operator, packs=rows.packs.packs) as posting,
    ):
        for chunk in table.chunks(progress=progress):
            if cancel and cancel():
                raise Cancelled("import.cancelled")
            lines = rows.lines(chunk)
            if in_order:
                for _, date, _ in lines:
                    if date < last:
                        if posting.posted:
                            raise _OutOfOrder
                        in_order = False
                        break
                    last = date
            held += lines
            if in_order and len(held) >= _HOLD:
                posting.post(held, cancel=cancel)
                held = []
        if not in_order:
            held.sort(key=itemgetter(1))  # stable: file order within a date
        posting.post(held, progress=None if in_order else progress, cancel=cancel)
        if rows.errors or posting.refused:
            raise Refused(rows.errors, posting.refused)
        changes = posting.finish()
        record(conn, actor, "journal_import", table.source, source="import", posted=posting.posted)
        if dry_run:
            raise DryRun
    return ImportResult(posted=posting.posted, changes=Changes() if dry_run else changes)
