"""Reorder from the forecast: the reorder point, on order, packs, the reason in en and zh,
and the do-not-reorder flag."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from inventory_app.domain import indicators as ind
from inventory_app.domain import messages
from inventory_app.services import demand
from inventory_app.services import postings as stock
from inventory_app.services.analytics import alerts

ZH = messages.TABLES["zh"]


def test_worked_example_of_the_issue():
    a = ind.forecast_reorder_advice(
        lead_demand=D("38.2"), lead_sd=D("5.5"), cover_demand=D("0"), on_hand=D(12),
        on_order=D(24), lead_time_days=7, z=D("1.6449"), service_level=D("0.95"),
        pack_size=D(12), pack_unit="cases",
    )  # fmt: skip
    # reorder point 38.2 + 1.6449 × 5.5 = 47.247; position 36; 11.247 short → 1 case of 12
    assert a.safety_stock == D("9.047") and a.reorder_point == D("47.247")
    assert a.packs == 1 and a.suggested == 12
    assert messages.render(a.why_code, a.why_params) == (
        "forecast 38 over the 7-day lead time, ±9 at 95 %, 12 on hand, 24 on order → order 1 cases"
    )
    assert messages.render(a.why_code, a.why_params, ZH) == (
        "交货周期 7 天内预测需求 38，服务水平 95% 下 ±9，现存量 12，在途数量 24 → 建议订货 1 cases"
    )


def test_on_order_covers_the_gap():
    a = ind.forecast_reorder_advice(
        lead_demand=D(20), lead_sd=D(2), cover_demand=D(10), on_hand=D(5), on_order=D(40),
        lead_time_days=7, z=D("1.6449"), service_level=D("0.95"),
    )  # fmt: skip
    assert not a.needed and a.why_code == "demand.reorder_enough"
    assert "暂不订货" in messages.render(a.why_code, a.why_params, ZH)


def _selling_shop(db):
    start = dt.date(2025, 1, 6)
    stock.receive(db, sku="A1", qty="400", unit_cost="2", date=start)
    for day in range(0, 280, 2):
        stock.issue(db, sku="A1", qty="2", date=start + dt.timedelta(days=day))
    return start + dt.timedelta(days=280)


def test_suggestions_from_the_forecast_take_on_order_and_the_flag(stocked):
    at = _selling_shop(stocked)  # sells 7 a week; 120 left
    stocked.conn.execute("UPDATE items SET lead_time_days = 14 WHERE sku = 'A1'")
    _, rows = alerts.forecast_reorder_suggestions(stocked, at=at, include_all=True)
    (a1,) = rows
    assert abs(a1.advice.lead_demand - 14) < 2
    assert not a1.advice.needed  # 120 on hand
    stock.issue(stocked, sku="A1", qty="110", date=at)
    _, rows = alerts.forecast_reorder_suggestions(stocked, at=at)
    assert rows and rows[0].advice.needed
    assert "order" in rows[0].why("en") and "建议订货" in rows[0].why("zh")
    _, rows = alerts.forecast_reorder_suggestions(stocked, at=at, on_order={"A1": D(100)})
    assert rows == []
    demand.set_no_reorder(stocked, "A1", True)
    _, rows = alerts.forecast_reorder_suggestions(stocked, at=at, include_all=True)
    assert rows == []


def test_a_sent_order_and_the_preferred_suppliers_pack(stocked):
    """The suggestion counts what a sent purchase order brings and orders in the pack bought
    from the preferred supplier, named in the reason in en and zh."""
    from inventory_app.services import buying

    at = _selling_shop(stocked)  # sells 7 a week
    stocked.conn.execute("UPDATE items SET lead_time_days = 14 WHERE sku = 'A1'")
    stock.issue(stocked, sku="A1", qty="115", date=at)  # 5 left
    buying.add_supplier(stocked, buying.Supplier(code="HR", name="华润", lead_time_days=14))
    buying.add_pack(stocked, "A1", "箱", factor="12")
    buying.link_item(stocked, "HR", sku="A1", pack="箱", price="20", preferred=True)
    _, (before,) = alerts.forecast_reorder_suggestions(stocked, at=at)
    assert before.advice.on_order == 0
    assert before.advice.suggested % 12 == 0 and before.advice.packs >= 2
    packs = before.advice.packs
    assert before.why("en").endswith(f"→ order {packs} 箱")
    assert before.why("zh").endswith(f"→ 建议订货 {packs} 箱")
    order_id, _ = buying.create_order(stocked, "HR", on=at)
    buying.add_line(stocked, order_id, sku="A1", qty="1", unit="箱")
    buying.send(stocked, order_id, on=at)
    _, rows = alerts.forecast_reorder_suggestions(stocked, at=at, include_all=True)
    (after,) = rows
    assert after.advice.on_order == 12 and "12 on order" in after.why("en")
    assert after.advice.needed and after.advice.packs == packs - 1  # one case fewer
