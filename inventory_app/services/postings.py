"""Posting use cases: receive, issue, write off, adjust, transfer, reverse, close a period.

Each write runs in one transaction and returns the ``Changes`` it made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from inventory_app.domain import money
from inventory_app.domain.errors import Cancelled, InventoryError, RefusedOperation
from inventory_app.domain.model import Changes, Document, Line, MovementType
from inventory_app.domain.roles import ACTION_OF_TYPE, Actor
from inventory_app.services.access import record, require
from inventory_app.services.progress import Cancel, Progress, cyclic_gc_paused
from inventory_app.storage import chain, meta
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.ledger.poster import Poster
from inventory_app.storage.reads import ledger as ledger_reads


def require_lines(db: Database, lines: Iterable[Line]) -> Actor:
    """The actor, when their role may post every type among ``lines`` (a receipt needs
    "receive", a write-off "writeoff"...); else refused naming who may."""
    actor = db.actor
    for action in sorted({ACTION_OF_TYPE[MovementType(line.type).value] for line in lines}):
        actor = require(db, action)
    return actor


def post(
    db: Database, doc: Document, *, kind: str | None = None, source: str | None = None
) -> Changes:
    """Post a document: every line or none. ``source`` (app, cli, import) defaults to the
    actor's; an empty operator to the signed-in user's name."""
    if not doc.lines:
        raise RefusedOperation("postings.no_lines")
    actor = require_lines(db, doc.lines)
    if not doc.operator.strip() and actor.name:
        doc = dataclasses.replace(doc, operator=actor.name)
    with db.transaction() as conn:
        poster = Poster(conn, source=source or actor.source)
        doc_id = poster.post(doc, kind=kind)
        changes = poster.finish()
        record_post(conn, actor, doc_id, doc, kind=kind, source=source)
        return changes


def record_post(
    conn: Connection,
    actor: Actor,
    doc_id: int,
    doc: Document,
    *,
    kind: str | None = None,
    source: str | None = None,
) -> None:
    """The audit row of a posted document, in the posting's transaction (every way a
    document is posted: this service, lines typed in packs, a receipt against an order)."""
    record(
        conn, actor, "post", f"document {doc_id}", source=source,
        kind=kind or MovementType(doc.lines[0].type).value, lines=len(doc.lines),
        date=doc.date.isoformat(), reference=doc.reference,
    )  # fmt: skip


def _one(db: Database, type_: MovementType, date: dt.date | None, operator: str, **kw) -> Changes:
    line = Line(type=type_, **kw)
    return post(
        db,
        Document(
            date=date or dt.date.today(),
            lines=(line,),
            operator=operator,
            reference=kw.get("reference", ""),
        ),
    )


# A quantity or a cost as the caller has it: Decimal, or text/int that Decimal reads exactly.
Amount = Decimal | str | int


def receive(
    db: Database,
    *,
    sku: str,
    qty: Amount,
    unit_cost: Amount,
    date: dt.date | None = None,
    operator: str = "",
    **kw: Any,
) -> Changes:
    """Receive ``qty`` of ``sku`` at ``unit_cost`` into a new batch (``kw``: batch, expiry,
    location, reference, note...). ``date`` None: today."""
    return _one(
        db,
        MovementType.RECEIPT,
        date,
        operator,
        sku=sku,
        qty=Decimal(qty),
        unit_cost=Decimal(unit_cost),
        **kw,
    )


def issue(
    db: Database,
    *,
    sku: str,
    qty: Amount,
    date: dt.date | None = None,
    operator: str = "",
    **kw: Any,
) -> Changes:
    """Issue (sell) ``qty`` of ``sku``, drawn FIFO or FEFO as the item says."""
    return _one(db, MovementType.ISSUE, date, operator, sku=sku, qty=Decimal(qty), **kw)


def write_off(
    db: Database,
    *,
    sku: str,
    qty: Amount,
    reason: str,
    date: dt.date | None = None,
    operator: str = "",
    **kw: Any,
) -> Changes:
    """Write ``qty`` of ``sku`` off for ``reason`` (damaged, expired, lost...)."""
    return _one(
        db, MovementType.WRITEOFF, date, operator, sku=sku, qty=Decimal(qty), reason=reason, **kw
    )


def adjust(
    db: Database,
    *,
    sku: str,
    qty: Amount,
    date: dt.date | None = None,
    operator: str = "",
    **kw: Any,
) -> Changes:
    """Adjust the stock of ``sku`` by signed ``qty``; a gain is valued at ``kw["unit_cost"]``
    or, without one, at the item's last cost."""
    return _one(db, MovementType.ADJUST, date, operator, sku=sku, qty=Decimal(qty), **kw)


def transfer(
    db: Database,
    *,
    sku: str,
    qty: Amount,
    location: str,
    to_location: str,
    date: dt.date | None = None,
    operator: str = "",
    **kw: Any,
) -> Changes:
    """Move ``qty`` of ``sku`` from ``location`` to ``to_location``; batches keep their cost."""
    return _one(
        db,
        MovementType.TRANSFER,
        date,
        operator,
        sku=sku,
        qty=Decimal(qty),
        location=location,
        to_location=to_location,
        **kw,
    )


