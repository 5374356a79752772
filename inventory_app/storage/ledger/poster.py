"""Posting movements: what each line of a document does to the batches of its item.

A ``Poster`` checks each line (``rules``), picks the batches an outgoing line draws with the
pure rules of ``domain.picking`` and ``domain.money``, and books the result through its
``Bookkeeper`` (``bookkeeping``: the rows and the in-memory batches, written with
``executemany``). The same engine posts a single receipt from the UI and a million journal
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
from inventory_app.domain.errors import ValidationError as Invalid
from inventory_app.domain.model import (
    BUCKET_OF_TYPE,
    DEFAULT_LOCATION,
    Document,
    Line,
    MovementType,
    Removal,
)
from inventory_app.domain.picking import PickPlan, draw_in_order, pick
from inventory_app.storage.ledger import reversal, rules
from inventory_app.storage.ledger.book import BookItem
from inventory_app.storage.ledger.bookkeeping import Bookkeeper
from inventory_app.storage.ledger.messages import shortage, why_reason_needed

T = MovementType
_UNITS_REMEMBERED = 10_000  # distinct quantities (and unit costs) a poster remembers
# The members as module names: reading ``T.ISSUE`` off the enum class costs ~50 ns a time,
# and ``apply`` asks about the type a dozen times for each of a million lines.
_RECEIPT, _ISSUE, _WRITEOFF, _TRANSFER = T.RECEIPT, T.ISSUE, T.WRITEOFF, T.TRANSFER
_ADJUST, _STOCKTAKE, _REVERSAL = T.ADJUST, T.STOCKTAKE, T.REVERSAL


class Poster(Bookkeeper):
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
        super().__init__(
            conn,
            source=source,
            today=today,
            preload=preload,
            preview=preview,
            background=background,
        )
        names = self.conn.execute("SELECT id, name FROM locations").fetchall()
        self.locations = {name.casefold(): lid for lid, name in names}
        self.location_names = dict(names)
        # money.qty_units of the quantities met (~3 us each; a journal repeats a few hundred).
        # Equal nonzero Decimals give equal units; a zero or a non-Decimal goes the long way.
        self._units: dict[Decimal, int] = {}
        self._costs: dict[Decimal, int] = {}  # the same for unit costs (money.parse_cost)

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


__all__ = ["Poster", "Removal"]
