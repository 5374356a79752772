"""The Reports page (Excel export with progress) and the import wizard, with real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from inventory_app.services import postings as stock
from inventory_app.ui.dialogs.import_wizard import ImportWizard
from inventory_app.ui.pages import page_names
from inventory_app.ui.pages.reports import ReportsPage, last_month


@pytest.fixture
def page(qtbot, ctx):
    month = last_month()
    stock.receive(ctx.db, sku="A1", qty="10", unit_cost="2.50", date=month)
    stock.issue(ctx.db, sku="A1", qty="3", date=month + dt.timedelta(days=2))
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_page_is_in_the_sidebar():
    assert "reports" in page_names()


def test_export_month_writes_the_pack_and_says_where(page, tmp_path):
    assert page.month.date().toString("yyyy-MM") == f"{last_month():%Y-%m}"
    path = tmp_path / "month.xlsx"
    assert page.export_month_to(path)
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["Cover", "Summary", "Movements"]
    assert wb["Movements"].max_row >= 3  # the header, two movement lines, totals
    assert str(path) in page.result.text() and page.open_button.isVisibleTo(page)


def test_export_in_chinese_and_a_summary(page, tmp_path):
    page.lang.setCurrentIndex(page.lang.findData("zh"))
    assert page.export_summary_to(tmp_path / "s.xlsx")
    assert load_workbook(tmp_path / "s.xlsx").sheetnames == ["封面", "进销存汇总", "指标"]


def test_the_sheet_language_is_remembered(page, ctx):
    from PySide6.QtCore import QSettings

    page.lang.setCurrentIndex(page.lang.findData("zh"))
    page.save_state(QSettings())
    again = ReportsPage(ctx)
    again.restore_state(QSettings())
    assert again.selected_lang() == "zh"
    again.deleteLater()


def test_a_template_is_saved(page, tmp_path):
    assert page.save_template_to("opening", tmp_path / "t.xlsx")
    assert load_workbook(tmp_path / "t.xlsx").worksheets[0]["A1"].value == "SKU *"


def _opening_file(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["编码", "数量", "单价", "批号"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_wizard_previews_lists_every_problem_then_imports_all(qtbot, ctx, tmp_path):
    wizard = ImportWizard(ctx, "opening")
    qtbot.addWidget(wizard)
    path = _opening_file(tmp_path / "o.xlsx", [["A1", 5, 2, "L1"], ["NOPE", 1, 1, None],
                                               ["M1", "1.2345", 1, None]])  # fmt: skip
    assert not wizard.load_file(path)  # read and checked: problems before any import
    assert wizard.preview.rowCount() == 3
    # the file's header and its meaning, as the template heads it
    assert wizard.preview.horizontalHeaderItem(0).text() == "编码\n→ SKU"
    assert wizard.preview.verticalHeaderItem(1).text() == "3"  # the row number in the file
    assert not wizard.import_button.isEnabled()
    cells = [
        (wizard.problems.item(r, 0).text(), wizard.problems.item(r, 1).text())
        for r in range(wizard.problems.rowCount())
    ]
    assert cells == [("3", "编码"), ("4", "数量")]
    assert "nothing was imported" in wizard.problems_label.text()
    assert ctx.db.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 0

    _opening_file(path, [["A1", 5, 2, "L1"], ["M1", "1.5", 1, None]])
    assert wizard.check()
    assert not wizard.problems.isVisibleTo(wizard)
    assert "no problems" in wizard.summary.text() and wizard.import_button.isEnabled()
    assert ctx.db.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 0
    with qtbot.waitSignal(ctx.data_changed, timeout=5000) as signal:
        assert wizard.import_now()
    assert signal.args[1] is wizard and signal.args[0].movements
    assert wizard.imported.posted == 2
    assert ctx.db.conn.execute("SELECT count(*) FROM batches").fetchone()[0] == 2


def test_wizard_shows_a_file_problem_plainly(qtbot, ctx, tmp_path):
    wizard = ImportWizard(ctx, "items")
    qtbot.addWidget(wizard)
    junk = tmp_path / "items.xlsx"
    junk.write_text("not a workbook")
    assert not wizard.load_file(junk)
    assert "items.xlsx" in wizard.summary.text()
    assert not wizard.import_button.isEnabled()


def test_wizard_check_finds_what_only_the_ledger_can(qtbot, ctx, tmp_path):
    """An issue of more than there is passes every cell check; the dry run catches it."""
    wizard = ImportWizard(ctx, "journal")
    qtbot.addWidget(wizard)
    path = tmp_path / "journal.csv"
    path.write_text(
        "date,type,sku,qty,unit_cost\n2026-02-01,receipt,A1,2,1.5\n2026-02-02,issue,A1,3,\n",
        encoding="utf-8",
    )
    assert not wizard.load_file(path)
    assert (wizard.problems.item(0, 0).text(), wizard.problems.item(0, 1).text()) == ("3", "qty")
    assert "available 2" in wizard.problems.item(0, 3).text()
    assert not wizard.import_button.isEnabled()
    assert ctx.db.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 0
