"""Backups that cannot hurt: verified copies, automatic rotating ones, listing and restore.

A backup never replaces what it should not: the shop itself, its ``-wal``/``-shm``/``.lock``,
a folder, a device, or an existing file that is not a backup of this shop (``force`` allows
the last only). It is written under a temporary name beside the target, verified against the
state it copied (one read transaction, see ``storage.backup``), then renamed over the target;
whatever fails (disk full, a read-only folder, a name too long) leaves no partial file.

Automatic backups go to the shop's backup folder (``backup_folder``): at most one a day, made
when the desktop app closes the shop, keeping the newest of each of the last 7 days, 4 weeks
and 12 months that have one.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from inventory_app.domain.errors import NotAnInventoryFile, RefusedOperation, ValidationError
from inventory_app.domain.money import money_from_int
from inventory_app.domain.roles import Actor, may
from inventory_app.services.access import record_done, require, roles_text
from inventory_app.storage import audit as audit_rows
from inventory_app.storage import backup as copies
from inventory_app.storage.db import Connection, Database, open_db

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
AUTO_PREFIX = "auto-"  # automatic backups: auto-2026-12-02T081500.db
BEFORE_RESTORE_PREFIX = "before-restore-"
_STAMP = "%Y-%m-%dT%H%M%S"


def backup_folder(shop_path: Path) -> Path:
    """Where the shop's automatic backups (and the copy kept before a restore) live: a
    folder beside the shop named after it (``shop.db`` -> ``shop-backups``)."""
    shop_path = Path(shop_path)
    return shop_path.with_name(f"{shop_path.stem}-backups")


def _shop_parts(shop_path: Path) -> set[Path]:
    """The shop file and the files SQLite and our lock keep beside it."""
    base = shop_path.resolve()
    names = ["", "-wal", "-shm", "-journal", ".lock"]
    return {base.with_name(base.name + n) for n in names}


def _target(db: Database, dest: str | Path) -> Path:
    """The file a backup to ``dest`` writes (a folder gets a name from the shop)."""
    if not str(dest).strip():
        raise ValidationError("backup.no_destination")
    path = Path(dest).expanduser()
    if path.is_dir():
        path = path / f"{db.path.stem}-backup.db"
    return path


def _refuse_unsafe(db: Database, path: Path, *, force: bool) -> None:
    """Refuse a target that is part of the shop, not a plain file, or another file."""
    resolved = path.resolve()
    if resolved in _shop_parts(db.path) or (
        path.exists() and db.path.exists() and os.path.samefile(path, db.path)
    ):
        raise RefusedOperation("backup.overwrites_shop", path=str(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise RefusedOperation("backup.not_a_file", path=str(path))
    if force:
        return
    notes = copies.backup_notes(path)
    if notes is None or notes.get(copies.BACKUP_OF) != str(db.path.resolve()):
        raise RefusedOperation("backup.would_overwrite", path=str(path))


def _os_refusal(exc: OSError, path: Path) -> RefusedOperation:
    """What the OS said about writing ``path``, as a sentence for the user."""
    folder = str(path.parent)
    if exc.errno == errno.ENOSPC:
        return RefusedOperation("backup.disk_full", folder=folder)
    if exc.errno == errno.ENAMETOOLONG:
        return RefusedOperation("backup.name_too_long", name=path.name)
    if exc.errno == errno.ENOENT:
        return RefusedOperation("backup.no_folder", folder=folder)
    reason = exc.strerror or str(exc)
    return RefusedOperation("backup.cannot_write", folder=folder, reason=reason)


def backup(db: Database, dest: str | Path, *, force: bool = False, kind: str = "manual") -> Path:
    """Copy the open shop to ``dest`` (a file, or a folder to put ``<shop>-backup.db`` in)
    and prove the copy: integrity_check passes and it holds the rows and stock value of the
    state it copied. ``force`` replaces an existing file that is not a backup of this shop."""
    # a manual backup is an act of the signed-in user; the automatic ones are the app's own
    actor = require(db, "backup") if kind == "manual" else None
    try:
        path = _target(db, dest)
        _refuse_unsafe(db, path, force=force)
    except OSError as exc:  # a name too long, a folder we may not look into...
        raise _os_refusal(exc, Path(dest).expanduser()) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".partial", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise _os_refusal(exc, path) from None
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600): the backup gets the shop file's permissions
        os.chmod(tmp, stat.S_IMODE(db.path.stat().st_mode))
        notes = {
            copies.BACKUP_OF: str(db.path.resolve()),
            copies.BACKUP_TAKEN_AT: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            copies.BACKUP_KIND: kind,
        }
        facts = copies.copy_snapshot(db.conn, tmp, notes=notes)
        _verify(tmp, facts)
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _os_refusal(exc, path) from None
    finally:
        tmp.unlink(missing_ok=True)
    if actor is not None:
        record_done(db, actor, "backup", str(path))
    return path


def _verify(path: Path, expected: copies.LedgerFacts) -> None:
    health = copies.inspect_copy(path)
    if health.problems:
        raise RefusedOperation("backup.not_sound", problems="; ".join(health.problems[:3]))
    for table, count in expected.counts.items():
        copied = health.counts.get(table)
        if copied != count:
            raise RefusedOperation(
                "backup.count_mismatch", table=table, copied=copied, expected=count
            )
    if health.stock_value != expected.stock_value:
        raise RefusedOperation(
            "backup.value_mismatch",
            copied=money_from_int(health.stock_value),
            expected=money_from_int(expected.stock_value),
        )


# -- what a backup holds ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup file as the list and the restore preview show it."""

    path: Path
    taken_at: dt.datetime | None  # UTC; None for a copy made by an older version
    kind: str  # manual | daily | before-restore | '' (unknown)
    movements: int
    stock_value: Decimal
    last_movement: dt.date | None
    size_bytes: int
    of_this_shop: bool


