"""Count sheets round trip through real .xlsx files; the stocktake report read back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import openpyxl
import pytest

from inventory_app.domain.errors import ImportErrors, RefusedOperation, ValidationError
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake.approve import approve
from inventory_app.services.stocktake.report import write_report
from inventory_app.services.stocktake.sheet import HEADER_ROW, export_sheet, import_sheet

TODAY = dt.date.today()


@pytest.fixture
def shop(stocked):
    stock.receive(stocked, sku="A1", qty="15", unit_cost="2")
    stock.receive(stocked, sku="M1", qty="6", unit_cost="1", batch="L1")
    stock.receive(stocked, sku="M1", qty="4", unit_cost="1.5", batch="L2")
    return stocked


def start(db, **kw) -> int:
    return next(iter(st.start(db, **kw).stocktakes))


def rows_of(path):
    ws = openpyxl.load_workbook(path)["Count sheet"]
    header = [c.value for c in ws[HEADER_ROW]]
    data = [
        dict(zip(header, r, strict=True))
        for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    ]
    return ws, header, data


def fill(path, counts: dict, *, extra=(), counter=None, out=None):
    """Write counts into the sheet as a person would in Excel: by SKU/batch of each row."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Count sheet"]
    header = [c.value for c in ws[HEADER_ROW]]
    col = {h: i + 1 for i, h in enumerate(header)}
    if counter:
        ws["B3"] = counter
    free = None
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        key = (ws.cell(r, col["SKU"]).value, ws.cell(r, col["Batch"]).value or "")
        if key in counts:
            ws.cell(r, col["Counted"]).value = counts[key]
        if free is None and ws.cell(r, col["SKU"]).value is None:
            free = r
    for i, values in enumerate(extra):
        for name, v in values.items():
            ws.cell(free + i, col[name]).value = v
    wb.save(out or path)
    return out or path


def test_sheet_sorted_with_id_expected_and_empty_counts(shop, tmp_path):
    sid = start(shop)
    path = export_sheet(shop, sid, tmp_path / "count.xlsx")
    ws, header, data = rows_of(path)
    assert ws["B2"].value == sid and ws.protection.sheet
    assert header == ["Line", "Location", "SKU", "Name", "Unit", "Batch", "Expiry", "Expected",
                      "Counted", "Counter", "Note"]  # fmt: skip
    lines = [(d["SKU"], d["Batch"], d["Expected"], d["Counted"]) for d in data if d["SKU"]]
    assert lines == [("A1", None, 15, None), ("M1", "L1", 6, None), ("M1", "L2", 4, None)]
    assert ws.cell(HEADER_ROW + 1, header.index("Counted") + 1).protection.locked is False
    assert ws.cell(HEADER_ROW + 1, header.index("SKU") + 1).protection.locked is True
    meta = openpyxl.load_workbook(path)["_stocktake"]
    assert meta.sheet_state == "veryHidden" and meta["B2"].value == sid


def test_blind_sheet_has_no_expected_quantities(shop, tmp_path):
    sid = start(shop, blind=True)
    _, header, data = rows_of(export_sheet(shop, sid, tmp_path / "blind.xlsx"))
    assert "Expected" not in header
    assert all(15 not in d.values() and 6 not in d.values() for d in data)


def test_round_trip_records_counts_and_found_items(shop, tmp_path):
    sid = start(shop)
    path = export_sheet(shop, sid, tmp_path / "count.xlsx")
    fill(path, {("A1", ""): 14, ("M1", "L1"): 6.5, ("M1", "L2"): "4"}, counter="老王",
         extra=[{"SKU": "M1", "Batch": "L7", "Counted": 2, "Counter": "Li"}])  # fmt: skip
    result = import_sheet(shop, sid, path)
    assert (result.counts, result.added_lines) == (4, 1)
    got = {(x.sku, x.batch): (x.counted_qty, x.variance_qty) for x in st.review(shop, sid).lines}
    assert got == {
        ("A1", ""): (D("14.000"), D("-1.000")),
        ("M1", "L1"): (D("6.500"), D("0.500")),
        ("M1", "L2"): (D("4.000"), D("0.000")),
        ("M1", "L7"): (D("2.000"), D("2.000")),
    }
    hist = st.count_history(shop, sid)
    assert {(h.counter, h.source) for h in hist} == {("老王", "sheet"), ("Li", "sheet")}
    with pytest.raises(RefusedOperation, match="already imported"):
        import_sheet(shop, sid, path)
    assert len(st.count_history(shop, sid)) == 4


