"""The file itself: migrations, triggers, the writer lock, foreign and damaged files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from inventory_app.domain.errors import DatabaseInUse, NotAnInventoryFile
from inventory_app.services import postings as stock
from inventory_app.services import shop
from inventory_app.storage import migrations
from inventory_app.storage.db import open_db


def test_migrations_build_the_schema_from_an_empty_file(tmp_path):
    path = tmp_path / "new.db"
    sqlite3.connect(path).close()  # an empty file, as a user might create
    with open_db(path, create=True) as db:
        conn = db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"items", "batches", "movements", "allocations", "item_month"} <= tables
        assert conn.execute("SELECT name FROM locations").fetchall() == [("Main",)]
    with open_db(path) as again:  # reopening migrates nothing and keeps the data
        assert again.conn.execute("SELECT count(*) FROM locations").fetchone()[0] == 1


def test_each_migration_step_is_one_transaction(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)

    def broken(c):
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    steps = migrations.STEPS
    migrations.STEPS = [steps[0], broken]
    migrations.LATEST = 2
    try:
        with pytest.raises(RuntimeError):
            migrations.migrate(conn)
    finally:
        migrations.STEPS = steps
        migrations.LATEST = len(steps)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names and "items" in names


def shop_at_version_4(path):
    """A file as version 4 left it, with a posted receipt and issue (raw rows)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    steps = migrations.STEPS
    migrations.STEPS, migrations.LATEST = steps[:4], 4
    try:
        migrations.migrate(conn)
    finally:
        migrations.STEPS, migrations.LATEST = steps, len(steps)
    conn.executescript(
        """
        BEGIN;
        INSERT INTO items (id, sku, name, created_at) VALUES (1, 'A1', 'Bolt', 'now');
        INSERT INTO documents VALUES (1, '2026-01-05', 'receipt', '', '', '', '', 'app', 'now');
        INSERT INTO documents VALUES (2, '2026-01-06', 'issue', '', '', '', '', 'app', 'now');
        INSERT INTO movements (id, document_id, date, type, bucket, item_id, location_id, qty,
            value, unit_cost, created_at)
            VALUES (1, 1, '2026-01-05', 'receipt', 'in', 1, 1, 10000, 2500, 25000, 'now');
        INSERT INTO batches VALUES (1, 1, 1, 'B1', '2026-01-05', '2026-01-05', NULL, 25000,
            10000, 2500, 1, NULL, 6000, 1500, '2026-01-06');
        INSERT INTO movements (id, document_id, date, type, bucket, item_id, location_id, qty,
            value, created_at)
            VALUES (2, 2, '2026-01-06', 'issue', 'out', 1, 1, -4000, -1000, 'now');
        INSERT INTO allocations VALUES (1, 2, 1, '2026-01-06', 4000, 1000);
        COMMIT;
        """
    )
    return conn


def test_step_5_rebuilds_movements_keeping_rows_indexes_triggers_and_keys(tmp_path):
    conn = shop_at_version_4(tmp_path / "v4.db")
    before = conn.execute("SELECT * FROM movements ORDER BY id").fetchall()
    assert migrations.migrate(conn) == 4
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # restored
    after = conn.execute("SELECT * FROM movements ORDER BY id").fetchall()
    assert after == [row[:-1] for row in before]  # created_at (last column) is gone
    names = {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'movements'")
    }
    assert {"movements_date", "movements_item", "movements_reversal", "movements_stocktake",
            "movements_adj", "movements_append_only_u", "movements_append_only_d",
            "movements_closed_period"} <= names  # fmt: skip
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    insert = (
        "INSERT INTO movements (document_id, date, type, bucket, item_id, location_id, qty,"
        " value) VALUES (1, '2026-01-07', ?, ?, 1, 1, 1, 1)"
    )
    for kind, bucket in [("bogus", "in"), ("receipt", "sideways")]:  # the checks still hold
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(insert, (kind, bucket))
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):  # keys are on again
        conn.execute(insert.replace("VALUES (1,", "VALUES (99,"), ("receipt", "in"))
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE movements SET qty = 5")


