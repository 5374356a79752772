"""Open and save dialogs start in Documents, then where the user last went for the same job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from inventory_app.ui.dialogs.import_wizard import ImportWizard
from inventory_app.ui.pages.reports import ReportsPage
from inventory_app.ui.widgets import file_dialogs
from inventory_app.ui.window.main_window import MainWindow


class Chooser:
    """Stands in for the system's file dialog: records where it opened, answers ``answer``."""

    def __init__(self) -> None:
        self.opened_in: list[str] = []
        self.answer = ""

    def __call__(self, _parent, _caption, start, _filters, *a, **k):
        self.opened_in.append(start)
        return self.answer, ""


def test_the_excel_save_dialog_starts_in_documents_then_remembers(
    qtbot, ctx, tmp_path, monkeypatch
):
    save = Chooser()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    documents = file_dialogs.documents_folder()
    assert documents != ctx.db.path.parent  # not the shop's (hidden data) folder
    page.choose_month_file()  # cancelled: nothing remembered
    assert Path(save.opened_in[-1]).parent == documents
    assert Path(save.opened_in[-1]).name.endswith(".xlsx")
    exports = tmp_path / "for the accountant"
    exports.mkdir()
    save.answer = str(exports / "october")
    page.choose_month_file()
    assert (exports / "october.xlsx").exists()  # the suffix is added
    page.choose_summary_file()
    assert Path(save.opened_in[-1]).parent == exports  # remembered
    # Another job keeps its own folder: imports still start in Documents.
    open_ = Chooser()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_))
    wizard = ImportWizard(ctx, "items")
    qtbot.addWidget(wizard)
    wizard.choose_file()
    assert Path(open_.opened_in[-1]) == documents


def test_new_and_open_shop_dialogs_start_in_documents_and_remember(
    qtbot, ctx, tmp_path, monkeypatch
):
    save, open_ = Chooser(), Chooser()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.files.new_shop()
    assert Path(save.opened_in[-1]) == file_dialogs.documents_folder() / "shop.db"
    shops = tmp_path / "shops"
    shops.mkdir()
    file_dialogs.remember_folder(file_dialogs.SHOPS, shops / "old.db")
    window.files.open_dialog()
    assert Path(open_.opened_in[-1]) == shops
    gone = tmp_path / "gone"
    file_dialogs.remember_folder(file_dialogs.SHOPS, gone / "x.db")  # a folder since deleted
    window.files.open_dialog()
    assert Path(open_.opened_in[-1]) == file_dialogs.documents_folder()
