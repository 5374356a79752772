"""Print labels: shelf labels of the items chosen on the Items page, or labels of an item's
batches, on an A4 sheet of 3 × 8 or a 40 × 30 mm label printer; printed through the system's
print dialog, or saved as a PDF.

What each label says comes from ``services.buying.labels``; ``charts.labels`` draws them
(matplotlib, loaded on a worker the first time). Printing paints each drawn page as an image
on the printer's page at the printer's resolution (at most 300 dpi), the page sized to the
layout, so a label printer gets one 40 × 30 mm page per label.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain import messages, money
from inventory_app.domain.errors import InventoryError
from inventory_app.services.buying.labels import Label
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.errors import show_error
from inventory_app.ui.widgets.file_dialogs import EXPORTS, save_file

# (copies, price or None, language) -> the labels
MakeLabels = Callable[[int, Decimal | None, str], list[Label]]
MAX_DPI = 300


def page_layout(layout: str) -> QPageLayout:
    """The printer page of a layout: A4, or one 40 × 30 mm label; no margins (the drawing
    keeps its own)."""
    if layout == "40x30":
        size = QPageSize(QSizeF(40, 30), QPageSize.Unit.Millimeter, "40 x 30 mm")
        orientation = QPageLayout.Orientation.Portrait
    else:
        size = QPageSize(QPageSize.PageSizeId.A4)
        orientation = QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


class LabelDialog(QDialog):
    """Choose the layout, copies (and a price for shelf labels), then Print… or Save PDF…."""

    def __init__(
        self,
        ctx: AppContext,
        make: MakeLabels,
        *,
        what: str,
        with_price: bool,
        name: str = "labels.pdf",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.make = make
        self.name = name
        self.with_price = with_price
        self.setWindowTitle(self.tr("Print labels"))
        self.layout_choice = QComboBox()
        self.layout_choice.addItem(self.tr("A4 sheet, 3 × 8 labels (70 × 37 mm)"), "a4")
        self.layout_choice.addItem(self.tr("Label printer, 40 × 30 mm"), "40x30")
        self.copies = QSpinBox()
        self.copies.setRange(1, 999)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("optional, e.g. 3.50"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Labels for"), QLabel(what))
        form.addRow(self.tr("Layout"), self.layout_choice)
        form.addRow(self.tr("Copies of each"), self.copies)
        if with_price:
            form.addRow(self.tr("Price on the label"), self.price)
        self.price.setVisible(with_price)
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_labels)
        self.pdf_button.clicked.connect(self.save_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    @property
    def layout_key(self) -> str:
        return str(self.layout_choice.currentData())

    def labels(self) -> list[Label] | None:
        """The labels as chosen; None (the problem shown) when the price or the data is wrong."""
        try:
            text = self.price.text().strip() if self.with_price else ""
            price = money.parse_cost(text, what="price") if text else None
            return self.make(self.copies.value(), price, messages.language())
        except InventoryError as exc:
            show_error(self, exc)
            return None

    # -- PDF ------------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        path = save_file(self, EXPORTS, self.tr("Save labels"), self.name, self.tr("PDF (*.pdf)"))
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        """Write the labels as a PDF at ``path`` (drawn on a worker)."""
        labels = self.labels()
        if labels is None:
            return None
        layout = self.layout_key

        def work(_progress, _cancel) -> Path:
            from inventory_app.charts.labels import write_labels

            return write_labels(labels, path, layout=layout)

        out = ops.run_long(self, self.tr("Drawing labels…"), work)
        if out is not None:
            self.message.setText(self.tr("Saved {0}").format(out))
        return out

    # -- printer --------------------------------------------------------------------------------

    def print_labels(self) -> None:
        """The system's print dialog, then the labels on the printer it names."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.layout_key))
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print labels"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer) -> int:
        """Paint the labels on ``printer`` (a ``QPrinter``, or any paged paint device with a
        page layout); returns the pages printed (0: nothing, the problem shown)."""
        labels = self.labels()
        if labels is None:
            return 0
        layout = self.layout_key
        printer.setPageLayout(page_layout(layout))
        dpi = min(printer.resolution(), MAX_DPI)

        def work(_progress, _cancel) -> list[bytes]:
            from inventory_app.charts.labels import render_pages

            return render_pages(labels, layout=layout, dpi=dpi)

        pages = ops.run_long(self, self.tr("Drawing labels…"), work)
        if not pages:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            self.message.setText(self.tr("The printer could not be opened."))
            return 0
        try:
            for n, png in enumerate(pages):
                if n:
                    printer.newPage()
                full = printer.pageLayout().fullRectPixels(printer.resolution())
                target = QRect(0, 0, full.width(), full.height())
                painter.drawImage(target, QImage.fromData(png))
        finally:
            painter.end()
        self.message.setText(self.tr("{0} pages sent to the printer").format(len(pages)))
        return len(pages)