def test_a_rebuild_that_would_break_a_foreign_key_changes_nothing(tmp_path):
    conn = shop_at_version_4(tmp_path / "v4.db")
    conn.execute("PRAGMA foreign_keys = OFF")  # a file damaged by some other program
    conn.execute("INSERT INTO allocations VALUES (2, 77, 1, '2026-01-06', 1, 0)")
    conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(NotAnInventoryFile, match="foreign key") as caught:
        migrations.migrate(conn)
    assert caught.value.code == "db.migration_breaks_keys" and caught.value.params == {"version": 5}
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    cols = [r[1] for r in conn.execute("PRAGMA table_info(movements)")]
    assert "created_at" in cols and conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE movements SET qty = 999",
        "DELETE FROM movements",
        "UPDATE allocations SET value = 0",
        "DELETE FROM allocations",
        "UPDATE documents SET reference = 'x'",
        "DELETE FROM documents",
        "DELETE FROM batches",
        "UPDATE batches SET unit_cost = 1",
        "UPDATE batches SET qty_received = 1",
    ],
)
def test_the_database_itself_refuses_edits_to_posted_rows(stocked, sql):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2.5", date=None)
    stock.issue(stocked, sku="A1", qty="4")
    with pytest.raises(sqlite3.IntegrityError), stocked.transaction() as conn:
        conn.execute(sql)
    assert stocked.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 2


def test_closed_period_is_enforced_by_a_trigger_too(stocked):
    import datetime as dt

    stock.close_period(stocked, dt.date(2026, 1, 31))
    with pytest.raises(sqlite3.IntegrityError, match="closed"), stocked.transaction() as conn:
        conn.execute(
            "INSERT INTO documents VALUES (900, '2026-01-10', 'x', '', '', '', '', 'x', 'now')"
        )
        conn.execute(
            "INSERT INTO movements (document_id, date, type, bucket, item_id, location_id, qty,"
            " value) VALUES (900, '2026-01-10', 'receipt', 'in', 1, 1, 1, 1)"
        )


def test_a_second_writer_is_refused_with_who_holds_it(tmp_path):
    path = tmp_path / "shop.db"
    shop.create_shop(path).close()
    script = textwrap.dedent(
        f"""
        import sys, time
        from inventory_app.services import shop
        db = shop.open_shop({str(path)!r}, program="inventory-app desktop")
        print("locked", flush=True)
        sys.stdin.readline()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUse, match=r"in use by .*inventory-app desktop") as caught:
            shop.open_shop(path)
        assert caught.value.code == "db.in_use"
        assert caught.value.params["program"] == "inventory-app desktop"
        with shop.open_shop(path, write=False) as reader:  # readers are welcome
            assert reader.conn.execute("SELECT count(*) FROM items").fetchone() == (0,)
    finally:
        holder.communicate("\n", timeout=20)
    shop.open_shop(path).close()  # released when the other program ends


def test_the_lock_is_released_when_the_holder_dies(tmp_path):
    path = tmp_path / "shop.db"
    shop.create_shop(path).close()
    code = (
        f"from inventory_app.services import shop; shop.open_shop({str(path)!r})\n"
        "import os; os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    shop.open_shop(path).close()


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my shopping notes, not a database" * 50)
    with pytest.raises(NotAnInventoryFile, match="not an inventory database"):
        shop.open_shop(path)


def test_another_apps_sqlite_file(tmp_path):
    path = tmp_path / "other.db"
    c = sqlite3.connect(path)
    c.execute("CREATE TABLE contacts (name)")
    c.commit()
    c.close()
    with pytest.raises(NotAnInventoryFile, match="not an inventory database"):
        shop.open_shop(path)


def test_a_file_from_a_newer_app(tmp_path):
    path = tmp_path / "new.db"
    shop.create_shop(path).close()
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    c.close()
    with pytest.raises(NotAnInventoryFile, match="newer version"):
        shop.open_shop(path)


def test_a_damaged_file_is_caught_on_open(tmp_path):
    path = tmp_path / "shop.db"
    db = shop.create_shop(path)
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)", [(f"k{i}", "x" * 500) for i in range(400)]
        )
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page, len(data) - page, page):  # scribble over interior pages
        data[offset + 8 : offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    with pytest.raises(NotAnInventoryFile):
        shop.open_shop(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(NotAnInventoryFile, match="does not exist"):
        shop.open_shop(tmp_path / "nope.db")


def test_sqlite_utils_is_loaded_only_when_asked_for(tmp_path):
    # importing it (and numpy with it) cost ~0.15 s of every start-up, for nothing
    code = (
        "import sys; from inventory_app.services import shop\n"
        f"db = shop.create_shop({str(tmp_path / 'shop.db')!r})\n"
        "print('sqlite_utils' in sys.modules, 'numpy' in sys.modules)\n"
        "print(db.utils['items'].exists(), 'sqlite_utils' in sys.modules)\n"
        "db.close()"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "True", "True"]
