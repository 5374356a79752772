"""The ``meta`` table: shop settings and file facts kept in the file itself, as text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_UPSERT = (
    "INSERT INTO meta (key, value) VALUES (?, ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


def get(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def put(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Set each key to its value (inside the caller's transaction)."""
    conn.executemany(_UPSERT, pairs)


def all_values(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())
