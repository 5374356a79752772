"""Demand forecasts from the ledger: one item (the demand view, ``forecast --sku``) or every
item at once (reorder from the forecast, the ABC–XYZ matrix), cached per ledger state.

History: up to ``HISTORY_WEEKS`` 7-day weeks ending on ``at``, stock-out days left out (see
``domain.demand_series``); the method is chosen per item (see ``domain.forecast``).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import threading
from dataclasses import dataclass, field

import numpy as np

from inventory_app.domain import demand_series as ds
from inventory_app.domain import forecast as fc
from inventory_app.domain.errors import Cancelled, NotFound
from inventory_app.domain.money import QTY_SCALE
from inventory_app.services.analytics.batches import today
from inventory_app.services.demand.monthly import MonthForecast, MonthSold, monthly_view
from inventory_app.services.progress import Cancel, Progress
from inventory_app.storage import catalog
from inventory_app.storage import demand as dq
from inventory_app.storage.db import Database

HISTORY_WEEKS = 156
DEFAULT_HORIZON = 12
INTERVAL = 0.95  # the chart's and the CLI's interval: 95 % two-sided
ENGINE = "4"  # bump when the engine changes what it computes: old caches are then ignored
_CHUNK = 1000


@dataclass(frozen=True, slots=True)
class ItemForecast:
    """One item's weekly history and forecast (units per week)."""

    sku: str
    name: str
    unit: str
    at: dt.date
    method: str
    mase: float | None
    benchmark_mase: float | None
    seasonal: bool
    season_months: list[int]
    season_amplitude: float
    history: list[tuple[dt.date, float | None]]
    forecast: list[tuple[dt.date, float, float, float]]  # week, qty, lo, hi
    stockout_weeks: int
    interval: float = INTERVAL
    # the monthly view (not in the JSON contract): see ``services.demand.monthly``
    months_sold: list[MonthSold] = field(default_factory=list)
    months_forecast: list[MonthForecast] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The CLI contract: {sku, method, mase, seasonal, history, forecast}."""
        return {
            "sku": self.sku,
            "method": self.method,
            "mase": None if self.mase is None else round(self.mase, 3),
            "seasonal": self.seasonal,
            "history": [
                {"week": w, "qty": None if q is None else round(q, 3)} for w, q in self.history
            ],
            "forecast": [
                {"week": w, "qty": round(q, 3), "lo": round(lo, 3), "hi": round(hi, 3)}
                for w, q, lo, hi in self.forecast
            ],
        }


def _z(level: float) -> float:
    from statistics import NormalDist

    return NormalDist().inv_cdf(0.5 + level / 2)


def _weekly(
    db: Database, at: dt.date, *, item_id: int | None, n_items: int, index: dict[int, int]
) -> np.ndarray:
    days = HISTORY_WEEKS * ds.WEEK
    start = at - dt.timedelta(days=days - 1)
    rows = [
        (index[i], d, issued / QTY_SCALE, change / QTY_SCALE)
        for i, d, issued, change in dq.daily_flows(db.conn, start, at, item_id=item_id)
        if i in index
    ]
    opening = np.zeros(n_items)
    for i, q in dq.on_hand_before(db.conn, start, item_id=item_id).items():
        if i in index:
            opening[index[i]] = q / QTY_SCALE
    daily = ds.dense_daily(rows, n_items=n_items, days=days, at=at, opening=opening)
    return ds.weekly_series(daily)


def forecast_item(
    db: Database, sku: str, *, horizon: int = DEFAULT_HORIZON, at: dt.date | None = None
) -> ItemForecast:
    """History and forecast of one item; ``NotFound`` for an unknown SKU."""
    day = at or today()
    item = catalog.item_by_sku(db.conn, sku)
    if item is None:
        raise NotFound("catalog.unknown_sku", sku=sku)
    item_id = item[0]
    y = _weekly(db, day, item_id=item_id, n_items=1, index={item_id: 0})
    f = fc.forecast_weekly(y, horizon=horizon)
    z = _z(INTERVAL)
    starts = ds.week_starts(day, y.shape[1])
    finite = np.isfinite(y[0])
    first = int(np.argmax(finite)) if finite.any() else y.shape[1]
    history = [(starts[k], float(y[0, k]) if finite[k] else None) for k in range(first, y.shape[1])]
    ahead = ds.week_starts(day, horizon, ahead=True)
    rows = []
    for h in range(1, horizon + 1):
        q = float(f.point[0, h - 1])
        sd = f.sd(0, h)
        rows.append((ahead[h - 1], q, max(0.0, q - z * sd), q + z * sd))
    months, amplitude = [], 0.0
    if 0 in f.season:
        phase_month = {k % fc.SEASON: starts[k].month for k in range(y.shape[1])}
        months, amplitude = fc.seasonal_peaks(
            f.season[0], [phase_month[k] for k in range(fc.SEASON)]
        )
    mase = float(f.mase[0])
    bench = float(f.benchmark_mase[0])
    months_sold, months_forecast = monthly_view(y[0, first:], starts[first:], f, 0, ahead, z)
    return ItemForecast(
        sku=item[1],
        name=item[2],
        unit=item[5],
        at=day,
        method=f.method[0],
        mase=None if math.isnan(mase) else mase,
        benchmark_mase=None if math.isnan(bench) else bench,
        seasonal=f.method[0] in ("holt_winters", "snaive"),
        season_months=months,
        season_amplitude=amplitude,
        history=history,
        forecast=rows,
        stockout_weeks=int((~finite[first:]).sum()),
        months_sold=months_sold,
        months_forecast=months_forecast,
    )


@dataclass(frozen=True, slots=True)
class AllForecasts:
    """Every item's forecast: ``row[item_id]`` indexes ``forecasts``."""

    at: dt.date
    key: str
    row: dict[int, int]
    skus: list[str]
    forecasts: fc.Forecasts
    seconds: float


