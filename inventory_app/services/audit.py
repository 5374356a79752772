"""Reading the audit trail: who did what, when and from where."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from inventory_app.services.access import require
from inventory_app.services.reports import check_period
from inventory_app.storage import audit as q
from inventory_app.storage.db import Database


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str  # ISO 8601 with the local offset
    user: str  # '' in a shop without users
    role: str
    source: str  # app | cli | import
    action: str
    object: str
    details: dict[str, object]


def entries(
    db: Database, *, start: dt.date, end: dt.date, user: str | None = None
) -> list[AuditEntry]:
    """What was done from ``start`` to ``end`` inclusive (by ``user`` when given), oldest
    first. Any role may read it."""
    require(db, "read")
    check_period(start, end)
    rows = q.rows(
        db.conn,
        since=start.isoformat(),
        before=end.isoformat() + "~",  # after every stamp of that day ("T..." < "~")
        user=user,
    )
    return [
        AuditEntry(r.id, r.at, r.user, r.role, r.source, r.action, r.object, json.loads(r.details))
        for r in rows
    ]


def user_names(db: Database) -> list[str]:
    return q.user_names(db.conn)
