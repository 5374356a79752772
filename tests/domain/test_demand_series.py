"""Daily issues to weekly demand: stock-out days are missing, not zero demand."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from inventory_app.domain.demand_series import (
    dense_daily,
    stockout_days,
    week_starts,
    weekly_series,
)

AT = dt.date(2026, 11, 29)


def _shop(days: int = 28) -> list[tuple[int, int, float, float]]:
    """Item 0: received 100 on day 0, sells 2 a day except days 7-13 where it ran out
    (sold out on day 6 after a big sale, restocked on day 14)."""
    rows = [(0, 0, 0.0, 100.0)]
    stock = 100.0
    for d in range(days):
        if 7 <= d <= 13:
            continue
        sale = 2.0 if d != 6 else stock - 0  # day 6 sells everything left
        if d == 14:
            rows.append((0, d, 0.0, 50.0))
            stock += 50
        rows.append((0, d, sale, -sale))
        stock -= sale
    return rows


def test_stockout_days_are_the_empty_days_without_issues():
    daily = dense_daily(_shop(), n_items=1, days=28, at=AT, opening=np.zeros(1))
    out = stockout_days(daily)[0]
    assert list(np.flatnonzero(out)) == list(range(7, 14))


def test_weekly_series_skips_stockout_weeks_instead_of_counting_zero():
    daily = dense_daily(_shop(), n_items=1, days=28, at=AT, opening=np.zeros(1))
    weeks = weekly_series(daily)[0]
    assert weeks.shape == (4,)
    assert np.isnan(weeks[1])  # the week without stock says nothing about demand
    assert weeks[2] == pytest.approx(14.0) and weeks[3] == pytest.approx(14.0)


def test_partly_observed_week_is_scaled_to_seven_days():
    # opening stock 0; received on day 3; sells 1 a day from day 3: 4 observed days
    rows = [(0, 3, 0.0, 10.0)] + [(0, d, 1.0, -1.0) for d in range(3, 7)]
    daily = dense_daily(rows, n_items=1, days=7, at=AT, opening=np.zeros(1))
    assert weekly_series(daily)[0, 0] == pytest.approx(7.0)


def test_days_in_stock_without_sales_are_zero_demand():
    daily = dense_daily([], n_items=1, days=14, at=AT, opening=np.array([5.0]))
    assert list(weekly_series(daily)[0]) == [0.0, 0.0]


def test_week_starts():
    assert week_starts(AT, 2) == [dt.date(2026, 11, 16), dt.date(2026, 11, 23)]
    assert week_starts(AT, 2, ahead=True) == [dt.date(2026, 11, 30), dt.date(2026, 12, 7)]
