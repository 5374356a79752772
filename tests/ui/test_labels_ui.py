"""Print labels from the GUI: the Items page (the selected items) and an item's batches,
A4 sheet or 40 x 30 mm, saved as PDF or painted on a printer (a PDF printer offscreen)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel

from inventory_app.services import catalog
from inventory_app.services import postings as stock
from inventory_app.ui.dialogs.item_detail import ItemDetailDialog
from inventory_app.ui.pages.items import ItemsPage
from inventory_app.ui.window.main_window import MainWindow


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def _select(table, rows) -> None:
    sel = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        sel.select(table.rows_model().index(r, 0), flags)


@pytest.fixture
def page(qtbot, ctx) -> ItemsPage:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.adopt_database(ctx.db)
    win.show()
    page = win.show_page("items")
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() >= 2)
    return page


def test_items_page_prints_labels_of_the_selected_items(qtbot, page, tmp_path):
    skus = [page.model.row_at(r).sku for r in range(page.model.rowCount())]
    assert {"A1", "M1"} <= set(skus)
    assert page.label_dialog() is None  # nothing selected: nothing to print
    _select(page.table, [skus.index("A1"), skus.index("M1")])
    dialog = page.label_dialog()
    qtbot.addWidget(dialog)
    dialog.copies.setValue(2)
    dialog.price.setText("3.50")
    out = dialog.save_to(tmp_path / "shelf.pdf")
    assert out is not None and len(PdfReader(str(out)).pages) == 1  # 4 labels on one A4 sheet
    text = _text(out)
    assert text.count("A1") >= 2 and text.count("M1") >= 2 and "3.50" in text
    dialog.price.setText("3.5x")  # a wrong price: said, nothing written
    from .helpers import when_modal

    seen = when_modal(lambda box: box.accept())
    assert dialog.save_to(tmp_path / "bad.pdf") is None and seen
    assert not (tmp_path / "bad.pdf").exists()


def test_label_printer_layout_prints_one_40x30_page_a_label(qtbot, page, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    _select(page.table, [0, 1])
    dialog = page.label_dialog()
    qtbot.addWidget(dialog)
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("40x30"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == 2
    pages = PdfReader(str(tmp_path / "printed.pdf")).pages
    assert len(pages) == 2
    w, h = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(w), round(h)) == (113, 85)  # 40 x 30 mm in points


def test_item_batches_print_the_selected_batches_only(qtbot, ctx, tmp_path):
    import datetime as dt

    stock.receive(ctx.db, sku="M1", qty="5", unit_cost="1", batch="L-OTHER",
                  expiry=dt.date.today() + dt.timedelta(days=90))  # fmt: skip
    stock.receive(ctx.db, sku="M1", qty="5", unit_cost="1", batch="L-PICK",
                  expiry=dt.date.today() + dt.timedelta(days=60))  # fmt: skip
    dialog = ItemDetailDialog(ctx, catalog.get_item(ctx.db, "M1").id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.batches.rowCount() >= 2)
    batches = [dialog.batches.row_at(r).batch for r in range(dialog.batches.rowCount())]
    _select(dialog.batch_table, [batches.index("L-PICK")])
    labels = dialog.label_dialog()
    qtbot.addWidget(labels)
    out = labels.save_to(tmp_path / "batch.pdf")
    text = _text(out)
    assert "L-PICK" in text and "L-OTHER" not in text
    dialog.batch_table.clearSelection()
    everything = dialog.label_dialog()
    qtbot.addWidget(everything)
    text = _text(everything.save_to(tmp_path / "all.pdf"))
    assert "L-PICK" in text and "L-OTHER" in text
