"""Backups with SQLite's online backup API, verified before they are called good."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from inventory_app.domain.errors import NotAnInventoryFile, RefusedOperation
from inventory_app.storage.db import Database, open_db

_COUNTED = ("items", "batches", "movements", "allocations")


def backup(db: Database, dest: str | Path) -> Path:
    """Copy the open shop to ``dest`` (a consistent snapshot even while others read), then
    reopen the copy and prove it: integrity_check passes and row counts match."""
    dest = Path(dest).expanduser()
    if dest.is_dir():
        dest = dest / f"{db.path.stem}-backup.db"
    if dest.resolve() == db.path.resolve():
        raise RefusedOperation("the backup cannot overwrite the shop file itself")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(str(tmp))
    try:
        db.conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    _verify(tmp, {t: _count(db.conn, t) for t in _COUNTED})
    tmp.replace(dest)
    return dest


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _verify(path: Path, expected: dict[str, int]) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise RefusedOperation(f"the backup did not verify: {'; '.join(result[:3])}")
        got = {t: _count(conn, t) for t in expected}
    finally:
        conn.close()
    if got != expected:
        path.unlink(missing_ok=True)
        raise RefusedOperation(f"the backup did not verify: counts {got} != {expected}")


def restore(backup_path: str | Path, shop_path: str | Path) -> Path:
    """Replace the shop file with a verified backup (the shop must be closed). The current
    file is kept beside it as ``*.before-restore``."""
    src = Path(backup_path)
    with open_db(src, write=False):
        pass  # raises NotAnInventoryFile for anything that is not a sound shop file
    shop = Path(shop_path)
    if shop.exists():
        keep = shop.with_name(shop.name + ".before-restore")
        keep.unlink(missing_ok=True)
        shop.replace(keep)
    for suffix in ("-wal", "-shm"):
        Path(str(shop) + suffix).unlink(missing_ok=True)
    conn = sqlite3.connect(str(src))
    target = sqlite3.connect(str(shop))
    try:
        conn.backup(target)
    finally:
        conn.close()
        target.close()
    return shop


__all__ = ["NotAnInventoryFile", "backup", "restore"]
