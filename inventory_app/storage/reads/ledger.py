"""Reads of the posted ledger itself (movements and their reversals), not of stock."""

from __future__ import annotations

import sqlite3


def last_reversible(conn: sqlite3.Connection) -> int | None:
    """The id of the newest movement that is not a reversal and has not been reversed, or
    None when there is none (what an undo would reverse)."""
    row = conn.execute(
        "SELECT m.id FROM movements m WHERE m.type <> 'reversal' AND NOT EXISTS"
        " (SELECT 1 FROM movements r WHERE r.reverses_id = m.id) ORDER BY m.id DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def last_reversible_document(conn: sqlite3.Connection) -> int | None:
    """The document of the newest movement an undo would reverse, or None."""
    mid = last_reversible(conn)
    if mid is None:
        return None
    return conn.execute("SELECT document_id FROM movements WHERE id = ?", (mid,)).fetchone()[0]
