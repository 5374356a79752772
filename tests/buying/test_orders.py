"""Purchase orders: life cycle, partial receipts in batches, over-receipt, suggestions →
orders (pack and minimum-order rounding), on-order in the suggestions, the CLI contract."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from inventory_app.cli import main
from inventory_app.domain.errors import InventoryError, RefusedOperation
from inventory_app.domain.model import ItemFields
from inventory_app.services import buying, catalog, check, postings, reports
from inventory_app.services.analytics.alerts import reorder_suggestions
from inventory_app.services.buying import suggest

DAY0 = dt.date(2026, 11, 1)
AT = dt.date(2026, 11, 19)


@pytest.fixture
def shop(db):
    """DR-1 (瓶, 箱 = 24) from HR (lead 5 days, minimum ¥300, ¥60 a case), selling 5 a day
    for 18 days; SN-1 (袋) with no supplier."""
    catalog.add_item(db, ItemFields(sku="DR-1", name="可乐", unit="瓶"))
    catalog.add_item(db, ItemFields(sku="SN-1", name="薯片", unit="袋"))
    buying.add_pack(db, "DR-1", "箱", factor="24")
    buying.add_supplier(
        db, buying.Supplier(code="HR", name="华润", lead_time_days=5, min_order_value=D(300))
    )
    buying.link_item(db, "HR", sku="DR-1", pack="箱", price="60", preferred=True)
    postings.receive(db, sku="DR-1", qty=100, unit_cost="2.5", date=DAY0)
    postings.receive(db, sku="SN-1", qty=50, unit_cost="3", date=DAY0)
    for k in range(1, 19):
        postings.issue(db, sku="DR-1", qty=5, date=DAY0 + dt.timedelta(days=k))
    return db


def test_life_cycle_with_partial_receipts_in_batches(shop):
    oid, _ = buying.create_order(shop, "HR", on=AT)
    buying.add_line(shop, oid, sku="DR-1", qty="3")  # the link's pack and price
    buying.add_line(shop, oid, sku="SN-1", qty="10", cost="2.8")  # stock unit
    order = buying.get_order(shop, oid)
    assert order.expected == AT + dt.timedelta(days=5)
    assert [(x.unit, x.factor, x.ordered_qty, x.unit_cost) for x in order.lines] == [
        ("箱", D(24), D(3), D(60)),
        ("袋", D(1), D(10), D("2.8")),
    ]
    with pytest.raises(RefusedOperation) as e:  # a draft receives nothing
        buying.receive(shop, oid, [buying.Receipt(sku="DR-1", qty="1")], date=AT)
    assert e.value.code == "po.not_open"
    buying.send(shop, oid, on=AT)
    with pytest.raises(RefusedOperation) as e:  # a sent order is read-only
        buying.add_line(shop, oid, sku="SN-1", qty="1")
    assert e.value.code == "po.not_draft"
    assert buying.on_order_by_sku(shop) == {"DR-1": D(72), "SN-1": D(10)}
    # two batches of the first case line, with expiry, at the price actually paid
    day = AT + dt.timedelta(days=6)
    buying.receive(
        shop,
        oid,
        [
            buying.Receipt(sku="DR-1", qty="1", batch="L1", expiry=dt.date(2027, 5, 1)),
            buying.Receipt(sku="DR-1", qty="1", batch="L2", cost="58"),
        ],
        date=day,
    )
    order = buying.get_order(shop, oid)
    assert order.status == "partial" and order.lines[0].received_qty == D(2)
    assert buying.on_order_by_sku(shop) == {"DR-1": D(24), "SN-1": D(10)}
    batches = {b.batch: b for b in reports.stock_by_batch(shop) if b.sku == "DR-1"}
    assert (batches["L1"].qty, batches["L1"].value, batches["L1"].expiry) == (
        D(24), D("60.00"), dt.date(2027, 5, 1),
    )  # fmt: skip
    assert batches["L2"].value == D("58.00")
    assert buying.supplier_items(shop, "HR")[0].last_price == D(58)  # the price paid
    with pytest.raises(RefusedOperation) as e:  # 2 more cases would be 4 of 3
        buying.receive(shop, oid, [buying.Receipt(sku="DR-1", qty="2")], date=day)
    assert e.value.code == "po.over_receipt"
    assert buying.get_order(shop, oid).lines[0].received_qty == D(2)  # nothing was written
    buying.receive(shop, oid, [buying.Receipt(sku="DR-1", qty="24", unit="瓶")], date=day)
    buying.receive(shop, oid, [buying.Receipt(sku="SN-1", qty="12")], date=day, allow_over=True)
    order = buying.get_order(shop, oid)
    assert order.status == "received" and order.closed_on == day
    assert [x.received_qty for x in order.lines] == [D(3), D(12)]
    assert buying.on_order_by_sku(shop) == {}
    with pytest.raises(RefusedOperation):
        buying.cancel(shop, oid, reason="too late")
    assert check.check(shop).ok


def test_cancel_needs_a_reason_and_stops_on_order(shop):
    oid, _ = buying.create_order(shop, "HR", on=AT)
    with pytest.raises(RefusedOperation) as e:
        buying.send(shop, oid, on=AT)
    assert e.value.code == "po.empty"
    buying.add_line(shop, oid, sku="DR-1", qty="2")
    buying.send(shop, oid, on=AT)
    with pytest.raises(InventoryError) as e:
        buying.cancel(shop, oid, reason=" ")
    assert e.value.code == "po.reason_empty"
    buying.cancel(shop, oid, reason="supplier out of stock")
    order = buying.get_order(shop, oid)
    assert (order.status, order.cancel_reason) == ("cancelled", "supplier out of stock")
    assert buying.on_order_by_sku(shop) == {}
    assert buying.overdue_orders(shop, today=AT + dt.timedelta(days=30)) == []


def test_suggestions_become_orders_rounded_to_pack_and_minimum(shop):
    (group,) = suggest.suggest_orders(shop, at=AT)
    (line,) = group.lines
    assert (group.supplier, line.sku, line.pack, line.needed) == ("HR", "DR-1", "箱", D(36))
    # 36 bottles = 2 cases (¥120); the minimum order ¥300 makes it 5 cases
    assert (line.packs, line.value) == (D(5), D("300.00"))
    assert "order 36 瓶" in line.why and "+ 3 箱 to reach the supplier's minimum order" in line.why
    (oid,) = suggest.orders_from_suggestions(shop, at=AT)
    order = buying.get_order(shop, oid)
    (ol,) = order.lines
    assert (order.status, ol.unit, ol.ordered_qty, ol.unit_cost) == ("draft", "箱", D(5), D(60))
    assert ol.why == line.why
    # a draft is not on order yet; once sent, the suggestion counts it and asks for nothing
    assert suggest.suggest_orders(shop, at=AT)[0].lines[0].packs == D(5)
    buying.send(shop, oid, on=AT)
    assert suggest.suggest_orders(shop, at=AT) == []
    rows = {s.sku: s for s in reorder_suggestions(shop, at=AT, include_all=True)[1]}
    assert rows["DR-1"].advice.on_order == D(120) and "on order 120" in rows["DR-1"].why
    # an order sent on AT is due 5 days later: overdue from the 6th day
    assert buying.overdue_orders(shop, today=AT + dt.timedelta(days=5)) == []
    (late,) = buying.overdue_orders(shop, today=AT + dt.timedelta(days=6))
    assert late[:2] == (oid, "HR")


def run(capsys, *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_po_cli_contract(shop, capsys):
    db = ["--db", str(shop.path)]
    shop.close()
    oid = run(capsys, *db, "po", "create", "--supplier", "HR").strip()
    assert oid.isdigit()
    run(capsys, *db, "po", "add", oid, "--sku", "DR-1", "--qty", "2")
    run(capsys, *db, "po", "add", oid, "--sku", "DR-1", "--qty", "12", "--unit", "瓶",
        "--cost", "2.6")  # fmt: skip
    run(capsys, *db, "po", "send", oid)
    mid = run(capsys, *db, "po", "receive", oid, "--sku", "DR-1", "--qty", "1", "--batch", "B1",
              "--expiry", "2027-06-01", "--cost", "59")  # fmt: skip
    assert mid.strip().isdigit()
    shown = json.loads(run(capsys, *db, "po", "show", oid, "--format", "json"))
    assert set(shown) == {"id", "supplier", "status", "expected", "lines"}
    assert (shown["id"], shown["supplier"], shown["status"]) == (int(oid), "HR", "partial")
    assert shown["lines"] == [
        {"sku": "DR-1", "unit": "箱", "factor": "24.000", "ordered_qty": "2.000",
         "received_qty": "1.000", "unit_cost": "60.0000"},
        {"sku": "DR-1", "unit": "瓶", "factor": "1.000", "ordered_qty": "12.000",
         "received_qty": "0.000", "unit_cost": "2.6000"},
    ]  # fmt: skip
    stock = json.loads(run(capsys, *db, "stock", "--format", "json"))
    rows = {r["sku"]: r for r in stock["rows"]}
    assert rows["DR-1"]["on_order_qty"] == "36.000" and rows["SN-1"]["on_order_qty"] == "0.000"
    listed = json.loads(run(capsys, *db, "po", "list", "--status", "partial", "--format", "json"))
    assert [o["id"] for o in listed] == [int(oid)]
    capsys.readouterr()
    assert main([*db, "po", "receive", oid, "--sku", "DR-1", "--qty", "5"]) == 2
    assert "allow over-receipt" in capsys.readouterr().err
    assert main([*db, "po", "list", "--status", "lost"]) == 2
    assert main([*db, "po", "cancel", oid, "--reason", ""]) == 2
    run(capsys, *db, "po", "cancel", oid, "--reason", "changed supplier")
    assert json.loads(run(capsys, *db, "po", "show", oid, "--format", "json"))["status"] == (
        "cancelled"
    )
    suggested = json.loads(
        run(capsys, *db, "po", "suggest", "--at", AT.isoformat(), "--format", "json")
    )
    assert suggested[0]["supplier"] == "HR" and suggested[0]["lines"][0]["unit"] == "箱"
    new = run(capsys, *db, "po", "from-suggestions", "--supplier", "HR", "--at", "2026-11-19")
    new = new.split()
    assert len(new) == 1 and int(new[0]) > int(oid)


def test_overdue_orders_show_in_the_alerts(shop):
    from inventory_app.services.analytics.alerts import alerts

    oid, _ = buying.create_order(shop, "HR", on=AT)
    buying.add_line(shop, oid, sku="DR-1", qty="1")
    buying.send(shop, oid, on=AT)
    assert alerts(shop, at=AT + dt.timedelta(days=5)).overdue_orders == []
    late = alerts(shop, at=AT + dt.timedelta(days=8))
    (row,) = late.overdue_orders
    assert (row.id, row.supplier, row.days_late) == (oid, "HR", 3)
    assert late.counts()["overdue_orders"] == 1
    assert late.as_json()["overdue_orders"] == [
        {"id": oid, "supplier": "HR", "expected": AT + dt.timedelta(days=5), "days_late": 3}
    ]


def test_purchases_sheet_and_supplier_record(shop, tmp_path):
    from openpyxl import load_workbook

    from inventory_app.services.buying import performance
    from inventory_app.services.export.month import export_month

    oid, _ = buying.create_order(shop, "HR", on=AT)
    buying.add_line(shop, oid, sku="DR-1", qty="2")
    buying.send(shop, oid, on=AT)
    late = AT + dt.timedelta(days=7)  # promised 5 days, came in 7
    buying.receive(shop, oid, [buying.Receipt(sku="DR-1", qty="1")], date=late)
    o2, _ = buying.create_order(shop, "HR", on=AT)
    buying.add_line(shop, o2, sku="DR-1", qty="1", cost="55")
    buying.send(shop, o2, on=AT)
    buying.receive(shop, o2, [buying.Receipt(sku="DR-1", qty="1")], date=AT + dt.timedelta(3))
    (month,) = performance.purchases_by_month(shop, start=DAY0, end=dt.date(2026, 11, 30))
    assert (month.supplier, month.month, month.receipts, month.value) == (
        "HR", "2026-11", 2, D("115.00"),
    )  # fmt: skip
    (rec,) = performance.supplier_records(shop)
    assert (rec.orders, rec.on_time, rec.on_time_rate, rec.lead_days_seen) == (
        2, 1, D("0.5"), D("5.0"),
    )  # fmt: skip
    out = export_month(shop, "2026-11", tmp_path / "m.xlsx", lang="zh")
    ws = load_workbook(out.path)["采购汇总"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    assert rows[0][:5] == ("供应商编码", "供应商", "月份", "入库行数", "采购金额")
    assert rows[1][:5] == ("HR", "华润", "2026-11", 2, 115)
    record = next(r for r in rows if r[0] == "HR" and r[2] == 5)
    assert record[3:7] == (2, 1, 0.5, 5)


def test_stock_json_lists_an_item_only_on_order(shop, capsys):
    """An item with nothing on hand but a sent order still has a row (qty and value 0); the
    rows of items holding stock keep their keys, and everything stays sorted by SKU."""
    catalog.add_item(shop, ItemFields(sku="AA-0", name="矿泉水", unit="瓶"))
    catalog.add_item(shop, ItemFields(sku="ZZ-9", name="口香糖", unit="盒"))  # nothing anywhere
    buying.link_item(shop, "HR", sku="AA-0", price="1.2")
    oid, _ = buying.create_order(shop, "HR", on=AT)
    buying.add_line(shop, oid, sku="AA-0", qty="30")
    db = ["--db", str(shop.path)]
    before = json.loads(run(capsys, *db, "stock", "--format", "json"))["rows"]
    assert [r["sku"] for r in before] == ["DR-1", "SN-1"]  # a draft is not on order
    buying.send(shop, oid, on=AT)
    shop.close()
    rows = json.loads(run(capsys, *db, "stock", "--format", "json"))["rows"]
    assert [r["sku"] for r in rows] == ["AA-0", "DR-1", "SN-1"]
    assert rows[0] == {"sku": "AA-0", "qty": "0.000", "value": "0.00", "name": "矿泉水",
                       "on_order_qty": "30.000"}  # fmt: skip
    assert rows[1:] == before
    assert all(list(r) == list(rows[0]) for r in rows)
