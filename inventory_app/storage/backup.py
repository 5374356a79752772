"""Whole-file copies of a shop with SQLite's online backup API, and what a copy holds.

A copy is made from one read transaction of the shop: the facts it is verified against
(rows per ledger table, stock value, last movement) are read in the same transaction as the
pages copied, so a copy taken while others post verifies against exactly what it holds.
The copy records in its own ``meta`` whose backup it is and those facts (``BACKUP_KEYS``):
listing backups and previewing a restore read them without counting a million rows.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from inventory_app.domain.errors import InventoryError, NotAnInventoryFile, RefusedOperation
from inventory_app.storage import meta
from inventory_app.storage.db import refusal
from inventory_app.storage.mapped import never_mapped

# The ledger's tables: a copy that holds as many rows of each as the shop is the same ledger.
COUNTED = ("items", "batches", "movements", "allocations")

# Written into a copy's meta (never into a shop: a restore removes them).
BACKUP_OF = "backup_of"  # the shop file's full path when the copy was made
BACKUP_TAKEN_AT = "backup_taken_at"  # UTC, ISO 8601
BACKUP_KIND = "backup_kind"  # manual | daily (automatic) | before-restore
BACKUP_MOVEMENTS = "backup_movements"
BACKUP_STOCK_VALUE = "backup_stock_value"  # cents
BACKUP_LAST_DATE = "backup_last_movement_date"
BACKUP_KEYS = (
    BACKUP_OF,
    BACKUP_TAKEN_AT,
    BACKUP_KIND,
    BACKUP_MOVEMENTS,
    BACKUP_STOCK_VALUE,
    BACKUP_LAST_DATE,
)


@dataclass(frozen=True, slots=True)
class LedgerFacts:
    """What a shop (or a copy) holds: rows per ledger table, stock value in cents and the
    date of its last movement (ISO, '' when none)."""

    counts: dict[str, int]
    stock_value: int
    last_date: str


def ledger_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows in each ledger table (``COUNTED``), by table name."""
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def ledger_facts(conn: sqlite3.Connection) -> LedgerFacts:
    value = conn.execute("SELECT coalesce(sum(on_hand_value), 0) FROM items").fetchone()[0]
    last = conn.execute("SELECT max(date) FROM movements").fetchone()[0]
    return LedgerFacts(counts=ledger_counts(conn), stock_value=value, last_date=last or "")


@contextlib.contextmanager
def _read_transaction(conn: sqlite3.Connection):
    """One read transaction on ``conn`` (joined when one is open already)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("COMMIT")


def copy_snapshot(conn: sqlite3.Connection, dest: Path, *, notes: dict[str, str]) -> LedgerFacts:
    """Copy the database open on ``conn`` into the (new, empty) file ``dest`` and return the
    facts of the copied state, read in the same read transaction as the pages. ``notes`` and
    the facts go into the copy's meta; the copy is left in rollback-journal mode, one
    self-contained file. What SQLite reports while writing (disk full, read-only, I/O) is
    refused as ``backup.disk_full`` / ``backup.cannot_write``."""
    try:
        return _copy_snapshot(conn, dest, notes=notes)
    except sqlite3.Error as exc:
        raise _write_refusal(exc, dest) from None


def _write_refusal(exc: sqlite3.Error, dest: Path) -> InventoryError:
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return RefusedOperation("backup.disk_full", folder=str(dest.parent))
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR):
        return RefusedOperation("backup.cannot_write", folder=str(dest.parent), reason=str(exc))
    found = refusal(exc, dest)
    if found is None:
        raise exc  # a bug, not the disk's
    return found


def _copy_snapshot(conn: sqlite3.Connection, dest: Path, *, notes: dict[str, str]) -> LedgerFacts:
    with _read_transaction(conn):
        facts = ledger_facts(conn)
        target = sqlite3.connect(str(dest), isolation_level=None)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            target.execute("BEGIN IMMEDIATE")
            meta.put(
                target,
                [
                    *notes.items(),
                    (BACKUP_MOVEMENTS, str(facts.counts["movements"])),
                    (BACKUP_STOCK_VALUE, str(facts.stock_value)),
                    (BACKUP_LAST_DATE, facts.last_date),
                ],
            )
            target.execute("COMMIT")
        finally:
            target.close()
    return facts


def copy_into(source: Path, conn: sqlite3.Connection, *, shop: Path) -> None:
    """Replace the whole content of the database open on ``conn`` (a writer's connection,
    outside any transaction) with the file ``source``, in one step: SQLite writes it as
    one transaction, so a failure leaves the database as it was. The backup notes are then
    removed: the result is the shop, not a copy of it. ``shop`` names the file in refusals."""
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        never_mapped(src)  # (see storage.mapped)
        try:
            src.backup(conn)
        finally:
            src.close()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM meta WHERE key = ?", [(k,) for k in BACKUP_KEYS])
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        found = refusal(exc, shop)
        if found is None:
            raise
        raise found from exc


@dataclass(frozen=True, slots=True)
class CopyHealth:
    """What a copied file holds: SQLite's integrity problems (none when sound) and, when it is
    sound, its ledger facts."""

    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    stock_value: int = 0


def inspect_copy(path: Path) -> CopyHealth:
    """Open ``path`` read-only and run ``integrity_check``; its facts if it passes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        never_mapped(conn)  # (see storage.mapped)
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            return CopyHealth(problems=result)
        facts = ledger_facts(conn)
        return CopyHealth(counts=facts.counts, stock_value=facts.stock_value)
    finally:
        conn.close()


def backup_notes(path: Path) -> dict[str, str] | None:
    """The backup keys of the file at ``path`` (read-only, no integrity check); None when it
    is not an SQLite file with a meta table."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        never_mapped(conn)  # (see storage.mapped)
    except sqlite3.Error:
        return None
    try:
        marks = ",".join("?" * len(BACKUP_KEYS))
        rows = conn.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", BACKUP_KEYS)
        return dict(rows.fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def file_facts(path: Path) -> LedgerFacts:
    """The ledger facts of a shop file (read-only), counted; ``NotAnInventoryFile`` when
    they cannot be read."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        never_mapped(conn)  # (see storage.mapped)
        try:
            return ledger_facts(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise NotAnInventoryFile("db.damaged", name=path.name, problems=str(exc)) from None
