"""Stock-health formulas: the issue's worked examples, zero cases, ageing, reorder."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain import indicators as ind
from inventory_app.domain.errors import ValidationError


def test_worked_example_one_year():
    avg = ind.average_inventory(D(100), D(150))
    assert avg == D("125.00")
    assert ind.turnover(D(600), avg) == D("4.8")
    assert str(ind.turnover(D(600), avg)) == "4.8"
    days = ind.turnover_days(D(600), avg, days=365)
    assert days == D("76.0") and str(days) == "76.0"


def test_worked_example_two():
    avg = ind.average_inventory(D(100), D(300))
    assert str(ind.turnover(D(500), avg)) == "2.5"
    assert ind.turnover_days(D(500), avg, days=365) == D("146.0")


def test_turnover_keeps_two_decimals_when_needed():
    assert str(ind.turnover(D(43), D(100))) == "0.43"
    assert str(ind.turnover(D(1200), D(100))) == "12.0"
    assert str(ind.turnover(D(2), D(3))) == "0.67"  # half-up


@pytest.mark.parametrize(("opening", "closing"), [(D(0), D(0)), (D(-10), D(10))])
def test_zero_average_is_undefined_not_infinite(opening, closing):
    avg = ind.average_inventory(opening, closing)
    assert ind.turnover(D(600), avg) is None
    assert ind.turnover_days(D(600), avg, days=365) is None
    assert ind.annualized_turnover(D(600), avg, days=365) is None
    assert ind.loss_rate(D(5), avg) is None


def test_nothing_sold_turns_zero_times_and_days_are_undefined():
    assert ind.turnover(D(0), D(125)) == D("0.0")
    assert ind.turnover_days(D(0), D(125), days=365) is None


def test_annualized_turnover_scales_a_month_to_a_year():
    # 30 days with COGS 50 on an average of 125: 0.4 times -> 0.4 * 365 / 30 = 4.87 a year
    assert ind.turnover(D(50), D(125)) == D("0.4")
    assert ind.annualized_turnover(D(50), D(125), days=30) == D("4.87")
    # turnover days do not depend on the period length: 30 / 0.4 = 75.0
    assert ind.turnover_days(D(50), D(125), days=30) == D("75.0")


def test_daily_average_weights_each_change_by_the_days_it_stays():
    start, end = dt.date(2026, 1, 1), dt.date(2026, 1, 10)
    # 100 for 10 days, +50 from day 6 (5 days), -30 on day 10 (1 day)
    avg = ind.daily_average_inventory(
        D(100),
        [(dt.date(2026, 1, 6), D(50)), (dt.date(2026, 1, 10), D(-30))],
        start=start,
        end=end,
    )
    assert avg == D("122.00")  # (100*10 + 50*5 - 30*1) / 10
    assert ind.daily_average_inventory(D(80), [], start=start, end=start) == D("80.00")


def test_capital_occupation_and_loss_rate():
    assert ind.capital_occupation(D(20000), D(100000)) == D("0.2000")
    assert ind.capital_occupation(D(20000), D(0)) is None
    assert ind.loss_rate(D(5), D("125.00")) == D("0.0400")


def test_band_status():
    band = ind.Band(D(6), D(12))
    assert [band.status(v) for v in (D(5), D(6), D(12), D("12.1"), None)] == [
        "low",
        "ok",
        "ok",
        "high",
        "",
    ]
    assert ind.Band(None, D("0.2")).status(D("0.05")) == "ok"


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (0, "0-30"),
        (30, "0-30"),
        (31, "31-60"),
        (60, "31-60"),
        (61, "61-90"),
        (90, "61-90"),
        (91, "91-180"),
        (180, "91-180"),
        (181, ">180"),
        (4000, ">180"),
    ],
)
def test_age_buckets_edges(days, bucket):
    assert ind.age_bucket(days) == bucket


def test_z_from_service_level():
    assert ind.z_for_service_level(D("0.95")) == D("1.6449")
    assert ind.z_for_service_level(D("0.5")) == D("0.0000")
    with pytest.raises(ValidationError) as caught:  # a setting: the shop owner's to fix
        ind.z_for_service_level(D(1))
    assert caught.value.code == "indicators.service_level"
    assert caught.value.params == {"level": D(1)}


def test_demand_stats_counts_days_without_demand_as_zero():
    # 10 days, demand 5 on two of them: mean 1, sample variance (2*16 + 8*1) / 9
    mean, sigma = ind.demand_stats([D(5), D(5)], days=10)
    assert mean == D("1.0000")
    assert sigma == (D(40) / 9).sqrt().quantize(D("0.0001"))
    assert ind.demand_stats([], days=10) == (D(0), D(0))


def test_safety_stock_and_reorder_point_arithmetic():
    ss = ind.safety_stock(D("1.6449"), D(2), 4)
    assert ss == D("6.580")  # 1.6449 * 2 * 2 = 6.5796
    assert ind.reorder_point(D(3), 4, ss) == D("18.580")
    assert ind.safety_stock(D("1.6449"), D(2), 0) == D("0.000")


def test_reorder_advice_explains_its_numbers():
    advice = ind.reorder_advice(
        mean_daily=D(2),
        sigma_daily=D(1),
        on_hand=D(10),
        lead_time_days=9,
        z=D("1.6449"),
        cover_days=10,
        demand_days=90,
        unit="pcs",
    )
    # SS = 1.6449 * 1 * 3 = 4.935; ROP = 18 + 4.935 = 22.935; target = ROP + 20 = 42.935
    assert advice.safety_stock == D("4.935")
    assert advice.reorder_point == D("22.935")
    assert advice.target == D("42.935")
    assert advice.suggested == D(33)  # 42.935 - 10, in whole units, rounded up
    assert advice.needed
    assert "order 33 pcs" in advice.why
    assert "reorder point 22.9" in advice.why
    assert "√9" in advice.why


def test_reorder_advice_uses_the_items_safety_stock_and_waits_above_the_point():
    advice = ind.reorder_advice(
        mean_daily=D(1),
        sigma_daily=D(5),
        on_hand=D(40),
        lead_time_days=7,
        z=D("1.6449"),
        cover_days=30,
        item_safety_stock=D(3),
    )
    assert advice.safety_stock == D("3.000") and advice.safety_from_item
    assert advice.reorder_point == D("10.000")
    assert advice.suggested == 0 and not advice.needed
    assert "set on the item" in advice.why and "no order yet" in advice.why


def test_days_of_cover():
    assert ind.days_of_cover(D(30), D("1.5")) == D("20.0")
    assert ind.days_of_cover(D(30), D(0)) is None
