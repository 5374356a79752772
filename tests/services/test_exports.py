"""The accountant's Excel pack, read back with openpyxl: the formulas, computed here in
Decimal from the cell values, equal the app's period summary to the cent."""

from __future__ import annotations

import datetime as dt
import threading
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from inventory_app.domain.errors import Cancelled, ValidationError
from inventory_app.domain.model import Document, ItemFields, Line, MovementType
from inventory_app.services import catalog, reports
from inventory_app.services import postings as stock
from inventory_app.services.export import month as exports
from tests.services.test_exports_eval import Evaluator, cell_number

JAN = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.fixture
def month(stocked):
    """December gives January an opening balance; January has every kind of movement."""
    db = stocked
    catalog.add_item(db, ItemFields(sku="K1", name=HOSTILE, category="Hardware", unit="kg"))
    catalog.add_location(db, "Shop")
    d = dt.date
    stock.receive(db, sku="A1", qty="10", unit_cost="3.3333", date=d(2025, 12, 20))
    stock.receive(db, sku="M1", qty="12", unit_cost="2.50", date=d(2025, 12, 30))
    stock.receive(db, sku="A1", qty="5", unit_cost="2.10", date=d(2026, 1, 2), reference="+PO1")
    stock.issue(db, sku="A1", qty="12", date=d(2026, 1, 5), note="@sale to 王先生")
    stock.receive(db, sku="M1", qty="24", unit_cost="2.47", date=d(2026, 1, 3))
    stock.issue(db, sku="M1", qty="7", date=d(2026, 1, 4))
    stock.write_off(db, sku="M1", qty="1", reason="damaged", date=d(2026, 1, 6))
    stock.receive(db, sku="K1", qty="1.25", unit_cost="9.99", date=d(2026, 1, 6))
    stock.adjust(db, sku="K1", qty="-0.2", date=d(2026, 1, 7), reason="-dried")
    stock.transfer(db, sku="A1", qty="1", location="Main", to_location="Shop", date=d(2026, 1, 8))
    changes = stock.issue(db, sku="K1", qty="0.333", date=d(2026, 1, 9))
    stock.reverse(db, changes.movements[0], reason="wrong item", date=d(2026, 1, 10))
    line = Line(type=MovementType.STOCKTAKE, sku="M1", qty=Decimal("-2"), reason="lost")
    stock.post(db, Document(date=d(2026, 1, 8), lines=(line,)))
    stock.issue(db, sku="A1", qty="1", date=d(2026, 2, 2))  # after the month: not in it
    return db


@pytest.fixture
def pack(month, tmp_path):
    path = tmp_path / "jan.xlsx"
    result = exports.export_month(month, "2026-01", path)
    return month, path, result, load_workbook(path)


def _d(value) -> Decimal:
    return cell_number(value)


def _row_of(ws, first: str) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no row starting {first!r}")


def test_the_pack_has_its_sheets_in_english_and_chinese(month, tmp_path, pack):
    _, _, result, wb = pack
    names = ["Cover", "Summary", "Movements", "Closing stock", "Stocktakes", "Indicators",
             "Purchases", "Margin"]  # fmt: skip
    assert wb.sheetnames == names
    assert list(result.sheets) == names
    exports.export_month(month, "2026-01", tmp_path / "zh.xlsx", lang="zh")
    zh = load_workbook(tmp_path / "zh.xlsx")
    assert zh.sheetnames == ["封面", "进销存汇总", "出入库明细", "期末库存", "盘点差异", "指标",
                             "采购汇总", "毛利"]  # fmt: skip
    assert zh["进销存汇总"]["J1"].value == "销售成本"
    assert zh["出入库明细"]["C3"].value in ("入库", "出库")


