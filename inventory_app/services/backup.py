"""Backups with SQLite's online backup API, verified before they are called good."""

from __future__ import annotations

from pathlib import Path

from inventory_app.domain.errors import NotAnInventoryFile, RefusedOperation
from inventory_app.domain.roles import Actor, may
from inventory_app.services.access import record_done, require, roles_text
from inventory_app.storage import backup as copies
from inventory_app.storage.db import Database, open_db


def backup(db: Database, dest: str | Path) -> Path:
    """Copy the open shop to ``dest`` (a consistent snapshot even while others read), then
    reopen the copy and prove it: integrity_check passes and row counts match."""
    actor = require(db, "backup")
    dest = Path(dest).expanduser()
    if dest.is_dir():
        dest = dest / f"{db.path.stem}-backup.db"
    if dest.resolve() == db.path.resolve():
        raise RefusedOperation("backup.overwrites_shop", path=str(dest))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    copies.copy_into(db.conn, tmp)
    _verify(tmp, copies.ledger_counts(db.conn))
    tmp.replace(dest)
    record_done(db, actor, "backup", str(dest))
    return dest


def _verify(path: Path, expected: dict[str, int]) -> None:
    health = copies.inspect_copy(path)
    if health.problems:
        raise RefusedOperation("backup.not_sound", problems="; ".join(health.problems[:3]))
    for table, count in expected.items():
        copied = health.counts.get(table)
        if copied != count:
            path.unlink(missing_ok=True)
            raise RefusedOperation(
                "backup.count_mismatch", table=table, copied=copied, expected=count
            )


def restore(backup_path: str | Path, shop_path: str | Path, *, actor: Actor | None = None) -> Path:
    """Replace the shop file with a verified backup (the shop must be closed). The current
    file is kept beside it as ``*.before-restore``. ``actor``: who restores, as signed in to
    the shop being replaced (an owner when it has users); the restore is audited in the
    restored file."""
    if actor is not None and actor.role is not None and not may(actor.role, "restore"):
        raise RefusedOperation(
            "users.role_needed", action="restore", roles=roles_text("restore"), role=actor.role
        )
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
    copies.copy_file(src, shop)
    if actor is not None:
        with open_db(shop, write=True, check=False) as restored:
            record_done(restored, actor, "restore", str(src))
    return shop


__all__ = ["NotAnInventoryFile", "backup", "restore"]
