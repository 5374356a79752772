"""Packs of an item (箱 = 24 瓶) and postings typed in a pack.

The ledger keeps stock units; a line typed in a pack is converted exactly before it is
posted (``domain.units``: quantity × factor, the pack price split so that the receipt's value
is what the supplier charged), and the pack the user typed is remembered beside each
movement (``movement_packs``) without touching the posted rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from inventory_app.domain import money, units
from inventory_app.domain.errors import NotFound, RefusedOperation, ValidationError
from inventory_app.domain.model import Changes, Document, Line, MovementType
from inventory_app.domain.units import Pack
from inventory_app.services.access import require
from inventory_app.services.postings import record_post, require_lines
from inventory_app.storage import buying as sql
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.ledger.poster import Poster

MAX_PACK = 16


def add_pack(
    db: Database, sku: str, pack: str, *, factor: object, barcode: str | None = None
) -> Changes:
    """Give ``sku`` a pack named ``pack`` holding ``factor`` stock units, optionally with
    its own barcode (scanning it then counts one pack)."""
    name = pack.strip()
    if not name or len(name) > MAX_PACK:
        raise ValidationError("units.pack_name_invalid", pack=pack, max=MAX_PACK)
    f = units.parse_factor(factor)
    code = (barcode or "").strip() or None
    require(db, "items")
    with db.transaction() as conn:
        item_id = catalog_sql.item_id(conn, sku.strip())
        unit = catalog_sql.item_by_sku(conn, sku.strip())[5]
        if name.casefold() == str(unit).casefold():
            raise ValidationError("units.pack_is_stock_unit", pack=name, sku=sku)
        if code and sql.barcode_is_item(conn, code):
            raise ValidationError("units.barcode_taken", barcode=code)
        sql.insert_pack(conn, item_id=item_id, name=name, factor=f, barcode=code)
    return Changes(items=frozenset({item_id}), catalog=True)


def packs(db: Database, sku: str) -> list[Pack]:
    """The item's stock unit (factor 1) and then its packs, smallest first."""
    row = catalog_sql.item_by_sku(db.conn, sku.strip())
    if row is None:
        raise NotFound("catalog.unknown_sku", sku=sku)
    return [Pack(row[5], units.STOCK_UNIT_FACTOR, row[3])] + [
        Pack(n, f, b) for n, f, b in sql.packs_of(db.conn, row[0])
    ]


def all_packs(db: Database) -> list[tuple[str, Pack]]:
    """(sku, pack) of every pack in the shop (stock units left out)."""
    return [(s, Pack(n, f, b)) for s, n, f, b in sql.all_packs(db.conn)]


def pack_for_barcode(db: Database, code: str) -> tuple[str, Pack] | None:
    """(sku, pack) when ``code`` is a pack's barcode (a case scanned), else None."""
    row = sql.pack_by_barcode(db.conn, code.strip())
    return None if row is None else (row[0], Pack(row[1], row[2]))


def pack_named(db: Database, sku: str, name: str) -> Pack | None:
    """The pack ``name`` of ``sku`` (None for the stock unit or an unknown name)."""
    for pack in packs(db, sku)[1:]:
        if pack.name.casefold() == name.strip().casefold():
            return pack
    return None


def factor_of(conn: Connection, sku: str, pack: str | None) -> tuple[str, int]:
    """(pack name as stored, factor) of ``pack`` of ``sku``; the stock unit when ``pack`` is
    empty or names it."""
    row = catalog_sql.item_by_sku(conn, sku.strip())
    if row is None:
        raise NotFound("catalog.unknown_sku", sku=sku)
    name = (pack or "").strip()
    if not name or name.casefold() == str(row[5]).casefold():
        return str(row[5]), units.STOCK_UNIT_FACTOR
    for n, f, _ in sql.packs_of(conn, row[0]):
        if n.casefold() == name.casefold():
            return n, f
    raise NotFound("units.unknown_pack", sku=sku, pack=name)


@dataclasses.dataclass(frozen=True, slots=True)
class Typed:
    """How one ledger line was typed: its pack, the quantity and cost per pack."""

    pack: str
    factor: int
    pack_qty: int
    pack_cost: int | None


def to_stock_lines(conn: Connection, line: Line, pack: str | None) -> list[tuple[Line, Typed]]:
    """``line`` (its quantity, and cost per pack, in ``pack``) as ledger lines in stock
    units, each with how it was typed. A receipt priced per pack becomes one or two lines
    whose values sum to exactly what the packs cost (``domain.units``)."""
    name, factor = factor_of(conn, line.sku, pack)
    pack_qty = money.qty_units(line.qty)
    sign = -1 if pack_qty < 0 else 1
    qty = sign * units.stock_qty(abs(pack_qty), factor)
    cost = None if line.unit_cost is None else money.cost_to_int(line.unit_cost)
    typed = Typed(name, factor, pack_qty, cost)
    if factor == units.STOCK_UNIT_FACTOR:
        return [(line, typed)]
    incoming = line.type == MovementType.RECEIPT or (line.type == MovementType.ADJUST and qty > 0)
    if cost is None or not incoming:
        return [(dataclasses.replace(line, qty=money.qty_from_int(qty), unit_cost=None), typed)]
    parts = units.split_receipt(qty, units.receipt_value(pack_qty, cost))
    return [
        (
            dataclasses.replace(
                line, qty=money.qty_from_int(p.qty), unit_cost=money.cost_from_int(p.unit_cost)
            ),
            typed,
        )
        for p in parts
    ]


