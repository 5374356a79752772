"""Turnover, indicators and ABC over a real shop file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import Document, ItemFields, Line, MovementType
from inventory_app.services import analytics, catalog, settings
from inventory_app.services import postings as stock
from inventory_app.services.analytics import abc as analytics_abc
from inventory_app.services.analytics import dashboard as analytics_dashboard

Y0 = dt.date(2025, 1, 1)
Y1 = dt.date(2025, 12, 31)


@pytest.fixture
def year(stocked):
    """A1 reproduces the worked example over 2025: opening 100, COGS 600, closing 150.
    M1 is bought and sold out inside the year (average 0)."""
    db = stocked
    stock.receive(db, sku="A1", qty="10", unit_cost="10", date=dt.date(2024, 12, 31))
    stock.receive(db, sku="A1", qty="65", unit_cost="10", date=dt.date(2025, 3, 1))
    stock.issue(db, sku="A1", qty="60", date=dt.date(2025, 6, 1))
    stock.receive(db, sku="M1", qty="4", unit_cost="2.5", date=dt.date(2025, 7, 1))
    stock.issue(db, sku="M1", qty="4", date=dt.date(2025, 7, 3))
    return db


def test_turnover_by_item_reproduces_the_worked_example(year):
    rep = analytics.turnover_report(year, start=Y0, end=Y1, by="item")
    a1 = next(r for r in rep.rows if r.key == "A1")
    assert (a1.cogs, a1.opening_value, a1.closing_value) == (D("600.00"), D("100.00"), D("150.00"))
    assert a1.average_value == D("125.00")
    assert str(a1.turnover) == "4.8" and str(a1.turnover_days) == "76.0"
    m1 = next(r for r in rep.rows if r.key == "M1")
    assert m1.cogs == D("10.00") and m1.average_value == 0
    assert m1.turnover is None and m1.turnover_days is None
    assert rep.total.cogs == D("610.00")
    assert rep.total.turnover == D("4.88")  # 610 / 125


def test_turnover_by_category_and_by_month_agree_with_the_total(year):
    by_cat = analytics.turnover_report(year, start=Y0, end=Y1, by="category")
    assert [r.key for r in by_cat.rows] == ["Hardware", "乳制品"]
    by_month = analytics.turnover_report(year, start=Y0, end=Y1, by="month")
    assert [r.key for r in by_month.rows][:2] == ["2025-01", "2025-02"]
    assert len(by_month.rows) == 12
    assert sum(r.cogs for r in by_month.rows) == by_cat.total.cogs == D("610.00")
    assert by_month.rows[0].opening_value == D("100.00")
    assert by_month.rows[-1].closing_value == D("150.00")
    june = next(r for r in by_month.rows if r.key == "2025-06")
    assert (june.opening_value, june.cogs, june.closing_value) == (D(750), D(600), D(150))
    assert june.turnover == D("1.33")  # 600 / 450
    for prev, nxt in zip(by_month.rows, by_month.rows[1:], strict=False):
        assert prev.closing_value == nxt.opening_value
    assert by_month.total.turnover == D("4.88")


def test_turnover_by_month_cuts_partial_months(year):
    rep = analytics.turnover_report(
        year, start=dt.date(2025, 5, 15), end=dt.date(2025, 7, 2), by="month"
    )
    assert [(r.key, r.days) for r in rep.rows] == [("2025-05", 17), ("2025-06", 30), ("2025-07", 2)]
    july = rep.rows[-1]
    assert (july.opening_value, july.closing_value, july.cogs) == (D(150), D(160), D(0))


def test_daily_average_option(year):
    # A1 in 2025: 100 for 59 days (to 28 Feb), 750 for 92 days (1 Mar - 31 May), 150 after
    rep = analytics.turnover_report(year, start=Y0, end=Y1, by="item", average="daily")
    a1 = next(r for r in rep.rows if r.key == "A1")
    expected = (D(100) * 59 + D(750) * 92 + D(150) * 214) / 365
    assert a1.average_value == expected.quantize(D("0.01"))
    month = analytics.turnover_report(year, start=Y0, end=Y1, by="month", average="daily")
    # M1 held 10.00 for 2 days (1-2 July)
    assert month.total.average_value == (expected + D(10) * 2 / 365).quantize(D("0.01"))


def test_turnover_refuses_a_backwards_period(db):
    with pytest.raises(ValidationError, match="before it starts"):
        analytics.turnover_report(db, start=Y1, end=Y0)
    with pytest.raises(ValidationError, match="not 'supplier'") as e:
        analytics.turnover_report(db, start=Y0, end=Y1, by="supplier")
    assert e.value.code == "analytics.unknown_turnover_by" and e.value.params["by"] == "supplier"
    with pytest.raises(ValidationError, match="simple or daily") as e:
        analytics.turnover_report(db, start=Y0, end=Y1, average="weekly")
    assert (e.value.code, e.value.params) == ("analytics.unknown_average", {"average": "weekly"})
    with pytest.raises(ValidationError, match="this_month, last_12_months") as e:
        analytics_dashboard.period_for("next_week")
    assert (e.value.code, e.value.params["period"]) == ("analytics.unknown_period", "next_week")


def test_indicators_losses_capital_and_bands(year):
    db = year
    stock.write_off(db, sku="A1", qty="1", reason="damaged", date=dt.date(2025, 8, 1))
    stock.write_off(db, sku="A1", qty="2", reason="lost", date=dt.date(2025, 8, 2))
    stock.reverse(db, stock.last_reversible(db), reason="found", date=dt.date(2025, 8, 3))
    stock.post(
        db,
        Document(
            date=dt.date(2025, 9, 1),
            lines=(Line(type=MovementType.STOCKTAKE, sku="A1", qty=D("-1")),),
        ),
    )
    stock.post(  # a stocktake gain is not a loss
        db,
        Document(
            date=dt.date(2025, 9, 2),
            lines=(Line(type=MovementType.STOCKTAKE, sku="A1", qty=D(1), unit_cost=D(10)),),
        ),
    )
    settings.set_value(db, "current_assets", "1400")
    ind = analytics.indicators(db, start=Y0, end=Y1)
    assert ind.cogs == D("610.00")
    assert (
        ind.closing_value == ind.stock_value == D("140.00")
    )  # 150 - 10 written off - 10 short + 10 found
    assert ind.losses == D("20.00")  # 1 written off + 1 short at the stocktake, at 10
    assert ind.average_value == D("120.00")
    assert ind.loss_rate == D("0.1667")
    assert ind.capital_occupation == D("0.1000")
    assert str(ind.turnover) == "5.08"  # 610 / 120
    status = ind.status()
    assert status == {
        "turnover": "low",
        "turnover_days": "high",
        "capital_occupation": "ok",
        "loss_rate": "high",
    }
    settings.set_value(db, "loss_rate_max_pct", "20")
    assert analytics.indicators(db, start=Y0, end=Y1).status()["loss_rate"] == "ok"


def test_capital_occupation_is_undefined_without_current_assets(year):
    ind = analytics.indicators(year, start=Y0, end=Y1)
    assert ind.capital_occupation is None and ind.status()["capital_occupation"] == ""


def _sell(db, sku: str, value: int, day: dt.date) -> None:
    catalog.add_item(db, ItemFields(sku=sku, name=f"item {sku}", category="c"))
    stock.receive(db, sku=sku, qty=str(value), unit_cost="1", date=day)
    stock.issue(db, sku=sku, qty=str(value), date=day)


def test_abc_classes_by_consumption_value(db):
    day = dt.date(2025, 5, 1)
    for sku, value in (("X1", 700), ("X2", 150), ("X3", 100), ("X4", 40), ("X5", 10)):
        _sell(db, sku, value, day)
    catalog.add_item(db, ItemFields(sku="X6", name="never sold"))
    stock.receive(db, sku="X6", qty="5", unit_cost="1", date=day)
    rep = analytics_abc.abc_report(db, start=Y0, end=Y1)
    classes = {r.sku: r.abc_class for r in rep.rows}
    # shares before each item: 0, 70 %, 85 %, 95 %, 99 % -> A, A, B, C, C
    assert classes == {"X1": "A", "X2": "A", "X3": "B", "X4": "C", "X5": "C", "X6": "C"}
    assert rep.total == D("1000.00")
    assert rep.rows[0].share == D("0.7000") and rep.rows[-1].cumulative == D("1.0000")
    assert rep.classes()["A"] == (2, D("850.00"))
    settings.set_value(db, "abc_a", "0.60")
    assert analytics_abc.abc_report(db, start=Y0, end=Y1).rows[1].abc_class == "B"


def test_every_view_of_a_demo_year_agrees_with_the_ledger(tmp_path):
    from inventory_app.services import demo, reports, shop

    db = shop.create_shop(tmp_path / "demo.db")
    try:
        demo.build_demo(db, skus=30, days=150, seed=5)
        end = dt.date.today()
        start = (end - dt.timedelta(days=100)).replace(day=7)  # partial months at both ends
        by_item = analytics.turnover_report(db, start=start, end=end, by="item")
        by_cat = analytics.turnover_report(db, start=start, end=end, by="category")
        by_month = analytics.turnover_report(db, start=start, end=end, by="month")
        ind = analytics.indicators(db, start=start, end=end)
        summary = reports.period_summary(db, start=start, end=end)
        assert by_item.total.cogs == by_cat.total.cogs == by_month.total.cogs == ind.cogs
        assert ind.cogs == summary.totals.out_value > 0
        assert by_month.rows[0].opening_value == by_item.total.opening_value
        assert by_month.rows[-1].closing_value == ind.stock_value == reports.stock_value(db)
        assert sum(r.cogs for r in by_month.rows) == ind.cogs
        assert by_item.total.turnover == ind.turnover
        daily_item = analytics.turnover_report(db, start=start, end=end, average="daily")
        daily_month = analytics.turnover_report(db, start=start, end=end, by="month",
                                                average="daily")  # fmt: skip
        assert abs(daily_item.total.average_value - daily_month.total.average_value) <= D("0.01")
    finally:
        db.close()
