"""Imports read a file column by column, a chunk at a time, and post as they read.

The fast path (a parser per column, each distinct cell parsed once) must say exactly what the
reference path (each row read cell by cell) says: the same lines, the same problems in the
same order. Checked here on many random rows mixing good and bad cells; and the streaming
itself: a file out of date order, a late line that is not UTF-8, values of refused rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.domain.errors import ImportErrors
from inventory_app.services import imports, reports
from inventory_app.services.imports import journal, opening
from inventory_app.services.imports.common import Cells, Problem, cell_qty
from inventory_app.services.tabular import cell_text, open_table
from inventory_app.services.tabular import rows as tabular_rows

HEADER = "date,type,sku,qty,unit_cost,batch,expiry,location,to_location,reference,note,reason"

# Cells a journal row may have: (good ones, odd or bad ones), repeated down the file.
POOLS = {
    "date": (["2026-02-01", "2026/2/3", " 2026.02.05 ", "20260207"],
             ["2026-02-30", "yesterday", "2099-01-01", "2026-01-15", "", "21/02/2026"]),
    "type": (["receipt", "issue", "writeoff", "adjust", "transfer", "入库", "Receipt "],
             ["sell", ""]),
    "sku": (["A1", "a1", "M1"], ["NOPE", ""]),
    "qty": (["1", "2.5", "1,200", "3", "１２"], ["0", "-2", "1.2345", "ten", "", "-0.5"]),
    "unit_cost": (["", "2.50", "¥8", "0"], ["-1", "1.23456", "abc"]),
    "batch": (["", "L1", "OLD", "l1"], []),
    "expiry": (["", "2026-02-10", "2026-02-02"], ["2026-01-01", "bad"]),
    "location": (["", "Main", "main"], ["Attic"]),
    "to_location": (["", "Main", "main"], ["Attic"]),
    "reference": (["", "PO-1", "SO-2"], []),
    "note": (["", "damaged on shelf", "expired stock", "lost"], []),
    "reason": (["", "lost"], ["weird"]),
}  # fmt: skip


def _random_rows(seed: int, count: int, pools: dict) -> list[list[str]]:
    """Rows whose cells are mostly good (each column picks a bad one now and then)."""
    rng = random.Random(seed)
    return [
        [rng.choice(good if rng.random() < 0.9 or not bad else bad) for good, bad in pools.values()]
        for _ in range(count)
    ]


def _write_csv(path, header: list[str], rows: list[list[str]]):
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def _both_ways(make, path, columns):
    """(lines, errors) of the fast path and of the reference, over the same chunks."""
    with open_table(path, columns) as table:
        chunks = list(table.chunks())
        fast, reference = make(table.headers), make(table.headers)
    fast_lines, reference_lines = [], []
    for chunk in chunks:
        fast_lines += fast.lines(chunk)
        for row in chunk.rows():
            reference.read_row(row, reference_lines)
    return (fast_lines, fast.errors), (reference_lines, reference.errors)


@pytest.mark.parametrize("seed", range(4))
def test_journal_columns_say_what_the_cell_by_cell_reading_says(tmp_path, seed):
    rows = _random_rows(seed, 1500, POOLS)
    path = _write_csv(tmp_path / "j.csv", list(POOLS), rows)
    bounds = journal._Bounds(
        skus={"a1", "m1"},
        locations={"main", "back store"},
        lock_date=dt.date(2026, 1, 31),
        today=dt.date(2026, 3, 1),
    )
    fast, reference = _both_ways(
        lambda headers: journal._JournalRows(headers, bounds), path, journal.JOURNAL_COLUMNS
    )
    assert fast == reference
    lines, errors = fast
    lines, errors = fast  # the premise: both kinds of rows are there, and many problems
    assert len(lines) > 50 and len({e.code for e in errors}) > 12


@pytest.mark.parametrize("seed", range(3))
def test_opening_columns_say_what_the_cell_by_cell_reading_says(tmp_path, seed):
    pools = {
        "sku": (["A1", "a1", "M1"], ["NOPE", ""]),
        "qty": (["1", "2.5"], ["0", "-2", "1.2345", "ten", ""]),
        "unit_cost": (["2.50", "1"], ["", "-1", "1.23456"]),
        "batch": (["", "L1", "l1", "L2", "L3"], []),
        "expiry": (["", "2026-02-10"], ["2025-12-01", "bad"]),
        "location": (["", "Main", "MAIN"], ["Attic"]),
    }
    rows = _random_rows(seed, 600, pools)
    path = _write_csv(tmp_path / "o.csv", list(pools), rows)
    fast, reference = _both_ways(
        lambda headers: opening._OpeningRows(headers, dt.date(2026, 1, 1), {"a1", "m1"}, {"main"}),
        path,
        opening.OPENING_COLUMNS,
    )
    assert fast == reference
    codes = {e.code for e in fast[1]}
    assert len(fast[0]) > 5 and "import.duplicate_batch" in codes and len(codes) > 6


def test_cells_parse_each_distinct_cell_once_and_keep_typed_cells_apart():
    calls: list[object] = []

    def parse(cell: object) -> object:
        calls.append(cell)
        return cell_qty(cell)

    cells = Cells(parse, required=True)
    values, bad = cells.column(["1", "1", "x", None, "1", D("1.0"), D("1"), 1, 1])
    assert calls == ["1", "x", D("1.0"), D("1"), 1]  # equal Decimals are not the same text
    assert values[0] is values[1] is values[4] and values[0] == D("1.000")
    assert bad == {2, 3}
    assert values[2] == Problem("tabular.not_number", {})
    assert values[3] == Problem("import.empty", {})
    assert Cells(cell_text).column([None, "a"]) == ([None, "a"], set())


# --- streaming through the real imports -----------------------------------------------------------


def test_a_journal_out_of_date_order_is_sorted_even_after_posting_began(
    stocked, tmp_path, monkeypatch
):
    # rows come one at a time and posting starts at once: the early-dated receipt on row 4
    # must start it all again (else the issue on row 3 would find too little stock)
    monkeypatch.setattr(tabular_rows, "CHUNK_ROWS", 1)
    monkeypatch.setattr(journal, "_HOLD", 1)
    text = f"""{HEADER}