def test_sheet_of_another_stocktake_is_refused(shop, tmp_path):
    first, second = start(shop), start(shop)
    path = fill(export_sheet(shop, first, tmp_path / "c.xlsx"), {("A1", ""): 1})
    with pytest.raises(RefusedOperation, match=f"stocktake #{first}, not #{second}"):
        import_sheet(shop, second, path)
    wb = openpyxl.load_workbook(path)
    wb["Count sheet"]["B2"] = second  # the visible id edited: the hidden one still says first
    wb.save(path)
    with pytest.raises(RefusedOperation, match="nothing was imported"):
        import_sheet(shop, second, path)
    assert st.count_history(shop, second) == []


@pytest.mark.parametrize("change", ["insert_column", "rename_header", "delete_column"])
def test_changed_layout_is_refused(shop, tmp_path, change):
    sid = start(shop)
    path = fill(export_sheet(shop, sid, tmp_path / "c.xlsx"), {("A1", ""): 1})
    wb = openpyxl.load_workbook(path)
    ws = wb["Count sheet"]
    if change == "insert_column":
        ws.insert_cols(3)
    elif change == "rename_header":
        ws.cell(HEADER_ROW, 9).value = "Qty"
    else:
        ws.delete_cols(8)
    wb.save(path)
    with pytest.raises(ValidationError, match="layout of the count sheet was changed"):
        import_sheet(shop, sid, path)
    assert st.count_history(shop, sid) == []


def test_bad_rows_are_all_reported_and_nothing_is_recorded(shop, tmp_path):
    sid = start(shop)
    path = export_sheet(shop, sid, tmp_path / "c.xlsx")
    fill(path, {("A1", ""): -2, ("M1", "L1"): "six", ("M1", "L2"): 1.0005},
         extra=[{"SKU": "NOPE", "Counted": 1}, {"Counted": 3}])  # fmt: skip
    with pytest.raises(ImportErrors) as info:
        import_sheet(shop, sid, path)
    errors = info.value.errors
    assert [(e.row, e.column) for e in errors] == [
        (HEADER_ROW + 1, "Counted"),
        (HEADER_ROW + 2, "Counted"),
        (HEADER_ROW + 3, "Counted"),
        (HEADER_ROW + 4, "SKU"),
        (HEADER_ROW + 5, "SKU"),
    ]
    assert "negative" in str(info.value) and "c.xlsx" in str(info.value)
    assert st.count_history(shop, sid) == []


def test_found_row_outside_the_scope_rolls_back_the_whole_sheet(shop, tmp_path):
    sid = start(shop, scope="category:Hardware")
    path = export_sheet(shop, sid, tmp_path / "c.xlsx")
    fill(path, {("A1", ""): 15}, extra=[{"SKU": "M1", "Batch": "L1", "Counted": 1}])
    with pytest.raises(ImportErrors, match="not in the scope"):
        import_sheet(shop, sid, path)
    assert st.count_history(shop, sid) == []
    assert [x.sku for x in st.review(shop, sid).lines] == ["A1"]


def test_not_a_workbook_and_closed_stocktake_are_refused(shop, tmp_path):
    sid = start(shop)
    text = tmp_path / "c.xlsx"
    text.write_text("sku,qty\nA1,3\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not an Excel"):
        import_sheet(shop, sid, text)
    path = fill(export_sheet(shop, sid, tmp_path / "ok.xlsx"), {("A1", ""): 15})
    st.cancel(shop, sid)
    with pytest.raises(RefusedOperation, match="cancelled"):
        import_sheet(shop, sid, path)
    with pytest.raises(RefusedOperation):
        export_sheet(shop, sid, tmp_path / "again.xlsx")