def reverse(
    db: Database,
    movement_id: int,
    *,
    reason: str,
    operator: str = "",
    date: dt.date | None = None,
) -> Changes:
    """Post a reversal of ``movement_id`` that restores exactly the batches it touched."""
    actor = require(db, "reverse")
    with db.transaction() as conn:
        poster = Poster(conn, source=actor.source)
        mid = poster.reverse(movement_id, date=date, reason=reason, operator=operator or actor.name)
        changes = poster.finish()
        record(conn, actor, "reverse", f"movement {movement_id}", reversal=mid, reason=reason)
        return changes


def reverse_document(
    db: Database,
    document_id: int,
    *,
    reason: str,
    operator: str = "",
    date: dt.date | None = None,
) -> Changes:
    """Reverse every line of ``document_id`` not reversed yet, with one reason, in one
    transaction and one reversal document: all of them or none. Role-checked and audited
    as ``reverse`` (the desktop app's Ctrl+Z comes this way)."""
    actor = require(db, "reverse")
    with db.transaction() as conn:
        poster = Poster(conn, source=actor.source)
        mids = poster.reverse_document(
            document_id, date=date, reason=reason, operator=operator or actor.name
        )
        changes = poster.finish()
        record(
            conn, actor, "reverse", f"document {document_id}", reversals=len(mids), reason=reason
        )
        return changes


def last_reversible_document(db: Database) -> int | None:
    """The document holding the newest movement that can be reversed (what Ctrl+Z undoes)."""
    return ledger_reads.last_reversible_document(db.conn)


def last_reversible(db: Database) -> int | None:
    """The newest movement that is not a reversal and not yet reversed (for Ctrl+Z)."""
    return ledger_reads.last_reversible(db.conn)


def close_period(db: Database, date: dt.date) -> Changes:
    """Lock every day up to and including ``date``: movements dated then are refused. Who
    closed it and when is in the audit trail; the new lock date is chained."""
    actor = require(db, "close_period")
    current = lock_date(db)
    if current and date < current:
        raise RefusedOperation("postings.period_cannot_reopen", closed_to=current, date=date)
    if date > dt.date.today():
        raise RefusedOperation("postings.close_in_future", date=date)
    with db.transaction() as conn:
        meta.put(conn, [("lock_date", date.isoformat())])
        chain.add_setting(conn, "lock_date", date.isoformat())
        record(conn, actor, "close_period", date.isoformat(), previous=current)
    return Changes(settings=True)


def lock_date(db: Database) -> dt.date | None:
    """The last day of the closed period (movements dated up to it are refused), or None."""
    value = meta.get(db.conn, "lock_date")
    return dt.date.fromisoformat(value) if value else None


def post_entries(
    db: Database,
    entries: Iterable[tuple[dt.date, Line]],
    *,
    source: str = "import",
    operator: str = "",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    total: int = 0,
) -> Changes:
    """Post dated lines in the order given, all in one transaction (a journal import, the
    demo). A document groups consecutive lines with the same date and reference."""
    actor = require(db, "import")
    operator = operator or actor.name
    with cyclic_gc_paused(), db.transaction() as conn:
        poster = Poster(conn, source=source, preload=True)
        doc_key: tuple | None = None
        doc_id = 0
        for n, (date, line) in enumerate(entries, 1):
            key = (date, line.reference)
            if key != doc_key:
                doc_key = key
                doc_id = poster.new_document(
                    date=date, kind=source, reference=line.reference, operator=operator
                )
            poster.apply(line, date=date, document_id=doc_id, operator=operator)
            if n % 5000 == 0:
                if cancel and cancel():
                    raise Cancelled("postings.cancelled")
                if progress:
                    progress(n, total)
        changes = poster.finish()
        record(
            conn, actor, "import", "", source="import", documents=len(changes.documents),
            movements=len(changes.movements),
        )  # fmt: skip
        return changes


@dataclass(frozen=True, slots=True)
class DrawPreview:
    batch: str
    location: str
    received: dt.date
    expiry: dt.date | None
    qty: Decimal
    value: Decimal
    expired: bool


@dataclass(frozen=True, slots=True)
class LinePreview:
    """What posting a line would do: the batches it draws, or why it cannot."""

    draws: tuple[DrawPreview, ...] = ()
    value: Decimal = Decimal("0.00")
    short: Decimal = Decimal("0.000")
    available: Decimal = Decimal("0.000")
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def preview(db: Database, doc: Document) -> list[LinePreview]:
    """Plan every line of ``doc`` as posting would, in order, without writing anything.
    Lines of the same item see what the lines before them took."""
    out: list[LinePreview] = []
    poster = Poster(db.conn, preview=True)
    loc_names = poster.location_names
    for line in doc.lines:
        try:
            mid = poster.apply(line, date=doc.date, document_id=0, operator="")
        except InventoryError as exc:
            short = getattr(exc, "needed", None)
            avail = getattr(exc, "available", None)
            out.append(
                LinePreview(
                    problem=str(exc),
                    short=(short - avail) if short is not None else Decimal("0.000"),
                    available=avail if avail is not None else Decimal("0.000"),
                )
            )
            continue
        draws = tuple(
            DrawPreview(
                batch=lot.code,
                location=loc_names.get(lot.location_id, ""),
                received=lot.received_date,
                expiry=lot.expiry,
                qty=money.qty_from_int(q),
                value=money.money_from_int(v),
                expired=lot.expiry is not None and lot.expiry < doc.date,
            )
            for lot, q, v in poster.draws_of(mid)
        )
        value = sum((d.value for d in draws), Decimal("0.00"))
        out.append(LinePreview(draws=draws, value=value))
    return out
