"""Schema steps keyed on ``PRAGMA user_version``; each step runs in one transaction.

The DDL of the steps is in ``schema`` (history, never edited). Why the table rebuild of
step 5 and the search index of step 2 are written out by hand rather than made with
sqlite-utils (``Table.transform()``, ``enable_fts``) is said at ``_step_5`` and ``_step_2``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from inventory_app.domain.errors import NotAnInventoryFile
from inventory_app.storage import chain
from inventory_app.storage.schema import (
    STEP_1,
    STEP_2,
    STEP_3,
    STEP_5,
    STEP_6_COLUMN,
    STEP_6_INDEX,
    STEP_BUYING,
    STEP_DEMAND,
    STEP_TRUST,
)

APPLICATION_ID = 0x494E5654  # "INVT": marks our files


def _step_1(conn: sqlite3.Connection) -> None:
    for statement in _split(STEP_1):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    out, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "".join(buf).strip():
        raise ValueError("incomplete statement in migration script")
    return out


def _step_2(conn: sqlite3.Connection) -> None:
    # Not sqlite-utils' ``enable_fts(..., tokenize="trigram", create_triggers=True)``, though
    # it can say trigram: its update trigger fires on *every* UPDATE of items, so each
    # posting's on-hand update would rewrite the item's index rows (measured on 3000 items:
    # 9 ms -> 299 ms); it runs ``executescript``, which commits the step's transaction half
    # way; and its names (items_ai...) differ from the files already made by this step.
    for statement in _split(STEP_2):
        conn.execute(statement)


def _step_3(conn: sqlite3.Connection) -> None:
    for statement in _split(STEP_3):
        conn.execute(statement)


def _step_4(conn: sqlite3.Connection) -> None:
    # Write-offs, adjustments and stocktake differences by date (the loss rate, the
    # accountant's adjustments): a partial index, so ordinary sales and receipts pay nothing
    # for it. Measured on 1M movements: the year's losses in 6 ms instead of 104 ms.
    conn.execute("CREATE INDEX movements_adj ON movements (date) WHERE bucket = 'adj'")


def _step_5(conn: sqlite3.Connection) -> None:
    # Not sqlite-utils' ``Table.transform()`` (4.2.1), tried on 302k movements: it cannot
    # change a CHECK (this step's purpose: IN lists to OR chains); with drop=created_at it
    # refuses our partial indexes; even a plain rebuild silently loses the table's triggers
    # (append-only, closed period) and rewrites the CREATE TABLE text, so new files would
    # differ from those already migrated; and before 4.2 it dropped CHECKs altogether (our
    # pin allows 3.36). Its copy is no faster: 2.12 s against this script's 2.09 s.
    for statement in _split(STEP_5):
        conn.execute(statement)


_step_5.rebuilds_tables = True  # type: ignore[attr-defined]  # see ``migrate``


def _step_6(conn: sqlite3.Connection) -> None:
    # The keys are filled between the two scripts: with the old index and its triggers gone
    # and the new ones not yet made, the UPDATE of each item writes no index rows, and the
    # new index is built once from the filled column. An empty shop never loads pypinyin.
    # (Imported here: opening a shop of today's schema, every command, needs none of it.)
    from inventory_app.storage import pinyin

    for statement in _split(STEP_6_COLUMN):
        conn.execute(statement)
    pinyin.fill_keys(conn)
    for statement in _split(STEP_6_INDEX):
        conn.execute(statement)


def _step_buying(conn: sqlite3.Connection) -> None:
    # #15: suppliers, packs, purchase orders; new tables only (see ``schema.STEP_BUYING``).
    for statement in _split(STEP_BUYING):
        conn.execute(statement)


def _step_demand(conn: sqlite3.Connection) -> None:
    # Demand (#16): new tables only, so it commutes with the other steps of its release.
    for statement in _split(STEP_DEMAND):
        conn.execute(statement)


def _step_trust(conn: sqlite3.Connection) -> None:
    # Users, audit and the chain; what the file holds already is chained as it stands now
    # (``chain.build``): tampering before this step cannot be told, any after it can.
    for statement in _split(STEP_TRUST):
        conn.execute(statement)
    chain.build(conn)


STEPS: list[Callable[[sqlite3.Connection], None]] = [
    _step_1,
    _step_2,
    _step_3,
    _step_4,
    _step_5,
    _step_6,
    _step_buying,
    _step_demand,
    _step_trust,
]
LATEST = len(STEPS)

# The tables each step leaves (a file of a version holds those of every step up to it), so
# that opening can refuse a file with one missing before a command fails on it half way.
# tests/storage/test_db_refusals.py proves them against the steps run on an empty file.
_STEP_TABLES: dict[int, frozenset[str]] = {
    1: frozenset(
        [
            "meta",
            "locations",
            "items",
            "documents",
            "batches",
            "allocations",
            "item_month",
            "movements",
        ]
    ),
    2: frozenset(["items_fts"]),
    3: frozenset(
        [
            "stocktakes",
            "stocktake_lines",
            "stocktake_items",
            "stocktake_counts",
            "stocktake_imports",
        ]
    ),
}


def tables_of(version: int) -> frozenset[str]:
    """The tables a file at data ``version`` must hold (those of later steps not counted)."""
    return frozenset().union(*(t for step, t in _STEP_TABLES.items() if step <= version))


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file up to ``LATEST``; returns the version it started from.

    Each step is one transaction. A step that rebuilds a table (``rebuilds_tables``) runs
    with foreign keys off, as SQLite's table-rebuild procedure requires (the pragma is a
    no-op inside a transaction), and must leave ``foreign_key_check`` clean to commit.
    """
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    fk_on = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    for version in range(start, LATEST):
        step = STEPS[version]
        rebuilds = getattr(step, "rebuilds_tables", False)
        if rebuilds:
            conn.execute("PRAGMA foreign_keys = OFF")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                step(conn)
                if rebuilds and conn.execute("PRAGMA foreign_key_check").fetchone():
                    raise NotAnInventoryFile("db.migration_breaks_keys", version=version + 1)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            if rebuilds and fk_on:
                conn.execute("PRAGMA foreign_keys = ON")
    return start