def test_summary_formulas_compute_to_the_app_figures_to_the_cent(pack):
    db, _, _, wb = pack
    summary = reports.period_summary(db, start=JAN[0], end=JAN[1])
    ws = wb["Summary"]
    ev = Evaluator(wb, "Summary")
    total = _row_of(ws, "Total")
    for col, key in zip("FHJLN", ("opening_value", "in_value", "out_value", "adj_value",
                                  "closing_value"), strict=True):  # fmt: skip
        assert ws[f"{col}{total}"].data_type == "f"
        assert ev.cell(f"{col}{total}") == getattr(summary.totals, key), key
    # every item row: exact figures written, check column computes to zero
    by_sku = {r.key: r for r in summary.rows}
    seen = set()
    for r in range(2, total):
        sku = ws[f"A{r}"].value
        assert ws[f"Q{r}"].data_type == "f"
        assert ev.cell(f"Q{r}") == 0, f"row {r}"
        if sku in by_sku:
            row = by_sku[sku]
            assert _d(ws[f"F{r}"].value) == row.opening_value
            assert _d(ws[f"J{r}"].value) == row.out_value
            assert _d(ws[f"M{r}"].value) == row.closing_qty
            seen.add(sku)
    assert seen == set(by_sku) == {"A1", "M1", "K1"}
    assert ev.cell(f"Q{total}") == 0


def test_category_subtotals_equal_the_category_summary(pack):
    db, _, _, wb = pack
    cats = reports.period_summary(db, start=JAN[0], end=JAN[1], by="category")
    ws = wb["Summary"]
    ev = Evaluator(wb, "Summary")
    got = {}
    for r in range(2, ws.max_row + 1):
        if ws[f"A{r}"].value == "Subtotal":
            assert ws[f"J{r}"].value.startswith("=SUM(")
            got[ws[f"B{r}"].value] = (ev.cell(f"J{r}"), ev.cell(f"N{r}"))
    assert got == {c.key: (c.out_value, c.closing_value) for c in cats.rows}


def test_turnover_formulas_match_the_analytics_definition(pack):
    db, _, _, wb = pack
    ws = wb["Summary"]
    ev = Evaluator(wb, "Summary")
    r = _row_of(ws, "A1")
    s = {x.key: x for x in reports.period_summary(db, start=JAN[0], end=JAN[1]).rows}["A1"]
    avg = (s.opening_value + s.closing_value) / 2
    assert ev.cell(f"O{r}") == s.out_value / avg
    assert ev.cell(f"P{r}") == 31 * avg / s.out_value
    k = _row_of(ws, "K1")
    assert ev.cell(f"P{k}") == ""  # nothing sold: no turnover days


def test_movements_rows_are_per_batch_and_reconcile_with_the_summary(pack):
    db, _, result, wb = pack
    summary = reports.period_summary(db, start=JAN[0], end=JAN[1])
    ws = wb["Movements"]
    ev = Evaluator(wb, "Movements")
    issue_rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[2] == "Issue"]
    a1 = [r for r in issue_rows if r[5] == "A1"]
    # 12 drawn FIFO: all 10 of December's batch, 2 of January's, each at its own cost
    assert [(r[7][:7], _d(r[9]), _d(r[10]), _d(r[11])) for r in a1] == [
        ("B251220", Decimal(-10), Decimal("3.3333"), Decimal("-33.33")),
        ("B260102", Decimal(-2), Decimal("2.1"), Decimal("-4.20")),
    ]
    assert ev.cell(f"L{_row_of_col(ws, 'G', 'Total receipts')}") == summary.totals.in_value
    assert ev.cell(f"L{_row_of_col(ws, 'G', 'Total cost of goods sold')}") == (
        summary.totals.out_value
    )
    assert ev.cell(f"L{_row_of_col(ws, 'G', 'Total adjustments & write-offs')}") == (
        summary.totals.adj_value
    )
    assert ev.cell(f"L{_row_of_col(ws, 'G', 'Total transfers')}") == 0
    assert result.movement_lines == len([r for r in ws.iter_rows(min_row=2) if r[1].value])
    # real dates
    assert isinstance(ws["A2"].value, dt.datetime)
    assert ws["A2"].number_format == "yyyy-mm-dd"
    assert ws["A2"].value.date() == dt.date(2026, 1, 2)


