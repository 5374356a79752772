"""Opening stock from a spreadsheet: one receipt per item and batch at the opening date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook

from inventory_app.domain.errors import ImportErrors, RefusedOperation, ValidationError
from inventory_app.services import imports, reports
from inventory_app.services import postings as stock

OPEN = dt.date(2026, 1, 1)


def _xlsx(path, rows, *, text_cells=()):
    """Write rows; cells listed in ``text_cells`` (row, col 1-based) are forced to text, as
    Excel stores a typed '=x' preceded by an apostrophe."""
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for r, c in text_cells:
        ws.cell(row=r, column=c).data_type = "s"
    wb.save(path)
    return path


def _movements(db) -> int:
    return db.conn.execute("SELECT count(*) FROM movements").fetchone()[0]


def _batches(db):
    return db.conn.execute(
        "SELECT i.sku, b.code, b.expiry, b.qty_received, b.value_received, b.unit_cost,"
        " l.name, b.received_date FROM batches b JOIN items i ON i.id = b.item_id"
        " JOIN locations l ON l.id = b.location_id ORDER BY b.id"
    ).fetchall()


def test_xlsx_with_chinese_headers_receives_each_batch_at_its_cost(stocked, tmp_path):
    path = _xlsx(
        tmp_path / "期初.xlsx",
        [
            ["有效期", "编码", "数量", "单价", "批号"],  # order is free
            [dt.datetime(2026, 3, 1), "M1", 12, 2.5, "L-一号"],
            [None, "M1", "6", "2.4000", "L2"],
            [None, "a1", 3, "12.3456", None],
            [None, None, None, None, None],  # blank trailing rows are ignored
        ],
    )
    result = imports.import_opening(stocked, path, date=OPEN)
    assert result.posted == 3
    assert _batches(stocked) == [
        ("M1", "L-一号", "2026-03-01", 12000, 3000, 25000, "Main", "2026-01-01"),
        ("M1", "L2", "2026-01-11", 6000, 1440, 24000, "Main", "2026-01-01"),  # shelf life
        ("A1", _batches(stocked)[2][1], None, 3000, 3704, 123456, "Main", "2026-01-01"),
    ]
    doc = stocked.conn.execute("SELECT kind, date, reference FROM documents").fetchall()
    assert doc == [("opening", "2026-01-01", "opening balance")]
    s = reports.period_summary(stocked, start=OPEN, end=OPEN)
    assert s.totals.in_value == Decimal("81.44")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_every_encoding_shops_use(stocked, tmp_path, encoding):
    path = tmp_path / "opening.csv"
    text = "编码,数量,单价,批号,库位\nA1,5,3.30,批次甲,Main\nM1,1.5,2,,\n"
    path.write_bytes(text.encode(encoding))
    assert imports.import_opening(stocked, path, date=OPEN).posted == 2
    rows = _batches(stocked)
    assert rows[0][:5] == ("A1", "批次甲", None, 5000, 1650)
    assert rows[1][3:5] == (1500, 300)


def test_text_that_looks_like_a_formula_is_accepted_as_text(stocked, tmp_path):
    path = _xlsx(
        tmp_path / "o.xlsx",
        [["sku", "qty", "unit_cost", "batch"], ["A1", 1, 1, "=B1"], ["A1", 1, 1, "+L2"]],
        text_cells=[(2, 4)],
    )
    imports.import_opening(stocked, path, date=OPEN)
    csv = tmp_path / "o.csv"
    csv.write_text("sku,qty,unit_cost,batch\nM1,1,1,@lot\nM1,1,1,-7\n", encoding="utf-8")
    imports.import_opening(stocked, csv, date=OPEN)
    assert [r[1] for r in _batches(stocked)] == ["=B1", "+L2", "@lot", "-7"]


def _refused(db, path, **kw) -> list:
    with pytest.raises(ImportErrors) as info:
        imports.import_opening(db, path, date=kw.pop("date", OPEN), **kw)
    assert _movements(db) == 0 and _batches(db) == []
    return [(e.row, e.column) for e in info.value.errors], str(info.value)


def test_every_bad_cell_is_listed_by_row_and_column_and_nothing_is_written(stocked, tmp_path):
    path = _xlsx(
        tmp_path / "bad.xlsx",
        [
            ["编码", "数量", "单价", "批号", "有效期"],
            ["NOPE", 1, 1, None, None],  # unknown SKU
            ["A1", 1, None, None, None],  # missing cost
            ["M1", 1, 1, None, "2026-02-30"],  # not a date
            ["A1", "1.2345", 1, None, None],  # too many decimals
            ["A1", 1, "0.123456", None, None],  # too many decimals in the cost
            ["A1", -2, 1, None, None],  # not more than zero
            ["M1", 1, 1, "L1", "2025-12-01"],  # expired before the opening date
            ["M1", 1, 1, "L1", None],  # the same batch twice
        ],
    )
    where, message = _refused(stocked, path)
    assert where == [
        (2, "编码"), (3, "单价"), (4, "有效期"), (5, "数量"), (6, "单价"), (7, "数量"),
        (8, "有效期"), (9, "批号"),
    ]  # fmt: skip
    assert "row 2, column '编码': unknown SKU" in message
    assert "more than 3 decimals" in message and "more than 4 decimals" in message
    assert "nothing was imported" in message


def test_opening_row_problems_carry_a_code_and_their_facts(stocked, tmp_path):
    path = _xlsx(
        tmp_path / "bad.xlsx",
        [
            ["sku", "qty", "unit_cost", "batch", "expiry", "location"],
            ["NOPE", 1, 1, None, None, None],
            ["A1", -2, 1, None, None, None],
            ["M1", 1, 1, "L1", dt.date(2025, 12, 1), None],
            ["M1", 1, 1, "L1", None, None],
            ["A1", 1, 1, None, None, "Attic"],
            ["A1", 1, None, None, None, None],
        ],
    )
    with pytest.raises(ImportErrors) as info:
        imports.import_opening(stocked, path, date=OPEN)
    assert [(e.row, e.column, e.code, dict(e.params)) for e in info.value.errors] == [
        (2, "sku", "import.unknown_sku", {"sku": "NOPE"}),
        (3, "qty", "import.opening_qty_not_positive", {"qty": Decimal(-2)}),
        (
            4,
            "expiry",
            "import.expiry_before_opening",
            {"expiry": dt.date(2025, 12, 1), "date": OPEN},
        ),
        (5, "batch", "import.duplicate_batch", {"batch": "L1", "first_row": 4}),
        (6, "location", "import.unknown_location", {"location": "Attic"}),
        (7, "unit_cost", "import.empty", {}),
    ]
    assert _movements(stocked) == 0


def test_missing_required_column_and_bad_files(stocked, tmp_path):
    path = _xlsx(tmp_path / "nocost.xlsx", [["sku", "qty"], ["A1", 1]])
    with pytest.raises(ImportErrors, match=r"unit_cost|单价|unit cost"):
        imports.import_opening(stocked, path, date=OPEN)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(ValidationError):
        imports.import_opening(stocked, junk, date=OPEN)
    assert _movements(stocked) == 0


def test_the_opening_date_must_be_open_and_not_in_the_future(stocked, tmp_path):
    path = _xlsx(tmp_path / "o.xlsx", [["sku", "qty", "unit_cost"], ["A1", 1, 1]])
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="future") as info:
        imports.import_opening(stocked, path, date=tomorrow)
    assert (info.value.code, info.value.params) == (
        "import.opening_date_future",
        {"date": tomorrow},
    )
    stock.close_period(stocked, dt.date(2026, 1, 31))
    with pytest.raises(RefusedOperation, match="closed") as info:
        imports.import_opening(stocked, path, date=OPEN)
    assert info.value.code == "import.opening_date_closed"
    assert info.value.params == {"date": OPEN, "lock_date": dt.date(2026, 1, 31)}
    assert str(info.value) == (
        "the opening date 2026-01-01 is in the closed period (up to 2026-01-31)"
    )
    assert _movements(stocked) == 0


def test_an_empty_file_is_refused_and_writes_nothing(stocked, tmp_path):
    path = _xlsx(tmp_path / "empty.xlsx", [["sku", "qty", "unit_cost"]])
    with pytest.raises(ImportErrors, match="no data rows"):
        imports.import_opening(stocked, path, date=OPEN)
    assert stocked.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
