"""A count sheet saved again by an office suite as .xls or .ods imports exactly as its .xlsx.

tests/data/sheets/count_sheet.xlsx is the count sheet of stocktake 1 of the shop below, filled
in with openpyxl; LibreOffice converted it (tests/data/make_spreadsheets.py). Its hidden
``_stocktake`` sheet stays hidden in both."""

from __future__ import annotations

import shutil
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from inventory_app.domain.errors import RefusedOperation, ValidationError
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake.sheet import META, SHEET, import_sheet
from inventory_app.services.tabular import read_sheet_values

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
NAMES = ["count_sheet.xlsx", "count_sheet.xls", "count_sheet.ods"]


@pytest.fixture
def counting(stocked):
    """The shop and stocktake the fixtures were exported from."""
    stock.receive(stocked, sku="A1", qty="15", unit_cost="2")
    stock.receive(stocked, sku="M1", qty="6", unit_cost="1", batch="L1")
    stock.receive(stocked, sku="M1", qty="4", unit_cost="1.5", batch="L2")
    sid = next(iter(st.start(stocked).stocktakes))
    assert sid == 1
    return stocked, sid


@pytest.mark.parametrize("name", NAMES)
def test_count_sheet_in_every_format_records_the_same_counts(counting, tmp_path, name):
    db, sid = counting
    result = import_sheet(db, sid, SHEETS / name)
    assert (result.counts, result.added_lines) == (4, 1)
    got = {(x.sku, x.batch): (x.counted_qty, x.variance_qty) for x in st.review(db, sid).lines}
    assert got == {
        ("A1", ""): (D("14.000"), D("-1.000")),
        ("M1", "L1"): (D("6.500"), D("0.500")),
        ("M1", "L2"): (D("4.000"), D("0.000")),
        ("M1", "L7"): (D("2.000"), D("2.000")),
    }
    hist = st.count_history(db, sid)
    assert {(h.counter, h.source) for h in hist} == {("老王", "sheet"), ("Li", "sheet")}


@pytest.mark.parametrize("other", NAMES[1:])
def test_the_same_counts_in_another_format_are_the_same_sheet(counting, other):
    # the sheet's digest is made of the rows read: equal only if every cell read the same
    db, sid = counting
    import_sheet(db, sid, SHEETS / "count_sheet.xlsx")
    with pytest.raises(RefusedOperation) as info:
        import_sheet(db, sid, SHEETS / other)
    assert info.value.code == "stocktake.sheet_already_imported"


@pytest.mark.parametrize("name", NAMES)
def test_the_hidden_meta_sheet_is_found(name):
    sheets = read_sheet_values(SHEETS / name, [META, SHEET])
    assert list(sheets) == [META, SHEET]
    meta = sheets[META]
    assert meta.value(1, 1) == "inventory_app stocktake sheet" and meta.value(2, 2) == 1
    assert sheets[SHEET].value(3, 2) == "老王"


def test_count_sheet_read_by_openpyxl_without_calamine(counting, monkeypatch):
    db, sid = counting
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    assert import_sheet(db, sid, SHEETS / "count_sheet.xlsx").counts == 4
    with pytest.raises(ValidationError) as info:
        import_sheet(db, sid, SHEETS / "count_sheet.ods")
    assert info.value.code == "tabular.needs_calamine"


def test_a_damaged_xls_count_sheet_is_refused(counting, tmp_path):
    db, sid = counting
    cut = tmp_path / "cut.xls"
    cut.write_bytes((SHEETS / "count_sheet.xls").read_bytes()[:4000])
    with pytest.raises(ValidationError) as info:
        import_sheet(db, sid, cut)
    assert (info.value.code, info.value.params) == ("tabular.not_xls_damaged", {"file": "cut.xls"})
    text = tmp_path / "notes.ods"
    shutil.copy(SHEETS / "cells.ods", text)
    with pytest.raises(ValidationError) as info:
        import_sheet(db, sid, text)
    assert info.value.code == "stocktake.not_a_count_sheet"