_memo: dict[tuple[str, str], AllForecasts] = {}
_memo_lock = threading.Lock()


def forecast_all(
    db: Database,
    *,
    at: dt.date | None = None,
    horizon: int = DEFAULT_HORIZON,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> AllForecasts:
    """Forecast every item, in chunks (``progress(done, total)`` items; ``cancel()`` True
    stops with ``Cancelled``). Kept per ledger state: in memory, and in the shop file's
    ``forecast_cache`` when the connection may write."""
    import time

    day = at or today()
    key = f"{dq.ledger_key(db.conn)}|{day.isoformat()}|{horizon}|{ENGINE}"
    memo_key = (str(db.path), key)
    with _memo_lock:
        if memo_key in _memo:
            return _memo[memo_key]
    cached = dq.cached_forecast(db.conn, key)
    if cached is not None:
        result = _unpack(cached, day, key)
    else:
        began = time.perf_counter()
        items = dq.item_ids(db.conn)
        index = {i: n for n, (i, _) in enumerate(items)}
        if progress:
            progress(0, len(items))
        y = _weekly(db, day, item_id=None, n_items=len(items), index=index)
        # years before any history: dropped whole, so each week keeps its place in the season
        seen = np.flatnonzero(np.isfinite(y).any(axis=0))
        y = y[:, (int(seen[0]) // fc.SEASON * fc.SEASON if seen.size else 0) :]
        parts = []
        for lo in range(0, len(items), _CHUNK):
            if cancel and cancel():
                raise Cancelled()
            parts.append(fc.forecast_weekly(y[lo : lo + _CHUNK], horizon=horizon))
            if progress:
                progress(min(lo + _CHUNK, len(items)), len(items))
        result = AllForecasts(
            at=day,
            key=key,
            row=index,
            skus=[s for _, s in items],
            forecasts=_join(parts, horizon),
            seconds=time.perf_counter() - began,
        )
        if db.writable:
            with db.transaction() as conn:
                dq.store_forecast(conn, key, _pack(result), dt.datetime.now().isoformat())
    with _memo_lock:
        _memo.clear()  # one ledger state at a time
        _memo[memo_key] = result
    return result


_ARRAYS = ("mase", "benchmark_mase", "point", "sigma", "alpha", "beta")


def _join(parts: list[fc.Forecasts], horizon: int) -> fc.Forecasts:
    if not parts:
        empty = np.zeros(0)
        return fc.Forecasts([], empty, empty, np.zeros((0, horizon)), empty, empty, empty, {})
    season: dict[int, np.ndarray] = {}
    offset = 0
    for p in parts:
        season.update({offset + k: v for k, v in p.season.items()})
        offset += len(p.method)
    arrays = {a: np.concatenate([getattr(p, a) for p in parts]) for a in _ARRAYS}
    return fc.Forecasts(method=[m for p in parts for m in p.method], season=season, **arrays)


def _pack(result: AllForecasts) -> bytes:
    buf = io.BytesIO()
    f = result.forecasts
    ids = np.array(sorted(result.row, key=result.row.__getitem__), dtype=np.int64)
    np.savez_compressed(
        buf,
        ids=ids,
        skus=np.array(result.skus, dtype=str),
        method=np.array(f.method, dtype=str),
        seconds=np.array([result.seconds]),
        **{a: getattr(f, a) for a in _ARRAYS},
    )
    return buf.getvalue()


def _unpack(payload: bytes, day: dt.date, key: str) -> AllForecasts:
    data = np.load(io.BytesIO(payload), allow_pickle=False)
    f = fc.Forecasts(
        method=[str(m) for m in data["method"]],
        season={},
        **{a: data[a] for a in _ARRAYS},
    )
    ids = [int(i) for i in data["ids"]]
    return AllForecasts(
        at=day,
        key=key,
        row={i: n for n, i in enumerate(ids)},
        skus=[str(s) for s in data["skus"]],
        forecasts=f,
        seconds=float(data["seconds"][0]),
    )