def test_report_agrees_with_the_ledger(shop, tmp_path):
    sid = start(shop, name="月末盘点")
    st.count(shop, sid, code="A1", qty="10", counter="Li")
    st.count(shop, sid, code="A1", qty="7", counter="Wang")  # 17: 2 found
    st.count(shop, sid, code="M1", batch="L1", qty="3", counter="Li")  # 3 gone
    st.count(shop, sid, code="M1", batch="L2", qty="9", counter="Li")
    st.count(shop, sid, code="M1", batch="L2", qty="4", counter="Boss", recount=True)
    approve(shop, sid, approver="老板", reason="damaged")
    path = write_report(shop, sid, tmp_path / "report.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Stocktake"]
    facts = {r[0]: r[1] for r in ws.iter_rows(min_row=2, max_row=15, max_col=2, values_only=True)}
    assert facts["Approver"] == "老板" and facts["Status"] == "approved"
    assert (facts["Gains (¥)"], facts["Losses (¥)"], facts["Net (¥)"]) == (4, 3, 1)
    ledger = shop.conn.execute(
        "SELECT sum(value) FROM movements WHERE stocktake_id = ?", (sid,)
    ).fetchone()[0]
    assert ledger == 100  # cents: +4.00 - 3.00
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Location")
    lines = [r for r in ws.iter_rows(min_row=head + 1, values_only=True) if r[1]]
    assert [(r[1], r[4], r[9], r[10], r[11]) for r in lines] == [
        ("A1", None, 2, 4, "damaged"),
        ("M1", "L1", -3, -3, "damaged"),
        ("M1", "L2", 0, 0, None),
    ]
    counts = list(wb["Counts"].iter_rows(min_row=2, values_only=True))
    assert [(c[1], c[3], c[5], c[7]) for c in counts] == [
        ("A1", "Li", 10, "yes"),
        ("A1", "Wang", 7, "yes"),
        ("M1", "Li", 3, "yes"),
        ("M1", "Li", 9, "replaced"),
        ("M1", "Boss", 4, "yes"),
    ]


