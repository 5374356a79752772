"""Stock and Movements pages, the item detail, backup/restore, tasks and error dialogs."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget

from inventory_app.domain.errors import Cancelled
from inventory_app.services import backup, catalog, reports, shop
from inventory_app.services import postings as stock
from inventory_app.ui.dialogs.item_detail import ItemDetailDialog
from inventory_app.ui.errors import BugDialog
from inventory_app.ui.models.paged import ROW_ROLE
from inventory_app.ui.window.main_window import MainWindow
from inventory_app.ui.workers import run_task

from .helpers import type_into, when_modal


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.adopt_database(ctx.db)
    win.show()
    return win


def _rows(model) -> list:
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def test_stock_page_filters(qtbot, window, posted):
    page = window.show_page("stock")
    qtbot.waitUntil(page.is_loaded)
    assert [r.batch for r in _rows(page.model)] == ["M-1", "A-NEW"]
    page.expiring.setChecked(True)
    assert [r.batch for r in _rows(page.model)] == ["M-1"]
    page.expiring.setChecked(False)
    page.expired.setChecked(True)
    assert _rows(page.model) == []
    page.expired.setChecked(False)
    type_into(qtbot, page.item, "hammer")
    qtbot.waitUntil(lambda: [r.batch for r in _rows(page.model)] == ["A-NEW"])


def test_movements_page_filters_details_and_reverse(qtbot, window, posted):
    page = window.show_page("movements")
    qtbot.waitUntil(page.is_loaded)
    assert len(_rows(page.model)) == 4
    page.type.setCurrentIndex(page.type.findData("issue"))
    assert [r.type for r in _rows(page.model)] == ["issue"]
    page.table.select_row(0)
    assert [page.allocations.index(r, 0).data() for r in range(2)] == ["A-OLD", "A-NEW"]
    assert "A1" in page.detail.text() and page.reverse_button.isEnabled()

    def reverse(dialog):
        dialog.reason.setText("wrong item")
        dialog.accept()

    seen = when_modal(reverse)
    page.reverse_button.click()
    assert seen
    qtbot.waitUntil(lambda: _rows(page.model)[0].reversed_by is not None)
    assert not page.reverse_button.isEnabled()  # already reversed
    assert catalog.get_item(posted, "A1") and reports.stock_value(posted) == Decimal("79.00")
    page.type.setCurrentIndex(0)
    type_into(qtbot, page.reference, "reverses")
    qtbot.waitUntil(lambda: [r.type for r in _rows(page.model)] == ["reversal"])


def test_item_detail_shows_batches_and_stock_card(qtbot, ctx, posted):
    dialog = ItemDetailDialog(ctx, catalog.get_item(ctx.db, "A1").id)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Hammer 锤子"
    assert [r.batch for r in _rows(dialog.batches)] == ["A-NEW"]
    assert [str(r.balance_qty) for r in _rows(dialog.card)] == ["3.000", "10.000", "5.000"]
    changes = stock.issue(ctx.db, sku="A1", qty=Decimal(1))
    ctx.data_changed.emit(changes, None)
    assert str(dialog.card.row_at(0).balance_qty) == "2.000"  # newest first
    assert [str(r.qty) for r in _rows(dialog.batches)] == ["2.000"]


def test_restore_from_backup_reopens_the_shop(qtbot, window, posted, tmp_path):
    copy = backup.backup(posted, tmp_path / "copy.db")
    stock.issue(window.ctx.db, sku="M1", qty=Decimal(2))
    assert window.files.restore_from(copy, confirm=False)
    assert window.ctx.db is not None and window.ctx.db.path == posted.path
    assert catalog.get_item(window.ctx.db, "M1") and reports.stock_value(window.ctx.db) == Decimal(
        "63.00"
    )
    window.ctx.db.close()


def test_restore_shows_the_backups_date_movements_and_value_first(qtbot, window, posted, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    copy = backup.backup(posted, tmp_path / "copy.db")
    stock.issue(window.ctx.db, sku="M1", qty=Decimal(2))
    shown = []

    def decline(box):
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    seen = when_modal(decline, kind=QMessageBox)
    assert not window.files.restore_from(copy)  # declined: nothing replaced
    assert seen and "copy.db" in shown[0]
    info = backup.describe(copy)
    assert f"{info.movements:,}" in shown[0] and f"{info.stock_value:,}" in shown[0]
    assert info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M") in shown[0]
    assert reports.stock_value(window.ctx.db) != info.stock_value  # still the shop as it was


def test_back_up_now_replaces_the_file_the_save_dialog_confirmed(
    qtbot, window, posted, tmp_path, monkeypatch
):
    other = tmp_path / "old-notes.db"
    other.write_bytes(b"the save dialog asked before replacing this")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    window.files.backup_now()
    assert backup.describe(other, shop_path=posted.path).of_this_shop


def test_closing_the_window_makes_todays_backup_once(qtbot, window, posted):
    folder = backup.backup_folder(posted.path)
    window.files.backup_on_close()
    (made,) = folder.glob("auto-*.db")
    window.files.backup_on_close()  # the same day: no second one
    assert list(folder.glob("auto-*.db")) == [made]
    assert backup.describe(made).movements == 4


def test_run_task_returns_raises_and_cancels(qtbot):
    assert run_task(None, "sum", lambda progress, cancel: sum(range(10))) == 45
    with pytest.raises(ZeroDivisionError):
        run_task(None, "bug", lambda progress, cancel: 1 / 0)
    started = threading.Event()

    def slow(progress, cancel):
        started.set()
        for n in range(1000):  # 10 s unless cancelled
            progress(n, 1000)
            if cancel():
                raise Cancelled("cancelled")
            threading.Event().wait(0.01)
        return "finished"

    owner = QWidget()
    qtbot.addWidget(owner)
    pressed = []

    def press_cancel():
        dialog = owner.findChild(QProgressDialog)
        if dialog is None or not started.is_set():
            QTimer.singleShot(20, press_cancel)
            return
        dialog.findChild(QPushButton).click()  # what the user's click does
        pressed.append(dialog.isVisible())

    QTimer.singleShot(0, press_cancel)
    with pytest.raises(Cancelled):
        run_task(owner, "slow", slow, show_after_ms=0)
    assert pressed
    assert started.is_set()


def test_bug_dialog_copies_the_traceback(qtbot):
    try:
        {}["missing"]
    except KeyError as exc:
        dialog = BugDialog(exc)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert "KeyError: 'missing'" in text and "test_bug_dialog_copies_the_traceback" in text


def test_movement_period_presets(qtbot, window, posted):
    import datetime as dt

    from inventory_app.ui.pages.movements import period_dates

    day = dt.date(2026, 3, 15)
    assert period_dates("last_month", day) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert period_dates("7d", day) == (dt.date(2026, 3, 9), day)
    assert period_dates("all", day) == (None, None)
    page = window.show_page("movements")
    qtbot.waitUntil(page.is_loaded)
    page.period.setCurrentIndex(page.period.findData("today"))
    assert page.current_filter().start == dt.date.today()
    assert _rows(page.model) == []  # everything in `posted` is dated before today
    page.period.setCurrentIndex(page.period.findData("7d"))
    assert [r.type for r in _rows(page.model)] == ["issue", "receipt", "receipt"]  # not day -10
    page.start.setDate(page.start.date().addDays(5))  # typing a date makes it a custom range
    assert page.period.currentData() == "custom"
    assert [r.type for r in _rows(page.model)] == ["issue"]  # yesterday and today


def test_down_arrow_moves_from_search_into_the_table(qtbot, window, posted):
    page = window.show_page("items")
    qtbot.waitUntil(page.is_loaded)
    window.activateWindow()
    page.search.setFocus()
    type_into(qtbot, page.search, "牛奶")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.current_row().sku == "M1"


def test_back_up_now_writes_a_verified_copy(qtbot, window, posted, tmp_path, monkeypatch):
    target = tmp_path / "copies" / "b.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.menus.backup_action.trigger()
    with shop.open_shop(target, write=False) as copy:
        assert reports.stock_value(copy) == Decimal("63.00")
    assert "b.db" in window.statusBar().currentMessage()


def test_start_job_reports_on_the_ui_thread_while_its_owner_lives(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    from inventory_app.ui.workers import start_job

    ui_thread = threading.get_ident()
    owner = QObject()
    got: list[tuple[object, object, int]] = []
    job = start_job(
        owner, lambda p, c: 6 * 7, lambda j: got.append((j.result, j.error, threading.get_ident()))
    )
    qtbot.waitUntil(lambda: bool(got))
    assert got == [(42, None, ui_thread)] and job.finished.is_set()
    failing = start_job(owner, lambda p, c: 1 / 0, lambda j: got.append((j.result, j.error, 0)))
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got[1][1] is failing.error and isinstance(failing.error, ZeroDivisionError)

    release = threading.Event()
    gone = QObject()
    late = start_job(gone, lambda p, c: release.wait(5), lambda j: got.append(("late", 0, 0)))
    gone.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(late.finished.is_set)
    qtbot.wait(50)
    assert len(got) == 2  # its owner is gone: nobody to tell
