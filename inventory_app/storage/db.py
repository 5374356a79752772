"""Opening an inventory database: pragmas, health checks, the writer lock, transactions."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from inventory_app.domain.errors import NotAnInventoryFile, RefusedOperation
from inventory_app.domain.roles import Actor
from inventory_app.storage import health, lock, migrations
from inventory_app.storage.mapped import never_mapped
from inventory_app.storage.problems import os_refusal, refusal

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000
# 64 MiB of page cache: index pages of a big ledger stay in memory during bulk postings
# (measured: raw inserts of 300k movements went from ~54k to ~93k rows/s).
CACHE_KIB = 65536

# The connection type services hold inside a transaction, without importing sqlite3 themselves.
Connection = sqlite3.Connection


class Database:
    """An open inventory file. ``conn`` is in autocommit mode; writes go through
    ``transaction()`` which takes SQLite's write lock up front (BEGIN IMMEDIATE)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, writable: bool) -> None:
        self.path = path
        self.conn = conn
        self.writable = writable
        self._depth = 0
        # Who acts on this handle: set by ``services.users`` at sign-in, read by every
        # service that writes (role rules, audit). A shop without users keeps the default.
        self.actor = Actor()

    @functools.cached_property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, made when first asked for: importing it
        (and numpy, which it loads when present) costs ~0.15 s of start-up."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        if self.conn is None:
            return
        try:
            if self.writable:
                # Fold the WAL back so the file can be copied as one piece.
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            self.conn = None  # type: ignore[assignment]
            if self.writable:
                lock.release(self.path)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write. Nested use joins the outer transaction. What SQLite reports about
        the file (busy, disk full, read-only, damaged, I/O) is raised as an ``InventoryError``
        with nothing written; any other error is a bug and surfaces as it is."""
        if not self.writable:
            raise RefusedOperation("db.read_only", name=self.path.name)
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            self._roll_back()
            if isinstance(exc, sqlite3.Error):
                problem = refusal(exc, self.path)
                if problem is not None:
                    raise problem from exc
            raise
        self._depth = 0
        try:
            self._execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # the first error is the one to see
                self._roll_back()
            raise

    @contextlib.contextmanager
    def note_transaction(self) -> Iterator[sqlite3.Connection]:
        """A write of a few rows that even a reader must make (a sign-in, a wrong PIN, in
        the audit and the user's wait): the writer's own transaction, or on a read-only
        handle a short one on a connection of its own. It bypasses the writer lock on
        purpose: those rows take SQLite-assigned ids and touch nothing the posting engine
        numbers itself, and SQLite's own lock keeps the two writes apart."""
        if self.writable:
            with self.transaction() as conn:
                yield conn
            return
        side = Database(self.path, _connect(self.path), writable=True)
        try:
            with side.transaction() as conn:
                yield conn
        finally:
            side.conn.close()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads of one consistent state: one read transaction (WAL keeps the state
        at its first read for it while others post). Inside a transaction already (a write,
        or an outer snapshot), the reads join it. Nothing may be written inside."""
        if self._depth or self.conn.in_transaction:
            yield self.conn
            return
        self._execute("BEGIN DEFERRED")
        try:
            yield self.conn
        finally:
            with contextlib.suppress(sqlite3.Error):
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")  # a read transaction: ends, writes nothing

    def _execute(self, sql: str) -> None:
        """A statement of the transaction's own (BEGIN, COMMIT), SQLite's problems refused."""
        try:
            self.conn.execute(sql)
        except sqlite3.Error as exc:
            problem = refusal(exc, self.path)
            if problem is None:
                raise
            raise problem from exc

    def _roll_back(self) -> None:
        # SQLite has already rolled back after some errors (disk full, I/O): a second
        # ROLLBACK would fail and hide the first error.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default


def _connect(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection to ``path``; what SQLite reports about the file is refused."""
    try:
        if immutable:
            uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(
                str(path),
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        never_mapped(conn)  # (see storage.mapped)
    except sqlite3.Error as exc:
        problem = refusal(exc, path)
        if problem is None:
            raise
        raise problem from exc
    return conn


def open_db(
    path: str | Path,
    *,
    write: bool = True,
    create: bool = False,
    program: str = "inventory-app",
    check: bool = True,
) -> Database:
    """Open (or with ``create`` make) an inventory database.

    Raises ``NotAnInventoryFile`` for a missing, foreign, damaged or too-new file and
    ``DatabaseInUse`` when another process is writing to it. ``check``: prove the file's
    structure with ``quick_check`` when it is due (see ``health.due``); False leaves that to
    the caller (``check_file``).
    """
    path = Path(path).expanduser()
    if create and not write:
        raise ValueError("create needs write")
    try:
        if path.is_dir():
            raise NotAnInventoryFile("db.is_folder", path=str(path))
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise NotAnInventoryFile("db.missing", path=str(path))
        unclean = False
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            unclean = lock.acquire(path, program=program)
        elif check and exists:
            unclean = lock.left_unclean(path)
    except OSError as exc:  # a name too long, a folder that cannot be made or listed
        raise os_refusal(exc, path) from None
    try:
        conn = _open_connection(path, write=write, fresh=not exists, check=check, unclean=unclean)
    except BaseException:
        if write:
            lock.release(path, clean=False)  # refused (damaged, too new...): check it next time
        raise
    return Database(path, conn, writable=write)


def _open_connection(
    path: Path, *, write: bool, fresh: bool, check: bool, unclean: bool
) -> sqlite3.Connection:
    """A prepared connection. A reader in a folder it may not write to (a read-only share, a
    CD, another user's folder) cannot make the ``-shm`` file WAL needs: it reads the file as
    immutable instead, which is safe there since nobody can write beside it either."""
    try:
        return _prepared(
            _connect(path), path, write=write, fresh=fresh, check=check, unclean=unclean
        )
    except RefusedOperation as exc:
        if write or exc.code not in ("db.cannot_write", "db.cannot_open"):
            raise
        if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
            raise
    conn = _connect(path, immutable=True)
    return _prepared(conn, path, write=False, fresh=fresh, check=check, unclean=unclean)


def _prepared(
    conn: sqlite3.Connection, path: Path, *, write: bool, fresh: bool, check: bool, unclean: bool
) -> sqlite3.Connection:
    try:
        _prepare(conn, path, write=write, fresh=fresh, check=check and not fresh, unclean=unclean)
    except BaseException:
        conn.close()
        raise
    return conn


def check_file(path: str | Path) -> None:
    """``quick_check`` now, on a read-only connection of its own (the desktop app runs it in
    the background after opening): ``NotAnInventoryFile`` ("db.damaged") when it fails. When
    this process is the file's writer, the pass is noted in the file for ``health.due``."""
    path = Path(path).expanduser()
    with open_db(path, write=False, check=False) as db:
        check_pages(db)
    if lock.held_here(path):
        # The note goes through a connection of its own: the writer's is the UI thread's.
        # (Were the writer closed in between, this one line would be written unlocked; a
        # note of a pass just seen, harmless to whoever writes next.)
        conn = _connect(path)
        try:
            health.note_pass(conn, path)
        finally:
            conn.close()


def check_pages(db: Database) -> None:
    """``quick_check`` now, on ``db``'s connection: ``NotAnInventoryFile`` ("db.damaged"),
    as opening gives, when it fails."""
    try:
        health.quick_check(db.conn, db.path)
    except sqlite3.Error as exc:
        problem = refusal(exc, db.path)
        if problem is None:
            raise
        raise problem from exc


def _prepare(
    conn: sqlite3.Connection,
    path: Path,
    *,
    write: bool,
    fresh: bool,
    check: bool,
    unclean: bool,
) -> None:
    """Verify the file, set the connection up and (writers) migrate it; what SQLite reports
    about the file is refused as in ``transaction``."""
    try:
        tables = _verify(conn, path, fresh=fresh)
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA temp_store = MEMORY")
        proved = check and tables > 0 and health.due(conn, path, unclean=unclean)
        if proved:
            health.quick_check(conn, path)
        if write:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            migrations.migrate(conn)
            if proved:
                health.note_pass(conn, path)
        else:
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        problem = refusal(exc, path)
        if problem is None:
            raise
        raise problem from exc


def _verify(conn: sqlite3.Connection, path: Path, *, fresh: bool) -> int:
    """Refuse a file that is not ours, not a database or too new (reading the header and
    the schema only); the number of schema entries it holds."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        tables = len(names)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) not in (
            sqlite3.SQLITE_NOTADB,
            sqlite3.SQLITE_CORRUPT,
        ):
            raise  # busy, I/O...: refused by the caller as such, or a bug
        raise NotAnInventoryFile("db.not_inventory", name=path.name, problems=str(exc)) from exc
    if fresh:
        return 0
    if app_id != migrations.APPLICATION_ID and not (app_id == 0 and tables == 0):
        raise NotAnInventoryFile("db.foreign", name=path.name)
    if version > migrations.LATEST:
        raise NotAnInventoryFile(
            "db.newer", name=path.name, version=version, latest=migrations.LATEST
        )
    missing = migrations.tables_of(version) - {name for kind, name in names if kind == "table"}
    if missing:  # dropped by another program, or a damaged schema: refused before any read
        raise NotAnInventoryFile(
            "db.table_missing", name=path.name, tables=", ".join(sorted(missing))
        )
    return tables
