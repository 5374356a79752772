"""A purchase order exported as a one-page A4 PDF (opened back with pypdf: page count, size,
text) and as .xlsx (read back with openpyxl), in Chinese and in English."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from inventory_app.cli import main
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import ItemFields
from inventory_app.services import buying, catalog, settings
from inventory_app.services.buying import order_export


@pytest.fixture
def order(db):
    settings.set_shop_name(db, "鲜丰便利店")
    catalog.add_item(db, ItemFields(sku="DR-1", name="可口可乐 330ml", unit="罐"))
    catalog.add_item(db, ItemFields(sku="SN-1", name="乐事薯片 70g", unit="袋"))
    buying.add_pack(db, "DR-1", "箱", factor="24")
    buying.add_supplier(db, buying.Supplier(code="HR", name="华润万家", lead_time_days=5))
    buying.link_item(db, "HR", sku="DR-1", supplier_sku="HR-330", pack="箱", price="52.8")
    oid, _ = buying.create_order(db, "HR")
    buying.add_line(db, oid, sku="DR-1", qty="5")
    buying.add_line(db, oid, sku="SN-1", qty="30", cost="3.2")
    buying.send(db, oid)
    return oid


def pdf_text(path) -> tuple[int, str, tuple[float, float]]:
    reader = PdfReader(str(path))
    page = reader.pages[0]
    size = (float(page.mediabox.width), float(page.mediabox.height))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages), size


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_is_one_a4_page_with_the_lines(db, order, tmp_path, capsys, lang):
    out = tmp_path / f"po-{lang}.pdf"
    db.close()
    capsys.readouterr()
    assert main(["--db", str(db.path), "po", "export", str(order), str(out), "--lang", lang]) == 0
    assert capsys.readouterr().err == ""
    pages, text, size = pdf_text(out)
    assert pages == 1
    assert abs(size[0] - 595.3) < 1 and abs(size[1] - 841.7) < 1  # A4 in points
    flat = text.replace(" ", "")
    for expected in ("鲜丰便利店", "华润万家", "DR-1", "HR-330", "可口可乐330ml", "SN-1",
                     "乐事薯片70g", "52.80", "264.00", "96.00", "¥360.00"):  # fmt: skip
        assert expected in flat, expected
    words = ("采购订单", "合计", "单价") if lang == "zh" else ("Purchase order", "Total", "Price")
    assert all(w.replace(" ", "") in flat for w in words)
    # the status in words; Chinese labels end with the full-width colon
    said = ("状态：", "已发送", "签字/盖章：") if lang == "zh" else ("Status:", "Sent")
    assert all(w in flat for w in said) and ("状态:" not in flat)


def test_xlsx_and_refusals(db, order, tmp_path):
    sheet = order_export.order_sheet(db, order, lang="zh")
    out = order_export.write_xlsx(sheet, tmp_path / "po.xlsx")
    ws = load_workbook(out).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert values[0][0] == "鲜丰便利店" and values[1][0] == "采购订单"
    head = next(n for n, r in enumerate(values) if r[0] == "序号")
    assert values[head][:8] == ["序号", "商品编码", "供应商货号", "商品名称", "包装", "数量",
                                "单价", "金额"]  # fmt: skip
    first = values[head + 1]
    assert first[1:4] == ["DR-1", "HR-330", "可口可乐 330ml"] and first[5] == 5
    assert D(str(first[7])) == D("264.00")
    total = values[head + 3]
    assert total[6] == "合计" and D(str(total[7])) == D("360.00")
    with pytest.raises(ValidationError) as e:
        order_export.export_kind(tmp_path / "po.docx")
    assert e.value.code == "po.export_format"
