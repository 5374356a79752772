"""Forecasts from the ledger: stock-out weeks left out, the CLI's shape, every item at once,
the cache per ledger state."""

from __future__ import annotations

import datetime as dt

import pytest

from inventory_app.domain.errors import Cancelled, NotFound
from inventory_app.services import demand
from inventory_app.services import postings as stock

START = dt.date(2025, 1, 6)  # a Monday
AT = START + dt.timedelta(weeks=40, days=-1)


@pytest.fixture
def selling(stocked):
    """A1 sells 5 a week for 40 weeks, except weeks 12-17: out of stock (sold out on the last
    day of week 11, restocked in week 18)."""
    db = stocked
    stock.receive(db, sku="A1", qty="60", unit_cost="2", date=START)
    for week in range(40):
        day = START + dt.timedelta(weeks=week, days=6 if week == 11 else 2)
        if week == 18:
            stock.receive(db, sku="A1", qty="200", unit_cost="2", date=day - dt.timedelta(days=2))
        if 12 <= week < 18:
            continue
        stock.issue(db, sku="A1", qty="5", date=day)
    return db


def test_stockout_weeks_are_missing_not_zero(selling):
    f = demand.forecast_item(selling, "A1", horizon=6, at=AT)
    qty = [q for _, q in f.history]
    assert qty[:12] == [5.0] * 12
    assert qty[12:18] == [None] * 6  # no stock: no evidence of demand
    assert qty[18:] == [5.0] * 22
    assert f.stockout_weeks == 6
    assert all(abs(q - 5) < 0.5 for _, q, _, _ in f.forecast)  # zeros would pull it down
    assert f.forecast[0][0] == AT + dt.timedelta(days=1)


def test_json_contract(selling):
    data = demand.forecast_item(selling, "A1", horizon=3, at=AT).as_json()
    assert list(data) == ["sku", "method", "mase", "seasonal", "history", "forecast"]
    assert list(data["history"][0]) == ["week", "qty"]
    assert list(data["forecast"][0]) == ["week", "qty", "lo", "hi"]
    assert len(data["forecast"]) == 3
    assert all(r["lo"] <= r["qty"] <= r["hi"] for r in data["forecast"])


def test_unknown_sku(selling):
    with pytest.raises(NotFound):
        demand.forecast_item(selling, "NOPE")


def test_all_items_cached_per_ledger_state_and_cancellable(selling):
    seen: list[tuple[int, int]] = []
    first = demand.forecast_all(selling, at=AT, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (2, 2)
    a1 = first.row[selling.conn.execute("SELECT id FROM items WHERE sku='A1'").fetchone()[0]]
    assert abs(first.forecasts.point[a1, 0] - 5) < 0.5
    assert first.forecasts.method[1 - a1] == "none"  # M1 never sold
    assert demand.forecast_all(selling, at=AT) is first
    stock.issue(selling, sku="A1", qty="1", date=AT)
    with pytest.raises(Cancelled):
        demand.forecast_all(selling, at=AT, cancel=lambda: True)
    again = demand.forecast_all(selling, at=AT)
    assert again.key != first.key
