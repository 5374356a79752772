"""Values a shop file cannot keep (#14): dates outside 1900-01-01 .. 9999-12-30, amounts past
SQLite's 64-bit integers, shelf lives past 100 years: refused where they come in, naming the
row in a file; nothing changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook

from inventory_app.domain.errors import ImportErrors, ValidationError
from inventory_app.domain.model import Document, ItemFields, Line, MovementType
from inventory_app.services import catalog, imports, postings


def _counts(db) -> tuple[int, ...]:
    c = db.conn
    return tuple(
        c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("items", "movements", "batches")
    )


def _journal(stocked, tmp_path, row: str) -> ImportErrors:
    path = tmp_path / "j.csv"
    path.write_text(f"date,type,sku,qty,unit_cost\n2026-02-01,receipt,A1,1,1\n{row}\n")
    before = _counts(stocked)
    with pytest.raises(ImportErrors) as info:
        imports.import_journal(stocked, path)
    assert _counts(stocked) == before
    return info.value


def test_journal_year_1000_is_refused_naming_the_row(stocked, tmp_path):
    err = _journal(stocked, tmp_path, "1000-02-01,receipt,A1,1,1")
    assert [(e.row, e.column) for e in err.errors] == [(3, "date")]
    assert "1900-01-01" in str(err)


def test_journal_amounts_past_storage_are_refused_naming_the_row(stocked, tmp_path):
    err = _journal(stocked, tmp_path, "2026-02-02,receipt,A1,99999999,99999999999")
    assert [e.row for e in err.errors] == [3]
    assert "100,000,000" in str(err)


def test_journal_expiry_year_9999_12_31_is_refused(stocked, tmp_path):
    path = tmp_path / "j.csv"
    path.write_text("date,type,sku,qty,unit_cost,expiry\n2026-02-01,receipt,M1,1,1,9999-12-31\n")
    with pytest.raises(ImportErrors) as info:
        imports.import_journal(stocked, path)
    assert [(e.row, e.column) for e in info.value.errors] == [(2, "expiry")]


@pytest.mark.parametrize("serial", [-5, 0])
def test_an_excel_serial_of_zero_or_less_is_refused(stocked, tmp_path, serial):
    wb = Workbook()
    ws = wb.active
    ws.append(["date", "type", "sku", "qty", "unit_cost"])
    ws.append([serial, "receipt", "A1", 1, 1])
    ws["A2"].number_format = "yyyy-mm-dd"  # a date cell holding the serial, as Excel shows it
    path = tmp_path / "j.xlsx"
    wb.save(path)
    with pytest.raises(ImportErrors) as info:
        imports.import_journal(stocked, path)
    assert [(e.row, e.column) for e in info.value.errors] == [(2, "date")]
    assert _counts(stocked)[1] == 0


def test_opening_date_and_expiry_are_bounded(stocked, tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("sku,qty,unit_cost\nA1,1,1\n")
    with pytest.raises((ValidationError, ImportErrors)) as info:
        imports.import_opening(stocked, path, date=dt.date(1000, 1, 1))
    assert "1900-01-01" in str(info.value)
    path.write_text("sku,qty,unit_cost,expiry\nA1,1,1,1000-01-01\n")
    with pytest.raises(ImportErrors):
        imports.import_opening(stocked, path, date=dt.date(2026, 1, 1))
    assert _counts(stocked)[1] == 0


def test_shelf_life_over_100_years_is_refused(db, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("sku,name,shelf_life_days\nX1,Salt,3000000\n")
    with pytest.raises(ImportErrors) as info:
        imports.import_items(db, path)
    assert [(e.row, e.column) for e in info.value.errors] == [(2, "shelf_life_days")]
    assert "36,525" in str(info.value)
    with pytest.raises(ValidationError):
        catalog.add_item(db, ItemFields(sku="X1", name="Salt", shelf_life_days=3_000_000))
    assert _counts(db)[0] == 0


def test_a_shelf_life_of_100_years_still_receives(db):
    catalog.add_item(db, ItemFields(sku="X1", name="Salt", shelf_life_days=36_525))
    line = Line(type=MovementType.RECEIPT, sku="X1", qty=Decimal(1), unit_cost=Decimal(1))
    postings.post(db, Document(date=dt.date(2026, 1, 5), lines=(line,)))
    expiry = db.conn.execute("SELECT expiry FROM batches").fetchone()[0]
    assert expiry == "2126-01-06"  # 100 years and 25 leap days


def test_service_refuses_a_posting_date_before_1900(stocked):
    line = Line(type=MovementType.RECEIPT, sku="A1", qty=Decimal(1), unit_cost=Decimal(1))
    with pytest.raises(ValidationError) as info:
        postings.post(stocked, Document(date=dt.date(1899, 12, 31), lines=(line,)))
    assert info.value.code == "date.out_of_range"
