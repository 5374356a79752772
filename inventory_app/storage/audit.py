"""The ``audit`` table: who did what, when and from where (append-only, like the ledger)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from inventory_app.storage import chain


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: str  # ISO 8601 with the local offset, to the second
    user: str
    role: str
    source: str  # app | cli | import
    action: str
    object: str
    details: str  # JSON object


def add(
    conn: sqlite3.Connection,
    *,
    at: str,
    user: str,
    role: str,
    source: str,
    action: str,
    object: str,
    details: str,
) -> None:
    """Append an entry and chain it (``storage.chain``): an entry removed or rewritten later,
    even with the triggers dropped, breaks its link."""
    cur = conn.execute(
        "INSERT INTO audit (at, user, role, source, action, object, details)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (at, user, role, source, action, object, details),
    )
    chain.add_audit(conn, int(cur.lastrowid or 0))


def rows(
    conn: sqlite3.Connection, *, since: str, before: str, user: str | None = None
) -> list[AuditRow]:
    """Entries with ``since <= at < before`` (ISO text compared as text: dates or full
    stamps), oldest first; only ``user``'s when given."""
    sql = "SELECT id, at, user, role, source, action, object, details FROM audit"
    sql += " WHERE at >= ? AND at < ?"
    args: list[object] = [since, before]
    if user:
        sql += " AND user = ? COLLATE NOCASE"
        args.append(user)
    return [AuditRow(*r) for r in conn.execute(sql + " ORDER BY id", args)]


def user_names(conn: sqlite3.Connection) -> list[str]:
    """Everyone the audit names (for a filter), in order of name."""
    sql = "SELECT DISTINCT user FROM audit WHERE user <> '' ORDER BY user COLLATE NOCASE"
    return [r[0] for r in conn.execute(sql)]