2026-02-05,receipt,A1,2,1,,,,,,,
2026-02-06,issue,A1,5,,,,,,,,
2026-02-01,receipt,A1,5,1,,,,,,,
"""
    path = tmp_path / "j.csv"
    path.write_text(text, encoding="utf-8")
    assert imports.import_journal(stocked, path).posted == 3
    assert reports.stock_by_item(stocked)[0].qty == D(2)
    dates = stocked.conn.execute("SELECT date FROM movements ORDER BY id").fetchall()
    assert dates == [("2026-02-01",), ("2026-02-05",), ("2026-02-06",)]


def test_a_late_line_that_is_not_utf8_starts_the_import_again_as_gb18030(
    stocked, tmp_path, monkeypatch
):
    monkeypatch.setattr(tabular_rows, "CHUNK_ROWS", 100)
    monkeypatch.setattr(journal, "_HOLD", 100)  # posting has begun when the line comes
    rows = [f"2026-02-01,receipt,A1,1,1,,,,,PO-{i},plain note" for i in range(3000)]
    rows.append("2026-02-02,issue,A1,2,,,,,,SO-1,货架上损坏")
    path = tmp_path / "j.csv"
    path.write_bytes("\n".join([HEADER, *rows]).encode("gb18030"))
    assert path.stat().st_size > 64 * 1024  # the premise: the sample is plain ASCII
    assert imports.import_journal(stocked, path).posted == 3001
    notes = stocked.conn.execute("SELECT note FROM movements WHERE type = 'issue'").fetchall()
    assert notes == [("货架上损坏",)]
    assert stocked.conn.execute("SELECT count(*) FROM movements").fetchone() == (3001,)


def test_a_refused_row_shows_its_cell_as_written(stocked, tmp_path, monkeypatch):
    monkeypatch.setattr(tabular_rows, "CHUNK_ROWS", 1)
    monkeypatch.setattr(journal, "_HOLD", 1)  # refused while streaming, value read again
    text = f"""{HEADER}
2026-02-01,receipt,A1,"1,000",1,,,,,,,
2026-02-02,issue,A1," 1,500 ",,,,,,,,
2026-02-03,writeoff,A1,1,,,,,,,,stolen?
"""
    path = tmp_path / "j.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportErrors) as info:
        imports.import_journal(stocked, path)
    assert [(e.row, e.column, e.value, e.code) for e in info.value.errors] == [
        (3, "qty", "1,500", "ledger.shortage"),
        (4, "note", "", "ledger.writeoff_reason_unknown"),
    ]
    assert "row 3, column 'qty'" in str(info.value) and "1,500" in str(info.value)


@given(
    st.from_regex(r"[0-9]{1,14}(\.[0-9]{0,6})?", fullmatch=True)
    | st.sampled_from(["0", "007", "1.", ".5", "-1", "+2", "1e3", "1,000", " 1", "１２", "0.0000"])
    | st.sampled_from(["999999999999.999", "1000000000000", "0001000000000000", "12.34567"])
)
def test_plain_quantities_and_costs_read_as_the_long_way_reads_them(text):
    from inventory_app.domain import money
    from inventory_app.domain.errors import ValidationError
    from inventory_app.services.imports.common import cell_cost
    from inventory_app.services.tabular import cell_decimal

    for fast, slow in (
        (cell_qty, lambda t: money.parse_qty(str(cell_decimal(t)))),
        (cell_cost, lambda t: money.parse_cost(str(cell_decimal(t)))),
    ):
        try:
            expected = slow(text)
        except ValidationError as exc:
            with pytest.raises(ValidationError) as info:
                fast(text)
            assert (info.value.code, info.value.params) == (exc.code, exc.params)
        else:
            got = fast(text)
            assert got == expected and got.as_tuple() == expected.as_tuple()
