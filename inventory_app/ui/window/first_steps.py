"""A new, empty shop opens here: what to do first, each a button that does it.

Add an item by hand, import a list from Excel, save the template to fill in, or look around
the demo shop first. Once the shop has an item, the window shows its pages (the Items page);
"Skip" shows them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from inventory_app.domain import messages
from inventory_app.domain.model import Changes
from inventory_app.ui.errors import show_error
from inventory_app.ui.widgets import file_dialogs

if TYPE_CHECKING:
    from inventory_app.ui.window.main_window import MainWindow


class FirstStepsPanel(QWidget):
    """Shown instead of the pages while the open shop has no item."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        title = QLabel(self.tr("Your shop is ready"))
        title.setObjectName("welcomeTitle")
        intro = QLabel(
            self.tr(
                "It has no items yet. Start with your item list: type items in one by one, "
                "or bring the whole list from Excel."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.add_button = QCommandLinkButton(
            self.tr("Add an item"),
            self.tr("Code, name, unit, barcode; then receive its stock."),
        )
        self.import_button = QCommandLinkButton(
            self.tr("Import items from Excel…"),
            self.tr("An .xlsx or .csv list; headings in Chinese or English."),
        )
        self.template_button = QCommandLinkButton(
            self.tr("Download the items template…"),
            self.tr("An Excel file with the columns to fill in and how."),
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo shop"),
            self.tr("Look around a shop with a year of made-up history first."),
        )
        self.skip_button = QPushButton(self.tr("Skip: show the app"))
        self.skip_button.setFlat(True)
        self.add_button.clicked.connect(self.add_item)
        self.import_button.clicked.connect(self.import_items)
        self.template_button.clicked.connect(self.save_template)
        self.demo_button.clicked.connect(lambda: self.window.files.explore_demo())
        self.skip_button.clicked.connect(self.skip)

        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setFixedWidth(580)  # CJK text would shrink the card to a narrow column
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        for button in (self.add_button, self.import_button, self.template_button):
            button.setFixedHeight(button.fontMetrics().lineSpacing() * 2 + 30)
            inner.addWidget(button)
        inner.addSpacing(6)
        self.demo_button.setFixedHeight(self.demo_button.fontMetrics().lineSpacing() * 2 + 30)
        inner.addWidget(self.demo_button)
        inner.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        window.ctx.data_changed.connect(self._on_data_changed)

    # -- the steps ------------------------------------------------------------------------------

    def add_item(self) -> None:
        from inventory_app.ui.dialogs.item_dialog import ItemDialog

        if self.window.ctx.db is not None:
            ItemDialog(self.window.ctx, parent=self.window).exec()

    def import_items(self) -> None:
        from inventory_app.ui.dialogs.import_wizard import ImportWizard

        if self.window.ctx.db is not None:
            ImportWizard(self.window.ctx, "items", parent=self.window).exec()

    def save_template(self) -> None:
        from inventory_app.services.imports import templates

        lang = messages.language()
        name = "商品导入模板.xlsx" if lang == "zh" else "items-template.xlsx"
        path = file_dialogs.save_file(
            self.window, file_dialogs.EXPORTS, self.tr("Save the items template"), name,
            self.tr("Excel (*.xlsx)"),
        )  # fmt: skip
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            templates.write_template("items", path, lang=lang)
        except Exception as exc:  # any problem is shown to the user
            show_error(self.window, exc)
            return
        self.window.statusBar().showMessage(self.tr("Template saved: {0}").format(path), 10000)

    def skip(self) -> None:
        self.window.show_workspace()

    def _on_data_changed(self, changes: Changes, _initiator: object) -> None:
        # The first item in (added or imported): on to the Items page with it.
        if self.isVisible() and (changes.catalog or changes.items):
            self.window.show_workspace("items")
