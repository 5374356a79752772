"""Every page and the main dialogs, opened under a Chinese locale, show no English interface
text: no visible label, button, tooltip, menu, tab, header, list entry or placeholder equals
one of the UI's English source strings (codes, units and the shop's data are never source
strings, so they are not mistaken for untranslated words)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from inventory_app.domain import messages
from inventory_app.domain.model import MovementType
from inventory_app.services import buying, catalog, stocktake
from inventory_app.services import postings as stock
from inventory_app.services.browse.movements import movement_page
from inventory_app.ui import launch
from inventory_app.ui.dialogs.import_wizard import ImportWizard
from inventory_app.ui.dialogs.item_detail import ItemDetailDialog
from inventory_app.ui.dialogs.item_dialog import ItemDialog
from inventory_app.ui.dialogs.order_dialogs import AddLineDialog, ReceiveDialog
from inventory_app.ui.dialogs.posting.dialog import PostingDialog
from inventory_app.ui.dialogs.reverse import ReverseDialog
from inventory_app.ui.dialogs.reverse_document import ReverseDocumentDialog
from inventory_app.ui.dialogs.settings import SettingsDialog
from inventory_app.ui.dialogs.stocktake.count import CountDialog
from inventory_app.ui.dialogs.stocktake.review import ReviewDialog
from inventory_app.ui.dialogs.stocktake.start import StartStocktakeDialog
from inventory_app.ui.dialogs.supplier_dialog import SupplierDialog
from inventory_app.ui.dialogs.users import UsersDialog
from inventory_app.ui.pages import page_names
from inventory_app.ui.window.first_steps import FirstStepsPanel
from inventory_app.ui.window.main_window import MainWindow

from .test_translations import ROOT, TS, qt_tool


def english_sources(tmp_path: Path) -> set[str]:
    """The UI's English strings as the code has them now (lupdate into an empty .ts), less
    those whose Chinese is the same text (English, Excel (*.xlsx))."""
    fresh = tmp_path / "now.ts"
    subprocess.run(
        [qt_tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none",
         str(ROOT / "inventory_app" / "ui"), "-ts", str(fresh)],
        check=True, capture_output=True,
    )  # fmt: skip
    same = {
        m.findtext("source")
        for m in ET.parse(TS).getroot().iter("message")
        if m.findtext("translation") == m.findtext("source")
    }
    return {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")} - same


def model_texts(model, rows: int = 20) -> set[str]:
    top = QModelIndex()
    try:
        columns, count = model.columnCount(top), model.rowCount(top)
    except TypeError:  # a list model that keeps columnCount private (a completer's)
        columns, count = 1, model.rowCount(top)
    texts = {str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)}
    for r in range(min(count, rows)):
        texts.update(str(model.index(r, c).data() or "") for c in range(columns))
    return texts


def shown_texts(root: QWidget) -> set[str]:
    """What a user can read in ``root`` and its children: texts, tooltips, menus, tabs,
    combo entries, placeholders, table headers and the first rows' cells."""
    texts: set[str] = {root.windowTitle()}
    for w in [root, *root.findChildren(QWidget)]:
        texts.add(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            texts.add(w.text())
        if isinstance(w, QGroupBox):
            texts.add(w.title())
        if isinstance(w, QMenu):
            texts.add(w.title())
        if isinstance(w, QLineEdit):
            texts.add(w.placeholderText())
        if isinstance(w, QTabBar):
            texts.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts.update(model_texts(w.model()))
    for action in root.findChildren(QAction):
        texts.update((action.text(), action.toolTip()))
    return {t for t in texts if t}


@pytest.fixture
def chinese(qapp):
    """The app in Chinese, as a zh_CN system makes it; English again afterwards."""
    before, translators = QLocale(), set(qapp.findChildren(QTranslator))
    QLocale.setDefault(QLocale("zh_CN"))
    assert launch.apply_language(qapp) == "zh"
    yield
    QLocale.setDefault(before)
    messages.set_language("en")
    for translator in set(qapp.findChildren(QTranslator)) - translators:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def buying_records(db) -> int:
    """A supplier with an item, a sent order (the Orders page lists its status) and a draft
    one: the new pages and their dialogs have something to show."""
    buying.add_supplier(db, buying.Supplier(code="WJ", name="五金批发", lead_time_days=3))
    buying.link_item(db, "WJ", sku="A1", price="30", preferred=True)
    sent, _ = buying.create_order(db, "WJ")
    buying.add_line(db, sent, sku="A1", qty="2")
    buying.send(db, sent)
    draft, _ = buying.create_order(db, "WJ")
    buying.add_line(db, draft, sku="A1", qty="1")
    return sent


def test_no_english_interface_text_under_a_chinese_locale(qtbot, ctx, posted, chinese, tmp_path):
    # the shop's own units are its data, even where one is also a source string ("pcs", the
    # default unit of a new item, checked in Chinese below)
    english = english_sources(tmp_path) - {i.unit for i in catalog.list_items(ctx.db)}
    order = buying_records(ctx.db)
    sid = next(iter(stocktake.start(ctx.db, blind=False).stocktakes))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.adopt_database(ctx.db)
    window.resize(1280, 800)
    window.show()
    left: dict[str, set[str]] = {}
    for name in page_names():
        page = window.show_page(name)
        qtbot.waitUntil(page.is_loaded, timeout=20000)
        left[name] = shown_texts(window) & english
    qtbot.waitUntil(lambda: not window.alerts_pending(), timeout=20000)
    left["status bar"] = shown_texts(window) & english
    dialogs = {
        "receipt": PostingDialog(ctx, MovementType.RECEIPT),
        "issue": PostingDialog(ctx, MovementType.ISSUE),
        "writeoff": PostingDialog(ctx, MovementType.WRITEOFF),
        "transfer": PostingDialog(ctx, MovementType.TRANSFER),
        "item": ItemDialog(ctx),
        "settings": SettingsDialog(ctx),
        "stocktake": StartStocktakeDialog(ctx),
        "import": ImportWizard(ctx, "items"),
        "reverse": ReverseDialog(ctx, movement_page(ctx.db, limit=1).rows[0].id),
        "undo document": ReverseDocumentDialog(ctx, stock.last_reversible_document(ctx.db)),
        "item detail": ItemDetailDialog(ctx, catalog.get_item(ctx.db, "A1").id),
        "count": CountDialog(ctx, sid),
        "review": ReviewDialog(ctx, sid),
        "supplier": SupplierDialog(ctx),
        "order line": AddLineDialog(ctx, order),
        "order receipt": ReceiveDialog(ctx, order),
        "users": UsersDialog(ctx),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, PostingDialog):  # with a scanned line, as a clerk sees it
            qtbot.keyClicks(dialog.item_picker, "A1")
            qtbot.keyClick(dialog.item_picker, Qt.Key.Key_Return)
        left[name] = shown_texts(dialog) & english
        dialog.reject()
    panel = FirstStepsPanel(window)  # what an empty shop opens on
    qtbot.addWidget(panel)
    panel.show()
    left["first steps"] = shown_texts(panel) & english
    panel.hide()
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard._running is None, timeout=20000)
    assert {k: v for k, v in left.items() if v} == {}
    assert "概览" in shown_texts(window)  # the walk reads the window at all


