"""Item and batch labels as PDF (A4 sheets of 24, or 40 × 30 mm pages), opened back with
pypdf; a batch label's barcode data reads back through the GS1 parser."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from pypdf import PdfReader

from inventory_app.charts.labels import code128_modules, write_labels
from inventory_app.domain import gs1
from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import ItemFields, Removal
from inventory_app.services import catalog, postings
from inventory_app.services.buying import labels


@pytest.fixture
def milk(db):
    catalog.add_item(
        db,
        ItemFields(sku="MK-1", name="蒙牛纯牛奶 250ml", unit="盒", barcode="6901234567892",
                   removal=Removal.FEFO, shelf_life_days=30),
    )  # fmt: skip
    catalog.add_item(db, ItemFields(sku="A1", name="Hammer 锤子"))
    day = dt.date.today()
    postings.receive(db, sku="MK-1", qty=24, unit_cost="2.5", batch="24A01",
                     expiry=day + dt.timedelta(days=20), date=day)  # fmt: skip
    postings.receive(db, sku="MK-1", qty=12, unit_cost="2.5", batch="24B07", date=day)
    return db


def test_item_labels_on_a4_sheets(milk, tmp_path):
    found = labels.item_labels(milk, ["MK-1", "A1"], copies=13, price=D("3.5"))
    assert len(found) == 26 and found[0].barcode == "MK-1" and found[0].lines == ("Price ¥3.50",)
    out = write_labels(found, tmp_path / "a4.pdf", layout="a4")
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2  # 24 a sheet
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1 and abs(float(box.height) - 841.9) < 1
    text = reader.pages[1].extract_text().replace(" ", "")
    assert "Hammer锤子" in text and "A1" in text


def test_batch_labels_carry_a_gs1_string_the_scanner_reads(milk, tmp_path):
    found = labels.batch_labels(milk, "MK-1", lang="zh")
    assert [x.lines[0] for x in found] == ["批号 24A01", "批号 24B07"]
    read = gs1.parse(found[0].barcode)
    assert (read.gtin, read.batch) == ("06901234567892", "24A01")
    assert read.expiry == dt.date.today() + dt.timedelta(days=20)
    assert found[0].barcode_text.startswith("(01)06901234567892(17)")
    bars = code128_modules(found[0].barcode)
    assert set(bars) == {"0", "1"} and bars.endswith("11")  # the stop pattern's last bar
    out = write_labels(found, tmp_path / "small.pdf", layout="40x30")
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 113.4) < 1 and abs(float(box.height) - 85.0) < 1
    assert "24B07" in reader.pages[1].extract_text()
    with pytest.raises(InventoryError) as e:
        labels.batch_labels(milk, "MK-1", batch="nope")
    assert e.value.code == "labels.no_batch"
    with pytest.raises(InventoryError) as e:
        write_labels(found, tmp_path / "x.pdf", layout="5x5")
    assert e.value.code == "labels.layout"


def test_every_text_of_a_40x30_label_stays_on_the_label(milk):
    """The human-readable GS1 line (some 40 characters) used to run past both edges of a
    40 mm label; every text now lies inside the page."""
    from inventory_app.charts.labels import label_figures

    day = dt.date.today()
    postings.receive(milk, sku="MK-1", qty=1, unit_cost="2.5", batch="L2026-0412",
                     expiry=day + dt.timedelta(days=20), date=day)  # fmt: skip
    (label,) = labels.batch_labels(milk, "MK-1", batch="L2026-0412")
    assert len(label.barcode_text) == 42
    (fig,) = label_figures([label], "40x30")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    for text in fig.texts:
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0 and box.y1 <= height, text