def describe(path: str | Path, *, shop_path: Path | None = None) -> BackupInfo:
    """What the shop file at ``path`` holds (a backup's own notes when it has them, else
    counted). ``NotAnInventoryFile`` for a file that is not a sound, readable shop."""
    path = Path(path).expanduser()
    with open_db(path, write=False, check=False) as copy:  # refuses foreign, newer, damaged
        del copy
    notes = copies.backup_notes(path) or {}
    try:
        movements = int(notes[copies.BACKUP_MOVEMENTS])
        value = int(notes[copies.BACKUP_STOCK_VALUE])
        last = notes.get(copies.BACKUP_LAST_DATE, "")
    except (KeyError, ValueError):
        facts = copies.file_facts(path)
        movements, value, last = facts.counts["movements"], facts.stock_value, facts.last_date
    taken = None
    if notes.get(copies.BACKUP_TAKEN_AT):
        try:
            taken = dt.datetime.fromisoformat(notes[copies.BACKUP_TAKEN_AT])
        except ValueError:
            taken = None
    of = notes.get(copies.BACKUP_OF)
    return BackupInfo(
        path=path,
        taken_at=taken,
        kind=notes.get(copies.BACKUP_KIND, ""),
        movements=movements,
        stock_value=money_from_int(value),
        last_movement=dt.date.fromisoformat(last) if last else None,
        size_bytes=path.stat().st_size,
        of_this_shop=shop_path is not None and of == str(Path(shop_path).resolve()),
    )


def list_backups(shop_path: str | Path) -> list[BackupInfo]:
    """The backups in the shop's backup folder, newest first (files that are not readable
    shop files are left out)."""
    folder = backup_folder(Path(shop_path))
    if not folder.is_dir():
        return []
    found = []
    for f in folder.glob("*.db"):
        try:
            found.append(describe(f, shop_path=Path(shop_path)))
        except (NotAnInventoryFile, OSError):
            continue
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    found.sort(key=lambda b: (b.taken_at or epoch, b.path.name), reverse=True)
    return found


# -- automatic, rotating ---------------------------------------------------------------------


def _auto_files(folder: Path) -> list[tuple[dt.datetime, Path]]:
    out = []
    for f in folder.glob(f"{AUTO_PREFIX}*.db"):
        try:
            when = dt.datetime.strptime(f.stem[len(AUTO_PREFIX) :], _STAMP)
        except ValueError:
            continue  # not one of ours: never deleted
        out.append((when, f))
    return sorted(out, reverse=True)


def _drop_stale_partials(folder: Path) -> None:
    """Temporary files of backups that never finished (the machine stopped mid-copy): one
    a day old is no other process's work in progress."""
    day_ago = dt.datetime.now().timestamp() - 86_400
    for f in folder.glob(".backup-*.partial"):
        try:
            if f.stat().st_mtime < day_ago:
                f.unlink()
        except OSError:
            continue  # gone meanwhile, or not ours to delete: harmless either way