def test_a_receipt_scanned_in_chinese_posts_to_the_stored_location(qtbot, ctx, posted, chinese):
    # the line's location is the one stored ("Main"), not the name shown (主库位)
    dialog = PostingDialog(ctx, MovementType.RECEIPT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.item_picker, "A1")
    qtbot.keyClick(dialog.item_picker, Qt.Key.Key_Return)
    assert [d.location for d in dialog.drafts] == ["Main"]
    assert dialog.blocking_problem() == ""


def test_the_import_preview_names_each_column_in_chinese(qtbot, ctx, chinese, tmp_path):
    sheet = tmp_path / "items.csv"
    sheet.write_text("编码,名称,单位\nN1,新商品,瓶\n", encoding="utf-8")
    wizard = ImportWizard(ctx, "items")
    qtbot.addWidget(wizard)
    wizard.load_file(sheet)
    qtbot.waitUntil(lambda: wizard.preview.columnCount() == 3, timeout=20000)
    heads = [wizard.preview.horizontalHeaderItem(c).text() for c in range(3)]
    assert heads == ["编码\n→ 编码", "名称\n→ 名称", "单位\n→ 单位"]


def test_a_new_item_starts_in_a_chinese_unit(qtbot, ctx, chinese):
    dialog = ItemDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.edits["unit"].text() == "件"


def test_a_long_reason_on_an_order_line_is_read_whole_on_hover(qtbot):
    from inventory_app.ui.widgets.simple_table import MAX_COLUMN_WIDTH, SimpleTable

    table = SimpleTable(["商品编码", "依据", "金额"])  # the last column stretches
    qtbot.addWidget(table)
    why = "近 90 天日均需求 3.42 盒/天 × 交货周期 13 天 = 44.5；+ 安全库存 17（商品上设定）" * 2
    table.fill([1], [("DA-0003", why, "2194.08")])
    assert table.item(0, 1).toolTip() == why and table.item(0, 0).toolTip() == ""
    assert table.columnWidth(1) <= MAX_COLUMN_WIDTH
