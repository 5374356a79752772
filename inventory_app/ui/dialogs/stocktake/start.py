"""Starting a stocktake: scope, name, blind or not. The books are snapshotted on OK."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.model import Changes
from inventory_app.services import catalog
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake.cycle import DueRow, due_list
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.widgets.format import location_text


class StartStocktakeDialog(QDialog):
    """On OK, ``changes`` holds the new stocktake (its id in ``changes.stocktakes``)."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changes: Changes | None = None
        self._due: list[DueRow] | None = None  # read once: ~0.3 s on 10k items
        self.setWindowTitle(self.tr("New stocktake"))
        self.kind = QComboBox()
        for key, text in (
            ("all", self.tr("All stock")),
            ("location", self.tr("One location")),
            ("category", self.tr("Categories")),
            ("abc", self.tr("ABC class")),
            ("due", self.tr("Due for a cycle count")),
        ):
            self.kind.addItem(text, key)
        self.location = QComboBox()
        self.categories = QListWidget()
        self.categories.setMaximumHeight(140)
        self.abc = QComboBox()
        self.due_class = QComboBox()
        self.due_class.addItem(self.tr("All classes"), "")
        for cls in ("A", "B", "C"):
            self.abc.addItem(self.tr("Class {0}").format(cls), cls)
            self.due_class.addItem(self.tr("Class {0} only").format(cls), cls)
        self.values = QStackedWidget()
        for w in (QWidget(), self.location, self.categories, self.abc, self.due_class):
            self.values.addWidget(w)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Month-end count, Dairy cycle count"))
        self.blind = QCheckBox(self.tr("Blind count: counters do not see expected quantities"))
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Count"), self.kind)
        form.addRow("", self.values)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.blind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.due_class.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._fill()
        self._kind_changed()

    def _fill(self) -> None:
        db = self.ctx.db
        for loc in catalog.list_locations(db):
            if loc.active:
                self.location.addItem(location_text(loc.name), loc.name)
        for name in catalog.categories(db):
            entry = QListWidgetItem(name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(entry)

    def _kind_changed(self) -> None:
        self.values.setCurrentIndex(self.kind.currentIndex())
        if self.kind.currentData() == "due":
            if self._due is None:
                self._due = due_list(self.ctx.db)
            rows = self._due
            wanted = self.due_class.currentData()
            n = sum(1 for r in rows if not wanted or r.abc == wanted)
            self.note.setText(
                self.tr(
                    "{0} items are due: never counted, or counted longer ago than their "
                    "class's interval (A 30, B 90, C 365 days by default)."
                ).format(n)
            )
        else:
            self.note.setText(
                self.tr("The expected quantities are taken now; the shop can keep selling.")
            )

    def scope(self) -> str:
        kind = self.kind.currentData()
        if kind == "location":
            return f"location:{self.location.currentData() or ''}"
        if kind == "category":
            names = [
                self.categories.item(i).text()
                for i in range(self.categories.count())
                if self.categories.item(i).checkState() == Qt.CheckState.Checked
            ]
            return f"category:{','.join(names)}"
        if kind == "abc":
            return f"abc:{self.abc.currentData()}"
        if kind == "due":
            cls = self.due_class.currentData()
            return f"due:{cls}" if cls else "due"
        return "all"

    def accept(self) -> None:
        changes = ops.write(
            self,
            self.ctx,
            lambda db: st.start(
                db,
                scope=self.scope(),
                blind=self.blind.isChecked(),
                name=self.name.text(),
                operator=self.ctx.operator,
            ),
        )
        if changes is not None:
            self.changes = changes
            super().accept()
