"""Posting movements: the only code that writes documents, movements, allocations and batches.

A ``Poster`` keeps an in-memory view of the batches of the items it touches, applies each
line with the pure rules of ``domain.picking`` and ``domain.money``, and writes rows with
``executemany``. The same engine posts a single receipt from the UI and a million journal
lines from an import, so both obey exactly the same rules. The caller owns the transaction:
nothing is visible to others until it commits, and an error rolls everything back.

A line either applies completely or raises before changing anything, so an importer can
keep going after a bad row to report every problem, then roll back.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

from inventory_app.domain import limits, money
from inventory_app.domain.errors import RefusedOperation
from inventory_app.domain.errors import ValidationError as Invalid
from inventory_app.domain.model import (
    BUCKET_OF_TYPE,
    DEFAULT_LOCATION,
    BatchLot,
    Bucket,
    Changes,
    Document,
    Line,
    MovementType,
    Removal,
)
from inventory_app.domain.picking import PickPlan, draw_in_order, pick
from inventory_app.storage.ledger import reversal, rules
from inventory_app.storage.ledger.book import BookItem, StockBook, parse_date
from inventory_app.storage.ledger.messages import shortage, why_reason_needed
from inventory_app.storage.ledger.writer import LedgerWriter, Settled

T = MovementType
_UNITS_REMEMBERED = 10_000  # distinct quantities (and unit costs) a poster remembers
# The members as module names: reading ``T.ISSUE`` off the enum class costs ~50 ns a time,
# and ``apply`` asks about the type a dozen times for each of a million lines.
_RECEIPT, _ISSUE, _WRITEOFF, _TRANSFER = T.RECEIPT, T.ISSUE, T.WRITEOFF, T.TRANSFER
_ADJUST, _STOCKTAKE, _REVERSAL = T.ADJUST, T.STOCKTAKE, T.REVERSAL


class Poster:
    """Applies documents and reversals inside the caller's transaction.

    ``preload`` loads every item up front (imports); otherwise items are looked up as met.
    ``today`` bounds dates (no future postings). ``background``: rows are written on a thread
    while lines go on being posted (``LedgerWriter``); the caller must end with ``finish``
    or, leaving with an error, ``abandon`` before the transaction ends.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        source: str = "app",
        today: dt.date | None = None,
        preload: bool = False,
        preview: bool = False,
        background: bool = False,
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
        names = conn.execute("SELECT id, name FROM locations").fetchall()
        self.locations = {name.casefold(): lid for lid, name in names}
        self.location_names = dict(names)
        self.book = StockBook(conn, self.out, preload=preload)
        self._date_ok: dt.date | None = None  # the last date that passed check_date
        self._day: tuple[dt.date | None, str] = (None, "")  # the last date and its ISO text
        # money.qty_units of the quantities met (~3 us each; a journal repeats a few hundred).
        # Equal nonzero Decimals give equal units; a zero or a non-Decimal goes the long way.
        self._units: dict[Decimal, int] = {}
        self._costs: dict[Decimal, int] = {}  # the same for unit costs (money.parse_cost)
        self._code_day: tuple[dt.date | None, str] = (None, "")  # a date, its batch code prefix

    # -- look-ups -------------------------------------------------------------------------

    def item(self, sku: str) -> BookItem:
        """The item with this SKU (raises for an unknown one)."""
        return self.book.item(sku)

    def location(self, name: str | None) -> int:
        key = (name or DEFAULT_LOCATION).strip().casefold()
        try:
            return self.locations[key]
        except KeyError:
            raise Invalid("ledger.unknown_location", name=name) from None

    # -- dates --------------------------------------------------------------------------

    def day_text(self, date: dt.date) -> str:
        """``date.isoformat()``, remembered for the run of lines on the same day."""
        last, text = self._day
        if date != last:
            text = date.isoformat()
            self._day = (date, text)
        return text

    def check_date(self, date: dt.date) -> None:
        if date == self._date_ok:
            return
        if self.lock_date is not None and date <= self.lock_date:
            raise RefusedOperation("ledger.period_closed", date=date, lock_date=self.lock_date)
        if date > self.today:
            raise Invalid("ledger.future_date", date=date)
        limits.check_date(date)
        self._date_ok = date

    # -- posting --------------------------------------------------------------------------

    def post(self, doc: Document, *, kind: str | None = None) -> int:
        """Post every line of ``doc`` (all or nothing: the caller rolls back on error)."""
        self.check_date(doc.date)
        doc_id = self.new_document(
            date=doc.date,
            kind=kind or (doc.lines[0].type.value if doc.lines else "empty"),
            reference=doc.reference,
            supplier=doc.supplier,
            note=doc.note,
            operator=doc.operator,
        )
        for line in doc.lines:
            self.apply(line, date=doc.date, document_id=doc_id, operator=doc.operator)
        return doc_id

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

    def apply(self, line: Line, *, date: dt.date, document_id: int, operator: str = "") -> int:
        """Apply one line; returns the movement id. Raises before changing anything."""
        if date != self._date_ok:
            self.check_date(date)
        item = self.book.item(line.sku)
        q = line.qty
        qty = self._units.get(q) if q.__class__ is Decimal and q.is_finite() else None
        if qty is None:
            qty = money.qty_units(q)
            if qty and q.__class__ is Decimal and len(self._units) < _UNITS_REMEMBERED:
                self._units[q] = qty
        t = line.type
        if t.__class__ is not T:
            t = rules.movement_type(t)
        signed = t is _ADJUST or t is _STOCKTAKE  # a member from here on: ``is`` compares
        if t is _REVERSAL:
            raise Invalid("ledger.reversal_as_line")
        if qty <= 0:
            rules.refuse_qty(qty, t, signed=signed)
        loc = self.location(line.location) if (line.location or t is not _ISSUE) else None
        reason = (line.reason.strip() or None) if line.reason else None
        if t is _WRITEOFF:
            reason = rules.writeoff_reason(reason, line.reason)
        if t is _RECEIPT or (signed and qty > 0):
            return self._receive(item, line, t, qty, loc, reason, date, document_id, operator)
        return self._take(item, line, t, qty, loc, reason, date, document_id, operator)

    def _take(self, item, line, t, qty, loc, reason, date, document_id, operator) -> int:
        """An outgoing line (issue, write-off, transfer, a loss): draws batches by policy;
        a transfer places what it draws as new batches at the destination."""
        to_loc = None
        if t is _TRANSFER:
            if not line.to_location:
                raise Invalid("ledger.transfer_without_destination")
            to_loc = self.location(line.to_location)
            if to_loc == loc:
                raise Invalid("ledger.transfer_same_location")
        batch = line.batch
        plain = None
        if not batch or not batch.strip():  # the policy picks: most lines of a journal
            plain = draw_in_order(self.book.lots(item), abs(qty), on=date, location=loc)
        if plain is None:
            plan = self.plan(item, abs(qty), date=date, location=loc, batch=batch)
            if not plan.ok:
                raise shortage(item.sku, plan, batch, self._location_name(loc))
            if plan.needs_reason and not (line.override_reason or "").strip():
                raise why_reason_needed(plan, date, batch or "")
            plain = [(d.batch, d.qty, d.value) for d in plan.draws], plan.value
        draws, value = plain
        mid = self.out.take_id("movements")
        first_loc = loc if loc is not None else draws[0][0].location_id
        for src, drawn, drawn_value in draws:
            self._draw(mid, src, drawn, drawn_value, date)
            if to_loc is not None:
                self._new_lot(
                    item, movement_id=mid, location_id=to_loc, code=src.code,
                    received=src.received_date, posted=date, expiry=src.expiry,
                    unit_cost=src.unit_cost, qty=drawn, value=drawn_value,
                    source_batch_id=src.id,
                )  # fmt: skip
        signed_qty, signed_value = (qty, value) if t is _TRANSFER else (-abs(qty), -value)
        self._movement(
            mid, document_id, date, t, BUCKET_OF_TYPE[t], item, first_loc, to_loc, signed_qty,
            signed_value, None, reason, line, operator,
        )  # fmt: skip
        return mid

    def plan(
        self,
        item: BookItem,
        qty: int,
        *,
        date: dt.date,
        location: int | None,
        batch: str | None,
    ) -> PickPlan:
        return pick(
            self.book.lots(item),
            qty,
            removal=item.removal,
            on=date,
            named=(batch or "").strip() or None,
            available=lambda lot: self.book.available(lot, date),
            ordered=True,
            location=location,
        )

    def _receive(self, item, line, t, qty, loc, reason, date, document_id, operator) -> int:
        """Stock coming in (a receipt, a gain): a new batch at ``loc``."""
        given = line.unit_cost
        cost = self._costs.get(given) if given.__class__ is Decimal and given else None
        if cost is None:
            cost = rules.unit_cost(line, t, item)
            if given.__class__ is Decimal and given and len(self._costs) < _UNITS_REMEMBERED:
                self._costs[given] = cost
        expiry = rules.expiry(line, t, item, date)
        value = limits.check_line_amounts(qty, cost)  # before any of it is queued
        mid = self.out.take_id("movements")
        code = (line.batch or "").strip()
        self._new_lot(
            item, movement_id=mid, location_id=loc, code=code or None, received=date,
            posted=date, expiry=expiry, unit_cost=cost, qty=qty, value=value,
        )  # fmt: skip
        if t is _RECEIPT:
            item.last_cost = cost
            self.out.last_cost[item.id] = cost
        bucket = BUCKET_OF_TYPE[t]
        self._movement(
            mid, document_id, date, t, bucket, item, loc, None, qty, value, cost, reason, line,
            operator,
        )  # fmt: skip
        return mid

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

    def _location_name(self, loc: int | None) -> str:
        return "" if loc is None else self.location_names.get(loc, "")

    # -- reversal -------------------------------------------------------------------------

    def reverse(
        self, movement_id: int, *, date: dt.date | None, reason: str, operator: str = ""
    ) -> int:
        """Post a reversal that restores exactly what movement ``movement_id`` touched."""
        return reversal.reverse(self, movement_id, date=date, reason=reason, operator=operator)

    def reverse_document(
        self, document_id: int, *, date: dt.date | None, reason: str, operator: str = ""
    ) -> list[int]:
        """Reverse every line of a document not reversed yet, as one reversal document."""
        return reversal.reverse_document(
            self, document_id, date=date, reason=reason, operator=operator
        )

    # What ``reversal`` posts with: the same bookkeeping as ``apply``, asked for by id.

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

    def draws_of(self, movement_id: int) -> list[tuple[BatchLot, int, int]]:
        """(batch, qty, value) drawn by a movement posted through this poster and not yet
        written (previews)."""
        return [
            (self.book.lot_by_id(bid), q, v)
            for _, mid, bid, _, q, v in self.out.rows["allocations"]
            if mid == movement_id
        ]


__all__ = ["Poster", "Removal"]
