"""Pages of rows for the big tables (items, batches, the movement journal, a stock card).

Keyset paging: each page asks for rows after the last one shown,
``WHERE (sort key, id) > (?, ?) ORDER BY sort key, id LIMIT n``, so page 4,000 costs what
page 1 costs and nothing ever loads the whole table. Sorting and filtering happen here, in SQL.
A page is ``(rows, cursor)``: plain tuples in the column order each function's docstring names,
amounts in minor units; ``cursor`` is the (sort key, id) to ask for the next page after,
``None`` after the last one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from inventory_app.storage.search import like_pattern, match_sql

Cursor = tuple[object, object]
PageRows = tuple[list[tuple], Cursor | None]


def keyset_page(
    conn: sqlite3.Connection,
    *,
    select: str,
    from_: str,
    where: Sequence[str],
    params: Sequence[object],
    sort_sql: str,
    id_sql: str,
    descending: bool,
    after: Cursor | None,
    limit: int,
) -> PageRows:
    """One page of ``SELECT select FROM from_ WHERE where`` ordered by (sort, id); each row
    is the ``select`` columns followed by its sort key and id.

    ``sort_sql`` must never be NULL (wrap it in ``coalesce``): row values do not compare
    with NULL."""
    conds = list(where) or ["1"]
    args = list(params)
    op, order = ("<", "DESC") if descending else (">", "ASC")
    if after is not None:
        conds.append(f"({sort_sql}, {id_sql}) {op} (?, ?)")
        args += [after[0], after[1]]
    sql = (
        f"SELECT {select}, {sort_sql}, {id_sql} FROM {from_} WHERE {' AND '.join(conds)}"
        f" ORDER BY {sort_sql} {order}, {id_sql} {order} LIMIT ?"
    )
    rows = conn.execute(sql, (*args, limit)).fetchall()
    cursor = (rows[-1][-2], rows[-1][-1]) if len(rows) == limit else None
    return rows, cursor


# -- items ------------------------------------------------------------------------------------

ITEM_SORTS = {
    "sku": "i.sku",
    "name": "i.name",
    "category": "i.category",
    "unit": "i.unit",
    "barcode": "coalesce(i.barcode, '')",
    "on_hand": "i.on_hand_qty",
    "value": "i.on_hand_value",
    "reorder_point": "i.reorder_point",
    "last_cost": "coalesce(i.last_cost, -1)",
}
_ITEM_COLS = (
    "i.id, i.sku, i.name, i.category, i.unit, i.barcode, i.on_hand_qty, i.on_hand_value,"
    " i.reorder_point, i.last_cost, i.active"
)


def _item_where(
    text: str, category: str | None, active: bool | None
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if text.strip():
        clause, p = match_sql(text)
        where.append(clause)
        params += p
    if category is not None:
        where.append("i.category = ?")
        params.append(category)
    if active is not None:
        where.append("i.active = ?")
        params.append(int(active))
    return where, params


def item_page(
    conn: sqlite3.Connection,
    *,
    text: str = "",
    category: str | None = None,
    active: bool | None = True,
    sort: str = "sku",
    descending: bool = False,
    after: Cursor | None = None,
    limit: int,
) -> PageRows:
    """Items matching every word of ``text`` (code, name, barcode or pinyin: see
    ``storage.search``), in ``category`` if given, active / archived / both (True / False /
    None). Rows are ``item_row``'s."""
    where, params = _item_where(text, category, active)
    return keyset_page(
        conn,
        select=_ITEM_COLS,
        from_="items i",
        where=where,
        params=params,
        sort_sql=ITEM_SORTS[sort],
        id_sql="i.id",
        descending=descending,
        after=after,
        limit=limit,
    )


def count_items(
    conn: sqlite3.Connection, *, text: str = "", category: str | None = None, active: bool | None
) -> int:
    """How many items ``item_page`` would page through with the same filter."""
    where, params = _item_where(text, category, active)
    sql = f"SELECT count(*) FROM items i WHERE {' AND '.join(where) or '1'}"
    return conn.execute(sql, params).fetchone()[0]


def item_row(conn: sqlite3.Connection, item_id: int) -> tuple | None:
    """(id, sku, name, category, unit, barcode, on_hand_qty, on_hand_value, reorder_point,
    last_cost, active) of one item; quantities and money in minor units."""
    return conn.execute(f"SELECT {_ITEM_COLS} FROM items i WHERE i.id = ?", (item_id,)).fetchone()


