"""Forecast engine on synthetic weekly series of known level, trend, yearly season and
intermittency: the chosen method, its forecast against the truth, and the benchmark."""

from __future__ import annotations

import math

import numpy as np
import pytest

from inventory_app.domain.forecast import forecast_weekly, seasonal_peaks

WEEKS = 156
H = 8


def _series(kind: str, seed: int, weeks: int = WEEKS) -> tuple[np.ndarray, np.ndarray]:
    """(observed series, noise-free truth for the ``H`` weeks after it)."""
    rng = np.random.default_rng(seed)
    t = np.arange(weeks + H)
    if kind == "level":
        truth = np.full(t.size, 20.0)
        noise = rng.normal(0, 3, t.size)
    elif kind == "trend":
        truth = 10 + 0.4 * t
        noise = rng.normal(0, 2, t.size)
    elif kind == "season":
        truth = 30 + 12 * np.sin(2 * np.pi * t / 52)
        noise = rng.normal(0, 2, t.size)
    else:  # a quarter of the weeks sell Poisson(5)+1: mean 1.5 per week
        truth = np.full(t.size, 1.5)
        noise = np.zeros(t.size)
        y = np.where(rng.random(t.size) < 0.25, rng.poisson(5, t.size) + 1, 0).astype(float)
        return y[:weeks], truth[weeks:]
    return (truth + noise)[:weeks], truth[weeks:]


CASES = [
    # kind, allowed methods, bound on |mean forecast error over H weeks| (units/week)
    ("level", {"ses", "holt", "croston_sba"}, 2.5),
    ("trend", {"holt", "holt_winters"}, 4.0),
    ("season", {"holt_winters", "snaive"}, 4.0),
    ("intermittent", {"croston_sba", "ses"}, 0.8),
]


@pytest.mark.parametrize("kind,allowed,bound", CASES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_chosen_method_and_forecast_within_bounds(kind, allowed, bound, seed):
    y, truth = _series(kind, seed)
    f = forecast_weekly(y[None, :], horizon=H)
    assert f.method[0] in allowed
    assert abs(f.point[0] - truth).mean() < bound
    assert 0 < f.mase[0] < 1.5


@pytest.mark.parametrize("kind", ["level", "trend", "season"])
def test_beats_seasonal_naive_where_the_truth_says_it_should(kind):
    # seasonal naive repeats last year's noise (and, on a trend, last year's level): against
    # the noise-free truth the chosen forecast must do better, and so in the backtest
    pairs = [_series(kind, s) for s in range(10)]
    ys = np.vstack([y for y, _ in pairs])
    f = forecast_weekly(ys, horizon=H)
    ours = np.array([abs(f.point[i] - t).mean() for i, (_, t) in enumerate(pairs)])
    snaive = np.array([abs(y[-52 : -52 + H] - t).mean() for y, t in pairs])
    assert np.median(ours / snaive) < 0.8 and (ours <= snaive + 1e-9).mean() >= 0.9
    assert np.median(f.mase / f.benchmark_mase) < 0.9


def test_holt_winters_needs_two_years():
    y, _ = _series("season", 1, weeks=90)
    f = forecast_weekly(y[None, :], horizon=H)
    assert f.method[0] not in ("holt_winters",)


def test_season_found_in_the_right_months():
    y, _ = _series("season", 4)
    f = forecast_weekly(y[None, :], horizon=H)
    assert f.method[0] == "holt_winters"
    profile = f.season[0]
    # week t has index t % 52; put week 0 on 1 January: the sine peaks 13 weeks in (April)
    months = [1 + (k * 12) // 52 for k in range(52)]
    peaks, amplitude = seasonal_peaks(profile, months)
    assert set(peaks) <= {2, 3, 4, 5, 6} and peaks
    assert 15 < amplitude < 35  # truth: 24 peak to trough


def test_missing_weeks_are_skipped_not_zero():
    y, truth = _series("level", 5)
    gappy = y.copy()
    gappy[40:60] = np.nan  # a long stock-out
    gappy[-5:-2] = np.nan
    f = forecast_weekly(gappy[None, :], horizon=H)
    assert abs(f.point[0] - truth).mean() < 2.5


def test_interval_widens_with_horizon_and_covers_the_truth():
    y, _ = _series("level", 6)
    f = forecast_weekly(y[None, :], horizon=H)
    sds = [f.sd(0, h) for h in range(1, H + 1)]
    assert sds == sorted(sds) and sds[0] > 1.5  # noise σ is 3
    assert abs(sds[0] - 3) < 1.2
    demand, sd = f.lead_time(0, 2.0)
    assert abs(demand - 40) < 6
    assert sd >= math.sqrt(2) * sds[0] - 1e-9


def test_lead_time_takes_fractions_of_a_week():
    y, _ = _series("level", 7)
    f = forecast_weekly(y[None, :], horizon=H)
    one, _ = f.lead_time(0, 1.0)
    half, _ = f.lead_time(0, 0.5)
    assert half == pytest.approx(one / 2)


def test_short_and_empty_histories():
    short = np.array([[np.nan] * 50 + [3, 4, 5, 4.0]])
    empty = np.full((1, 54), np.nan)
    zeros = np.zeros((1, 54))
    f = forecast_weekly(np.vstack([short, empty, zeros]), horizon=4)
    assert f.method == ["mean", "none", "none"]
    assert f.point[0, 0] == pytest.approx(4.0)
    assert np.isnan(f.mase[0])
    assert (f.point[1:] == 0).all()


def test_span_of_whole_weeks_is_the_lead_time_and_partial_weights_scale():
    """A month's σ: the model's summed error. Whole weeks give exactly the lead-time figures;
    the summed σ lies between independent weeks (√Σσ²) and added weekly σ (Σσ)."""
    y, _ = _series("level", 8)
    f = forecast_weekly(y[None, :], horizon=H)
    assert f.span(0, [1.0] * 4) == pytest.approx(f.lead_time(0, 4.0))
    demand, sd = f.span(0, [1.0] * 4)
    sds = [f.sd(0, h) for h in range(1, 5)]
    assert math.sqrt(sum(s * s for s in sds)) <= sd + 1e-9 <= sum(sds) + 1e-9
    half, half_sd = f.span(0, [0.5] * 4)
    assert half == pytest.approx(demand / 2) and half_sd == pytest.approx(sd / 2)
    later, _ = f.span(0, [0.0, 0.0, 1.0, 1.0])  # weeks 3-4 only
    assert later == pytest.approx(float(f.point[0, 2] + f.point[0, 3]))
