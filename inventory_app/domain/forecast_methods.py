"""The forecasting methods, each vectorised over many weekly series at once (numpy).

Every method is a small state machine over the weeks: ``update`` folds in week ``t`` (NaN =
missing: the state carries on without it), ``ahead`` gives the forecast ``h`` weeks after
the last week folded in. ``run`` drives one method with one parameter set over all series
and collects what the selection needs: one-step errors in the fitting weeks (to pick the
parameters), absolute errors of rolling-origin forecasts in the backtest weeks (to pick the
method), one-step errors over the whole history (the forecast's σ) and the final forecasts.
A loop over ~100 weeks with array operations over 10,000 series takes milliseconds per step;
a per-series Python loop would take minutes.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

SEASON = 52


@dataclass(slots=True)
class Window:
    """Where the weeks split: fitting weeks ``< fit_end``; backtest origins
    ``fit_end - 1 .. T - 2`` with horizons ``1 .. horizon`` (targets ``< T``)."""

    weeks: int
    fit_end: int
    horizon: int


@dataclass(slots=True)
class Run:
    """Per series (n,): sums and counts of errors, and the final forecasts (n, H)."""

    fit_sq: np.ndarray
    fit_n: np.ndarray
    bt_abs: np.ndarray
    bt_n: np.ndarray
    all_sq: np.ndarray
    all_n: np.ndarray
    point: np.ndarray
    season: np.ndarray | None = field(default=None)

    @property
    def fit_mse(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.fit_n > 0, self.fit_sq / np.maximum(self.fit_n, 1), np.inf)

    @property
    def bt_mae(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.bt_n > 0, self.bt_abs / np.maximum(self.bt_n, 1), np.inf)

    @property
    def sigma(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.sqrt(np.where(self.all_n > 1, self.all_sq / np.maximum(self.all_n, 1), 0))


class Method:
    """Base: a level-only state (the last value); subclasses override."""

    name = "naive"

    def __init__(self, y: np.ndarray, **params: float) -> None:
        self.y = y
        self.p = params
        n = y.shape[0]
        self.level = np.full(n, np.nan)
        self.start = np.zeros(n, dtype=np.intp)

    def update(self, t: int, obs: np.ndarray, yt: np.ndarray) -> None:
        self.level = np.where(obs, yt, self.level)

    def ahead(self, t: int, h: int) -> np.ndarray:
        return self.level

    def season_profile(self) -> np.ndarray | None:
        return None


class SeasonalNaive(Method):
    """Same week last year; the last value where last year's week is missing."""

    name = "snaive"

    def ahead(self, t: int, h: int) -> np.ndarray:
        back = t + h - SEASON * ((h - 1) // SEASON + 1)
        if back < 0:
            return self.level
        last_year = self.y[:, back]
        return np.where(np.isfinite(last_year), last_year, self.level)


class SES(Method):
    name = "ses"

    def update(self, t: int, obs: np.ndarray, yt: np.ndarray) -> None:
        a = self.p["alpha"]
        fresh = np.isnan(self.level)
        smoothed = self.level + a * (yt - self.level)
        self.level = np.where(obs, np.where(fresh, yt, smoothed), self.level)


class Holt(Method):
    """Additive trend, started flat (the trend is learnt as the weeks go by)."""

    name = "holt"

    def __init__(self, y: np.ndarray, **params: float) -> None:
        super().__init__(y, **params)
        self.trend = np.zeros(y.shape[0])

    def update(self, t: int, obs: np.ndarray, yt: np.ndarray) -> None:
        a, b = self.p["alpha"], self.p["beta"]
        fresh = np.isnan(self.level)
        level = a * yt + (1 - a) * (self.level + self.trend)
        trend = b * (level - self.level) + (1 - b) * self.trend
        started = ~fresh
        self.level = np.where(
            obs, np.where(fresh, yt, level), np.where(started, self.level + self.trend, np.nan)
        )
        self.trend = np.where(obs & started, trend, self.trend)

    def ahead(self, t: int, h: int) -> np.ndarray:
        return self.level + h * self.trend


class HoltWinters(Holt):
    """Additive trend and yearly season. Started from the series' first year (level = its
    mean, season = its smoothed deviations), so nothing after the first year is looked at;
    the recursion runs from the second year on."""

    name = "holt_winters"

    def __init__(self, y: np.ndarray, **params: float) -> None:
        super().__init__(y, **params)
        n, weeks = y.shape
        first = np.argmax(np.isfinite(y), axis=1)
        rows = np.arange(n)[:, None]
        cols = first[:, None] + np.arange(SEASON)
        year1 = y[rows, np.minimum(cols, weeks - 1)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a year with no observed week
            mean1 = np.nanmean(year1, axis=1)
        dev = np.nan_to_num(year1 - mean1[:, None])
        # a circular 1-2-1 smoothing: one year gives one noisy value per week of the year
        dev = (np.roll(dev, 1, axis=1) + 2 * dev + np.roll(dev, -1, axis=1)) / 4
        self.season = np.zeros((n, SEASON))
        self.season[rows, cols % SEASON] = dev - dev.mean(axis=1, keepdims=True)
        self.level = mean1
        self.start = first + SEASON

    def update(self, t: int, obs: np.ndarray, yt: np.ndarray) -> None:
        a, b, g = self.p["alpha"], self.p["beta"], self.p["gamma"]
        live = t >= self.start
        k = t % SEASON
        s = self.season[:, k]
        level = a * (yt - s) + (1 - a) * (self.level + self.trend)
        trend = b * (level - self.level) + (1 - b) * self.trend
        seen = obs & live
        self.season[:, k] = np.where(seen, g * (yt - level) + (1 - g) * s, s)
        self.level = np.where(seen, level, np.where(live, self.level + self.trend, self.level))
        self.trend = np.where(seen, trend, self.trend)

    def ahead(self, t: int, h: int) -> np.ndarray:
        return self.level + h * self.trend + self.season[:, (t + h) % SEASON]

    def season_profile(self) -> np.ndarray | None:
        return self.season


class CrostonSBA(Method):
    """Croston's method with the Syntetos-Boylan correction: smoothed size of the non-zero
    weeks ÷ smoothed interval between them, × (1 − α/2)."""

    name = "croston_sba"

    def __init__(self, y: np.ndarray, **params: float) -> None:
        super().__init__(y, **params)
        n = y.shape[0]
        self.size = np.full(n, np.nan)
        self.interval = np.ones(n)
        self.since = np.zeros(n)
        self.seen = np.zeros(n, dtype=bool)

    def update(self, t: int, obs: np.ndarray, yt: np.ndarray) -> None:
        a = self.p["alpha"]
        self.since = np.where(obs, self.since + 1, self.since)
        demand = obs & (yt > 0)
        fresh = demand & np.isnan(self.size)
        later = demand & ~fresh
        smoothed = self.size + a * (yt - self.size)
        self.size = np.where(fresh, yt, np.where(later, smoothed, self.size))
        self.interval = np.where(
            fresh,
            self.since,
            np.where(later, self.interval + a * (self.since - self.interval), self.interval),
        )
        self.since = np.where(demand, 0, self.since)
        self.seen |= obs

    def ahead(self, t: int, h: int) -> np.ndarray:
        rate = (1 - self.p["alpha"] / 2) * self.size / self.interval
        return np.where(np.isnan(self.size), np.where(self.seen, 0.0, np.nan), rate)


def run(method: Method, window: Window, horizon: int) -> Run:
    """Drive ``method`` over every week; see the module docstring."""
    y = method.y
    n, weeks = y.shape
    out = Run(*(np.zeros(n) for _ in range(6)), point=np.zeros((n, horizon)))
    count = np.zeros(n)
    for t in range(weeks):
        yt = y[:, t]
        obs = np.isfinite(yt)
        if t > 0:
            err = yt - method.ahead(t - 1, 1)
            ok = obs & np.isfinite(err) & (count >= 2) & (t > method.start)
            sq = np.where(ok, err * err, 0.0)
            out.all_sq += sq
            out.all_n += ok
            if t < window.fit_end:
                out.fit_sq += sq
                out.fit_n += ok
        method.update(t, obs, np.where(obs, yt, 0.0))
        count += obs
        if window.fit_end - 1 <= t < weeks - 1 and t >= 0:
            for h in range(1, min(window.horizon, weeks - 1 - t) + 1):
                err = np.abs(y[:, t + h] - method.ahead(t, h))
                ok = np.isfinite(err) & (t >= method.start)
                out.bt_abs += np.where(ok, err, 0.0)
                out.bt_n += ok
    for h in range(1, horizon + 1):
        out.point[:, h - 1] = method.ahead(weeks - 1, h)
    profile = method.season_profile()
    out.season = None if profile is None else profile.copy()
    return out
