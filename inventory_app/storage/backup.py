"""Whole-file copies of a shop with SQLite's online backup API, and what a copy holds."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

# The ledger's tables: a copy that holds as many rows of each as the shop is the same ledger.
COUNTED = ("items", "batches", "movements", "allocations")


def ledger_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows in each ledger table (``COUNTED``), by table name."""
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def copy_into(conn: sqlite3.Connection, dest: Path) -> None:
    """Copy the database open on ``conn`` into the file ``dest`` (a consistent snapshot even
    while others read), left in rollback-journal mode so the copy is one self-contained file."""
    target = sqlite3.connect(str(dest))
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def copy_file(src: Path, dest: Path) -> None:
    """Copy the database file ``src`` over the file ``dest`` (page by page, through SQLite)."""
    source = sqlite3.connect(str(src))
    target = sqlite3.connect(str(dest))
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


@dataclass(frozen=True, slots=True)
class CopyHealth:
    """What a copied file holds: SQLite's integrity problems (none when sound) and, when it is
    sound, the rows in each ledger table."""

    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def inspect_copy(path: Path) -> CopyHealth:
    """Open ``path`` read-only and run ``integrity_check``; count the ledger's rows if it passes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            return CopyHealth(problems=result)
        return CopyHealth(counts=ledger_counts(conn))
    finally:
        conn.close()
