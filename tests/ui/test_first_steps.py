"""A new shop opens on its first steps: each button does what it says, with real widgets."""

from __future__ import annotations

import re

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inventory_app.domain import messages
from inventory_app.services import catalog, shop
from inventory_app.ui.dialogs.import_wizard import ImportWizard
from inventory_app.ui.dialogs.item_dialog import ItemDialog
from inventory_app.ui.window import shop_files
from inventory_app.ui.window.main_window import MainWindow

from .helpers import when_modal

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def new_shop(qtbot, tmp_path):
    """A main window on a shop just created (empty)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.files.open_path(tmp_path / "new.db", create=True)
    yield window
    window.adopt_database(None)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_empty_shop_opens_on_the_first_steps_and_adding_an_item_leaves_them(qtbot, new_shop):
    window = new_shop
    panel = window.first_steps
    assert window.root.currentWidget() is panel and panel.isVisible()
    assert "new.db" in window.file_label.text()  # not "No shop open"

    def add(dialog):
        dialog.edits["sku"].setText("T1")
        dialog.edits["name"].setText("老酸奶")
        dialog.accept()

    seen = when_modal(add, kind=ItemDialog)
    click(qtbot, panel.add_button)
    assert seen
    assert [it.sku for it in catalog.list_items(window.ctx.db)] == ["T1"]
    qtbot.waitUntil(lambda: window.root.currentWidget() is window.workspace)
    assert window.current_page_name() == "items"


def test_import_and_skip(qtbot, new_shop):
    window = new_shop
    seen = when_modal(lambda dialog: dialog.reject(), kind=ImportWizard)
    click(qtbot, window.first_steps.import_button)
    assert seen and seen[0].kind == "items"
    assert window.root.currentWidget() is window.first_steps  # nothing imported: still here
    click(qtbot, window.first_steps.skip_button)
    assert window.root.currentWidget() is window.workspace


def test_the_template_button_saves_the_items_template(qtbot, new_shop, tmp_path, monkeypatch):
    target = tmp_path / "out" / "items"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    click(qtbot, new_shop.first_steps.template_button)
    saved = target.with_name("items.xlsx")
    assert saved.exists()
    sheet = openpyxl.load_workbook(saved).worksheets[0]
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert any(h and "sku" in str(h).lower() for h in headers), headers
    assert "items.xlsx" in new_shop.statusBar().currentMessage()


def test_the_demo_button_opens_the_demo_shop_in_the_app_language(
    qtbot, new_shop, tmp_path, monkeypatch
):
    window = new_shop
    demo = tmp_path / "demo.db"
    monkeypatch.setattr(window.files, "demo_path", lambda: demo)
    monkeypatch.setattr(shop_files, "DEMO_SKUS", 12)
    before = messages.language()
    messages.set_language("zh")  # what launch.apply_language does for a Chinese UI
    try:
        click(qtbot, window.first_steps.demo_button)
    finally:
        messages.set_language(before)
    assert window.ctx.db is not None and window.ctx.db.path == demo
    assert window.root.currentWidget() is window.workspace  # the demo has items
    items = catalog.list_items(window.ctx.db)
    assert len(items) == 12 and all(CJK.search(it.name) and CJK.search(it.category) for it in items)
    assert shop.item_count(window.ctx.db) == 12


def test_creating_a_shop_says_so_while_it_works(qtbot, tmp_path):
    from PySide6.QtCore import QTimer

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.file_label.text() == "No shop open"
    seen: list[str] = []
    QTimer.singleShot(0, lambda: seen.append(window.file_label.text()))  # while it works
    assert window.files.open_path(tmp_path / "corner shop.db", create=True)
    assert seen == ["Creating the shop corner shop.db…"]
    assert window.root.currentWidget() is window.first_steps
    window.adopt_database(None)