def _row_of_col(ws, col: str, text: str) -> int:
    for cell in ws[col]:
        if cell.value == text:
            return cell.row
    raise AssertionError(text)


def test_closing_stock_by_batch_adds_up_to_the_closing_value(pack):
    db, _, _, wb = pack
    summary = reports.period_summary(db, start=JAN[0], end=JAN[1])
    ws = wb["Closing stock"]
    ev = Evaluator(wb, "Closing stock")
    total = _row_of(ws, "Total")
    assert ev.cell(f"L{total}") == summary.totals.closing_value
    locations = {r[4] for r in ws.iter_rows(min_row=2, max_row=total - 1, values_only=True)}
    assert locations == {"Main", "Shop"}
    m1 = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "M1"]
    # age and days to expiry at the end of the month
    assert [(r[5].date(), r[7], r[8]) for r in m1] == [
        (dt.date(2025, 12, 30), 32, -22),
        (dt.date(2026, 1, 3), 28, -18),
    ]


def test_cover_totals_read_the_summary_and_check_to_zero(pack):
    db, _, _, wb = pack
    ws = wb["Cover"]
    ev = Evaluator(wb, "Cover")
    summary = reports.period_summary(db, start=JAN[0], end=JAN[1])
    assert ws["B3"].value == "Test shop"
    assert ws["B4"].value.date() == JAN[0] and ws["B5"].value.date() == JAN[1]
    assert ws["B7"].value.startswith("FIFO")
    assert ev.cell(f"B{_row_of(ws, 'Cost of goods sold')}") == summary.totals.out_value
    check = _row_of(ws, "Check: opening + receipts − COGS + adjustments − closing")
    assert ev.cell(f"B{check}") == 0


def test_stocktake_variances_with_reasons(pack):
    _, _, result, wb = pack
    ws = wb["Stocktakes"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[3] == "M1"]
    assert len(rows) == 1 and result.stocktake_lines == 1
    assert rows[0][2] == "Stocktake" and rows[0][11] == "lost"
    assert _d(rows[0][9]) == Decimal(-2)
    assert _d(rows[0][10]) == Decimal("-5.00")  # FEFO: December's batch at 2.50


