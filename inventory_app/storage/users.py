"""The ``users`` table: who may sign in, with what role, and their PIN's hash (never the PIN)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Secret:
    """A PIN or recovery code as stored: scrypt hash, salt, parameters ("n=..,r=..,p=..")."""

    hash: bytes
    salt: bytes
    params: str


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    name: str
    role: str
    pin: Secret
    recovery: Secret | None
    disabled: bool
    failed_tries: int
    locked_until: str | None  # ISO 8601 with offset
    created_at: str


_COLUMNS = (
    "id, name, role, pin_hash, pin_salt, pin_params, recovery_hash, recovery_salt, disabled,"
    " failed_tries, locked_until, created_at"
)


def _user(r: tuple) -> UserRow:
    recovery = Secret(r[6], r[7], r[5]) if r[6] is not None else None
    return UserRow(
        id=r[0], name=r[1], role=r[2], pin=Secret(r[3], r[4], r[5]), recovery=recovery,
        disabled=bool(r[8]), failed_tries=r[9], locked_until=r[10], created_at=r[11],
    )  # fmt: skip


def any_users(conn: sqlite3.Connection) -> bool:
    """Whether the shop has users at all (then every act needs someone signed in)."""
    return conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def user_by_name(conn: sqlite3.Connection, name: str) -> UserRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name.strip(),))
    found = row.fetchone()
    return _user(found) if found else None


def all_users(conn: sqlite3.Connection) -> list[UserRow]:
    return [_user(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM users ORDER BY id")]


def enabled_owners(conn: sqlite3.Connection) -> int:
    sql = "SELECT count(*) FROM users WHERE role = 'owner' AND disabled = 0"
    return conn.execute(sql).fetchone()[0]


def add_user(
    conn: sqlite3.Connection,
    *,
    name: str,
    role: str,
    pin: Secret,
    recovery: Secret | None,
    created_at: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO users (name, role, pin_hash, pin_salt, pin_params, recovery_hash,"
        " recovery_salt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            name, role, pin.hash, pin.salt, pin.params, recovery and recovery.hash,
            recovery and recovery.salt, created_at,
        ),
    )  # fmt: skip
    return int(cur.lastrowid or 0)


def set_pin(conn: sqlite3.Connection, user_id: int, pin: Secret) -> None:
    """A new PIN; it also ends any wait from wrong PINs."""
    conn.execute(
        "UPDATE users SET pin_hash = ?, pin_salt = ?, pin_params = ?, failed_tries = 0,"
        " locked_until = NULL WHERE id = ?",
        (pin.hash, pin.salt, pin.params, user_id),
    )


def set_recovery(conn: sqlite3.Connection, user_id: int, code: Secret) -> None:
    conn.execute(
        "UPDATE users SET recovery_hash = ?, recovery_salt = ? WHERE id = ?",
        (code.hash, code.salt, user_id),
    )


def disable(conn: sqlite3.Connection, user_id: int) -> None:
    conn.execute("UPDATE users SET disabled = 1 WHERE id = ?", (user_id,))


def note_failure(conn: sqlite3.Connection, user_id: int, tries: int, until: str | None) -> None:
    conn.execute(
        "UPDATE users SET failed_tries = ?, locked_until = ? WHERE id = ?", (tries, until, user_id)
    )


def clear_failures(conn: sqlite3.Connection, user_id: int) -> None:
    conn.execute("UPDATE users SET failed_tries = 0, locked_until = NULL WHERE id = ?", (user_id,))
