"""Weekly demand forecasts chosen per item by a rolling-origin backtest (numpy, no I/O).

Candidates: the naive forecast (last week again) or, with a year of history before the
backtest, the seasonal naive one (same week last year); simple exponential smoothing;
Holt's linear trend; Holt-Winters with a yearly (52-week) season when two years of history
exist; Croston-SBA when a third or more of the observed weeks had no demand (then only it or SES
is chosen: absolute error rewards forecasting zero on sporadic demand). Each method's
smoothing parameters are picked on the fitting weeks (smallest one-step squared error);
the method is picked on the last ``BACKTEST_ORIGINS`` weeks, forecasting 1 to
``BACKTEST_HORIZON`` weeks ahead from each of them (smallest mean absolute error; ties go to
the simpler method; Holt must win by ``MARGIN`` and the seasonal methods must beat the best
non-seasonal one by ``SEASON_MARGIN``, or a backtest's noise would pick them on plain series).

Its accuracy is given as MASE: that error ÷ the mean absolute week-to-week change in the
fitting weeks (the in-sample naive forecast's error), so 1.0 is as good as "same as last
week" and 0.5 is twice as good.

Prediction intervals come from the model: σ₁ is the root mean square of the chosen method's
one-step errors over the whole history, and the h-week error variance is σ₁² × Σ ψ² with the
method's ψ-weights (SES: 1 + (h−1)α²; Holt: 1 + (h−1)[α² + αβh + β²h(2h−1)/6]; naive: h).
Demand over a lead time of k weeks sums the forecasts and its σ is σ₁ × √Σⱼ(Σᵢ≤ⱼ ψᵢ)², the
variance of a sum of correlated errors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from inventory_app.domain import forecast_methods as fm

BACKTEST_ORIGINS = 13
BACKTEST_HORIZON = 4
MIN_OBSERVED_WEEKS = 12  # fewer: the mean of what there is, no backtest
INTERMITTENT_SHARE = 1 / 3
SEASON = fm.SEASON

# the seasonal ones last: they must beat the best of the others by SEASON_MARGIN
RATE_METHODS = ("ses", "croston_sba")
MARGIN = {"holt": 0.05}
SEASON_MARGIN = 0.15
METHODS = ("naive", "ses", "croston_sba", "holt", "snaive", "holt_winters")
GRIDS: dict[str, list[dict[str, float]]] = {
    "naive": [{}],
    "snaive": [{}],
    "ses": [{"alpha": a} for a in (0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5)],
    "croston_sba": [{"alpha": a} for a in (0.02, 0.05, 0.1, 0.2)],
    "holt": [{"alpha": a, "beta": b} for a in (0.05, 0.1, 0.2, 0.4) for b in (0.01, 0.03, 0.1)],
    "holt_winters": [
        {"alpha": a, "beta": b, "gamma": g} for a in (0.1, 0.3) for b in (0.02, 0.1)
        for g in (0.1, 0.3)
    ],
}  # fmt: skip
_CLASSES: dict[str, type[fm.Method]] = {
    "naive": fm.Method,
    "snaive": fm.SeasonalNaive,
    "ses": fm.SES,
    "croston_sba": fm.CrostonSBA,
    "holt": fm.Holt,
    "holt_winters": fm.HoltWinters,
}


@dataclass(frozen=True, slots=True)
class Forecasts:
    """Forecasts for ``n`` series, ``H`` weeks ahead (units per week).

    ``method[i]`` is a name from ``METHODS`` (or ``mean``/``none`` for short or empty
    histories); ``mase`` NaN when there was no backtest; ``benchmark_mase`` is the naive
    (seasonal naive when available) forecast's MASE on the same backtest."""

    method: list[str]
    mase: np.ndarray
    benchmark_mase: np.ndarray
    point: np.ndarray
    sigma: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray
    season: dict[int, np.ndarray]  # series index -> 52 seasonal deviations (Holt-Winters)

    def sd(self, i: int, h: int) -> float:
        """σ of the forecast ``h`` weeks ahead for series ``i``."""
        return float(self.sigma[i]) * math.sqrt(_step_variance(self._psi(i), h))

    def lead_time(self, i: int, weeks: float) -> tuple[float, float]:
        """(demand, σ) over the next ``weeks`` weeks (fractional weeks pro rata)."""
        whole = math.floor(weeks)
        part = weeks - whole
        horizon = self.point.shape[1]
        pts = [float(self.point[i, min(j, horizon - 1)]) for j in range(whole + 1)]
        demand = sum(pts[:whole]) + part * pts[whole]
        psi = self._psi(i)
        var = sum(_cum_psi(psi, j) ** 2 for j in range(whole)) + part * _cum_psi(psi, whole) ** 2
        return max(demand, 0.0), float(self.sigma[i]) * math.sqrt(var)

    def span(self, i: int, weights: list[float]) -> tuple[float, float]:
        """(demand, σ) of Σ weights[h-1] × week h (a month: each week's share of its days).
        σ from the model's summed error, not the sum of weekly σ: week h's error is
        Σ_j ψ_j ε_(h-j), so the weighted sum's innovation t weighs Σ_(h≥t) w_h ψ_(h-t)."""
        horizon = self.point.shape[1]
        demand = sum(w * float(self.point[i, min(h, horizon - 1)]) for h, w in enumerate(weights))
        psi = self._psi(i)
        n = len(weights)
        var = sum(
            sum(weights[h] * _psi_weight(psi, h - t) for h in range(t, n)) ** 2 for t in range(n)
        )
        return max(demand, 0.0), float(self.sigma[i]) * math.sqrt(var)

    def _psi(self, i: int) -> tuple[str, float, float]:
        return self.method[i], float(self.alpha[i]), float(self.beta[i])


