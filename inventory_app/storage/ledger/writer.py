"""What a posting leaves to write: rows waiting for ``executemany`` and the maintained
balances they change (batches, items' on-hand, monthly flows). ``Poster`` decides; this
writes, in the caller's transaction."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from typing import Any

from inventory_app.domain.model import BatchLot, Bucket, Changes
from inventory_app.storage import chain
from inventory_app.storage.ledger import staging

_FLUSH_EVERY = 20_000
# plain text: a movement row holds its bucket as text (see ``Bookkeeper._movement``)
_IN, _OUT, _XFER = str(Bucket.IN), str(Bucket.OUT), str(Bucket.XFER)
_TABLES = ("documents", "movements", "batches", "allocations")
# One row's placeholders by table, in its columns' order. The columns a movement leaves NULL
# (to_location_id, unit_cost, reason, override_reason, reverses_id, stocktake_id: six in a
# typical issue) are bound as a stand-in that ``nullif`` turns back into NULL: sqlite3 binds
# None through its adapter look-up (a tuple, a dict miss, two attribute look-ups), ~0.8 us a
# value, ~1 s of CPU per 200k movements, where an int or a str binds directly. The stand-ins
# are values these columns never hold: -1 (ids are positive, a unit cost >= 0) and ''
# (``Poster`` writes an empty reason or override reason as NULL). ``_bound`` makes them;
# the chain hashes the rows as they are stored (with None).
_ROW = {
    "documents": "(?,?,?,?,?,?,?,?,?)",
    "movements": "(?,?,?,?,?,?,?,nullif(?,-1),?,?,nullif(?,-1),nullif(?,''),nullif(?,''),?,?,?,"
    "nullif(?,-1),nullif(?,-1))",
    "batches": "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "allocations": "(?,?,?,?,?,?)",
    "item_month": "(?,?,?,?,?,?,?,?)",
}
_ADD_TO_MONTH = (
    " ON CONFLICT (item_id, month) DO UPDATE SET in_qty = in_qty + excluded.in_qty,"
    " in_value = in_value + excluded.in_value, out_qty = out_qty + excluded.out_qty,"
    " out_value = out_value + excluded.out_value, adj_qty = adj_qty + excluded.adj_qty,"
    " adj_value = adj_value + excluded.adj_value"
)
# Rows per INSERT statement. Each statement SQLite runs opens and closes a statement journal
# (the trigger and the foreign keys may abort it) and each is a round trip of sqlite3's
# executemany loop: 64 rows a statement cost ~20% less CPU than one (replayed 200k-line
# import: 6.1 -> 5.1 s). The rows still go in in id order, all or nothing as before.
_ROWS_PER_INSERT = 64


def _insert(
    conn: sqlite3.Connection, table: str, rows: list[tuple], upsert: str = "", *, into: str = ""
) -> None:
    """Insert ``rows`` (as ``_bound`` makes them) into ``table`` (or ``into``, a table of
    the same columns), several a statement; ``upsert``: an ON CONFLICT clause."""
    row = _ROW[table]
    into = into or table
    per = min(_ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(rows[0]))
    whole = len(rows) - len(rows) % per if per > 1 else 0
    if whole:
        flat = itertools.chain.from_iterable
        conn.executemany(
            f"INSERT INTO {into} VALUES {','.join([row] * per)}{upsert}",
            [tuple(flat(rows[i : i + per])) for i in range(0, whole, per)],
        )
    if whole < len(rows):
        conn.executemany(f"INSERT INTO {into} VALUES {row}{upsert}", rows[whole:])


def _left(facts: tuple, lot: BatchLot) -> tuple:
    """``facts`` and the batch's balance columns as ``lot`` has them now."""
    drawn = lot.last_draw_date
    return (*facts, lot.qty, lot.value, drawn and drawn.isoformat())


