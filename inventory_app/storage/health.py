"""When opening proves a shop file with ``PRAGMA quick_check``, running it, and noting a pass.

Opening (``db.open_db``) asks ``due`` and runs ``quick_check`` when it is; ``check`` and the
desktop app's background check run it each time (``db.check_file``, ``db.check_pages``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from inventory_app.domain.errors import NotAnInventoryFile
from inventory_app.storage import meta

# PRAGMA quick_check reads every page of the file (~2 s on 1M movements): opening runs it only
# when it is due (``due``); ``check`` and the desktop app's background check run it each
# time, and a pass seen by a writer is noted in the file under this key: when (UTC, ISO 8601)
# and where ("2026-12-02T06:35:29+00:00 /home/shop/shop.db").
QUICK_CHECK_PASSED = "quick_check_passed"
QUICK_CHECK_EVERY = dt.timedelta(days=1)


def due(conn: sqlite3.Connection, path: Path, *, unclean: bool) -> bool:
    """Whether opening should prove the file with ``quick_check`` now: after an unclean
    shutdown, and when no pass has been noted in the last day for the file at this place
    (a copy, a backup about to be restored, a file moved: checked at its first open).

    Unclean shutdown (a writer killed, the machine stopped with the file open) is told by the
    lock file beside it (``storage.lock``): a clean close empties it, so text in a lock file
    nobody holds means the last writer never closed. Chosen over a "writer open" row in the
    file, which would cost a commit and an fsync at every writer's open and close and make
    opening fail on a full disk; and over "a -wal left behind", which says nothing certain:
    readers keep one too, and a checkpoint may have emptied it before the writer died.

    The pass is noted by writers only: a reader's connection is query-only, and taking the
    writer lock just to write one line would refuse a writer starting meanwhile. So a shop
    only read for more than a day is checked at each read until a writer opens it (the
    desktop app notes its background check at start and daily while the shop is open)."""
    if unclean:
        return True
    try:
        noted = meta.get(conn, QUICK_CHECK_PASSED)
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode != sqlite3.SQLITE_ERROR:
            raise  # busy, I/O: refused by the caller
        return True  # no meta table in a file of ours: what quick_check is for
    if noted is None:
        return True
    stamp, _, where = noted.partition(" ")
    if where != str(path.resolve()):
        return True
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return True
    if when.tzinfo is None:
        return True
    age = dt.datetime.now(dt.UTC) - when
    return not dt.timedelta(0) <= age < QUICK_CHECK_EVERY  # in the future: a clock set back


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise NotAnInventoryFile("db.damaged", name=path.name, problems="; ".join(problems[:3]))


def note_pass(conn: sqlite3.Connection, path: Path) -> None:
    """Note in the file that ``quick_check`` passed now, here (a writer's connection, outside
    any transaction). A note that cannot be written (busy, disk full) only means the next open
    checks again."""
    stamp = f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} {path.resolve()}"
    try:
        conn.execute("BEGIN IMMEDIATE")
        meta.put(conn, [(QUICK_CHECK_PASSED, stamp)])
        conn.execute("COMMIT")
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