# -- batches (the Stock page) -----------------------------------------------------------------

BATCH_SORTS = {
    "sku": "i.sku",
    "name": "i.name",
    "batch": "b.code",
    "location": "l.name",
    "received": "b.received_date",
    "expiry": "coalesce(b.expiry, '9999-12-31')",
    "qty": "b.qty_remaining",
    "unit_cost": "b.unit_cost",
    "value": "b.value_remaining",
}


def batch_page(
    conn: sqlite3.Connection,
    *,
    text: str = "",
    item_id: int | None = None,
    location_id: int | None = None,
    expired_before: str | None = None,
    expiring: tuple[str, str] | None = None,
    sort: str = "expiry",
    descending: bool = False,
    after: Cursor | None = None,
    limit: int,
) -> PageRows:
    """Batches that still hold stock: (id, item_id, sku, name, unit, batch code, location,
    received, expiry, qty_remaining, unit_cost, value_remaining), dates as ISO text. Given
    ``expired_before`` (an ISO date) and/or ``expiring`` (first, last ISO day), only batches
    whose expiry falls in either window."""
    where = ["b.qty_remaining > 0"]
    params: list[object] = []
    if text.strip():
        clause, p = match_sql(text)
        where.append(clause)
        params += p
    if item_id is not None:
        where.append("b.item_id = ?")
        params.append(item_id)
    if location_id is not None:
        where.append("b.location_id = ?")
        params.append(location_id)
    windows = []
    if expired_before is not None:
        windows.append("b.expiry < ?")
        params.append(expired_before)
    if expiring is not None:
        windows.append("(b.expiry >= ? AND b.expiry <= ?)")
        params += list(expiring)
    if windows:
        where.append("(" + " OR ".join(windows) + ")")
    return keyset_page(
        conn,
        select="b.id, b.item_id, i.sku, i.name, i.unit, b.code, l.name, b.received_date,"
        " b.expiry, b.qty_remaining, b.unit_cost, b.value_remaining",
        from_="batches b JOIN items i ON i.id = b.item_id JOIN locations l ON l.id = b.location_id",
        where=where,
        params=params,
        sort_sql=BATCH_SORTS[sort],
        id_sql="b.id",
        descending=descending,
        after=after,
        limit=limit,
    )


# -- the movement journal ---------------------------------------------------------------------

BROAD_MATCH = 200  # items matched by a journal's item filter above which the date index wins

MOVEMENT_SORTS = {"date": "m.date", "id": "m.id"}

_MOVEMENT_COLS = (
    "m.id, m.date, m.type, m.item_id, i.sku, i.name, i.unit, l.name, coalesce(t.name, ''),"
    " m.qty, m.value, m.unit_cost, CASE m.reference WHEN '' THEN d.reference ELSE m.reference"
    " END, m.operator, coalesce(m.reason, ''), m.note,"
    " m.reverses_id, (SELECT r.id FROM movements r WHERE r.reverses_id = m.id), d.supplier"
)
_MOVEMENT_FROM = (
    "movements m JOIN items i ON i.id = m.item_id JOIN locations l ON l.id = m.location_id"
    " LEFT JOIN locations t ON t.id = m.to_location_id JOIN documents d ON d.id = m.document_id"
)


def movement_page(
    conn: sqlite3.Connection,
    *,
    start: str | None = None,
    end: str | None = None,
    type: str | None = None,
    item: str = "",
    item_id: int | None = None,
    reference: str = "",
    operator: str = "",
    sort: str = "date",
    descending: bool = True,
    after: Cursor | None = None,
    limit: int,
) -> PageRows:
    """A page of the journal, rows as ``movement``'s. Filters: dates (ISO, inclusive), type,
    items matching every word of ``item``, one item, and substrings of the reference (the
    movement's or its document's) and of the operator's name."""
    where: list[str] = []
    params: list[object] = []
    for cond, value in (("m.date >= ?", start), ("m.date <= ?", end), ("m.type = ?", type),
                        ("m.item_id = ?", item_id)):  # fmt: skip
        if value is not None and value != "":
            where.append(cond)
            params.append(value)
    if item.strip():
        clause, p = match_sql(item)
        matched = conn.execute(f"SELECT count(*) FROM items i WHERE {clause}", p).fetchone()[0]
        # Few items: walk their movements by the item index. Many: walk the journal in date
        # order and keep their rows (the unary + stops SQLite choosing the item index).
        column = "m.item_id" if matched <= BROAD_MATCH else "+m.item_id"
        where.append(f"{column} IN (SELECT i.id FROM items i WHERE {clause})")
        params += p
    if reference.strip():
        where.append("(m.reference LIKE ? ESCAPE '\\' OR d.reference LIKE ? ESCAPE '\\')")
        params += [like_pattern(reference.strip())] * 2
    if operator.strip():
        where.append("m.operator LIKE ? ESCAPE '\\'")
        params.append(like_pattern(operator.strip()))
    return keyset_page(
        conn,
        select=_MOVEMENT_COLS,
        from_=_MOVEMENT_FROM,
        where=where,
        params=params,
        sort_sql=MOVEMENT_SORTS[sort],
        id_sql="m.id",
        descending=descending,
        after=after,
        limit=limit,
    )


