"""The main window with a real shop file: search, item dialog, undo, welcome screen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from inventory_app.domain.model import Document, ItemFields, Line, MovementType
from inventory_app.services import catalog, reports, shop
from inventory_app.services import postings as stock
from inventory_app.services.browse.movements import movement_page
from inventory_app.ui.app_context import AppContext, app_settings
from inventory_app.ui.dialogs.item_dialog import ItemDialog
from inventory_app.ui.dialogs.reverse_document import ReverseDocumentDialog
from inventory_app.ui.dialogs.settings import SettingsDialog
from inventory_app.ui.window.main_window import MainWindow

from .helpers import type_into, when_modal


def _window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.adopt_database(ctx.db)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.current_page().is_loaded() and window.isActiveWindow())
    return window


def _shown_skus(page) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_items_page_searches_as_you_type(qtbot, ctx, posted):
    window = _window(qtbot, ctx)
    page = window.show_page("items")
    assert _shown_skus(page) == ["A1", "M1"]
    for text, expected in (
        ("牛奶", ["M1"]),
        ("a1", ["A1"]),
        ("6901234567892", ["M1"]),
        ("纯牛奶 250", ["M1"]),
        ("nothing", []),
    ):
        page.search.clear()
        type_into(qtbot, page.search, text)
        qtbot.waitUntil(lambda e=expected: _shown_skus(page) == e, timeout=2000)
    assert page.count_label.text() == "0 items"


def test_item_dialog_shows_problems_beside_fields_and_saves_nothing(qtbot, ctx):
    before = len(catalog.list_items(ctx.db))
    dialog = ItemDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.edits["sku"], "N1")
    qtbot.keyClicks(dialog.edits["reorder_point"], "x")  # "0x"
    qtbot.keyClicks(dialog.edits["lead_time_days"], ".5")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.errors["name"].text() == "the name is empty"
    assert "not a number" in dialog.errors["reorder_point"].text()
    assert "whole number" in dialog.errors["lead_time_days"].text()
    assert dialog.errors["sku"].text() == ""
    assert not dialog.result() and len(catalog.list_items(ctx.db)) == before
    # A code already in use is reported beside the code field too.
    dialog.edits["sku"].setText("M1")
    dialog.edits["name"].setText("Another milk")
    dialog.edits["reorder_point"].setText("2.5")
    dialog.edits["lead_time_days"].setText("3")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "already used" in dialog.errors["sku"].text()
    assert len(catalog.list_items(ctx.db)) == before
    dialog.edits["sku"].setText("N1")
    with qtbot.waitSignal(ctx.data_changed) as signal:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert signal.args[1] is dialog and signal.args[0].catalog
    item = catalog.get_item(ctx.db, "N1")
    assert (item.name, item.reorder_point, item.lead_time_days) == (
        "Another milk",
        Decimal("2.5"),
        3,
    )


def test_saving_an_item_refreshes_the_items_page(qtbot, ctx):
    window = _window(qtbot, ctx)
    page = window.show_page("items")
    dialog = ItemDialog(ctx, sku="A1", parent=window)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Claw hammer 羊角锤")
    dialog.accept()
    qtbot.waitUntil(lambda: page.model.index(0, 1).data() == "Claw hammer 羊角锤")


def test_ctrl_z_reverses_the_last_posting_after_confirmation(qtbot, ctx, posted):
    window = _window(qtbot, ctx)
    last = stock.last_reversible(ctx.db)
    document = stock.last_reversible_document(ctx.db)
    on_hand_before = catalog.get_item(ctx.db, "M1")  # the last posting received M1
    assert reports.stock_value(ctx.db) == Decimal("63.00")

    def confirm(dialog):
        assert isinstance(dialog, ReverseDocumentDialog) and dialog.document_id == document
        assert [m.id for m in dialog.lines] == [last]  # a one-line receipt
        assert not dialog.ok_button.isEnabled()  # a reason is required
        qtbot.keyClicks(dialog.reason, "typed the wrong quantity")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = when_modal(confirm)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert seen, "Ctrl+Z showed no confirmation"
    newest = movement_page(ctx.db, limit=1).rows[0]
    assert newest.type == "reversal" and newest.reverses_id == last
    assert newest.note == "typed the wrong quantity"  # the ledger keeps the reason as note
    assert reports.stock_value(ctx.db) == Decimal("9.00")  # only A1's 3 left at 3.00
    assert on_hand_before.sku == "M1"
    qtbot.waitUntil(lambda: "9.00" in window.value_label.text())
    # Cancelling changes nothing. Offscreen, the closed dialog stays the active window and
    # Ctrl+Z would reach no shortcut (this step then passed without a dialog, and its
    # handler answered the next test's dialog instead).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    cancelled = when_modal(lambda dialog: dialog.reject(), kind=ReverseDocumentDialog)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cancelled, "the second Ctrl+Z showed no confirmation"
    assert movement_page(ctx.db, limit=1).rows[0].id == newest.id


def _on_hand(db) -> dict[str, Decimal]:
    return {row.sku: row.qty for row in reports.stock_by_item(db)}


def test_ctrl_z_reverses_every_line_of_the_last_document_with_one_reason(qtbot, ctx, posted):
    window = _window(qtbot, ctx)
    before = _on_hand(ctx.db)
    two_lines = Document(
        date=dt.date.today(),
        reference="POS-77",
        lines=(
            Line(type=MovementType.ISSUE, sku="A1", qty=Decimal(2)),
            Line(type=MovementType.ISSUE, sku="M1", qty=Decimal(5)),
        ),
    )
    stock.post(ctx.db, two_lines)
    assert _on_hand(ctx.db) == {"A1": before["A1"] - 2, "M1": before["M1"] - 5}
    issued = [m.id for m in movement_page(ctx.db, limit=2).rows]

    def confirm(dialog):
        assert isinstance(dialog, ReverseDocumentDialog)
        assert "POS-77" in dialog.title_label.text()
        shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
        assert shown == {"A1", "M1"}  # both lines named
        assert "2" in dialog.ok_button.text()
        qtbot.keyClicks(dialog.reason, "customer returned the whole basket")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = when_modal(confirm)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert seen, "Ctrl+Z showed no confirmation"
    newest = movement_page(ctx.db, limit=2).rows
    assert {m.type for m in newest} == {"reversal"}
    assert sorted(m.reverses_id for m in newest) == sorted(issued)
    assert {m.note for m in newest} == {"customer returned the whole basket"}  # one reason
    assert _on_hand(ctx.db) == before  # stock is back
    # One transaction, one reversal document holding both lines.
    doc = stock.last_reversible_document(ctx.db)
    assert doc is not None and doc < min(issued)  # what is left to undo is older


def test_welcome_screen_creates_a_shop(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "new" / "my shop.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.root.currentWidget() is window.welcome
    assert not window.menus.posting_actions[next(iter(window.menus.posting_actions))].isEnabled()

    def name_the_shop(dialog):
        assert isinstance(dialog, SettingsDialog)
        dialog.shop_name.setText("小卖部")
        dialog.operator.setText("Li")
        dialog.accept()

    seen = when_modal(name_the_shop, kind=SettingsDialog)  # not an "Opening…" progress
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert seen
    assert window.root.currentWidget() is window.first_steps  # an empty shop: what to do
    assert window.ctx.db is not None and window.ctx.db.path == target
    assert window.ctx.shop_name == "小卖部" and window.ctx.operator == "Li"
    assert "小卖部" in window.windowTitle()
    assert app_settings().value("last_file") == str(target.resolve())
    window.close()
    with shop.open_shop(target) as db:  # a real shop file, closed and released by the window
        assert catalog.list_items(db) == []


def test_opening_a_foreign_file_shows_its_message(qtbot, tmp_path, monkeypatch):
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database at all, just some text " * 100)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text, *a: shown.append(text))
    )
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.files.open_path(foreign)
    assert shown and "not an inventory database" in shown[0]
    assert window.root.currentWidget() is window.welcome


def test_a_damaged_file_opens_then_warns_after_the_background_check(qtbot, tmp_path, monkeypatch):
    from inventory_app.ui.window import shop_files

    path = tmp_path / "shop.db"
    db = shop.create_shop(path)
    with db.transaction() as conn:  # documents: a table that opening the shop never reads
        conn.executemany(
            "INSERT INTO documents (date, kind, note, created_at)"
            " VALUES ('2026-01-05', 'x', ?, 'x')",
            [("note " * 80,) for _ in range(400)],
        )
    pages = [p for (p,) in db.conn.execute("SELECT pageno FROM dbstat WHERE name = 'documents'")]
    db.close()
    data = bytearray(path.read_bytes())
    for page in pages[len(pages) // 2 :]:  # scribble over the second half of its pages
        offset = (page - 1) * 4096
        data[offset + 8 : offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text, *a: shown.append(text))
    )
    monkeypatch.setattr(shop_files, "CHECK_AFTER_MS", 0)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.open_path(path)  # opening does not wait for the full check
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "damaged" in shown[0]


def test_the_background_check_notes_its_pass_and_comes_back_daily(qtbot, tmp_path, monkeypatch):
    from inventory_app.storage import meta
    from inventory_app.storage.health import QUICK_CHECK_PASSED
    from inventory_app.ui.window import shop_files

    path = tmp_path / "shop.db"
    shop.create_shop(path).close()  # a new file: nothing noted yet
    monkeypatch.setattr(shop_files, "CHECK_AFTER_MS", 0)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.open_path(path)

    def noted() -> str | None:
        return meta.get(window.ctx.db.conn, QUICK_CHECK_PASSED)

    qtbot.waitUntil(lambda: noted() is not None, timeout=10000)  # this process is the writer
    qtbot.waitUntil(window.files.recheck_timer.isActive)
    assert window.files.recheck_timer.interval() == shop_files.RECHECK_AFTER_MS


def test_status_bar_alert_counts(qtbot, ctx):
    window = _window(qtbot, ctx)
    qtbot.waitUntil(lambda: not window.alerts_pending())
    window.set_alert_counts({"expired": 2, "reorder": 0, "custom": 5})
    assert window.alerts_label.text() == "2 expired  ·  5 custom"


def test_alert_counts_show_on_any_page_and_follow_postings(qtbot, ctx):
    import datetime as dt

    today = dt.date.today()
    catalog.add_item(ctx.db, ItemFields(sku="EXP1", name="酸奶", reorder_point=Decimal(3)))
    expired = today - dt.timedelta(days=1)
    stock.receive(
        ctx.db, sku="EXP1", qty="5", unit_cost="1", batch="OLD", expiry=expired,
        date=today - dt.timedelta(days=9),
    )  # fmt: skip
    window = _window(qtbot, ctx)
    window.show_page("items")
    qtbot.waitUntil(lambda: "1 expired" in window.alerts_label.text(), timeout=5000)
    assert "dead" not in window.alerts_label.text()
    changes = stock.write_off(ctx.db, sku="EXP1", qty="5", reason="expired", batch="OLD",
                              override_reason="binned")  # fmt: skip
    ctx.data_changed.emit(changes, None)
    qtbot.waitUntil(lambda: "expired" not in window.alerts_label.text(), timeout=5000)
    assert "1 to reorder" in window.alerts_label.text()


def test_a_stocktake_count_does_not_recount_the_status_bar(qtbot, ctx):
    from inventory_app.domain.model import Changes

    window = _window(qtbot, ctx)
    window.show_page("items")
    qtbot.waitUntil(lambda: not window.alerts_pending(), timeout=5000)
    ctx.data_changed.emit(Changes(stocktakes=frozenset({1})), None)  # a scan, say
    assert not window.alerts_pending()
    ctx.data_changed.emit(Changes(items=frozenset({1})), None)
    assert window.alerts_pending()


def test_toolbar_keys_open_the_posting_dialogs(qtbot, ctx):
    window = _window(qtbot, ctx)
    kinds = []

    def look(dialog):
        kinds.append((type(dialog).__name__, getattr(dialog, "kind", None)))
        dialog.reject()

    for key in (Qt.Key.Key_F2, Qt.Key.Key_F3):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        when_modal(look)
        qtbot.keyClick(window, key)
    assert [name for name, _kind in kinds] == ["PostingDialog", "PostingDialog"]
    assert [str(kind) for _name, kind in kinds] == ["receipt", "issue"]


def test_ctrl_f_on_the_items_page_takes_a_scanned_code_and_opens_its_item(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.show_page("items")
    page = window.current_page()
    opened = []

    def look(dialog):
        opened.append(dialog.windowTitle())
        dialog.reject()

    when_modal(look)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "6901234567892")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened == ["M1 — 纯牛奶 250ml"]
    # Several matches: the list shows them and Enter moves into it.
    catalog.add_item(ctx.db, ItemFields(sku="M3", name="牛奶 1L"))
    window.activateWindow()  # offscreen, the closed dialog keeps the focus otherwise
    qtbot.waitUntil(window.isActiveWindow)
    page.search.clear()
    type_into(qtbot, page.search, "牛奶")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sorted(_shown_skus(page)) == ["M1", "M3"])
    assert page.table.hasFocus()


def _search_boxes(page) -> list:
    from inventory_app.ui.widgets.search_box import SearchBox

    return [w for w in page.findChildren(SearchBox) if w.is_search]


def _rows(page) -> set[str]:
    model = page.model
    return {model.row_at(r).sku for r in range(model.rowCount())}


def test_every_list_page_has_one_search_box_that_ctrl_f_reaches_and_that_filters(
    qtbot, ctx, posted
):
    window = _window(qtbot, ctx)
    for name in ("items", "stock", "movements"):
        page = window.show_page(name)
        qtbot.waitUntil(page.is_loaded)
        boxes = _search_boxes(page)
        assert len(boxes) == 1, name  # one search box, with a clear role
        assert "Ctrl+F" in boxes[0].placeholderText()
        assert _rows(page) == {"A1", "M1"}, name
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert boxes[0].hasFocus(), name
        qtbot.keyClicks(boxes[0], "cnn")  # pinyin initials of 纯牛奶
        qtbot.waitUntil(lambda p=page: _rows(p) == {"M1"}, timeout=3000)
        boxes[0].clear()
        qtbot.waitUntil(lambda p=page: _rows(p) == {"A1", "M1"}, timeout=3000)
    assert window.menus.toolbar.findChildren(type(_search_boxes(page)[0])) == []  # none up there
    # A page without a list hands Ctrl+F to the Items page's search box.
    window.show_page("dashboard")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "items"
    assert window.current_page().search.hasFocus()


def test_a_shop_in_use_elsewhere_shows_who_has_it(qtbot, tmp_path, monkeypatch):
    import subprocess
    import sys

    path = tmp_path / "busy.db"
    shop.create_shop(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from inventory_app.services import shop;"
            f"db = shop.open_shop({str(path)!r}, program='till 2'); print('ok', flush=True);"
            "sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(
            QMessageBox, "warning", staticmethod(lambda _p, t, text, *a: shown.append((t, text)))
        )
        window = MainWindow()
        qtbot.addWidget(window)
        assert not window.files.open_path(path)
        assert shown and shown[0][0] == "Shop file in use"
        assert window.ctx.db is None
    finally:
        holder.communicate("\n", timeout=10)


def test_explore_demo_builds_and_opens_a_demo_shop(qtbot, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.explore_demo(path=tmp_path / "demo.db", skus=12)
    assert window.ctx.db is not None and window.ctx.db.path.name == "demo.db"
    assert len(catalog.list_items(window.ctx.db)) == 12
    assert not (tmp_path / "demo.db.building").exists()
    window.close()


def test_items_page_category_filter_and_archiving(qtbot, ctx, posted):
    window = _window(qtbot, ctx)
    page = window.show_page("items")
    page.category.setCurrentIndex(page.category.findData("乳制品"))
    assert _shown_skus(page) == ["M1"]
    page.category.setCurrentIndex(0)
    page.table.select_row(0)  # A1
    assert page.archive_button.text() == "Archive"
    page.archive_button.click()
    qtbot.waitUntil(lambda: _shown_skus(page) == ["M1"])
    assert not catalog.get_item(ctx.db, "A1").active
    page.status.setCurrentIndex(page.status.findData(False))  # archived items
    assert _shown_skus(page) == ["A1"]
    page.table.select_row(0)
    assert page.archive_button.text() == "Restore"
    page.archive_button.click()
    qtbot.waitUntil(lambda: _shown_skus(page) == [])
    assert catalog.get_item(ctx.db, "A1").active


def test_recent_files_and_reopening_the_last_file(qtbot, tmp_path):
    from inventory_app.ui.window.shop_files import recent_files

    paths = [tmp_path / f"shop{n}.db" for n in range(3)]
    for path in paths:
        shop.create_shop(path).close()
    window = MainWindow()
    qtbot.addWidget(window)
    for path in paths:
        assert window.files.open_path(path)
    assert recent_files()[:3] == [str(p.resolve()) for p in reversed(paths)]
    window.menus.fill_recent()
    shown = [a.text() for a in window.menus.recent_menu.actions()]
    assert shown == ["shop2.db", "shop1.db", "shop0.db"]
    window.show_page("movements")
    window.close()
    again = MainWindow()  # what launch does with the last file
    qtbot.addWidget(again)
    assert again.files.open_path(app_settings().value("last_file"))
    assert again.ctx.db.path.name == "shop2.db"
    assert again.current_page_name() == "movements"  # the page shown last time
    again.close()


def test_column_widths_and_geometry_are_remembered(qtbot, ctx):
    fresh = MainWindow()  # nothing remembered yet
    qtbot.addWidget(fresh)
    assert fresh.height() != 555
    window = _window(qtbot, ctx)
    page = window.show_page("items")
    page.table.horizontalHeader().resizeSection(1, 333)
    window.resize(window.width(), 555)  # the offscreen screen is 800x600: stay within it
    path = ctx.db.path
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.files.open_path(path)  # the first window closed the file
    assert again.pages["items"].table.horizontalHeader().sectionSize(1) == 333
    assert again.height() == 555


def test_settings_are_saved_together_and_announced_once(qtbot, ctx):
    announced = []
    ctx.data_changed.connect(lambda changes, initiator: announced.append((changes, initiator)))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.shop_name.setText("   ")
    dialog.accept()
    assert "empty" in dialog.problem.text() and announced == [] and not dialog.result()
    dialog.shop_name.setText("街角小店")
    dialog.currency.setText("")
    dialog.warning_days.setValue(14)
    dialog.accept()
    assert dialog.result() and len(announced) == 1
    changes, initiator = announced[0]
    assert changes.settings and initiator is dialog
    assert (ctx.shop_name, ctx.currency, ctx.expiry_warning_days) == ("街角小店", "¥", 14)
