"""What SQLite reports about the file is refused with a code; anything else stays a bug.

Each problem is provoked for real: a second writer holding the write lock, a read-only
connection, a size limit that fills the file, damaged pages, a lock file that cannot be made.
"""

from __future__ import annotations

import sqlite3

import pytest

from inventory_app.domain.errors import NotAnInventoryFile, RefusedOperation
from inventory_app.services import shop
from inventory_app.storage import lock
from inventory_app.storage.db import Database, open_db


def meta_rows(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM meta").fetchone()[0]


def test_a_second_writer_holding_the_write_lock_is_busy(db):
    other = sqlite3.connect(db.path, isolation_level=None)  # e.g. the sqlite3 shell
    other.execute("BEGIN IMMEDIATE")
    db.conn.execute("PRAGMA busy_timeout = 50")  # the same wait, shorter
    try:
        with pytest.raises(RefusedOperation) as caught, db.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('x', 'y')")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.code == "db.busy" and caught.value.params["name"] == "shop.db"
    assert str(caught.value) == "shop.db is busy: another program is writing to it."
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    with db.transaction() as conn:  # free again
        conn.execute("INSERT INTO meta VALUES ('x', 'y')")
    assert db.meta("x") == "y"


def test_a_read_only_file_cannot_be_written(tmp_path):
    path = tmp_path / "shop.db"
    shop.create_shop(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    db = Database(path, conn, writable=True)  # as SQLite opens a file it may not write
    before = meta_rows(db)
    with pytest.raises(RefusedOperation) as caught, db.transaction() as c:
        c.execute("INSERT INTO meta VALUES ('x', 'y')")
    assert caught.value.code == "db.cannot_write"
    assert "read-only file or folder" in str(caught.value)
    assert not conn.in_transaction and meta_rows(db) == before
    conn.close()


def test_a_full_disk_refuses_the_write_and_keeps_nothing(db):
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: disk full
    before = meta_rows(db)
    with pytest.raises(RefusedOperation) as caught, db.transaction() as conn:
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)", [(f"k{i}", "x" * 900) for i in range(50)]
        )
    assert caught.value.code == "db.disk_full"
    assert str(caught.value) == "The disk holding shop.db is full; nothing was saved."
    assert not db.conn.in_transaction and meta_rows(db) == before
    db.conn.execute("PRAGMA max_page_count = 1073741823")
    with db.transaction() as conn:  # space again: writes go on
        conn.execute("INSERT INTO meta VALUES ('x', 'y')")


def _damage_meta(path) -> None:
    """Scribble over the whole root page of the ``meta`` table, its header too (the schema,
    on page 1, stays readable). With the header kept, whether a write found the damage
    depended on how SQLite's key search read the scribbled cells: once in CI, an insert of
    the largest key took the intact right-most pointer and went through."""
    db = shop.create_shop(path)
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)", [(f"k{i:04}", "x" * 500) for i in range(400)]
        )
    root = db.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()
    size = db.conn.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    start = (root[0] - 1) * size
    data[start : start + size] = b"\xff" * size
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_refused_on_open_and_on_write(tmp_path):
    path = tmp_path / "shop.db"
    _damage_meta(path)
    with pytest.raises(NotAnInventoryFile) as caught:
        open_db(path)  # the quick check finds it
    assert caught.value.code == "db.damaged" and "Restore it from a backup" in str(caught.value)
    with open_db(path, check=False) as db:  # opened without the check: the write finds it
        with pytest.raises(NotAnInventoryFile) as caught, db.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('k2000', 'y')")
        assert caught.value.code == "db.damaged"
        assert caught.value.params["problems"] == "database disk image is malformed"
        assert not db.conn.in_transaction


def test_garbage_is_not_a_database_on_open_nor_on_write(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my shopping notes" * 200)
    with pytest.raises(NotAnInventoryFile) as caught:
        open_db(path)
    assert caught.value.code == "db.not_inventory"
    assert caught.value.params == {"name": "notes.db", "problems": "file is not a database"}
    db = Database(path, sqlite3.connect(path, isolation_level=None), writable=True)
    with pytest.raises(NotAnInventoryFile) as caught, db.transaction():
        pass  # BEGIN itself reads the header
    assert caught.value.code == "db.damaged"
    db.conn.close()


def test_other_sqlite_errors_are_bugs_and_surface_as_they_are(db):
    with pytest.raises(sqlite3.OperationalError, match="no such table"), db.transaction() as c:
        c.execute("INSERT INTO nowhere VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as c:
        c.execute("INSERT INTO meta VALUES ('shop_name', 'twice')")  # a primary key clash
    assert not db.conn.in_transaction


def test_a_lock_file_that_cannot_be_made(tmp_path):
    path = tmp_path / "shop.db"
    shop.create_shop(path).close()
    lock.lock_path(path).unlink()
    lock.lock_path(path).mkdir()  # something in the way (as a read-only folder would be)
    with pytest.raises(RefusedOperation) as caught:
        open_db(path)
    assert caught.value.code == "db.cannot_lock"
    assert caught.value.params["lock"] == "shop.db.lock"
    with open_db(path, write=False) as reader:  # reading needs no lock
        assert meta_rows(reader) > 0


def test_the_tables_each_version_must_hold_are_those_its_steps_make():
    import sqlite3

    from inventory_app.storage import migrations

    conn = sqlite3.connect(":memory:", isolation_level=None)
    for version, step in enumerate(migrations.STEPS, 1):
        conn.execute("BEGIN")
        step(conn)
        conn.execute("COMMIT")
        made = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert migrations.tables_of(version) <= made
        if version <= 6:  # the steps this list was written for: every table named
            assert {t for t in made if "_fts_" not in t} == migrations.tables_of(version)