def to_keep(stamps: list[dt.datetime]) -> set[dt.datetime]:
    """Which automatic backups rotation keeps: the newest of each of the last
    ``KEEP_DAILY`` days, ``KEEP_WEEKLY`` ISO weeks and ``KEEP_MONTHLY`` months that have one."""
    keep: set[dt.datetime] = set()
    for n, period in (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for t in sorted(stamps, reverse=True):
            p = period(t)
            if p not in seen:
                seen.append(p)
                if len(seen) > n:
                    break
                keep.add(t)
    return keep


def auto_backup(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """Today's automatic backup of the open shop into its backup folder, unless one was
    made today already (None then); then rotation deletes the automatic backups it no
    longer keeps. Each is verified as ``backup`` verifies."""
    now = now or dt.datetime.now()
    folder = backup_folder(db.path)
    existing = _auto_files(folder) if folder.is_dir() else []
    if folder.is_dir():
        _drop_stale_partials(folder)
    if any(when.date() == now.date() for when, _ in existing):
        return None
    path = backup(db, folder / f"{AUTO_PREFIX}{now.strftime(_STAMP)}.db", kind="daily")
    existing.insert(0, (now.replace(microsecond=0), path))
    keep = to_keep([when for when, _ in existing])
    for when, f in existing:
        if when not in keep:
            f.unlink(missing_ok=True)
    return path


# -- restore -----------------------------------------------------------------------------------


def restore(backup_path: str | Path, shop_path: str | Path, *, actor: Actor | None = None) -> Path:
    """Replace the shop's content with a backup. The backup is checked first (a sound shop
    file: integrity_check); the shop, closed by every writer, is locked while it is
    replaced and its current state is kept as a verified backup in its backup folder
    (``before-restore-<time>.db``): returned. The replacement is one SQLite transaction.
    ``actor``: who restores, as signed in to the shop being replaced (an owner when it has
    users); the restore is audited in the restored file."""
    if actor is not None and actor.role is not None and not may(actor.role, "restore"):
        raise RefusedOperation(
            "users.role_needed", action="restore", roles=roles_text("restore"), role=actor.role
        )
    src = Path(backup_path).expanduser()
    shop = Path(shop_path).expanduser()
    if src.exists() and shop.exists() and os.path.samefile(src, shop):
        raise RefusedOperation("restore.same_file", path=str(src))
    if src.resolve() in _shop_parts(shop):
        raise RefusedOperation("restore.same_file", path=str(src))
    describe(src)  # a readable shop file of ours, not too new
    health = copies.inspect_copy(src)
    if health.problems:
        raise NotAnInventoryFile(
            "db.damaged", name=src.name, problems="; ".join(health.problems[:3])
        )
    with open_db(shop, write=True, check=False, program="inventory-app restore") as db:
        stamp = dt.datetime.now().strftime(_STAMP)
        kept = backup(
            db, backup_folder(shop) / f"{BEFORE_RESTORE_PREFIX}{stamp}.db", kind="before-restore"
        )
        trail = audit_rows.rows(db.conn, since="", before="\uffff")
        copies.copy_into(src, db.conn, shop=shop)
    with open_db(shop, write=True, check=False) as restored:
        with restored.transaction() as conn:
            _carry_trail(conn, trail)
        if actor is not None:
            record_done(restored, actor, "restore", str(src))
    return kept


def _carry_trail(conn: Connection, trail: list[audit_rows.AuditRow]) -> None:
    """Append to the restored file the audit entries of the replaced shop it lacks (those
    written after the backup was taken: the acts it undoes, the backup's own entry): the
    trail is append-only, a restore does not take acts out of it. Matched by content, as
    the backup may come from another history; appended in their order, chained anew."""
    have: dict[tuple, int] = {}
    for row in audit_rows.rows(conn, since="", before="\uffff"):
        key = _entry_key(row)
        have[key] = have.get(key, 0) + 1
    for row in trail:
        key = _entry_key(row)
        if have.get(key, 0) > 0:
            have[key] -= 1
            continue
        audit_rows.add(
            conn, at=row.at, user=row.user, role=row.role, source=row.source,
            action=row.action, object=row.object, details=row.details,
        )  # fmt: skip


def _entry_key(row: audit_rows.AuditRow) -> tuple:
    return (row.at, row.user, row.role, row.source, row.action, row.object, row.details)


__all__ = [
    "BackupInfo",
    "NotAnInventoryFile",
    "auto_backup",
    "backup",
    "backup_folder",
    "describe",
    "list_backups",
    "restore",
    "to_keep",
]