def movement(conn: sqlite3.Connection, movement_id: int) -> tuple | None:
    """(id, date, type, item_id, sku, name, unit, location, to_location, qty, value, unit_cost,
    reference, operator, reason, note, reverses_id, reversed_by, supplier) of one movement;
    qty signed, amounts in minor units, date as ISO text."""
    return conn.execute(
        f"SELECT {_MOVEMENT_COLS} FROM {_MOVEMENT_FROM} WHERE m.id = ?", (movement_id,)
    ).fetchone()


def document(conn: sqlite3.Connection, document_id: int) -> tuple | None:
    """(id, date, kind, reference, supplier, operator) of one document."""
    return conn.execute(
        "SELECT id, date, kind, reference, supplier, operator FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()


def document_movements(conn: sqlite3.Connection, document_id: int) -> list[tuple]:
    """The movements of one document, rows as ``movement``'s, in posting order."""
    return conn.execute(
        f"SELECT {_MOVEMENT_COLS} FROM {_MOVEMENT_FROM} WHERE m.document_id = ? ORDER BY m.id",
        (document_id,),
    ).fetchall()


def allocations_of(conn: sqlite3.Connection, movement_id: int) -> list[tuple]:
    """(batch id, code, location, received, expiry, qty, value) of what a movement drew from
    (qty > 0) or put back into (qty < 0) each batch, in posting order; minor units."""
    return conn.execute(
        "SELECT a.batch_id, b.code, l.name, b.received_date, b.expiry, a.qty, a.value"
        " FROM allocations a JOIN batches b ON b.id = a.batch_id"
        " JOIN locations l ON l.id = b.location_id WHERE a.movement_id = ? ORDER BY a.id",
        (movement_id,),
    ).fetchall()


def received_batches_of(conn: sqlite3.Connection, movement_id: int) -> list[tuple]:
    """Batches a movement created, in the shape of ``allocations_of`` (qty and value
    received)."""
    return conn.execute(
        "SELECT b.id, b.code, l.name, b.received_date, b.expiry, b.qty_received,"
        " b.value_received FROM batches b JOIN locations l ON l.id = b.location_id"
        " WHERE b.movement_id = ? ORDER BY b.id",
        (movement_id,),
    ).fetchall()


# -- an item's stock card ---------------------------------------------------------------------


def stock_card_page(
    conn: sqlite3.Connection,
    item_id: int,
    *,
    descending: bool = True,
    after: Cursor | None = None,
    limit: int,
) -> PageRows:
    """An item's movements by (date, id): (id, date, type, reference, location, qty, value,
    bucket, to_location, operator); qty signed, minor units."""
    return keyset_page(
        conn,
        select="m.id, m.date, m.type, m.reference, l.name, m.qty, m.value, m.bucket,"
        " coalesce(t.name, ''), m.operator",
        from_="movements m JOIN locations l ON l.id = m.location_id"
        " LEFT JOIN locations t ON t.id = m.to_location_id",
        where=["m.item_id = ?"],
        params=[item_id],
        sort_sql="m.date",
        id_sql="m.id",
        descending=descending,
        after=after,
        limit=limit,
    )


def balance_through(conn: sqlite3.Connection, item_id: int, key: Cursor) -> tuple[int, int]:
    """The item's (qty, value) after the movement at ``key`` = (date, id), in minor units;
    transfers between locations leave it as it was."""
    row = conn.execute(
        "SELECT coalesce(sum(qty), 0), coalesce(sum(value), 0) FROM movements"
        " WHERE item_id = ? AND bucket <> 'xfer' AND (date, id) <= (?, ?)",
        (item_id, key[0], key[1]),
    ).fetchone()
    return row[0], row[1]
