"""Adding or editing an item, with each problem shown beside its field."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError, ValidationError
from inventory_app.domain.model import ItemFields, Removal
from inventory_app.services import catalog, demand
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.errors import show_error
from inventory_app.ui.widgets.format import qty_field_text

FIELDS = (
    "sku",
    "name",
    "barcode",
    "category",
    "unit",
    "supplier",
    "reorder_point",
    "safety_stock",
    "lead_time_days",
    "shelf_life_days",
    "removal",
)


class ItemDialog(QDialog):
    """New item when ``sku`` is None, else edits that item. Saves through ``catalog`` and
    emits ``data_changed``; a problem keeps the dialog open and saves nothing."""

    def __init__(self, ctx: AppContext, *, sku: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sku = sku
        self.changes = None
        self._touched: set[str] = set()
        assert ctx.db is not None
        self.setWindowTitle(self.tr("Edit item") if sku else self.tr("New item"))
        self.setMinimumWidth(620)

        self.edits: dict[str, QLineEdit | QComboBox] = self._make_edits()
        self.errors: dict[str, QLabel] = {}
        self.active = QCheckBox(self.tr("Active (archived items are hidden from lists)"))
        self.active.setChecked(True)
        # demand (#16): kept beside the item, saved with it
        self.edits["selling_price"] = QLineEdit()
        self.edits["selling_price"].setPlaceholderText(self.tr("per unit; empty: not priced"))
        self.no_reorder = QCheckBox(self.tr("Do not reorder (leave reorder suggestions)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_grid())
        layout.addWidget(self.buttons)
        if sku:
            self._load(sku)

    def _make_edits(self) -> dict[str, QLineEdit | QComboBox]:
        assert self.ctx.db is not None
        edits: dict[str, QLineEdit | QComboBox] = {}
        edits["sku"] = QLineEdit()
        edits["name"] = QLineEdit()
        edits["barcode"] = QLineEdit()
        category = QComboBox()
        category.setEditable(True)
        category.addItems(["", *catalog.categories(self.ctx.db)])
        edits["category"] = category
        # a new item's unit until one is typed, in the shop's language (stored as shown)
        edits["unit"] = QLineEdit(self.tr("pcs", "the default unit of a new item"))
        edits["supplier"] = QLineEdit()
        edits["reorder_point"] = QLineEdit("0")
        edits["safety_stock"] = QLineEdit()
        edits["lead_time_days"] = QLineEdit("0")
        edits["shelf_life_days"] = QLineEdit()
        removal = QComboBox()
        removal.addItem(self.tr("FIFO — first in, first out"), Removal.FIFO.value)
        removal.addItem(self.tr("FEFO — first expiry, first out"), Removal.FEFO.value)
        edits["removal"] = removal
        return edits

    def _labels(self) -> dict[str, str]:
        return {
            "sku": self.tr("Code"),
            "name": self.tr("Name"),
            "barcode": self.tr("Barcode"),
            "category": self.tr("Category"),
            "unit": self.tr("Unit"),
            "supplier": self.tr("Supplier"),
            "reorder_point": self.tr("Reorder point"),
            "safety_stock": self.tr("Safety stock"),
            "lead_time_days": self.tr("Lead time (days)"),
            "shelf_life_days": self.tr("Shelf life (days)"),
            "removal": self.tr("Removal"),
        }

    def _build_grid(self) -> QGridLayout:
        """Label, field and the field's problem, a row per field."""
        labels = self._labels()
        grid = QGridLayout()
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        for row, name in enumerate(FIELDS):
            grid.addWidget(QLabel(labels[name]), row, 0)
            grid.addWidget(self.edits[name], row, 1)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setStyleSheet("color: #b3261e;")
            error.setWordWrap(True)
            self.errors[name] = error
            grid.addWidget(error, row, 2)
            edit = self.edits[name]
            if isinstance(edit, QLineEdit):
                edit.textEdited.connect(lambda _t, n=name: self._edited(n))
        grid.addWidget(self.active, len(FIELDS), 1, 1, 2)
        row = len(FIELDS) + 1
        grid.addWidget(QLabel(self.tr("Selling price")), row, 0)
        grid.addWidget(self.edits["selling_price"], row, 1)
        self.errors["selling_price"] = error = QLabel()
        error.setStyleSheet("color: #b3261e;")
        grid.addWidget(error, row, 2)
        grid.addWidget(self.no_reorder, row + 1, 1, 1, 2)
        return grid

    def _load(self, sku: str) -> None:
        assert self.ctx.db is not None
        item = catalog.get_item(self.ctx.db, sku)
        values = {
            "sku": item.sku,
            "name": item.name,
            "barcode": item.barcode or "",
            "unit": item.unit,
            "supplier": item.supplier,
            "reorder_point": qty_field_text(item.reorder_point),
            "safety_stock": "" if item.safety_stock is None else qty_field_text(item.safety_stock),
            "lead_time_days": str(item.lead_time_days),
            "shelf_life_days": str(item.shelf_life_days or ""),
        }
        for name, value in values.items():
            edit = self.edits[name]
            assert isinstance(edit, QLineEdit)
            edit.setText(value)
        category = self.edits["category"]
        assert isinstance(category, QComboBox)
        category.setCurrentText(item.category)
        removal = self.edits["removal"]
        assert isinstance(removal, QComboBox)
        removal.setCurrentIndex(max(0, removal.findData(item.removal.value)))
        self.active.setChecked(item.active)
        price, no_reorder = demand.item_terms(self.ctx.db, sku)
        price_edit = self.edits["selling_price"]
        assert isinstance(price_edit, QLineEdit)
        price_edit.setText("" if price is None else format(price.normalize(), "f"))
        self.no_reorder.setChecked(no_reorder)

    # -- reading and checking -----------------------------------------------------------------

    def text(self, name: str) -> str:
        edit = self.edits[name]
        return edit.currentText() if isinstance(edit, QComboBox) else edit.text()

    def fields(self) -> tuple[ItemFields | None, dict[str, str]]:
        """The entered item, and problems found before ``catalog`` sees it (whole numbers)."""
        problems: dict[str, str] = {}

        def number(name: str, *, optional: bool) -> Decimal | str | None:
            text = self.text(name).strip().replace(",", "")
            if not text:
                return None if optional else Decimal(0)
            try:
                return Decimal(text)
            except InvalidOperation:
                return text  # catalog explains what is wrong with it

        def whole(name: str, *, optional: bool) -> int | None:
            text = self.text(name).strip()
            if not text:
                return None if optional else 0
            if not re.fullmatch(r"\d+", text):
                problems[name] = self.tr("a whole number of days, like 0, 7 or 30")
                return None if optional else 0
            return int(text)

        removal = self.edits["removal"]
        assert isinstance(removal, QComboBox)
        fields = ItemFields(
            sku=self.text("sku"),
            name=self.text("name"),
            barcode=self.text("barcode").strip() or None,
            category=self.text("category"),
            unit=self.text("unit"),
            supplier=self.text("supplier"),
            reorder_point=number("reorder_point", optional=False),  # type: ignore[arg-type]
            safety_stock=number("safety_stock", optional=True),  # type: ignore[arg-type]
            lead_time_days=whole("lead_time_days", optional=False) or 0,
            shelf_life_days=whole("shelf_life_days", optional=True),
            removal=Removal(removal.currentData()),
            active=self.active.isChecked(),
        )
        for name, message in catalog.item_problems(fields).items():
            # "reorder point: 'abc' is not a number" beside Reorder point: drop the repeat
            head, sep, rest = message.partition(": ")
            if sep and head == name.replace("_", " "):
                message = rest
            problems.setdefault(name, message)
        price = self.text("selling_price").strip().replace(",", "")
        if price:
            try:
                if Decimal(price) < 0 or Decimal(price) != Decimal(price).quantize(
                    Decimal("0.0001")
                ):
                    raise InvalidOperation
            except InvalidOperation:
                problems["selling_price"] = self.tr("a price like 12.50, not below 0")
        return fields, problems

    def show_problems(self, problems: dict[str, str], *, only_touched: bool = False) -> None:
        for name, label in self.errors.items():
            message = problems.get(name, "")
            if only_touched and name not in self._touched:
                message = ""
            label.setText(message)
            self.edits[name].setToolTip(message)

    def _edited(self, name: str) -> None:
        """Validate as you type, but only fields the user has been in."""
        self._touched.add(name)
        _fields, problems = self.fields()
        self.show_problems(problems, only_touched=True)

    def accept(self) -> None:
        fields, problems = self.fields()
        self._touched.update(FIELDS)
        self.show_problems(problems)
        if problems or fields is None or self.ctx.db is None:
            first = next((n for n in FIELDS if n in problems), None)
            if first:
                self.edits[first].setFocus()
            return
        sku = self.sku
        price = self.text("selling_price").strip().replace(",", "") or None
        no_reorder = self.no_reorder.isChecked()
        changes = ops.write(
            self,
            self.ctx,
            lambda db: demand.save_item_with_terms(
                db, sku, fields, price=price, no_reorder=no_reorder
            ),
            refused=self._refused,
        )
        if changes is not None:
            self.changes = changes
            super().accept()

    def _refused(self, exc: InventoryError) -> None:
        # a taken code or barcode names its field: shown beside it, in the user's language
        name = exc.params.get("field")
        if isinstance(exc, ValidationError) and name in self.errors:
            message = str(exc)
            message = message.removeprefix(f"{name}: ")  # the English sentence leads with it
            self.show_problems({name: message})
            self.edits[name].setFocus()
        else:
            show_error(self, exc)
