"""Stock health at a date: ageing, expiry, dead / slow / low stock, reorder, alerts.

Most scenarios are dated relative to today so that both paths are exercised: now (the
maintained tables) and a past day (stock rebuilt from the ledger)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain import indicators as ind
from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, settings
from inventory_app.services import postings as stock
from inventory_app.services.analytics import alerts as analytics_alerts
from inventory_app.services.analytics import stock as analytics_stock

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.mark.parametrize("at", [None, ago(1)])
def test_age_survives_a_transfer(stocked, at):
    db = stocked
    catalog.add_location(db, "Shop floor")
    stock.receive(db, sku="A1", qty="10", unit_cost="3", date=ago(120), batch="OLD")
    stock.receive(db, sku="A1", qty="4", unit_cost="3", date=ago(20), batch="NEW")
    stock.transfer(db, sku="A1", qty="6", location="Main", to_location="Shop floor", date=ago(5))
    rep = analytics_stock.ageing(db, at=at)
    day = at or TODAY
    by_place = {(a.batch.batch, a.batch.location): a for a in rep.batches}
    moved = by_place[("OLD", "Shop floor")]
    assert moved.age_days == (day - ago(120)).days and moved.bucket == "91-180"
    assert moved.batch.qty == D("6.000") and moved.batch.value == D("18.00")
    assert by_place[("OLD", "Main")].bucket == "91-180"
    assert by_place[("NEW", "Main")].bucket == "0-30"
    totals = rep.totals()
    assert totals["91-180"] == (D("10.000"), D("30.00"))
    assert totals["0-30"] == (D("4.000"), D("12.00"))
    assert rep.by_category() == {
        "Hardware": {"0-30": D(12), "31-60": 0, "61-90": 0, "91-180": D(30), ">180": 0}
    }


def test_ageing_at_a_past_day_sees_the_stock_of_then(stocked):
    db = stocked
    stock.receive(db, sku="A1", qty="10", unit_cost="1", date=ago(200))
    stock.issue(db, sku="A1", qty="10", date=ago(50))
    assert analytics_stock.ageing(db).batches == []
    then = analytics_stock.ageing(db, at=ago(60))
    assert [(a.age_days, a.bucket) for a in then.batches] == [(140, "91-180")]


@pytest.mark.parametrize("at", [None, ago(2)])
def test_expiry_rows_and_alerts_split_expired_from_expiring(stocked, at):
    db = stocked
    day = at or TODAY
    # M1 keeps 10 days: received 12 days before `day` is expired, 5 days before has 5 left
    stock.receive(db, sku="M1", qty="3", unit_cost="2", date=day - dt.timedelta(days=12))
    stock.receive(db, sku="M1", qty="5", unit_cost="2", date=day - dt.timedelta(days=5))
    stock.receive(db, sku="M1", qty="1", unit_cost="2", date=day - dt.timedelta(days=1))
    settings.set_value(db, "expiry_warning_days", "7")
    al = analytics_alerts.alerts(db, at=at)
    assert [(r.qty, r.days_left) for r in al.expired] == [(D(3), -2)]
    assert [(r.qty, r.days_left, r.value) for r in al.expiring] == [(D(5), 5, D("10.00"))]
    timeline = analytics_stock.expiry_timeline(db, at=at)
    assert timeline.expired_value == D("6.00")
    assert [v for _start, v, _rows in timeline.weeks[:3]] == [D(10), D(2), D(0)]
    assert len(timeline.weeks) == 13


def test_dead_stock_edges(stocked):
    db = stocked
    settings.set_value(db, "dead_stock_days", "90")
    for sku in ("D1", "D2", "D3", "D4", "D5"):
        catalog.add_item(db, ItemFields(sku=sku, name=f"dead? {sku}"))
    stock.receive(db, sku="D1", qty="5", unit_cost="2", date=ago(200))
    stock.issue(db, sku="D1", qty="1", date=ago(90))  # exactly 90 days idle: dead
    stock.receive(db, sku="D2", qty="5", unit_cost="2", date=ago(200))
    stock.issue(db, sku="D2", qty="1", date=ago(89))  # sold 89 days ago: alive
    stock.receive(db, sku="D3", qty="5", unit_cost="2", date=ago(100))  # never sold: dead
    stock.receive(db, sku="D4", qty="5", unit_cost="2", date=ago(10))  # new, not dead yet
    stock.receive(db, sku="D5", qty="5", unit_cost="2", date=ago(300))
    stock.issue(db, sku="D5", qty="5", date=ago(200))  # nothing on hand: not dead stock
    dead = analytics_stock.dead_stock(db)
    assert [(r.sku, r.last_issue, r.idle_days) for r in dead] == [
        ("D3", None, 100),
        ("D1", ago(90), 90),
    ]
    assert dead[0].value == D("10.00") and dead[1].qty == D("4.000")
    # the same question 30 days ago: D1 had sold 60 days before, D3 was 70 days in
    assert analytics_stock.dead_stock(db, at=ago(30)) == []
    # a 30-day rule: D2 (sold 89 days ago) is dead too; D4 (in 10 days) still is not
    assert [r.sku for r in analytics_stock.dead_stock(db, days=30)] == ["D3", "D1", "D2"]


def test_low_and_out_of_stock_edges(db):
    for sku, rop in (("L1", "5"), ("L2", "5"), ("L3", "0"), ("L4", "5"), ("L5", "0"), ("L6", "3")):
        catalog.add_item(db, ItemFields(sku=sku, name=sku, reorder_point=D(rop)))
    stock.receive(db, sku="L1", qty="5", unit_cost="1", date=ago(3))  # at the point: low
    stock.receive(db, sku="L2", qty="6", unit_cost="1", date=ago(3))  # above: fine
    stock.receive(db, sku="L3", qty="1", unit_cost="1", date=ago(3))  # no point: fine
    stock.receive(db, sku="L5", qty="1", unit_cost="1", date=ago(3))
    stock.issue(db, sku="L5", qty="1", date=ago(2))  # sold out, no point: out of stock
    stock.receive(db, sku="L6", qty="1", unit_cost="1", date=ago(3))
    catalog.set_active(db, "L6", False)  # inactive: ignored
    # L4: never stocked but has a reorder point: out of stock
    low, out = analytics_stock.low_and_out_of_stock(db)
    assert [(r.sku, r.qty, r.reorder_point) for r in low] == [("L1", D(5), D(5))]
    assert [r.sku for r in out] == ["L4", "L5"]
    low_then, out_then = analytics_stock.low_and_out_of_stock(db, at=ago(3))
    assert [r.sku for r in low_then] == ["L1"] and [r.sku for r in out_then] == ["L4"]


def test_slow_movers_by_days_of_cover(stocked):
    db = stocked
    settings.set_value(db, "reorder_demand_days", "30")
    stock.receive(db, sku="A1", qty="100", unit_cost="1", date=ago(40))
    stock.issue(db, sku="A1", qty="3", date=ago(10))  # 0.1/day: 97 units last 970 days
    stock.receive(db, sku="M1", qty="2", unit_cost="1", date=ago(1))
    stock.issue(db, sku="M1", qty="1", date=ago(1))  # 1/30 a day: 1 unit lasts 30 days
    slow = analytics_stock.slow_movers(db, cover_days=180)
    assert [(r.sku, r.cover_days) for r in slow] == [("A1", D("970.0"))]
    assert analytics_stock.slow_movers(db, cover_days=1000) == []
    assert [r.sku for r in analytics_stock.slow_movers(db, cover_days=29)] == ["A1", "M1"]


def test_reorder_suggestion_arithmetic(db):
    catalog.add_item(db, ItemFields(sku="R1", name="rice", unit="bag", lead_time_days=4))
    catalog.add_item(db, ItemFields(sku="R2", name="oil", safety_stock=D(10), lead_time_days=2))
    catalog.add_item(db, ItemFields(sku="R3", name="no demand"))
    settings.set_value(db, "reorder_demand_days", "10")
    settings.set_value(db, "reorder_cover_days", "5")
    stock.receive(db, sku="R1", qty="100", unit_cost="1", date=ago(30))
    stock.receive(db, sku="R2", qty="50", unit_cost="1", date=ago(30))
    stock.receive(db, sku="R3", qty="5", unit_cost="1", date=ago(30))
    for days_ago, qty in ((9, 20), (5, 30), (1, 40)):  # 90 in the 10-day window
        stock.issue(db, sku="R1", qty=str(qty), date=ago(days_ago))
    stock.issue(db, sku="R1", qty="5", date=ago(15))  # before the window: ignored
    stock.issue(db, sku="R2", qty="10", date=ago(3))
    rules, rows = analytics_alerts.reorder_suggestions(db, include_all=True)
    assert rules.z == D("1.6449") and rules.demand_days == 10
    by_sku = {s.sku: s for s in rows}
    assert set(by_sku) == {"R1", "R2"}
    r1 = by_sku["R1"].advice
    mean, sigma = ind.demand_stats([D(20), D(30), D(40)], days=10)
    assert r1.mean_daily == mean == D(9)
    # σ: sample deviation of [20, 30, 40, 0 x 7] around 9
    assert sigma == ((D(121) + 441 + 961 + 7 * 81) / 9).sqrt().quantize(D("0.0001"))
    ss = (D("1.6449") * sigma * 2).quantize(D("0.001"))  # √4 = 2
    assert r1.safety_stock == ss
    assert r1.reorder_point == 36 + ss
    assert r1.on_hand == D(5)
    assert r1.suggested == (36 + ss + 45 - 5).to_integral_value(rounding="ROUND_CEILING")
    assert "order" in by_sku["R1"].why and "bag" in by_sku["R1"].why
    r2 = by_sku["R2"].advice  # mean 1/day, lead 2, its own safety stock 10: point 12
    assert r2.safety_from_item and r2.reorder_point == D(12) and not r2.needed
    _rules, to_order = analytics_alerts.reorder_suggestions(db)
    assert [s.sku for s in to_order] == ["R1"]


def test_default_lead_time_when_the_item_has_none(db):
    catalog.add_item(db, ItemFields(sku="Z1", name="zero lead"))
    settings.set_value(db, "default_lead_time_days", "9")
    stock.receive(db, sku="Z1", qty="1", unit_cost="1", date=ago(5))
    stock.issue(db, sku="Z1", qty="1", date=ago(2))
    _rules, rows = analytics_alerts.reorder_suggestions(db)
    assert rows[0].advice.lead_time_days == 9 and "× lead time 9 days" in rows[0].why


def test_alerts_json_contract(stocked):
    db = stocked
    stock.receive(db, sku="M1", qty="2", unit_cost="2", date=ago(11))
    data = analytics_alerts.alerts(db).as_json()
    assert list(data) == [
        "at",
        "expired",
        "expiring",
        "low_stock",
        "out_of_stock",
        "dead_stock",
        "overdue_orders",
    ]
    assert data["expired"] == [
        {"sku": "M1", "batch": data["expired"][0]["batch"], "expiry": ago(1), "qty": D(2),
         "value": D(4)}
    ]  # fmt: skip
    assert data["at"] == TODAY