def set_lines(path, values: dict[int, object]):
    """Overwrite the Line cell of data rows (1 = the first line), as an edited sheet would."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Count sheet"]
    for n, value in values.items():
        ws.cell(HEADER_ROW + n, 1).value = value
    wb.save(path)


def test_row_problems_carry_codes_and_their_facts(shop, tmp_path):
    sid = start(shop)
    path = export_sheet(shop, sid, tmp_path / "c.xlsx")
    fill(path, {("A1", ""): -2, ("M1", "L1"): 6, ("M1", "L2"): 4},
         extra=[{"SKU": "NOPE", "Counted": 1}, {"Counted": 3}])  # fmt: skip
    with pytest.raises(ImportErrors) as info:
        import_sheet(shop, sid, path)
    got = [(e.row - HEADER_ROW, e.code, dict(e.params)) for e in info.value.errors]
    assert got == [
        (1, "stocktake.sheet_negative_count", {}),
        (4, "stocktake.sheet_unknown_item", {"item_code": "NOPE"}),
        (5, "stocktake.sheet_count_without_item", {}),
    ]
    lines = [x.line_id for x in st.review(shop, sid).lines]
    path = fill(export_sheet(shop, sid, tmp_path / "d.xlsx"), {("A1", ""): 1, ("M1", "L1"): 2,
                ("M1", "L2"): 3})  # fmt: skip
    set_lines(path, {1: "one", 2: lines[0], 3: 999})
    with pytest.raises(ImportErrors) as info:
        import_sheet(shop, sid, path)
    got = [(e.row - HEADER_ROW, e.column, e.code, dict(e.params)) for e in info.value.errors]
    assert got == [
        (1, "Line", "stocktake.sheet_not_a_line_number", {}),
        (2, "SKU", "stocktake.sheet_line_mismatch", {"line_id": lines[0]}),
        (3, "Line", "stocktake.sheet_no_such_line", {"line_id": 999}),
    ]
    path = fill(export_sheet(shop, sid, tmp_path / "e.xlsx"), {("A1", ""): 1, ("M1", "L1"): 2})
    set_lines(path, {2: lines[0]})
    with pytest.raises(ImportErrors) as info:
        import_sheet(shop, sid, path)
    [repeated] = info.value.errors
    assert (repeated.code, dict(repeated.params)) == (
        "stocktake.sheet_line_repeated",
        {"line_id": lines[0], "row": HEADER_ROW + 1},
    )
    assert str(repeated).endswith(f"line {lines[0]} is already on row {HEADER_ROW + 1} "
                                  f"(value: '{lines[0]}')")  # fmt: skip
    assert st.count_history(shop, sid) == []


def test_a_found_row_keeps_the_code_of_its_refusal(shop, tmp_path):
    sid = start(shop, scope="category:Hardware")
    path = export_sheet(shop, sid, tmp_path / "c.xlsx")
    fill(path, {("A1", ""): 15}, extra=[{"SKU": "M1", "Batch": "L1", "Counted": 1}])
    with pytest.raises(ImportErrors) as info:
        import_sheet(shop, sid, path)
    [err] = info.value.errors
    assert (err.code, dict(err.params)) == (
        "stocktake.item_out_of_scope",
        {"sku": "M1", "stocktake_id": sid, "scope": "category:Hardware"},
    )


def test_sheet_refusals_carry_codes_and_their_facts(shop, tmp_path):
    first, second = start(shop), start(shop)
    empty = export_sheet(shop, first, tmp_path / "empty.xlsx")
    with pytest.raises(ValidationError) as info:
        import_sheet(shop, first, empty)
    assert (info.value.code, info.value.params) == ("stocktake.sheet_empty", {"file": "empty.xlsx"})
    with pytest.raises(RefusedOperation) as info:
        import_sheet(shop, second, empty)
    assert (info.value.code, info.value.params) == (
        "stocktake.sheet_of_other_stocktake",
        {"file": "empty.xlsx", "sheet_stocktake_id": first, "stocktake_id": second},
    )
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    with pytest.raises(ValidationError) as info:
        import_sheet(shop, first, plain)
    assert (info.value.code, info.value.params) == (
        "stocktake.not_a_count_sheet",
        {"file": "plain.xlsx"},
    )
    path = fill(export_sheet(shop, first, tmp_path / "c.xlsx"), {("A1", ""): 1})
    wb = openpyxl.load_workbook(path)
    wb["Count sheet"].cell(HEADER_ROW, 9).value = "Qty"
    wb.save(path)
    with pytest.raises(ValidationError) as info:
        import_sheet(shop, first, path)
    assert (info.value.code, info.value.params) == (
        "stocktake.sheet_layout_changed",
        {"file": "c.xlsx", "row": HEADER_ROW, "column": 9, "found": "Qty", "expected": "Counted"},
    )
    path = fill(export_sheet(shop, first, tmp_path / "ok.xlsx"), {("A1", ""): 1})
    import_sheet(shop, first, path)
    with pytest.raises(RefusedOperation) as info:
        import_sheet(shop, first, path)
    assert info.value.code == "stocktake.sheet_already_imported"
    assert info.value.params["file"] == "ok.xlsx"
    st.cancel(shop, first)
    with pytest.raises(RefusedOperation) as info:
        export_sheet(shop, first, tmp_path / "again.xlsx")
    assert (info.value.code, info.value.params) == (
        "stocktake.takes_no_counts",
        {"stocktake_id": first, "state": "cancelled"},
    )


def test_a_report_that_cannot_be_written_is_refused_not_a_bug(shop, tmp_path):
    sid = start(shop)
    where = tmp_path / "no such folder" / "report.xlsx"
    with pytest.raises(RefusedOperation) as info:
        write_report(shop, sid, where)
    assert (info.value.code, info.value.params["path"]) == ("stocktake.cannot_write", str(where))
    assert str(info.value).startswith(f"cannot write {where}: ")
    with pytest.raises(RefusedOperation) as info:
        export_sheet(shop, sid, where)
    assert info.value.code == "stocktake.cannot_write"
