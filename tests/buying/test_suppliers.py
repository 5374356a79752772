"""Suppliers, links and locations through the services and the CLI contract."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from inventory_app.cli import main
from inventory_app.domain.errors import NotFound, ValidationError
from inventory_app.domain.model import ItemFields
from inventory_app.services import buying, catalog


def test_suppliers_are_added_listed_and_linked(db):
    catalog.add_item(db, ItemFields(sku="DR-1", name="可乐", unit="瓶"))
    buying.add_pack(db, "DR-1", "箱", factor="24")
    buying.add_supplier(
        db, buying.Supplier(code="HR", name="华润", lead_time_days=5, min_order_value=D(300))
    )
    buying.add_supplier(db, buying.Supplier(code="BL", name="百隆"))
    buying.link_item(
        db, "HR", sku="DR-1", supplier_sku="X-9", pack="箱", price="60", preferred=True
    )
    buying.link_item(db, "bl", sku="dr-1", preferred=True)  # codes and SKUs in any case
    assert [(s.code, s.items) for s in buying.list_suppliers(db)] == [("BL", 1), ("HR", 1)]
    (hr,) = buying.supplier_items(db, "HR")
    assert (hr.supplier_sku, hr.pack, hr.last_price, hr.preferred) == ("X-9", "箱", D(60), False)
    assert buying.supplier_items(db, "BL")[0].preferred  # one preferred supplier per item
    assert buying.get_supplier(db, "hr").min_order_value == D("300.00")
    with pytest.raises(ValidationError) as e:
        buying.add_supplier(db, buying.Supplier(code="hr", name="again"))
    assert e.value.code == "suppliers.code_taken"
    with pytest.raises(NotFound) as e:
        buying.link_item(db, "HR", sku="DR-1", pack="托")
    assert e.value.code == "units.unknown_pack"
    with pytest.raises(ValidationError):
        buying.add_supplier(db, buying.Supplier(code="X", name=" "))


def run(capsys, *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_cli_contract(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    (tmp_path / "items.csv").write_text("sku,name,unit\nDR-1,可乐,瓶\n", encoding="utf-8")
    run(capsys, "--db", db, "init", "--name", "T")
    run(capsys, "--db", db, "import", "items", str(tmp_path / "items.csv"))
    out = run(capsys, "--db", db, "supplier", "add", "HR", "--name", "华润", "--lead-time", "5",
              "--min-order", "300", "--phone", "0571-1", "--contact", "王经理")  # fmt: skip
    assert out == "HR\n"
    run(capsys, "--db", db, "unit", "add", "DR-1", "箱", "--factor", "24", "--barcode", "690001")
    run(capsys, "--db", db, "supplier", "link", "HR", "--sku", "DR-1", "--code", "HR-9",
        "--pack", "箱", "--price", "60", "--preferred")  # fmt: skip
    (row,) = json.loads(run(capsys, "--db", db, "supplier", "list", "--format", "json"))
    assert row["code"] == "HR" and row["lead_time_days"] == 5 and row["items"] == 1
    assert row["min_order_value"] == "300.00" and row["contact"] == "王经理"
    mid = run(capsys, "--db", db, "receive", "--sku", "DR-1", "--qty", "2", "--unit", "箱",
              "--cost", "60", "--date", "2026-11-02").strip()  # fmt: skip
    assert mid.isdigit()
    run(capsys, "--db", db, "issue", "--sku", "DR-1", "--qty", "1", "--unit", "箱")
    stock = json.loads(run(capsys, "--db", db, "stock", "--format", "json"))
    assert [(r["qty"], r["value"]) for r in stock["rows"]] == [("24.000", "60.00")]
    assert run(capsys, "--db", db, "location", "add", "后仓") == "后仓\n"
    names = [r["name"] for r in json.loads(run(capsys, "--db", db, "location", "list",
                                                   "--format", "json"))]  # fmt: skip
    assert names == ["Main", "后仓"]
    capsys.readouterr()
    assert main(["--db", db, "receive", "--sku", "DR-1", "--qty", "1", "--unit", "托"]) == 2
    assert "托" in capsys.readouterr().err
    assert main(["--db", db, "supplier", "link", "NOPE", "--sku", "DR-1"]) == 2


def test_items_file_with_chinese_buying_headers_round_trips(db, tmp_path):
    from openpyxl import load_workbook

    from inventory_app.services import imports
    from inventory_app.services.buying import catalogue

    src = tmp_path / "items.csv"
    src.write_text(
        "编码,名称,单位,供应商,供应商编码,供应商货号,包装,换算率,包装条码,采购价,交货周期\n"
        "DR-1,可乐,瓶,华润万家,HR,HR-9,箱,24,6900001,60,5\n"
        "DR-2,雪碧,瓶,华润万家,HR,,,,,,5\n"
        "SN-1,薯片,袋,,,,,,,,0\n",
        encoding="utf-8",
    )
    imports.import_items(db, src)
    (hr,) = buying.list_suppliers(db)
    assert (hr.code, hr.name, hr.lead_time_days, hr.items) == ("HR", "华润万家", 5, 2)
    link = {x.sku: x for x in buying.supplier_items(db, "HR")}
    assert (link["DR-1"].supplier_sku, link["DR-1"].pack, link["DR-1"].last_price) == (
        "HR-9", "箱", D(60),
    )  # fmt: skip
    assert link["DR-1"].preferred and link["DR-2"].preferred
    assert buying.pack_for_barcode(db, "6900001")[0] == "DR-1"
    out = catalogue.export_catalogue(db, tmp_path / "cat.xlsx", lang="zh")
    ws = load_workbook(out).active
    head = [c.value for c in ws[1]]
    assert head[:3] == ["编码", "名称", "类别"] and "供应商编码" in head and "交货周期" in head
    first = dict(zip(head, [c.value for c in ws[2]], strict=True))
    assert (first["编码"], first["供应商编码"], first["包装"], first["换算率"]) == (
        "DR-1", "HR", "箱", 24,
    )  # fmt: skip
    # the exported file reads back as the same catalogue (nothing new, nothing changed)
    before = catalogue.catalogue_rows(db)
    result = imports.import_items(db, out)
    assert (result.created, result.updated) == (0, 3)
    assert catalogue.catalogue_rows(db) == before
