"""What SQLite or the OS reports about a shop file (busy, read-only, full, damaged, a table
missing, permission, a name too long), as the refusal a user reads: the one mapping ``db``,
``services.shop.file_problem`` and the fronts share."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from inventory_app.domain.errors import InventoryError, NotAnInventoryFile, RefusedOperation

# What SQLite can report about the file itself, by primary result code: each is the shop
# owner's to resolve (wait, free space, fix permissions, restore a backup), so it is refused
# with a code. Everything else SQLite raises (constraint failures, SQL errors) is our bug.
_REFUSALS: dict[int, tuple[type[InventoryError], str]] = {
    sqlite3.SQLITE_BUSY: (RefusedOperation, "db.busy"),
    sqlite3.SQLITE_LOCKED: (RefusedOperation, "db.busy"),
    sqlite3.SQLITE_FULL: (RefusedOperation, "db.disk_full"),
    sqlite3.SQLITE_READONLY: (RefusedOperation, "db.cannot_write"),
    sqlite3.SQLITE_CORRUPT: (NotAnInventoryFile, "db.damaged"),
    sqlite3.SQLITE_NOTADB: (NotAnInventoryFile, "db.damaged"),
    sqlite3.SQLITE_IOERR: (RefusedOperation, "db.io_error"),
    sqlite3.SQLITE_CANTOPEN: (RefusedOperation, "db.cannot_open"),
}


def refusal(exc: sqlite3.Error, path: Path) -> InventoryError | None:
    """The refusal for what SQLite reported about ``path``, or None when ``exc`` is not
    about the file (a bug). ``problems`` is SQLite's own sentence."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # raised by the sqlite3 module itself (closed connection, misuse)
        return None
    found = _REFUSALS.get(code & 0xFF)  # extended codes (SQLITE_IOERR_WRITE...) keep the low byte
    if found is None:
        return None
    cls, what = found
    return cls(what, name=path.name, problems=str(exc))


# What an OSError about the shop file means to its owner, by errno.
_OS_REFUSALS: dict[int, tuple[type[InventoryError], str]] = {
    errno.ENAMETOOLONG: (RefusedOperation, "file.name_too_long"),
    errno.ENOSPC: (RefusedOperation, "db.disk_full"),
    errno.EFBIG: (RefusedOperation, "db.disk_full"),
    errno.EACCES: (RefusedOperation, "file.no_permission"),
    errno.EPERM: (RefusedOperation, "file.no_permission"),
    errno.EROFS: (RefusedOperation, "db.cannot_write"),
    errno.EISDIR: (NotAnInventoryFile, "file.is_folder"),
    errno.ENOTDIR: (RefusedOperation, "file.no_folder"),
    errno.ENOENT: (RefusedOperation, "file.no_folder"),
}


def os_refusal(exc: OSError, path: Path) -> InventoryError:
    """The refusal for an ``OSError`` about ``path`` (or a file beside it)."""
    cls, code = _OS_REFUSALS.get(exc.errno or 0, (RefusedOperation, "file.os_error"))
    return cls(
        code, name=_short(path.name), path=_short(str(path)), problems=exc.strerror or str(exc)
    )


def _short(text: str, limit: int = 80) -> str:
    """A name as shown in a message: a 300-character one is cut in the middle."""
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 2 :]}"


def problem_of(exc: BaseException, path: Path | None) -> InventoryError | None:
    """What SQLite or the OS reported about the shop file at ``path``, as the refusal to show,
    or None when ``exc`` is none of those (a bug)."""
    where = path if path is not None else Path("shop.db")
    if isinstance(exc, sqlite3.Error):
        if _is_missing_table(exc):
            return NotAnInventoryFile("db.table_missing", name=where.name, tables=str(exc))
        return refusal(exc, where)
    if isinstance(exc, OSError) and exc.errno is not None:
        return os_refusal(exc, where)
    return None


def _is_missing_table(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and str(exc).startswith("no such table")