def test_formats_frozen_header_filter_and_print_setup(pack):
    _, _, _, wb = pack
    ws = wb["Summary"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref.startswith("A1:Q")
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    a1, k1 = _row_of(ws, "A1"), _row_of(ws, "K1")
    assert ws[f"F{a1}"].number_format == "#,##0.00"
    assert ws[f"E{a1}"].number_format == "#,##0"  # pcs, all whole
    assert ws[f"E{k1}"].number_format == "#,##0.000"  # kg
    assert ws["J1"].font.bold
    # the name column fits the widest name; CJK characters count double
    assert ws.column_dimensions["B"].width >= 26
    for name in ("Movements", "Closing stock"):
        other = wb[name]
        assert other.freeze_panes in ("A2", "C2")
        assert other.auto_filter.ref.startswith("A1:")
        assert other.print_title_rows == "$1:$1"
        assert other.page_setup.orientation == "landscape"


def test_user_text_that_looks_like_a_formula_stays_text(pack):
    _, path, _, wb = pack
    for sheet, col in (("Summary", "B"), ("Movements", "G"), ("Closing stock", "B")):
        ws = wb[sheet]
        cells = [c for c in ws[col] if c.value == HOSTILE]
        assert cells, sheet
        for c in cells:
            assert c.data_type == "s"
            assert c.quotePrefix  # stays text when someone edits the cell
    refs = [c for c in wb["Movements"]["E"] if c.value == "+PO1"]
    notes = [c for c in wb["Movements"]["O"] if c.value == "@sale to 王先生"]
    assert refs and notes and all(c.data_type == "s" for c in refs + notes)
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>HYPERLINK" not in xml


def test_numbers_are_written_exactly_not_through_a_float(pack):
    _, path, _, _ = pack
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<v>3.3333</v>" in xml and "<v>-33.33</v>" in xml and "<v>12.49</v>" in xml
    assert "999999" not in xml and "000001" not in xml


def test_export_summary_has_cover_summary_and_indicators(month, tmp_path):
    result = exports.export_summary(
        month, tmp_path / "q.xlsx", start=dt.date(2025, 12, 1), end=JAN[1]
    )
    wb = load_workbook(result.path)
    assert wb.sheetnames == ["Cover", "Summary", "Indicators"]
    ind = wb["Indicators"]
    ev = Evaluator(wb, "Indicators")
    summary = reports.period_summary(month, start=dt.date(2025, 12, 1), end=JAN[1])
    cogs = _row_of(ind, "Cost of goods sold")
    assert ev.cell(f"B{cogs}") == summary.totals.out_value
    assert ind["A3"].value.startswith("Turnover, annualized")
    assert ind["C3"].value is not None and ind["E3"].value in ("healthy", "low", "high")


def test_progress_reaches_the_end_and_cancel_leaves_no_file(month, tmp_path):
    seen = []
    exports.export_month(
        month, "2026-01", tmp_path / "a.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    assert seen and seen[-1][0] == seen[-1][1]
    target = tmp_path / "b.xlsx"
    with pytest.raises(Cancelled) as e:
        exports.export_month(month, "2026-01", target, cancel=lambda: True)
    assert e.value.code == "export.cancelled"
    assert list(tmp_path.glob("b.xlsx*")) == [] and list(tmp_path.glob(".b.xlsx*")) == []


def test_bad_requests_are_refused_plainly(month, tmp_path):
    with pytest.raises(ValidationError, match="not a month") as e:
        exports.export_month(month, "2026-13", tmp_path / "x.xlsx")
    assert (e.value.code, e.value.params) == ("export.not_a_month", {"month": "2026-13"})
    with pytest.raises(ValidationError, match=r"\.xlsx") as e:
        exports.export_month(month, "2026-01", tmp_path / "x.csv")
    assert (e.value.code, e.value.params) == ("export.not_xlsx", {"name": "x.csv"})
    with pytest.raises(ValidationError, match="does not exist") as e:
        exports.export_month(month, "2026-01", tmp_path / "nope" / "x.xlsx")
    assert (e.value.code, e.value.params) == (
        "export.no_folder",
        {"folder": str(tmp_path / "nope")},
    )
    next_year = dt.date(dt.date.today().year + 1, 1, 1)
    with pytest.raises(ValidationError, match="future") as e:
        exports.export_month(month, f"{next_year:%Y-%m}", tmp_path / "x.xlsx")
    assert (e.value.code, e.value.params) == ("export.future_period", {"start": next_year})
    with pytest.raises(ValidationError, match="language") as e:
        exports.export_month(month, "2026-01", tmp_path / "x.xlsx", lang="fr")
    assert e.value.code == "export.unknown_language" and e.value.params["lang"] == "fr"
    with pytest.raises(ValidationError, match="unknown sheet: charts") as e:
        exports.export_period(
            month, tmp_path / "x.xlsx", start=JAN[0], end=JAN[1], sheets=("summary", "charts")
        )
    assert e.value.params == {"sheets": "charts", "count": 1}


def test_an_empty_month_still_makes_a_clean_pack(db, tmp_path):
    result = exports.export_month(db, "2026-01", tmp_path / "e.xlsx", lang="zh")
    wb = load_workbook(result.path)
    ev = Evaluator(wb, "进销存汇总")
    assert ev.cell("N2") == 0  # the total row right under the header
    assert result.items == 0 and result.movement_lines == 0


def _cells(path):
    wb = load_workbook(path)
    return {
        ws.title: [
            (c.coordinate, c.value, c.data_type, c.number_format, c.font.b, c.quotePrefix)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        ]
        for ws in wb
    }


def test_the_fast_row_writer_writes_what_openpyxl_cells_would(month, tmp_path, monkeypatch):
    from inventory_app.services.export.writer import SheetWriter

    exports.export_month(month, "2026-01", tmp_path / "fast.xlsx", lang="zh")
    monkeypatch.setattr(SheetWriter, "fast", False)
    exports.export_month(month, "2026-01", tmp_path / "cells.xlsx", lang="zh")
    fast, cells = _cells(tmp_path / "fast.xlsx"), _cells(tmp_path / "cells.xlsx")
    generated = "生成时间"
    for sheet in fast:  # the generation time may differ by a second
        fast[sheet] = [c for c in fast[sheet] if c[0] != "B9" or sheet != "封面"]
        cells[sheet] = [c for c in cells[sheet] if c[0] != "B9" or sheet != "封面"]
    assert fast == cells
    assert generated in str(fast["封面"])


def test_cancel_while_the_closing_query_runs_ahead_leaves_the_shop_usable(month, tmp_path):
    """The Closing stock query runs on a thread while the Summary is written: a Cancel
    there stops the export, waits for the query, ends the read transaction."""
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 1  # the first check passes; the Summary's rows stop it

    with pytest.raises(Cancelled):
        exports.export_month(month, "2026-01", tmp_path / "c.xlsx", cancel=cancel)
    assert len(asked) == 2 and list(tmp_path.glob("*c.xlsx*")) == []
    assert not month.conn.in_transaction
    assert "export-query" not in [t.name for t in threading.enumerate()]
    stock.receive(month, sku="A1", qty="1", unit_cost="1.00", date=dt.date(2026, 1, 20))
    result = exports.export_month(month, "2026-01", tmp_path / "d.xlsx")
    closing = load_workbook(result.path)["Closing stock"]
    assert result.batches == len([r for r in closing.iter_rows(min_row=2) if r[3].value])
    assert result.batches > 0


def test_movement_rows_of_cells_made_ahead_are_the_row_writers_bytes(month, tmp_path, monkeypatch):
    """The Movements' fast path (``cells``, ``SheetWriter.put``) writes the very bytes of the
    general row writer, style ids included: January starts with a whole-quantity row and has
    formula-like texts in whole (a note) and decimal (a name) rows."""
    from inventory_app.services.export.writer import SheetWriter

    exports.export_month(month, "2026-01", tmp_path / "ahead.xlsx", lang="zh")
    monkeypatch.setattr(SheetWriter, "takes_cells", property(lambda self: False))
    exports.export_month(month, "2026-01", tmp_path / "rows.xlsx", lang="zh")
    with (
        zipfile.ZipFile(tmp_path / "ahead.xlsx") as ahead,
        zipfile.ZipFile(tmp_path / "rows.xlsx") as rows,
    ):
        assert ahead.namelist() == rows.namelist()
        sheets = [n for n in ahead.namelist() if n.startswith("xl/worksheets/sheet")]
        movements = ahead.read(sheets[2]).decode()  # after the Cover and the Summary
        assert "@sale" in movements and 'quotePrefix="1"' in ahead.read("xl/styles.xml").decode()
        for name in [*sheets[1:], "xl/styles.xml", "xl/workbook.xml"]:  # not the Cover's time
            assert ahead.read(name) == rows.read(name), name


def test_cancel_after_the_movements_stops_their_deflating_and_leaves_no_file(month, tmp_path):
    """The finished Movements sheet is deflated on a thread while the later sheets are
    written: a Cancel there stops it too."""
    seen: list[tuple[int, int]] = []

    def cancel() -> bool:  # the second report of all rows done: the Closing stock's
        return sum(1 for done, total in seen if done == total) >= 2

    with pytest.raises(Cancelled):
        exports.export_month(
            month, "2026-01", tmp_path / "e.xlsx", cancel=cancel,
            progress=lambda d, t: seen.append((d, t)),
        )  # fmt: skip
    assert list(tmp_path.glob("*e.xlsx*")) == []
    assert "export-deflate" not in [t.name for t in threading.enumerate()]
    assert not month.conn.in_transaction