def _bound(table: str, rows: list[tuple]) -> list[tuple]:
    """``rows`` as ``_ROW[table]`` binds them (see there)."""
    if table != "movements":
        return rows
    return [
        (a, b, c, d, e, f, g, -1 if h is None else h, i, j, -1 if k is None else k,
         "" if why is None else why, "" if m is None else m, n, o, p,
         -1 if q is None else q, -1 if r is None else r)
        for a, b, c, d, e, f, g, h, i, j, k, why, m, n, o, p, q, r in rows
    ]  # fmt: skip


def _write(
    conn: sqlite3.Connection,
    rows: dict[str, list[tuple]],
    balances: list[tuple],
    aside: staging.Aside | None = None,
) -> None:
    """Chain and insert ``rows`` (parents before children), then set the batch ``balances``
    (qty, value, last draw date, id); with ``aside``, staged and moved on its thread."""
    chain.add_ledger(conn, rows)  # hashes the tuples about to be bound
    tables = [table for table in _TABLES if rows[table]]  # parents before children
    for table in tables:
        into = aside.stage(table) if aside else ""
        _insert(conn, table, _bound(table, rows[table]), into=into)
    if aside is None:
        conn.executemany(staging.SET_BALANCE, balances)
    else:
        aside.move(tables, balances)


class Settled:
    """A connection as the poster of a ``background`` writer uses it: every call first waits
    for the write in flight, so that what it reads (or writes) comes after what was posted."""

    __slots__ = ("_conn", "_settle")

    def __init__(self, conn: sqlite3.Connection, settle: Callable[[], None]) -> None:
        self._conn = conn
        self._settle = settle

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        self._settle()
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, params: Any) -> sqlite3.Cursor:
        self._settle()
        return self._conn.executemany(sql, params)

    def __getattr__(self, name: str) -> Any:
        self._settle()
        return getattr(self._conn, name)


