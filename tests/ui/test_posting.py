"""The posting dialogs driven like a clerk drives them: keys and a barcode scanner.

Real shop files (``stocked``: A1 FIFO hammer, M1 FEFO milk with barcode 6901234567892),
real widgets offscreen; the ledger is checked afterwards through services only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from inventory_app.domain.model import MovementType
from inventory_app.services import postings as stock
from inventory_app.services import reports
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.dialogs.posting.dialog import PostingDialog

T = MovementType
TODAY = dt.date.today()
ENTER = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier


def make_ctx(db) -> AppContext:
    context = AppContext(db)
    context.posted = []  # every (changes, initiator) the app was told about
    context.data_changed.connect(lambda changes, who: context.posted.append((changes, who)))
    return context


@pytest.fixture
def ctx(stocked):
    return make_ctx(stocked)


def open_dialog(qtbot, ctx, kind: MovementType, *, date: dt.date | None = None):
    dlg = PostingDialog(ctx, kind)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    if date is not None:
        dlg.date_edit.setDate(QDate(date.year, date.month, date.day))
    return dlg


def scan(qtbot, dlg, code: str) -> None:
    """What a barcode scanner does: type the code, then Enter."""
    qtbot.keyClicks(dlg.item_picker, code)
    qtbot.keyClick(dlg.item_picker, ENTER)


def type_then_enter(qtbot, widget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, ENTER)


def preview_rows(dlg) -> list[tuple[str, ...]]:
    table = dlg.preview_table
    return [
        tuple(table.item(r, c).text() if table.item(r, c) else "" for c in range(8))
        for r in range(table.rowCount())
    ]


def line_cell(dlg, row: int, title: str) -> str:
    table = dlg.lines_table
    titles = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return table.item(row, titles.index(title)).text()


def batches(db, sku: str) -> list[tuple[str, Decimal, Decimal]]:
    return [(b.batch, b.qty, b.value) for b in reports.stock_by_batch(db) if b.sku == sku]


def movement_count(db) -> int:
    return db.conn.execute("SELECT count(*) FROM movements").fetchone()[0]


def keys(qtbot, text: str = "", *, then=ENTER, modifier=Qt.KeyboardModifier.NoModifier):
    """Type into whatever has the keyboard focus, as a user would."""
    widget = QApplication.focusWidget()
    assert widget is not None
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, then, modifier)
    return widget


def receive_by_keyboard(qtbot, ctx, *, date, qty, cost, batch) -> PostingDialog:
    """Scan A1, then Enter through quantity, unit cost, batch code, expiry and location
    back to the item field; Ctrl+Enter posts. Keys go wherever the focus is."""
    dlg = open_dialog(qtbot, ctx, T.RECEIPT, date=date)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.item_picker, timeout=2000)
    assert keys(qtbot, "A1") is dlg.item_picker  # a scan keeps the focus for the next one
    assert keys(qtbot) is dlg.item_picker  # Enter on an empty item field: to the quantity
    assert keys(qtbot, qty) is dlg.editor.qty_edit  # its "1" is selected, typing replaces it
    assert keys(qtbot, cost) is dlg.editor.cost_edit
    assert keys(qtbot, batch) is dlg.editor.batch_edit
    assert keys(qtbot) is dlg.editor.expiry_edit
    assert keys(qtbot) is dlg.editor.location_combo
    assert QApplication.focusWidget() is dlg.item_picker  # ready for the next line
    keys(qtbot, modifier=CTRL)
    return dlg


def test_receive_two_batches_then_issue_across_both_with_preview(qtbot, ctx):
    first = receive_by_keyboard(
        qtbot, ctx, date=TODAY - dt.timedelta(days=2), qty="10", cost="2.5", batch="H1"
    )
    assert first.result() == first.DialogCode.Accepted
    assert ctx.posted[-1] == (first.changes, first)

    second = open_dialog(qtbot, ctx, T.RECEIPT, date=TODAY - dt.timedelta(days=1))
    scan(qtbot, second, "A1")
    assert second.editor.cost_edit.text() == "2.50"  # defaulted from the last receipt
    qtbot.keyClick(second.item_picker, ENTER)
    type_then_enter(qtbot, second.editor.qty_edit, "5")
    type_then_enter(qtbot, second.editor.cost_edit, "3.00")
    type_then_enter(qtbot, second.editor.batch_edit, "H2")
    qtbot.keyClick(second.item_picker, ENTER, CTRL)
    assert second.result() == second.DialogCode.Accepted
    assert batches(ctx.db, "A1") == [
        ("H1", Decimal("10.000"), Decimal("25.00")),
        ("H2", Decimal("5.000"), Decimal("15.00")),
    ]

    issue = open_dialog(qtbot, ctx, T.ISSUE)
    scan(qtbot, issue, "A1")
    qtbot.keyClick(issue.item_picker, ENTER)
    qtbot.keyClicks(issue.editor.qty_edit, "12")
    # the preview follows the typing (debounced), before anything is posted
    qtbot.waitUntil(lambda: len(preview_rows(issue)) == 2, timeout=2000)
    rows = preview_rows(issue)
    assert [(r[1], r[5], r[6], r[7]) for r in rows] == [
        ("H1", "10", "2.50", "25.00"),
        ("H2", "2", "3.00", "6.00"),
    ]
    assert rows[0][3] == (TODAY - dt.timedelta(days=2)).isoformat()
    assert line_cell(issue, 0, "Value") == "31.00"
    assert "31.00" in issue.total_label.text()
    assert movement_count(ctx.db) == 2  # previewing wrote nothing

    qtbot.keyClick(issue.editor.qty_edit, ENTER, CTRL)
    assert issue.result() == issue.DialogCode.Accepted
    assert batches(ctx.db, "A1") == [("H2", Decimal("3.000"), Decimal("9.00"))]

    # reversing the issue restores both batches exactly
    (issue_movement,) = issue.changes.movements
    stock.reverse(ctx.db, issue_movement, reason="issued to the wrong customer")
    assert batches(ctx.db, "A1") == [
        ("H1", Decimal("10.000"), Decimal("25.00")),
        ("H2", Decimal("5.000"), Decimal("15.00")),
    ]


def test_reverse_dialog_restores_the_batches_an_issue_used(qtbot, ctx):
    db = ctx.db
    stock.receive(db, sku="A1", qty=10, unit_cost="2.50", date=TODAY, batch="H1")
    stock.receive(db, sku="A1", qty=5, unit_cost="3.00", date=TODAY, batch="H2")
    issue = open_dialog(qtbot, ctx, T.ISSUE)
    scan(qtbot, issue, "A1")
    qtbot.keyClick(issue.item_picker, ENTER)
    type_then_enter(qtbot, issue.editor.qty_edit, "12")
    qtbot.keyClick(issue.item_picker, ENTER, CTRL)
    assert batches(db, "A1") == [("H2", Decimal("3.000"), Decimal("9.00"))]

    from inventory_app.ui.dialogs.reverse import ReverseDialog  # 3a's dialog

    (movement,) = issue.changes.movements
    rev = ReverseDialog(ctx, movement)
    qtbot.addWidget(rev)
    rev.show()
    qtbot.keyClicks(rev.reason, "wrong customer")
    rev.ok_button.click()
    assert rev.result() == rev.DialogCode.Accepted
    assert batches(db, "A1") == [
        ("H1", Decimal("10.000"), Decimal("25.00")),
        ("H2", Decimal("5.000"), Decimal("15.00")),
    ]


def test_scanned_barcode_adds_a_line_and_scanning_again_adds_one(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx, T.RECEIPT)
    scan(qtbot, dlg, "6901234567892")
    assert [d.item.sku for d in dlg.drafts] == ["M1"]
    assert dlg.item_picker.text() == ""  # ready for the next scan
    assert "纯牛奶 250ml" in line_cell(dlg, 0, "Item")
    assert line_cell(dlg, 0, "Qty") == "1"
    # expiry defaulted from the 10-day shelf life
    assert line_cell(dlg, 0, "Expiry") == (TODAY + dt.timedelta(days=10)).isoformat()

    scan(qtbot, dlg, "6901234567892")
    assert dlg.lines_table.rowCount() == 1
    assert line_cell(dlg, 0, "Qty") == "2"

    scan(qtbot, dlg, "NO-SUCH-CODE")
    assert dlg.lines_table.rowCount() == 1
    assert "NO-SUCH-CODE" in dlg.editor.message.text()


def test_over_issue_shows_the_shortage_in_place_and_posts_nothing(qtbot, ctx):
    stock.receive(ctx.db, sku="A1", qty=9, unit_cost="2.50", date=TODAY)
    before = movement_count(ctx.db)
    dlg = open_dialog(qtbot, ctx, T.ISSUE)
    scan(qtbot, dlg, "A1")
    qtbot.keyClick(dlg.item_picker, ENTER)
    qtbot.keyClicks(dlg.editor.qty_edit, "12")
    qtbot.waitUntil(lambda: line_cell(dlg, 0, "Check") == "short 3, available 9", timeout=2000)
    assert preview_rows(dlg)[0][1] == "short 3, available 9"
    assert "available 9" in dlg.editor.message.text()
    assert "border" in dlg.editor.qty_edit.styleSheet()  # the quantity is marked
    assert not dlg.post_button.isEnabled()

    qtbot.keyClick(dlg.editor.qty_edit, ENTER, CTRL)  # Ctrl+Enter is refused in place
    assert dlg.isVisible() and dlg.changes is None
    assert "short 3, available 9" in dlg.post_message.text()
    assert movement_count(ctx.db) == before
    assert ctx.posted == []

    dlg.editor.qty_edit.selectAll()  # correcting the quantity makes it postable
    qtbot.keyClicks(dlg.editor.qty_edit, "9")
    qtbot.waitUntil(dlg.post_button.isEnabled, timeout=2000)


def test_batch_out_of_fifo_order_needs_an_override_reason(qtbot, ctx):
    db = ctx.db
    stock.receive(db, sku="A1", qty=10, unit_cost="2.50", date=TODAY - dt.timedelta(1), batch="H1")
    stock.receive(db, sku="A1", qty=5, unit_cost="3.00", date=TODAY, batch="H2")
    dlg = open_dialog(qtbot, ctx, T.ISSUE)
    scan(qtbot, dlg, "A1")
    qtbot.keyClick(dlg.item_picker, ENTER)
    type_then_enter(qtbot, dlg.editor.qty_edit, "2")
    combo = dlg.editor.batch_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "H1", "H2"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # H2: not next in line by FIFO
    assert dlg.drafts[0].batch == "H2"
    dlg.refresh_preview()
    assert dlg.editor.override_edit.isVisible()
    assert "not next in line" in dlg.editor.override_label.text()
    assert "not next in line" in dlg.policy_label.text()
    assert [r[1] for r in preview_rows(dlg)] == ["H2"]  # what it would draw, and why not yet
    assert not dlg.post_button.isEnabled()
    qtbot.keyClick(combo, ENTER, CTRL)
    assert dlg.changes is None and "reason" in dlg.post_message.text()

    qtbot.keyClick(combo, ENTER)  # Enter moves on to the reason field
    type_then_enter(qtbot, dlg.editor.override_edit, "customer asked for the newest")
    dlg.refresh_preview()
    assert dlg.post_button.isEnabled()
    qtbot.keyClick(dlg.item_picker, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted
    assert batches(db, "A1") == [
        ("H1", Decimal("10.000"), Decimal("25.00")),
        ("H2", Decimal("3.000"), Decimal("9.00")),
    ]


def test_issue_line_with_a_selling_price(qtbot, ctx):
    """The issue's price field: checked as typed, kept beside the posted movement, and the
    margin report takes it before the item's price."""
    from inventory_app.services import demand

    db = ctx.db
    stock.receive(db, sku="A1", qty=10, unit_cost="2.50", date=TODAY, batch="H1")
    demand.set_price(db, "A1", "4")
    dlg = open_dialog(qtbot, ctx, T.ISSUE)
    scan(qtbot, dlg, "A1")
    qtbot.keyClick(dlg.item_picker, ENTER)
    type_then_enter(qtbot, dlg.editor.qty_edit, "3")
    editor = dlg.editor  # Enter order: qty, price, batch
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.price_edit, timeout=2000)
    qtbot.keyClicks(dlg.editor.price_edit, "x")
    assert "selling price" in dlg.editor.message.text()
    assert not dlg.post_button.isEnabled()
    dlg.editor.price_edit.clear()
    qtbot.keyClicks(dlg.editor.price_edit, "5.5")
    qtbot.waitUntil(lambda: dlg.post_button.isEnabled(), timeout=2000)
    qtbot.keyClick(dlg.editor.price_edit, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted
    rep = demand.margin_report(db, start=TODAY, end=TODAY)
    (a1,) = [r for r in rep.rows if r.key == "A1"]
    assert a1.revenue == Decimal("16.50") and a1.gross_margin == Decimal("9.00")

    plain = open_dialog(qtbot, ctx, T.ISSUE)  # no price typed: the item's price
    scan(qtbot, plain, "A1")
    qtbot.keyClick(plain.item_picker, ENTER)
    type_then_enter(qtbot, plain.editor.qty_edit, "1")
    qtbot.keyClick(plain.item_picker, ENTER, CTRL)
    assert plain.result() == plain.DialogCode.Accepted
    (a1,) = [r for r in demand.margin_report(db, start=TODAY, end=TODAY).rows if r.key == "A1"]
    assert a1.revenue == Decimal("20.50")
