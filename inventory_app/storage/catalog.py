"""Items and locations: the SQL of the master data. Quantities and costs in minor units.

An item row as read here (``ITEM_READ``) is
``(id, sku, name, barcode, category, unit, supplier, reorder_point, safety_stock,
lead_time_days, shelf_life_days, removal, active, last_counted, on_hand_qty, on_hand_value)``:
one shape for the item dialog, the scanner and search, so one query serves them all.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Mapping, Sequence

from inventory_app.domain.errors import NotFound, ValidationError
from inventory_app.storage.pinyin import pinyin_keys

# The master data a user edits, in the order ``services.catalog.validate_item`` returns it.
# Never the stock columns (on_hand_*, last_cost, last_counted): the ledger keeps those.
EDITABLE = (
    "sku",
    "name",
    "barcode",
    "category",
    "unit",
    "supplier",
    "reorder_point",
    "safety_stock",
    "lead_time_days",
    "shelf_life_days",
    "removal",
    "active",
)
ITEM_READ = (
    "i.id, i.sku, i.name, i.barcode, i.category, i.unit, i.supplier, i.reorder_point,"
    " i.safety_stock, i.lead_time_days, i.shelf_life_days, i.removal, i.active, i.last_counted,"
    " i.on_hand_qty, i.on_hand_value"
)


# -- reading items ----------------------------------------------------------------------------


def item_id(conn: sqlite3.Connection, sku: str) -> int:
    """The id of the item with this SKU (any case); ``NotFound`` if there is none."""
    row = conn.execute("SELECT id FROM items WHERE sku = ?", (sku,)).fetchone()
    if row is None:
        raise NotFound("catalog.unknown_sku", sku=sku)
    return row[0]


def item_by_sku(conn: sqlite3.Connection, sku: str) -> tuple | None:
    """The item row (``ITEM_READ``) with this SKU, any case."""
    return conn.execute(f"SELECT {ITEM_READ} FROM items i WHERE i.sku = ?", (sku,)).fetchone()


def items_by_code(
    conn: sqlite3.Connection, code: str, *, include_archived: bool = True
) -> list[tuple]:
    """The item rows (``ITEM_READ``) whose SKU or barcode is exactly ``code``: at most two,
    the SKU match first (what a scanner types may be either)."""
    active = "" if include_archived else " AND i.active = 1"
    return conn.execute(
        f"SELECT {ITEM_READ} FROM items i WHERE (i.sku = ? OR i.barcode = ?){active}"
        " ORDER BY i.sku = ? DESC",
        (code, code, code),
    ).fetchall()


def all_items(conn: sqlite3.Connection) -> list[tuple]:
    """Every item row (``ITEM_READ``) by SKU."""
    return conn.execute(f"SELECT {ITEM_READ} FROM items i ORDER BY i.sku").fetchall()


def categories(conn: sqlite3.Connection) -> list[str]:
    """The categories in use, sorted; the empty one left out."""
    rows = conn.execute("SELECT DISTINCT category FROM items WHERE category <> '' ORDER BY 1")
    return [r[0] for r in rows]


def last_cost(conn: sqlite3.Connection, sku: str) -> int | None:
    """Unit cost of the item's latest receipt in minor cost units; None if never received
    or no such SKU."""
    row = conn.execute("SELECT last_cost FROM items WHERE sku = ?", (sku,)).fetchone()
    return None if row is None else row[0]


def skus_and_barcodes(conn: sqlite3.Connection) -> list[tuple[str, str | None]]:
    """(sku, barcode) of every item, for an import to tell new SKUs from known ones."""
    return conn.execute("SELECT sku, barcode FROM items").fetchall()


def known_names(conn: sqlite3.Connection) -> tuple[set[str], set[str]]:
    """The shop's SKUs and location names, casefolded."""
    skus = {s.casefold() for (s,) in conn.execute("SELECT sku FROM items")}
    locations = {n.casefold() for (n,) in conn.execute("SELECT name FROM locations")}
    return skus, locations


# -- writing items ----------------------------------------------------------------------------


# Many rows per statement: every statement that writes items also writes their trigram index
# (items_fts), which costs per statement, so 71 rows in one statement go 2-3x faster than 71
# statements (measured on 10,000 and 50,000 items). 999 is SQLite's oldest limit on ``?``;
# a row is the editable columns, the name's pinyin keys (``storage.pinyin``, computed here
# so that every write of a name writes its keys) and one more (created_at, or the id).
_ROWS_PER_STATEMENT = 999 // (len(EDITABLE) + 2)
_ROW = f"({', '.join('?' * (len(EDITABLE) + 2))})"