class LedgerWriter:
    """Row buffers, id allocation and balance deltas of one ``Poster``."""

    def __init__(
        self, conn: sqlite3.Connection, *, preview: bool = False, background: bool = False
    ) -> None:
        self.conn = conn
        self.preview = preview  # a preview never writes
        # ``background``: rows are written on a thread of their own while the caller goes on
        # posting (see ``write_rows``); the caller then reads through ``settled`` only
        self.background = background and not preview
        self._aside = staging.Aside(conn, _TABLES) if self.background else None
        self._next = {
            t: conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {t}").fetchone()[0]
            for t in _TABLES
        }
        self.rows: dict[str, list[tuple]] = {t: [] for t in _TABLES}
        self.touched: dict[int, BatchLot] = {}  # changed since the last balance write
        self.touched_all: set[int] = set()  # batch ids changed by this poster (for Changes)
        self.touched_items: set[int] = set()
        # month -> item id -> [in qty, in value, out qty, out value, adj qty, adj value]
        self.month_delta: dict[str, dict[int, list[int]]] = {}
        self._day: str | None = None  # the day text of the last movement booked
        self._month: dict[int, list[int]] = {}  # its month's entry in month_delta
        self.last_cost: dict[int, int] = {}
        self.movement_ids: list[int] = []
        self.document_ids: list[int] = []
        self._pending_movements = 0

    def take_id(self, table: str) -> int:
        n = self._next[table]
        self._next[table] = n + 1
        return n

    def touch(self, lot: BatchLot) -> None:
        self.touched[lot.id] = lot
        self.touched_items.add(lot.item_id)

    def add_batch(self, lot: BatchLot, movement_id: int, source_batch_id: int | None) -> None:
        """Queue a new batch's row: ``lot`` as created, nothing drawn yet."""
        exp = lot.expiry
        self.rows["batches"].append(
            (
                lot.id, lot.item_id, lot.location_id, lot.code, lot.received_date.isoformat(),
                lot.posted_date.isoformat(), exp.isoformat() if exp else None, lot.unit_cost,
                lot.qty, lot.value, movement_id, source_batch_id, lot.qty, lot.value, None,
            )
        )  # fmt: skip
        self.touch(lot)

    def add_movement(self, row: tuple) -> None:
        """Queue a movement row (the table's columns in order) and book its effect on the
        item's month (the item's balance is their sum, made in ``finish``)."""
        self.rows["movements"].append(row)
        self.movement_ids.append(row[0])
        bucket = row[4]
        if bucket != _XFER:
            day = row[2]
            if day is not self._day:  # the lines of a day share its text (Bookkeeper.day_text)
                self._day = day
                self._month = self.month_delta.setdefault(day[:7], {})
            m = self._month.get(row[5])
            if m is None:
                m = self._month[row[5]] = [0, 0, 0, 0, 0, 0]
            if bucket == _IN:
                m[0] += row[8]
                m[1] += row[9]
            elif bucket == _OUT:
                m[2] -= row[8]
                m[3] -= row[9]
            else:
                m[4] += row[8]
                m[5] += row[9]
        self._pending_movements += 1
        if self._pending_movements >= _FLUSH_EVERY:
            self.write_rows()

    def write_rows(self) -> None:
        """Insert pending rows and bring batch balances up to date (inside the caller's
        transaction), so memory stays flat and SQL reads see current balances.

        In the ``background`` (``staging.Aside``) the rows go into the ledger on a thread of
        their own while the caller posts the next lines; anything that reads the connection
        first waits for that write (``settle``)."""
        if self.preview:
            return
        self.settle()
        rows, touched = self.rows, self.touched
        self.rows = {t: [] for t in _TABLES}
        self.touched_all.update(touched)
        new_lots = rows["batches"]
        if new_lots:
            # a batch made since the last write goes in with what is left of it now (the
            # chain covers its receipt facts only), so it needs no UPDATE after its INSERT
            rows["batches"] = [_left(row[:12], touched.pop(row[0])) for row in new_lots]
        balances = [(*_left((), lot), lid) for lid, lot in touched.items()]
        touched.clear()
        self._pending_movements = 0
        _write(self.conn, rows, balances, self._aside)

    def settle(self) -> None:
        """Wait for the write in flight, if any; what it raised is raised here."""
        if self._aside is not None:
            self._aside.settle()

    def abandon(self) -> None:
        """Wait for the write in flight and drop what it raised: the caller is leaving with
        an error of its own and rolls the transaction back (never while a write runs)."""
        if self._aside is not None:
            self._aside.abandon()

    def finish(self) -> Changes:
        """Write everything and the maintained balances; returns what changed."""
        if self.preview:
            raise RuntimeError("a preview poster never writes")
        self.write_rows()
        if self._aside is not None:
            self._aside.close()  # waits for the last write
        c = self.conn
        balance: dict[int, list[int]] = {}  # item id -> [qty, value]: its months' flows
        for items in self.month_delta.values():
            for i, (in_q, in_v, out_q, out_v, adj_q, adj_v) in items.items():
                d = balance.get(i)
                if d is None:
                    d = balance[i] = [0, 0]
                d[0] += in_q - out_q + adj_q
                d[1] += in_v - out_v + adj_v
        c.executemany(
            "UPDATE items SET on_hand_qty = on_hand_qty + ?, on_hand_value = on_hand_value + ?"
            " WHERE id = ?",
            [(q, v, i) for i, (q, v) in balance.items() if q or v],
        )
        c.executemany(
            "UPDATE items SET last_cost = ? WHERE id = ?",
            [(cost, i) for i, cost in self.last_cost.items()],
        )
        months = [(i, m, *d) for m, items in self.month_delta.items() for i, d in items.items()]
        if months:  # one row per item and month: no two rows of a statement meet
            _insert(c, "item_month", months, _ADD_TO_MONTH)
        changes = Changes(
            items=frozenset(self.touched_items | set(balance)),
            batches=frozenset(self.touched_all),
            movements=tuple(self.movement_ids),
            documents=tuple(self.document_ids),
        )
        self.touched_all.clear()
        self.touched_items.clear()
        self.month_delta.clear()
        self._day = None  # its month's entry is gone with month_delta
        self.last_cost.clear()
        return changes
