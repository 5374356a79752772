"""Who may act, and the audit trail of what they did: every write service calls ``require``
before it acts and ``record`` inside its own transaction, so the audit row and the act are
written together or not at all.

The actor is ``db.actor`` (set by ``users.sign_in``): a shop without users keeps the default
actor (no name, no role) and may do anything, as before users existed; once the shop has users
an act needs someone signed in whose role the table in ``domain.roles`` allows.
"""

from __future__ import annotations

import datetime as dt
import json

from inventory_app.domain.errors import RefusedOperation
from inventory_app.domain.roles import ACTIONS, Actor, Role, Source, roles_for
from inventory_app.storage import audit
from inventory_app.storage import users as user_rows
from inventory_app.storage.db import Connection, Database

_SOURCES = {s.value for s in Source}
_ROLE_WORDS = {Role.OWNER: "owner", Role.CLERK: "clerk", Role.ACCOUNTANT: "accountant"}


def roles_text(action: str) -> str:
    """The roles that may take ``action`` in words ("owner or clerk"): messages_zh's WORDS
    hold each phrase in Chinese."""
    words = [_ROLE_WORDS[r] for r in roles_for(action)]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def needs_sign_in(db: Database) -> bool:
    """Whether acts on this handle need someone to sign in first."""
    return db.actor.role is None and user_rows.any_users(db.conn)


def require(db: Database, action: str) -> Actor:
    """The actor, when they may take ``action``; else ``RefusedOperation`` naming the roles
    that may ("users.sign_in_needed" when nobody is signed in to a shop with users)."""
    if action not in ACTIONS:
        raise KeyError(action)  # a bug: every action is in the table
    actor = db.actor
    if actor.role is None:
        if user_rows.any_users(db.conn):
            raise RefusedOperation("users.sign_in_needed", roles=roles_text(action))
        return actor
    if actor.role not in ACTIONS[action]:
        raise RefusedOperation(
            "users.role_needed", action=action, roles=roles_text(action), role=str(actor.role)
        )
    return actor


def allowed(db: Database, action: str) -> bool:
    """Whether ``require(db, action)`` would pass (for enabling the UI's actions)."""
    if db.actor.role is None:
        return not user_rows.any_users(db.conn)
    return db.actor.role in ACTIONS[action]


def now_text(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).astimezone().isoformat(timespec="seconds")


def record(
    conn: Connection,
    actor: Actor,
    action: str,
    object: str = "",
    *,
    source: str | None = None,
    **details: object,
) -> None:
    """An audit row for ``action`` on ``object`` by ``actor``, in the caller's transaction;
    ``details`` are plain values (text, numbers, dates as text)."""
    audit.add(
        conn,
        at=now_text(),
        user=actor.name,
        role=str(actor.role or ""),
        source=source if source in _SOURCES else str(actor.source),
        action=action,
        object=object,
        details=json.dumps(details, ensure_ascii=False, default=str, sort_keys=True),
    )


def record_done(db: Database, actor: Actor, action: str, object: str = "", **details: object):
    """An audit row for something done outside the shop's transaction (an export, a backup),
    written after it succeeded."""
    with db.note_transaction() as conn:
        record(conn, actor, action, object, **details)
