"""The demand chart's monthly view: history by calendar month with stock-out days missing,
the current month as sold so far + forecast, the months ahead with their interval."""

from __future__ import annotations

import datetime as dt

import pytest

from inventory_app.domain import demand_series as ds
from inventory_app.services import demand
from inventory_app.services import postings as stock


def test_month_shares_split_a_week_by_its_days():
    shares = ds.month_shares([dt.date(2025, 1, 29), dt.date(2025, 2, 5)])
    assert shares[dt.date(2025, 1, 1)] == pytest.approx([3 / 7, 0])
    assert shares[dt.date(2025, 2, 1)] == pytest.approx([4 / 7, 1])
    assert ds.month_days(dt.date(2024, 2, 1)) == 29


def test_monthly_history_and_forecast(stocked):
    """1 a day from 2025-01-06; out of stock 2025-06-01..06-30 (rate unchanged, so June is
    30 at the in-stock rate, shaded); the forecast: 31 in January."""
    start = dt.date(2025, 1, 6)
    stock.receive(stocked, sku="A1", qty="146", unit_cost="2", date=start)
    day = start
    while day <= dt.date(2025, 12, 10):
        if day == dt.date(2025, 7, 1):
            stock.receive(stocked, sku="A1", qty="400", unit_cost="2", date=day)
        if day < dt.date(2025, 6, 1) or day >= dt.date(2025, 7, 1):
            stock.issue(stocked, sku="A1", qty="1", date=day)
        day += dt.timedelta(days=1)
    f = demand.forecast_item(stocked, "A1", horizon=26, at=dt.date(2025, 12, 10))
    sold = {m: (q, gaps) for m, q, gaps in f.months_sold}
    assert dt.date(2025, 1, 1) not in sold  # history starts mid-January: not a whole month
    assert sold[dt.date(2025, 3, 1)] == (pytest.approx(31), False)
    q, gaps = sold[dt.date(2025, 6, 1)]
    assert gaps and q == pytest.approx(30, abs=0.5)  # the in-stock days' rate × 30 days
    ahead = {m: (q, lo, hi) for m, q, lo, hi in f.months_forecast}
    assert min(ahead) == dt.date(2025, 12, 1)  # this month: 10 sold + 21 forecast
    q, lo, hi = ahead[dt.date(2025, 12, 1)]
    assert q == pytest.approx(31, abs=1) and lo >= 10 - 1e-9
    q, lo, hi = ahead[dt.date(2026, 1, 1)]
    assert q == pytest.approx(31, abs=1) and lo <= q <= hi
    last = max(ahead)  # the horizon (26 weeks from Dec 11) ends inside June: June left out
    assert last == dt.date(2026, 5, 1)
    assert f.as_json().keys() == {"sku", "method", "mase", "seasonal", "history", "forecast"}
