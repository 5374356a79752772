"""An item's demand by calendar month, from its weekly history and forecast (#16): the
monthly view of the demand chart.

History months: the in-stock days' sales rate × the days of the month (weeks without stock
are missing, as in the forecast; a week across two months counts by its days in each). The
current month: sold so far + the forecast of its remaining days. Months the history or the
horizon only partly covers are left out. The interval of a month comes from the model's
error summed over that month's weeks (see ``domain.forecast.Forecasts.span``): successive
weeks' errors are correlated through the level, so it is wider than independent weeks would
give and narrower than adding the weekly bounds.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from inventory_app.domain import demand_series as ds
from inventory_app.domain import forecast as fc

MonthSold = tuple[dt.date, float | None, bool]  # month, qty (None: no stock all month), gaps
MonthForecast = tuple[dt.date, float, float, float]  # month, qty, lo, hi


def monthly_view(
    y: np.ndarray,
    starts: list[dt.date],
    f: fc.Forecasts,
    i: int,
    ahead: list[dt.date],
    z: float,
) -> tuple[list[MonthSold], list[MonthForecast]]:
    """``y``: weekly history (NaN: out of stock) on weeks beginning ``starts``; ``f`` row
    ``i``: its forecast for the weeks beginning ``ahead``; ``z``: the interval's quantile."""
    at = ahead[0] - dt.timedelta(days=1) if ahead else starts[-1] + dt.timedelta(days=6)
    current = ds.month_start(at + dt.timedelta(days=1))
    split = current == ds.month_start(at)  # ``at`` is not a month's last day
    history: list[MonthSold] = []
    so_far = 0.0
    known = np.isfinite(y)
    for month, shares in sorted(ds.month_shares(starts).items()):
        w = np.asarray(shares)
        covered = float(w.sum()) * ds.WEEK
        known_days = float(w[known].sum()) * ds.WEEK
        sold = float((w[known] * y[known]).sum())
        rate = sold / known_days if known_days else None
        if split and month == current:
            so_far = (rate or 0.0) * covered
        elif covered >= ds.month_days(month) - 1e-9:
            qty = None if rate is None else rate * ds.month_days(month)
            history.append((month, qty, bool(known_days < covered - 1e-9)))
    forecast: list[MonthForecast] = []
    for month, shares in sorted(ds.month_shares(ahead).items()):
        now = split and month == current
        if not now and sum(shares) * ds.WEEK < ds.month_days(month) - 1e-9:
            continue  # the horizon ends inside this month
        base = so_far if now else 0.0
        demand, sd = f.span(i, shares)
        q = base + demand
        forecast.append((month, float(q), float(max(base, q - z * sd)), float(q + z * sd)))
    return history, forecast
