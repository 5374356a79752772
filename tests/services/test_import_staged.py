"""An import writes its rows aside: staged in temp tables, moved into the ledger on a thread of
their own while the next lines are posted (``storage.ledger.staging``).

What it stores must be exactly what writing each batch of rows in turn stores, the reads the
posting makes between writes (a batch read back, a backdated draw) must see every row posted
before them, and an error in a move, or a cancel while one runs, must leave nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import Cancelled
from inventory_app.domain.model import Document, Line, MovementType
from inventory_app.services import catalog, check, imports, shop
from inventory_app.services.imports import journal
from inventory_app.services.imports.common import Posting
from inventory_app.services.tabular import rows as tabular_rows
from inventory_app.storage.ledger import writer
from inventory_app.storage.ledger.poster import Poster

HEADER = "date,type,sku,qty,unit_cost,batch,expiry,location,to_location,reference,note,reason"
TABLES = {
    "documents": "id, date, kind, reference, supplier, note, operator, source",
    "movements": "*",
    "batches": "*",
    "allocations": "*",
    "item_month": "*",
    "items": "id, sku, on_hand_qty, on_hand_value, last_cost",
}


def _journal(seed: int, lines: int) -> str:
    """Lines in date order that never run short: small receipts (batches empty often, so the
    poster forgets emptied batches and reads them back), issues of the oldest stock, issues
    naming a batch, transfers to a second location and issues there, write-offs. Every
    issue names its location (one without draws from any, the transferred stock first)."""
    rnd = random.Random(seed)
    rows, day, n = [], 1, 0
    main = {"A1": 0, "M1": 0}
    back = {"A1": 0, "M1": 0}
    named: dict[str, list[str]] = {"A1": [], "M1": []}
    while len(rows) < lines:
        if rnd.random() < 0.1:
            day += 1
        date = f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}"
        sku = rnd.choice(["A1", "M1"])
        roll = rnd.random()
        n += 1
        if roll < 0.3 or main[sku] < 6:
            qty = rnd.randint(2, 6)
            expiry = f"2027-{1 + day % 12:02d}-01" if sku == "M1" else ""
            batch, cost = f"L{n}", f"{rnd.randint(1, 9)}.{n % 100:02d}"
            rows.append(f"{date},receipt,{sku},{qty},{cost},{batch},{expiry},,,PO-{n},,")
            main[sku] += qty
            named[sku] = [batch]  # the newest: never drawn before the next receipt
        elif roll < 0.4 and named[sku]:
            batch = named[sku].pop()
            rows.append(f"{date},issue,{sku},1,,{batch},,Main,,SO-{n},customer asked for it,")
            main[sku] -= 1
        elif roll < 0.55:
            rows.append(f"{date},transfer,{sku},2,,,,Main,Back,TR-{n},,")
            main[sku] -= 2
            back[sku] += 2
            named[sku] = []  # the transfer may have drawn it
        elif roll < 0.65 and back[sku]:
            rows.append(f"{date},issue,{sku},1,,,,Back,,SO-{n},,")
            back[sku] -= 1
        elif roll < 0.7:
            rows.append(f"{date},writeoff,{sku},1,,,,Main,,WO-{n},,lost")
            main[sku] -= 1
            named[sku] = []
        else:
            qty = rnd.randint(1, 3)
            rows.append(f"{date},issue,{sku},{qty},,,,Main,,SO-{n},,")
            main[sku] -= qty
            named[sku] = []
    return "\n".join([HEADER, *rows]) + "\n"


def _tables(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {
        table: [
            tuple((type(v).__name__, v) for v in row)
            for row in conn.execute(f"SELECT {cols} FROM {table} ORDER BY 1, 2")
        ]
        for table, cols in TABLES.items()
    }


def _temp_tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_temp_master")]


@pytest.fixture
def small_writes(monkeypatch):
    """A write every few lines and a chunk of a few rows: many moves, reads between them."""
    monkeypatch.setattr(writer, "_FLUSH_EVERY", 7)
    monkeypatch.setattr(tabular_rows, "CHUNK_ROWS", 5)
    monkeypatch.setattr(journal, "_HOLD", 5)


@pytest.fixture
def two_places(stocked):
    """``stocked`` with a second location, Back."""
    catalog.add_location(stocked, "Back")
    return stocked


@pytest.mark.parametrize("seed", range(3))
def test_written_aside_the_ledger_holds_what_writing_in_turn_holds(
    two_places, tmp_path, monkeypatch, small_writes, seed
):
    stocked = two_places
    path = tmp_path / "j.csv"
    path.write_text(_journal(seed, 400), encoding="utf-8")
    other = tmp_path / "other.db"
    stocked.conn.execute("VACUUM INTO ?", (str(other),))

    # each move takes its time (a temp trigger that changes nothing but counts), so that the
    # posting's reads come while a move runs: they must wait for it
    stocked.conn.execute(
        "CREATE TEMP TRIGGER slow AFTER INSERT ON main.allocations BEGIN SELECT count(*) FROM"
        " (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3000)"
        " SELECT i FROM r); END"
    )
    assert imports.import_journal(stocked, path).posted == 400
    stocked.conn.execute("DROP TRIGGER temp.slow")
    aside = _tables(stocked.conn)

    monkeypatch.setattr(Posting, "background", False)
    in_turn_db = shop.open_shop(other)
    try:
        assert imports.import_journal(in_turn_db, path).posted == 400
        in_turn = _tables(in_turn_db.conn)
        assert check.check(in_turn_db).ok
    finally:
        in_turn_db.close()

    # the premise: many writes, transfers made batches, many batches were emptied
    assert len(aside["movements"]) == 400 and len(aside["allocations"]) > 250
    emptied = stocked.conn.execute("SELECT count(*) FROM batches WHERE qty_remaining = 0")
    assert emptied.fetchone()[0] > 40
    assert aside == in_turn
    assert check.check(stocked).ok  # the chain covers every row as stored
    assert _temp_tables(stocked.conn) == []  # the stages are gone with the import


def test_a_move_that_fails_leaves_nothing_and_says_so(two_places, tmp_path, small_writes):
    stocked = two_places
    path = tmp_path / "j.csv"
    path.write_text(_journal(7, 200), encoding="utf-8")
    before = _tables(stocked.conn)
    # SQLite refuses one row while it is moved (as a full disk or a trigger would), long
    # after the posting went on past it
    stocked.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.movements WHEN NEW.id = 30"
        " BEGIN SELECT RAISE(ABORT, 'refused in the move'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="refused in the move"):
        imports.import_journal(stocked, path)
    stocked.conn.execute("DROP TRIGGER temp.refuse")
    assert not stocked.conn.in_transaction
    assert _tables(stocked.conn) == before
    assert _temp_tables(stocked.conn) == []
    assert imports.import_journal(stocked, path).posted == 200  # and the shop goes on


def test_cancel_while_rows_are_moved_leaves_nothing(two_places, tmp_path, small_writes):
    stocked = two_places
    path = tmp_path / "j.csv"
    path.write_text(_journal(11, 300), encoding="utf-8")
    before = _tables(stocked.conn)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 20  # some 100 lines in: a dozen writes made, one in flight

    with pytest.raises(Cancelled):
        imports.import_journal(stocked, path, cancel=cancel)
    assert not stocked.conn.in_transaction
    assert _tables(stocked.conn) == before
    assert _temp_tables(stocked.conn) == []


def test_what_the_poster_reads_comes_after_what_it_wrote(stocked):
    # a move that takes its time: a read made at once must still see every row written
    stocked.conn.execute(
        "CREATE TEMP TRIGGER slow AFTER INSERT ON main.allocations BEGIN SELECT count(*) FROM"
        " (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 20000)"
        " SELECT i FROM r); END"
    )
    day = dt.date(2026, 3, 2)
    lines = [Line(type=MovementType.RECEIPT, sku="A1", qty=D(50), unit_cost=D("1.25"), batch="R1")]
    lines += [
        Line(type=MovementType.ISSUE, sku="A1", qty=D(1), reference=f"SO-{n}") for n in range(40)
    ]
    with stocked.transaction() as conn:
        poster = Poster(conn, source="import", preload=True, background=True)
        try:
            poster.post(Document(date=day, lines=tuple(lines)))
            poster.write_rows()  # the move starts on its thread
            read = poster.conn.execute("SELECT count(*), sum(qty) FROM allocations")
            assert read.fetchone() == (40, 40_000)  # quantities in thousandths
            left = poster.conn.execute("SELECT qty_remaining FROM batches WHERE code = 'R1'")
            assert left.fetchone() == (10_000,)
            poster.finish()
        except BaseException:
            poster.abandon()
            raise
    stocked.conn.execute("DROP TRIGGER temp.slow")
    assert _temp_tables(stocked.conn) == []