def apply_typed(
    conn: Connection,
    poster: Poster,
    line: Line,
    pack: str | None,
    *,
    date: object,
    document_id: int,
    operator: str,
) -> tuple[list[int], list[tuple[int, str, int, int, int | None]]]:
    """Apply ``line`` typed in ``pack`` (None: stock units) through ``poster``: the movement
    ids (a split receipt has two, in one batch) and the ``movement_packs`` rows to remember
    (none for stock units; the pack quantity on the first part only)."""
    parts = to_stock_lines(conn, line, pack)
    code = line.batch
    ids: list[int] = []
    remembered: list[tuple[int, str, int, int, int | None]] = []
    for part, typed in parts:
        if code and part.batch != code:
            part = dataclasses.replace(part, batch=code)
        mid = poster.apply(part, date=date, document_id=document_id, operator=operator)
        ids.append(mid)
        if len(parts) > 1 and not code:
            code = poster.last_batch_code  # the name the first part's batch got
        if pack is not None and typed.factor != units.STOCK_UNIT_FACTOR:
            share = 0 if remembered else typed.pack_qty
            remembered.append((mid, typed.pack, typed.factor, share, typed.pack_cost))
    return ids, remembered


def post_typed(
    conn: Connection, poster: Poster, doc: Document, packs_typed: Sequence[str | None], kind: str
) -> tuple[int, list[list[int]], Changes]:
    """Post ``doc`` through ``poster`` (inside the caller's transaction), line ``n`` typed in
    ``packs_typed[n]`` (None: stock units); returns the document id, the movement ids of each
    line (a split receipt has two) and the changes. Split receipt lines share one batch."""
    poster.check_date(doc.date)
    doc_id = poster.new_document(
        date=doc.date,
        kind=kind,
        reference=doc.reference,
        supplier=doc.supplier,
        note=doc.note,
        operator=doc.operator,
    )
    remembered: list[tuple[int, str, int, int, int | None]] = []
    movements: list[list[int]] = []
    for line, pack in zip(doc.lines, packs_typed, strict=True):
        ids, typed = apply_typed(
            conn, poster, line, pack, date=doc.date, document_id=doc_id, operator=doc.operator
        )
        movements.append(ids)
        remembered += typed
    changes = poster.finish()
    sql.record_movement_packs(conn, remembered)
    return doc_id, movements, changes


def remember_packs(conn: Connection, rows: Sequence[tuple[int, str, int, int, int | None]]) -> None:
    """Store what ``apply_typed`` says to remember (after the poster has written its rows)."""
    sql.record_movement_packs(conn, list(rows))


def post(
    db: Database,
    doc: Document,
    *,
    packs_typed: Sequence[str | None] | None = None,
    kind: str | None = None,
    source: str | None = None,
) -> Changes:
    """Post a document whose lines may be typed in packs (all lines or none); role-checked
    and audited as ``postings.post``. ``source`` defaults to the actor's."""
    if not doc.lines:
        raise RefusedOperation("postings.no_lines")
    actor = require_lines(db, doc.lines)
    if not doc.operator.strip() and actor.name:
        doc = dataclasses.replace(doc, operator=actor.name)
    typed = list(packs_typed) if packs_typed is not None else [None] * len(doc.lines)
    with db.transaction() as conn:
        poster = Poster(conn, source=source or actor.source)
        doc_id, _, changes = post_typed(conn, poster, doc, typed, kind or doc.lines[0].type.value)
        record_post(conn, actor, doc_id, doc, kind=kind, source=source)
    return changes


def typed_of(db: Database, movement_id: int) -> tuple[str, Decimal, Decimal, Decimal | None] | None:
    """(pack, factor, pack qty, cost per pack) a movement was typed in, or None."""
    row = sql.movement_pack(db.conn, movement_id)
    if row is None:
        return None
    pack, factor, qty, cost = row
    return (
        pack,
        money.qty_from_int(factor),
        money.qty_from_int(qty),
        None if cost is None else money.cost_from_int(cost),
    )


def stock_qty_of(db: Database, code: str, qty: object, pack: str | None) -> Decimal:
    """``qty`` of ``pack`` of the item with SKU or barcode ``code`` in stock units (exact);
    ``qty`` as it is when no pack is named."""
    q = money.parse_qty(qty)
    if not (pack or "").strip():
        return q
    rows = catalog_sql.items_by_code(db.conn, code.strip())
    if not rows:
        raise NotFound("catalog.unknown_sku", sku=code)
    _, factor = factor_of(db.conn, rows[0][1], pack)
    n = money.qty_units(q)
    sign = -1 if n < 0 else 1
    return money.qty_from_int(sign * units.stock_qty(abs(n), factor))


@dataclasses.dataclass(frozen=True, slots=True)
class ScannedLine:
    """A GS1 scan read for a receipt or a count: the item, and the pack when the GTIN is a
    pack's barcode (then ``qty`` is in packs); batch, expiry and quantity as scanned."""

    sku: str
    pack: str | None
    batch: str | None
    expiry: object  # dt.date | None
    qty: Decimal | None


def read_scan(db: Database, text: str) -> ScannedLine:
    """The item a GS1-128 / DataMatrix scan names (its GTIN as an item's or a pack's barcode,
    with or without the leading zero of a GTIN-14) and what else the scan carries."""
    from inventory_app.domain import gs1

    scan = gs1.parse(text)
    for code in scan.codes:
        rows = catalog_sql.items_by_code(db.conn, code)
        if rows:
            return ScannedLine(rows[0][1], None, scan.batch, scan.expiry, scan.qty)
        case = sql.pack_by_barcode(db.conn, code)
        if case is not None:
            return ScannedLine(case[0], case[1], scan.batch, scan.expiry, scan.qty)
    raise NotFound("gs1.unknown_gtin", gtin=scan.gtin or text.strip())