@functools.cache
def _insert_values(count: int) -> str:
    """``INSERT INTO items (EDITABLE..., pinyin, created_at) VALUES (...), ...`` for
    ``count`` rows."""
    columns = ", ".join(EDITABLE)
    return f"INSERT INTO items ({columns}, pinyin, created_at) VALUES {', '.join([_ROW] * count)}"


@functools.cache
def _update_values(count: int) -> str:
    """``UPDATE items ... FROM (VALUES (id, EDITABLE..., pinyin), ...)`` for ``count`` rows
    (UPDATE FROM: SQLite 3.33; the trigram search index already needs 3.34)."""
    sets = ", ".join(f"{c} = v.column{n}" for n, c in enumerate((*EDITABLE, "pinyin"), 2))
    return (
        f"UPDATE items SET {sets} FROM (VALUES {', '.join([_ROW] * count)}) AS v"
        " WHERE items.id = v.column1"
    )


def insert_items(
    conn: sqlite3.Connection, rows: Sequence[Mapping[str, object]], *, created_at: str
) -> range:
    """Insert items (rows keyed by ``EDITABLE``) with their names' pinyin keys; returns
    their ids. A SKU or barcode that is already used raises ``ValidationError`` naming it
    (``catalog.sku_taken`` / ``catalog.barcode_taken``): the caller's transaction must then
    roll back, since the rows before the refused one went in."""
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM items").fetchone()[0]
    values = [(*(r[c] for c in EDITABLE), pinyin_keys(str(r["name"])), created_at) for r in rows]
    _write_in_batches(conn, _insert_values, values, rows)
    return range(first, first + len(rows))


def update_items(
    conn: sqlite3.Connection, rows: Sequence[Mapping[str, object]], *, ids: Sequence[int]
) -> None:
    """Replace the master data of item ``ids[n]`` with ``rows[n]`` (keyed by ``EDITABLE``)
    and its pinyin keys; stock columns and ``created_at`` are untouched. A SKU or barcode
    another item holds raises ``ValidationError`` naming it; the caller's transaction must
    then roll back."""
    # one row per item, the last one given (what row-by-row updates would leave)
    last = {i: r for r, i in zip(rows, ids, strict=True)}
    values = [(i, *(r[c] for c in EDITABLE), pinyin_keys(str(r["name"]))) for i, r in last.items()]
    _write_in_batches(conn, _update_values, values, list(last.values()))


def _write_in_batches(
    conn: sqlite3.Connection,
    statement: Callable[[int], str],
    values: Sequence[tuple],
    rows: Sequence[Mapping[str, object]],
) -> None:
    """Run ``statement(n)`` over ``values``, n rows at a time. If SQLite refuses a batch (a
    statement is all or nothing: it left no trace), run it again row by row to raise the
    ``ValidationError`` that names the refused row."""
    for start in range(0, len(values), _ROWS_PER_STATEMENT):
        batch = values[start : start + _ROWS_PER_STATEMENT]
        try:
            conn.execute(statement(len(batch)), [v for row in batch for v in row])
        except sqlite3.IntegrityError:
            for n, one in enumerate(batch, start):
                try:
                    conn.execute(statement(1), one)
                except sqlite3.IntegrityError as exc:
                    raise _taken(exc, rows[n]) from None
            raise


def set_active(conn: sqlite3.Connection, item_id: int, active: bool) -> None:
    """Archive (False) or bring back (True) an item; its stock and history stay."""
    conn.execute("UPDATE items SET active = ? WHERE id = ?", (int(active), item_id))


def _taken(exc: sqlite3.IntegrityError, row: Mapping[str, object]) -> ValidationError:
    text = str(exc)
    if "items.sku" in text:
        return ValidationError("catalog.sku_taken", field="sku", sku=row["sku"])
    if "items.barcode" in text:
        return ValidationError("catalog.barcode_taken", field="barcode", barcode=row["barcode"])
    return ValidationError("catalog.item_refused", reason=text)


# -- locations --------------------------------------------------------------------------------


def insert_location(conn: sqlite3.Connection, name: str) -> int:
    """A new location; ``ValidationError`` (``catalog.location_exists``) if the name is used."""
    try:
        cur = conn.execute("INSERT INTO locations (name) VALUES (?)", (name,))
    except sqlite3.IntegrityError:
        raise ValidationError("catalog.location_exists", name=name) from None
    return int(cur.lastrowid)


def locations(conn: sqlite3.Connection) -> list[tuple[int, str, int]]:
    """(id, name, active) of every location, in the order they were made."""
    return conn.execute("SELECT id, name, active FROM locations ORDER BY id").fetchall()
