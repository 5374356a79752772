"""Write off, adjust, transfer, validation as you type, expired batches, Esc: the posting
dialog configured for each kind, driven with keys, checked through services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from inventory_app.domain.model import MovementType
from inventory_app.services import catalog, reports
from inventory_app.services import postings as stock
from tests.ui.test_posting import (
    CTRL,
    ENTER,
    TODAY,
    batches,
    line_cell,
    make_ctx,
    movement_count,
    open_dialog,
    preview_rows,
    scan,
    type_then_enter,
)

T = MovementType


@pytest.fixture
def ctx(stocked):
    return make_ctx(stocked)


def test_write_off_takes_the_reason_code_and_draws_fifo(qtbot, ctx):
    stock.receive(ctx.db, sku="A1", qty=4, unit_cost="2.50", date=TODAY, batch="H1")
    dlg = open_dialog(qtbot, ctx, T.WRITEOFF)
    labels = [
        dlg.head_bar.reason_combo.itemText(i) for i in range(dlg.head_bar.reason_combo.count())
    ]
    assert labels == ["Damaged", "Expired", "Lost", "Sample", "Other"]
    dlg.head_bar.reason_combo.setCurrentIndex(0)
    scan(qtbot, dlg, "A1")
    qtbot.keyClick(dlg.item_picker, ENTER)
    qtbot.keyClicks(dlg.editor.qty_edit, "3")
    qtbot.keyClick(dlg.editor.qty_edit, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted
    assert batches(ctx.db, "A1") == [("H1", Decimal("1.000"), Decimal("2.50"))]
    (mid,) = dlg.changes.movements
    reason = ctx.db.conn.execute("SELECT reason FROM movements WHERE id = ?", (mid,)).fetchone()
    assert reason == ("damaged",)


def test_adjust_needs_a_reason_gains_take_a_cost_losses_draw(qtbot, ctx):
    stock.receive(ctx.db, sku="A1", qty=4, unit_cost="2.50", date=TODAY, batch="H1")
    dlg = open_dialog(qtbot, ctx, T.ADJUST)
    scan(qtbot, dlg, "A1")
    qtbot.keyClick(dlg.item_picker, ENTER)
    type_then_enter(qtbot, dlg.editor.qty_edit, "-1")
    assert not dlg.editor.cost_edit.isEnabled()  # a loss draws at the batches' cost
    scan(qtbot, dlg, "6901234567892")
    qtbot.keyClick(dlg.item_picker, ENTER)
    type_then_enter(qtbot, dlg.editor.qty_edit, "+2")
    assert dlg.editor.cost_edit.isEnabled()
    assert "a gain needs a unit cost" in dlg.editor.message.text()  # M1 never received
    qtbot.keyClicks(dlg.editor.cost_edit, "3.1")
    dlg.refresh_preview()
    assert "an adjustment needs a reason" in dlg.blocking_problem()
    assert not dlg.post_button.isEnabled()
    qtbot.keyClicks(dlg.head_bar.reason_edit, "found in the back room")
    qtbot.keyClick(dlg.head_bar.reason_edit, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted
    assert batches(ctx.db, "A1") == [("H1", Decimal("3.000"), Decimal("7.50"))]
    assert [(b[1], b[2]) for b in batches(ctx.db, "M1")] == [(Decimal("2.000"), Decimal("6.20"))]


def test_transfer_moves_batches_to_the_other_location(qtbot, ctx):
    catalog.add_location(ctx.db, "Back room 后仓")
    stock.receive(ctx.db, sku="A1", qty=4, unit_cost="2.50", date=TODAY, batch="H1")
    dlg = open_dialog(qtbot, ctx, T.TRANSFER)
    assert dlg.head_bar.location_combo.currentText() == "Main"
    assert dlg.head_bar.to_location_combo.currentText() == "Back room 后仓"
    scan(qtbot, dlg, "A1")
    qtbot.keyClick(dlg.item_picker, ENTER)
    qtbot.keyClicks(dlg.editor.qty_edit, "3")
    qtbot.keyClick(dlg.editor.qty_edit, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted
    held = sorted((b.location, b.qty) for b in reports.stock_by_batch(ctx.db) if b.sku == "A1")
    assert held == [("Back room 后仓", Decimal("3.000")), ("Main", Decimal("1.000"))]


def test_fields_validate_as_you_type(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx, T.RECEIPT)
    scan(qtbot, dlg, "A1")
    assert "a receipt needs a unit cost" in dlg.editor.message.text()  # never received
    assert "border" in dlg.editor.cost_edit.styleSheet()
    qtbot.keyClicks(dlg.editor.cost_edit, "2")
    assert dlg.editor.message.text() == ""
    dlg.editor.qty_edit.selectAll()
    qtbot.keyClicks(dlg.editor.qty_edit, "1.2345")
    assert "more than 3 decimals" in dlg.editor.message.text()
    assert "border" in dlg.editor.qty_edit.styleSheet()
    assert not dlg.post_button.isEnabled()
    dlg.editor.qty_edit.selectAll()
    qtbot.keyClicks(dlg.editor.qty_edit, "abc")
    assert "not a number" in dlg.editor.message.text()
    dlg.editor.qty_edit.selectAll()
    qtbot.keyClicks(dlg.editor.qty_edit, "4")
    qtbot.keyClicks(dlg.editor.expiry_edit, "2001-01-01")
    assert "before the date" in dlg.editor.message.text()
    dlg.editor.expiry_edit.clear()
    qtbot.keyClicks(dlg.editor.expiry_edit, "soon")
    assert "is not a date" in dlg.editor.message.text()
    dlg.editor.expiry_edit.selectAll()
    qtbot.keyClick(dlg.editor.expiry_edit, Qt.Key.Key_Backspace)
    dlg.refresh_preview()
    assert dlg.blocking_problem() == "" and dlg.post_button.isEnabled()
    assert line_cell(dlg, 0, "Value") == "8.00"


def test_a_date_in_a_closed_period_is_refused_with_the_ledger_message(qtbot, ctx):
    stock.close_period(ctx.db, TODAY - dt.timedelta(days=1))
    dlg = open_dialog(qtbot, ctx, T.RECEIPT, date=TODAY - dt.timedelta(days=1))
    scan(qtbot, dlg, "A1")
    qtbot.keyClicks(dlg.editor.cost_edit, "2")
    assert "closed period" in dlg.editor.message.text()
    assert not dlg.post_button.isEnabled()
    assert dlg.date_edit.maximumDate() == QDate.currentDate()  # no future dates either
    dlg.date_edit.setDate(QDate.currentDate())
    qtbot.keyClick(dlg.item_picker, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted


def test_expired_batch_is_only_issued_when_named_with_a_reason(qtbot, ctx):
    old = TODAY - dt.timedelta(days=20)  # 10-day shelf life: expired 10 days ago
    stock.receive(ctx.db, sku="M1", qty=6, unit_cost="3.20", date=old, batch="OLD")
    dlg = open_dialog(qtbot, ctx, T.WRITEOFF)
    scan(qtbot, dlg, "6901234567892")
    qtbot.waitUntil(lambda: line_cell(dlg, 0, "Check").startswith("short 1"), timeout=2000)
    assert "expired" in dlg.editor.message.text()
    combo = dlg.editor.batch_combo
    assert combo.itemText(1) == f"OLD · 6 left · EXPIRED {old + dt.timedelta(days=10)}"
    combo.setCurrentIndex(1)
    dlg.refresh_preview()
    row = preview_rows(dlg)[0]
    assert row[1] == "OLD" and "(expired)" in row[4]
    assert "expired" in dlg.editor.override_label.text()
    type_then_enter(qtbot, dlg.editor.override_edit, "binned")
    qtbot.keyClick(dlg.item_picker, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted
    assert batches(ctx.db, "M1") == [("OLD", Decimal("5.000"), Decimal("16.00"))]


def test_typed_name_finds_the_item_and_moves_on_to_the_quantity(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx, T.RECEIPT)
    dlg.activateWindow()
    # Chinese arrives from an input method as committed text, not as key presses
    commit = QInputMethodEvent()
    commit.setCommitString("牛奶")
    QApplication.sendEvent(dlg.item_picker, commit)
    assert dlg.item_picker.text() == "牛奶"
    qtbot.keyClick(dlg.item_picker, ENTER)
    assert [d.item.sku for d in dlg.drafts] == ["M1"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.editor.qty_edit, timeout=2000)


def test_esc_asks_before_discarding_lines(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx, T.RECEIPT)
    scan(qtbot, dlg, "A1")
    qtbot.keyClick(dlg.item_picker, Qt.Key.Key_Escape)
    box = dlg.confirm_box
    assert box is not None and box.isVisible() and dlg.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dlg.isVisible() and len(dlg.drafts) == 1
    qtbot.keyClick(dlg.item_picker, Qt.Key.Key_Escape)
    dlg.confirm_box.button(QMessageBox.StandardButton.Discard).click()
    assert dlg.result() == dlg.DialogCode.Rejected and not dlg.isVisible()
    assert movement_count(ctx.db) == 0


def test_suggestions_pop_up_after_a_pause_and_a_choice_adds_the_line(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx, T.ISSUE)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.item_picker, timeout=2000)
    qtbot.keyClicks(dlg.item_picker, "amm")
    popup = dlg.item_picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["A1 — Hammer 锤子  (0 pcs on hand)"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, ENTER)
    assert [(d.item.sku, d.qty) for d in dlg.drafts] == [("A1", "1")]
    assert dlg.item_picker.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.editor.qty_edit, timeout=2000)


def test_enter_walks_the_header_then_posts_supplier_and_reference(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx, T.RECEIPT)
    dlg.activateWindow()
    dlg.date_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.date_edit, timeout=2000)
    qtbot.keyClick(dlg.date_edit, ENTER)
    assert QApplication.focusWidget() is dlg.head_bar.supplier_edit
    type_then_enter(qtbot, dlg.head_bar.supplier_edit, "Acme")
    assert QApplication.focusWidget() is dlg.head_bar.reference_edit
    type_then_enter(qtbot, dlg.head_bar.reference_edit, "DN-7")
    assert QApplication.focusWidget() is dlg.item_picker
    scan(qtbot, dlg, "A1")
    scan(qtbot, dlg, "M1")
    qtbot.keyClicks(dlg.editor.cost_edit, "1.5")
    dlg.lines_table.setCurrentCell(0, 0)
    qtbot.keyClicks(dlg.editor.cost_edit, "2")
    dlg.lines_table.setFocus()
    qtbot.keyClick(dlg.lines_table, Qt.Key.Key_Delete)  # Delete removes the selected line
    assert [d.item.sku for d in dlg.drafts] == ["M1"]
    qtbot.keyClick(dlg.item_picker, ENTER, CTRL)
    assert dlg.result() == dlg.DialogCode.Accepted
    (doc,) = dlg.changes.documents
    row = ctx.db.conn.execute(
        "SELECT supplier, reference, kind FROM documents WHERE id = ?", (doc,)
    ).fetchone()
    assert row == ("Acme", "DN-7", "receipt")
    assert [(b[1], b[2]) for b in batches(ctx.db, "M1")] == [(Decimal("1.000"), Decimal("1.50"))]