def _psi_weight(psi: tuple[str, float, float], j: int) -> float:
    name, a, b = psi
    if j == 0:
        return 1.0
    if name in ("naive",):
        return 1.0
    if name in ("snaive", "mean", "none"):
        return 0.0
    if name in ("holt", "holt_winters"):
        return a + j * b
    return a  # ses, croston_sba


def _step_variance(psi: tuple[str, float, float], h: int) -> float:
    return sum(_psi_weight(psi, j) ** 2 for j in range(h))


def _cum_psi(psi: tuple[str, float, float], j: int) -> float:
    return sum(_psi_weight(psi, k) for k in range(j + 1))


def _window(weeks: int) -> fm.Window:
    origins = min(BACKTEST_ORIGINS, max(1, weeks // 4))
    return fm.Window(weeks=weeks, fit_end=weeks - origins, horizon=BACKTEST_HORIZON)


def _best_params(y: np.ndarray, name: str, window: fm.Window, horizon: int) -> tuple:
    """Run every parameter set; per series keep the one with the smallest fitting error.
    Returns (run fields gathered per series, alpha, beta)."""
    best: fm.Run | None = None
    best_mse = np.full(y.shape[0], np.inf)
    alpha = np.zeros(y.shape[0])
    beta = np.zeros(y.shape[0])
    for params in GRIDS[name]:
        r = fm.run(_CLASSES[name](y, **params), window, horizon)
        mse = r.fit_mse
        better = mse < best_mse if best is not None else np.ones(y.shape[0], bool)
        if best is None:
            best = r
        else:
            for f in ("bt_abs", "bt_n", "all_sq", "all_n"):
                getattr(best, f)[better] = getattr(r, f)[better]
            best.point[better] = r.point[better]
            if r.season is not None and best.season is not None:
                best.season[better] = r.season[better]
        best_mse = np.where(better, mse, best_mse)
        alpha[better] = params.get("alpha", 0.0)
        beta[better] = params.get("beta", 0.0)
    assert best is not None
    return best, alpha, beta


def _mase_scale(y: np.ndarray, fit_end: int) -> np.ndarray:
    """Mean absolute change between consecutive observed weeks in the fitting weeks; the
    mean level where the series never changed; 1 where there is nothing."""
    fit = y[:, :fit_end]
    out = np.ones(y.shape[0])
    for i in range(y.shape[0]):
        seen = fit[i][np.isfinite(fit[i])]
        if seen.size >= 2 and np.abs(np.diff(seen)).mean() > 0:
            out[i] = np.abs(np.diff(seen)).mean()
        elif seen.size and seen.mean() > 0:
            out[i] = seen.mean()
    return out


def _eligible(y: np.ndarray, window: fm.Window) -> dict[str, np.ndarray]:
    finite = np.isfinite(y)
    first = np.where(finite.any(axis=1), np.argmax(finite, axis=1), y.shape[1])
    span = y.shape[1] - first
    observed = finite.sum(axis=1)
    zeros = (np.where(finite, y, 1.0) == 0).sum(axis=1)
    backtest = window.weeks - window.fit_end
    enough = (observed >= MIN_OBSERVED_WEEKS) & (np.where(finite, y, 0.0) > 0).any(axis=1)
    intermittent = zeros >= INTERMITTENT_SHARE * np.maximum(observed, 1)
    return {
        "naive": enough & (span < SEASON + backtest + 1),
        "snaive": enough & (span >= SEASON + backtest + 1),
        "ses": enough,
        "croston_sba": enough & intermittent,
        "holt": enough,
        # a yearly season is not looked for in sporadic demand: it would fit the noise
        "holt_winters": enough & ~intermittent & (span >= 2 * SEASON) & (observed >= 78),
        "intermittent": enough & intermittent,
    }


def forecast_weekly(y: np.ndarray, *, horizon: int = 12) -> Forecasts:
    """Choose a method per series of ``y`` (n, weeks; NaN = missing week) and forecast
    ``horizon`` weeks ahead. See the module docstring."""
    y = np.asarray(y, dtype=float)
    n, weeks = y.shape
    window = _window(max(weeks, 1))
    eligible = _eligible(y, window) if weeks else {m: np.zeros(n, bool) for m in METHODS}
    scale = _mase_scale(y, window.fit_end)
    best_mae = np.full(n, np.inf)
    best_plain = np.full(n, np.inf)
    bench = np.full(n, np.nan)
    chosen = np.array(["mean"] * n, dtype=object)
    point = np.zeros((n, horizon))
    sigma = np.zeros(n)
    alpha = np.zeros(n)
    beta = np.zeros(n)
    season: dict[int, np.ndarray] = {}
    for name in METHODS:
        rows = np.flatnonzero(eligible[name])
        if rows.size == 0:
            continue
        r, a, b = _best_params(y[rows], name, window, horizon)
        mae = r.bt_mae
        if name in ("naive", "snaive"):
            bench[rows] = mae / scale[rows]
        # a trend or a season must earn its place: the simpler forecast wins unless the
        # richer one's backtest error is clearly smaller (noise would otherwise pick it)
        win = mae < best_mae[rows] * (1 - MARGIN.get(name, 0.0))
        if name in ("snaive", "holt_winters"):  # a season must beat the others clearly
            win &= mae < best_plain[rows] * (1 - SEASON_MARGIN)
        else:
            best_plain[rows] = np.minimum(best_plain[rows], mae)
        if name not in RATE_METHODS:
            # absolute error favours forecasting zero on sporadic demand: there only a rate
            # (Croston-SBA or SES) is chosen; the naive forecasts still serve as benchmark
            win &= ~eligible["intermittent"][rows]
        idx = rows[win]
        best_mae[idx] = mae[win]
        chosen[idx] = name
        point[idx] = r.point[win]
        sigma[idx] = r.sigma[win]
        alpha[idx] = a[win]
        beta[idx] = b[win]
        for k in idx:
            season.pop(int(k), None)
        if r.season is not None:
            for j in np.flatnonzero(win):
                season[int(rows[j])] = r.season[j]
    _fill_short(y, chosen, point, sigma)
    mase = np.where(np.isfinite(best_mae), best_mae / scale, np.nan)
    return Forecasts(
        method=[str(m) for m in chosen],
        mase=mase,
        benchmark_mase=bench,
        point=np.maximum(point, 0.0),
        sigma=sigma,
        alpha=alpha,
        beta=beta,
        season=season,
    )


def _fill_short(y: np.ndarray, chosen: np.ndarray, point: np.ndarray, sigma: np.ndarray) -> None:
    """Series with too little history: the mean of their observed weeks and its spread;
    series that never had demand: zero (method ``none``)."""
    for i in np.flatnonzero(chosen == "mean"):
        seen = y[i][np.isfinite(y[i])]
        if seen.size == 0 or not (seen > 0).any():
            chosen[i] = "none"
            continue
        point[i] = seen.mean()
        sigma[i] = seen.std(ddof=1) if seen.size > 1 else seen.mean()


def seasonal_peaks(profile: np.ndarray, month_of_phase: list[int]) -> tuple[list[int], float]:
    """The calendar months (1-12) where the season runs highest (up to three, above the
    year's mean) and the season's amplitude (max − min of the 52 weekly deviations, units
    per week). ``month_of_phase[k]`` is the month of a week whose seasonal index is ``k``."""
    monthly: dict[int, list[float]] = {}
    for k, month in enumerate(month_of_phase[:SEASON]):
        monthly.setdefault(month, []).append(float(profile[k]))
    means = {m: sum(v) / len(v) for m, v in monthly.items()}
    top = sorted(means, key=lambda m: -means[m])[:3]
    return sorted(m for m in top if means[m] > 0), float(profile.max() - profile.min())
