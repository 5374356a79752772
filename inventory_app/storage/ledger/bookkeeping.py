"""A poster's bookkeeping: every document, batch, allocation and movement it makes is booked
here, in memory (``StockBook``) and queued for SQL (``LedgerWriter``) in one step, so that
what later lines read and what is written agree.

``Poster`` decides what a line does (its checks and the batches it draws) and books it with
``_new_lot``, ``_draw`` and ``_movement``; ``reversal`` books a movement's exact opposite by
id (``lot``, ``restore_allocation``, ``withdraw``, ``record_reversal``). Both are refused a
date in a closed period or in the future here (``check_date``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from inventory_app.domain import limits
from inventory_app.domain.errors import RefusedOperation
from inventory_app.domain.errors import ValidationError as Invalid
from inventory_app.domain.model import BatchLot, Bucket, Changes, Line, MovementType
from inventory_app.storage.ledger.book import BookItem, StockBook, parse_date
from inventory_app.storage.ledger.writer import LedgerWriter, Settled

_REVERSAL = MovementType.REVERSAL


class Bookkeeper:
    """The rows and the in-memory batches of one ``Poster`` (which says what the arguments
    mean), booked inside the caller's transaction."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        source: str,
        today: dt.date | None,
        preload: bool,
        preview: bool,
        background: bool,
    ) -> None:
        self.out = LedgerWriter(conn, preview=preview, background=background)
        if self.out.background:
            conn = Settled(conn, self.out.settle)  # every read waits for the write in flight
        self.conn = conn
        self.source = source
        self.today = today or dt.date.today()
        self.preview = preview
        self.last_batch_code = ""  # the code of the newest batch (a split receipt shares it)
        self.created_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        row = conn.execute("SELECT value FROM meta WHERE key = 'lock_date'").fetchone()
        self.lock_date = parse_date(row[0]) if row else None
        self.book = StockBook(conn, self.out, preload=preload)
        self._date_ok: dt.date | None = None  # the last date that passed check_date
        self._day: tuple[dt.date | None, str] = (None, "")  # the last date and its ISO text
        self._code_day: tuple[dt.date | None, str] = (None, "")  # a date, its batch code prefix

    # -- dates ----------------------------------------------------------------------------

    def day_text(self, date: dt.date) -> str:
        """``date.isoformat()``, remembered for the run of lines on the same day."""
        last, text = self._day
        if date != last:
            text = date.isoformat()
            self._day = (date, text)
        return text

    def check_date(self, date: dt.date) -> None:
        """Refuses a date in the closed period (up to the lock date), after today, or out of
        the dates a shop file can keep."""
        if date == self._date_ok:
            return
        if self.lock_date is not None and date <= self.lock_date:
            raise RefusedOperation("ledger.period_closed", date=date, lock_date=self.lock_date)
        if date > self.today:
            raise Invalid("ledger.future_date", date=date)
        limits.check_date(date)
        self._date_ok = date

    # -- booking --------------------------------------------------------------------------

    def new_document(
        self,
        *,
        date: dt.date,
        kind: str,
        reference: str = "",
        supplier: str = "",
        note: str = "",
        operator: str = "",
    ) -> int:
        doc_id = self.out.take_id("documents")
        self.out.rows["documents"].append(
            (
                doc_id,
                self.day_text(date),
                kind,
                reference,
                supplier,
                note,
                operator,
                self.source,
                self.created_at,
            )
        )
        self.out.document_ids.append(doc_id)
        return doc_id

    def _new_lot(
        self,
        item: BookItem,
        *,
        movement_id: int,
        location_id: int,
        code: str | None,
        received: dt.date,
        posted: dt.date,
        expiry: dt.date | None,
        unit_cost: int,
        qty: int,
        value: int,
        source_batch_id: int | None = None,
    ) -> BatchLot:
        """A new batch of ``item`` made by movement ``movement_id`` (amounts in minor units);
        one without a code is named after its posting day and id."""
        bid = self.out.take_id("batches")
        if not code:
            day, prefix = self._code_day
            if day != posted:
                prefix = f"B{posted:%y%m%d}-"
                self._code_day = (posted, prefix)
            code = f"{prefix}{bid}"
        lot = BatchLot(
            id=bid, item_id=item.id, location_id=location_id, code=code, received_date=received,
            posted_date=posted, expiry=expiry, unit_cost=unit_cost, qty=qty, value=value,
        )  # fmt: skip
        self.out.add_batch(lot, movement_id, source_batch_id)
        self.book.add_lot(item, lot, new=True)
        self.last_batch_code = lot.code
        return lot

    def _draw(self, movement_id: int, lot: BatchLot, qty: int, value: int, date: dt.date) -> None:
        """Record an allocation: ``qty`` > 0 takes from the batch, < 0 puts back."""
        out = self.out
        lot.qty -= qty
        lot.value -= value
        if lot.qty <= 0:
            if lot.qty < 0 or lot.value != 0:  # the picker makes this impossible; guard anyway
                raise AssertionError(f"batch {lot.id} would go negative or keep stray cents")
            self.book.item_by_id(lot.item_id).emptied += 1
        elif lot.value < 0:
            raise AssertionError(f"batch {lot.id} would go negative")
        if lot.last_draw_date is None or date > lot.last_draw_date:
            lot.last_draw_date = date
        out.touched[lot.id] = lot  # out.touch(lot), inlined: once per draw
        out.touched_items.add(lot.item_id)
        out.rows["allocations"].append(
            (out.take_id("allocations"), movement_id, lot.id, self.day_text(date), qty, value)
        )

    def _movement(
        self, mid, document_id, date, t, bucket, item, loc, to_loc, qty, value, cost, reason,
        line: Line | None, operator, *, reverses_id=None, note=None,
    ) -> None:  # fmt: skip
        """Queue a movement row (the ``movements`` columns in order); ``qty`` and ``value``
        are its signed effect in minor units. Type and bucket go as plain text: sqlite3 binds
        a str subclass (our StrEnums) through its adapter lookup, ~1 us a value, 0.24 s of
        CPU per 100k movements; ``str()`` of a StrEnum member is C-level."""
        self.out.add_movement(
            (
                mid, document_id, self.day_text(date), str(t), str(bucket), item.id, loc,
                to_loc, qty,
                value, cost, reason or None,  # never '' (see writer._ROW)
                (line.override_reason or None) if line else None,
                note if note is not None else (line.note if line else ""),
                line.reference if line else "",
                operator,
                reverses_id,
                line.stocktake_id if line else None,
            )
        )  # fmt: skip

    # -- by id ----------------------------------------------------------------------------

    # What ``reversal`` posts with: the same bookkeeping as a line's, asked for by id.

    def lot(self, batch_id: int) -> BatchLot:
        """The batch as this poster knows it (in memory, possibly ahead of SQL)."""
        return self.book.lot_by_id(batch_id)

    def new_movement_id(self) -> int:
        return self.out.take_id("movements")

    def restore_allocation(
        self, movement_id: int, batch_id: int, qty: int, value: int, *, date: dt.date
    ) -> None:
        """Put back into batch ``batch_id`` the ``qty`` (thousandths) and ``value`` (cents) an
        allocation took, recorded as movement ``movement_id``'s negative allocation; the batch
        is open for picking again."""
        lot = self.book.lot_by_id(batch_id)
        self._draw(movement_id, lot, -qty, -value, date)
        if lot.qty > 0:
            self.book.add_lot(self.book.item_by_id(lot.item_id), lot)

    def withdraw(
        self, movement_id: int, batch_id: int, qty: int, value: int, *, date: dt.date
    ) -> None:
        """Take ``qty`` (thousandths) and ``value`` (cents) out of batch ``batch_id`` as
        movement ``movement_id`` (a reversed receipt empties the batch it made)."""
        self._draw(movement_id, self.book.lot_by_id(batch_id), qty, value, date)

    def record_reversal(
        self,
        movement_id: int,
        *,
        document_id: int,
        date: dt.date,
        reverses_id: int,
        bucket: Bucket,
        item_id: int,
        location_id: int,
        to_location_id: int | None,
        qty: int,
        value: int,
        note: str,
        operator: str = "",
    ) -> None:
        """Queue the reversal movement itself: ``qty`` and ``value`` are its signed effect
        (the original's negated), booked in the original's ``bucket``."""
        item = self.book.item_by_id(item_id)
        self._movement(
            movement_id, document_id, date, _REVERSAL, bucket, item, location_id,
            to_location_id, qty, value, None, None, None, operator, reverses_id=reverses_id,
            note=note,
        )  # fmt: skip

    # -- what is pending, and writing it --------------------------------------------------

    def draws_of(self, movement_id: int) -> list[tuple[BatchLot, int, int]]:
        """(batch, qty, value) drawn by a movement posted through this poster and not yet
        written (previews)."""
        return [
            (self.book.lot_by_id(bid), q, v)
            for _, mid, bid, _, q, v in self.out.rows["allocations"]
            if mid == movement_id
        ]

    def write_rows(self) -> None:
        """Insert what is pending (inside the caller's transaction)."""
        self.out.write_rows()

    def finish(self) -> Changes:
        """Write everything and the maintained balances; returns what changed."""
        return self.out.finish()

    def settle(self) -> None:
        """Wait for a write in flight (``background``); what it raised is raised here."""
        self.out.settle()

    def abandon(self) -> None:
        """Leaving with an error: wait for a write in flight (see ``LedgerWriter.abandon``)."""
        self.out.abandon()
