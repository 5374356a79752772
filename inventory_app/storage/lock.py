"""One writer per database file, across processes.

A lock file beside the database is held with an OS lock (``flock`` on POSIX,
``msvcrt.locking`` on Windows) for as long as a writer has the file open. The OS
releases it when the process dies, so a crash never leaves the shop locked out.
The file's text says who holds it, for the "in use by ..." message; a clean close empties
it, so text left in a lock file nobody holds says the last writer never closed the file
(killed, crashed, the machine lost power): ``acquire`` and ``left_unclean`` report it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import socket
import sys
import threading
import time
from pathlib import Path

from inventory_app.domain.errors import DatabaseInUse, RefusedOperation

# Within one process several connections (UI thread, workers) may write the same file;
# the OS lock is taken once per process and counted.
_held: dict[str, tuple[int, int]] = {}  # path -> (fd, refcount)
_guard = threading.Lock()

# A reader asking ``left_unclean`` holds the lock (shared) for an instant: a writer arriving
# in that instant tries again a few times instead of being refused.
_TRIES = 5
_RETRY_S = 0.01


_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _try_lock(fd: int, *, shared: bool = False) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:  # no shared mode on Windows: a probe takes the byte for an instant
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _try_lock_a_while(fd: int) -> bool:
    for attempt in range(_TRIES):
        if attempt:
            time.sleep(_RETRY_S)
        if _try_lock(fd):
            return True
    return False


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(path: Path) -> dict[str, object] | None:
    """Who holds the lock, as its file says (None when it cannot be read)."""
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict):
        return None
    return {
        "user": info.get("user") or "someone",
        "host": info.get("host") or "this computer",
        "program": info.get("program") or "inventory-app",
        "pid": info.get("pid", "?"),
        "since": info.get("since") or "?",
    }


def _in_use(db_path: Path, lp: Path) -> DatabaseInUse:
    holder = _holder(lp)
    if holder is None:
        return DatabaseInUse("db.in_use_unknown", name=db_path.name)
    return DatabaseInUse("db.in_use", name=db_path.name, **holder)


def acquire(db_path: Path, *, program: str) -> bool:
    """Take the writer lock for ``db_path`` or raise ``DatabaseInUse``. True when the writer
    before did not close the file cleanly (only for the first holder in this process: the
    others join a writer that is alive)."""
    key = str(db_path.resolve())
    with _guard:
        if key in _held:
            fd, count = _held[key]
            _held[key] = (fd, count + 1)
            return False
        lp = lock_path(db_path)
        try:
            fd = os.open(lp, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # a read-only folder or medium, or a name in the way
            raise RefusedOperation(
                "db.cannot_lock", name=db_path.name, lock=lp.name, problems=exc.strerror or str(exc)
            ) from exc
        if not _try_lock_a_while(fd):
            os.close(fd)
            raise _in_use(db_path, lp)
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            left = os.read(fd, 1)  # the last writer's text, if it never emptied it
        except OSError:  # pragma: no cover - unreadable: assume the worst
            left = b"?"
        info = {
            "user": _user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "program": program,
            "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        data = json.dumps(info).encode("utf-8")
        try:
            os.ftruncate(fd, 0)
            # On Windows the locked byte is 0; the text goes after it so readers can see it.
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)
        except OSError as exc:  # a full disk, a device in the lock file's place
            _unlock(fd)
            os.close(fd)
            code = "db.disk_full" if exc.errno in _FULL else "db.cannot_lock"
            raise RefusedOperation(
                code, name=db_path.name, lock=lp.name, problems=exc.strerror or str(exc)
            ) from None
        _held[key] = (fd, 1)
        return bool(left)


def release(db_path: Path, *, clean: bool = True) -> None:
    """Give the writer lock back. ``clean=False`` (an open refused half way, a damaged file)
    leaves the holder's text behind, so the next open checks the file as after a crash."""
    key = str(db_path.resolve())
    with _guard:
        if key not in _held:
            return
        fd, count = _held[key]
        if count > 1:
            _held[key] = (fd, count - 1)
            return
        del _held[key]
        if clean:  # an empty lock file: closed cleanly (else the next open checks once more)
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)


def held_here(db_path: Path) -> bool:
    """True when this process holds the writer lock for ``db_path``."""
    with _guard:
        return str(db_path.resolve()) in _held


def left_unclean(db_path: Path) -> bool:
    """True when a writer had ``db_path`` open and never closed it: its text is still in the
    lock file and nobody holds the lock. For readers, who never take the lock to write: the
    probe holds it shared for an instant (``acquire`` waits that out), and creates nothing."""
    if held_here(db_path):
        return False  # the writer is this process, alive
    try:
        fd = os.open(lock_path(db_path), os.O_RDONLY)
    except OSError:
        return False  # no lock file: no writer of ours has opened it here
    try:
        try:
            if not os.read(fd, 1):
                return False  # emptied by a clean close
        except OSError:  # a directory in the way; on Windows a live writer's locked byte
            return False
        os.lseek(fd, 0, os.SEEK_SET)  # Windows locks from the file position: byte 0
        if not _try_lock(fd, shared=True):
            return False  # a writer holds it: alive
        _unlock(fd)
        return True
    finally:
        os.close(fd)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no name is configured
        return "someone"
