"""Weekly demand series from daily issues, with stock-out days left out (numpy, no I/O).

A day on which the shop had none of the item at the start and at the end of the day and
issued none is a stock-out day: nothing could be sold, so it says nothing about demand and is
*missing*, not zero (a day on which stock arrived counts as observed). A day with an issue is
always observed (it may be censored by selling out, but the sale happened).

Weeks are the 7-day spans ending on the day the forecast is made: the last is ``at - 6 ..
at``, so forecast week 1 is the next seven days. A week's demand is its observed
days' issues scaled to 7 days; a week with fewer than ``MIN_OBSERVED_DAYS`` observed days is
missing (NaN).

Quantities are float units here (the forecast is an estimate; the ledger stays exact).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

MIN_OBSERVED_DAYS = 3
WEEK = 7


@dataclass(frozen=True, slots=True)
class DailyDemand:
    """Dense daily figures for ``n`` items over ``days`` days ending on ``at``.

    ``issued[i, d]`` units issued, ``change[i, d]`` net change of on-hand (every movement
    that changes the shop's stock), ``opening[i]`` on hand before the first day.
    """

    at: dt.date
    issued: np.ndarray
    change: np.ndarray
    opening: np.ndarray

    @property
    def first_day(self) -> dt.date:
        return self.at - dt.timedelta(days=self.issued.shape[1] - 1)


def dense_daily(
    rows: list[tuple[int, int, float, float]], *, n_items: int, days: int, at: dt.date,
    opening: np.ndarray,
) -> DailyDemand:  # fmt: skip
    """Scatter ``(item_index, day_index, issued, change)`` rows into dense arrays."""
    issued = np.zeros((n_items, days))
    change = np.zeros((n_items, days))
    if rows:
        a = np.asarray(rows, dtype=float)
        i = a[:, 0].astype(np.intp)
        d = a[:, 1].astype(np.intp)
        np.add.at(issued, (i, d), a[:, 2])
        np.add.at(change, (i, d), a[:, 3])
    return DailyDemand(at=at, issued=issued, change=change, opening=np.asarray(opening, float))


def stockout_days(daily: DailyDemand) -> np.ndarray:
    """Boolean (n, days): no stock at the start nor at the end of the day, nothing issued."""
    close = daily.opening[:, None] + np.cumsum(daily.change, axis=1)
    start = np.concatenate([daily.opening[:, None], close[:, :-1]], axis=1)
    return (start <= 1e-9) & (close <= 1e-9) & (daily.issued <= 0)


def weekly_series(daily: DailyDemand, *, weeks: int | None = None) -> np.ndarray:
    """(n, weeks) demand per 7-day week, oldest first, NaN where the week is missing.

    Only whole weeks ending on ``at`` are used: leading days that do not fill a week are
    dropped."""
    n, days = daily.issued.shape
    w = days // WEEK if weeks is None else min(weeks, days // WEEK)
    if w == 0:
        return np.zeros((n, 0))
    cut = days - w * WEEK
    observed = ~stockout_days(daily)[:, cut:]
    issued = np.where(observed, daily.issued[:, cut:], 0.0)
    seen = observed.reshape(n, w, WEEK).sum(axis=2)
    total = issued.reshape(n, w, WEEK).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = total * WEEK / seen
    out[seen < MIN_OBSERVED_DAYS] = np.nan
    return out


def week_starts(at: dt.date, weeks: int, *, ahead: bool = False) -> list[dt.date]:
    """First day of each week: the ``weeks`` weeks ending on ``at`` (oldest first), or with
    ``ahead`` the ``weeks`` weeks that follow it."""
    if ahead:
        return [at + dt.timedelta(days=1 + WEEK * k) for k in range(weeks)]
    return [at - dt.timedelta(days=WEEK * (weeks - k) - 1) for k in range(weeks)]


def month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def month_shares(starts: list[dt.date]) -> dict[dt.date, list[float]]:
    """For each calendar month the 7-day weeks starting on ``starts`` touch: the share of each
    week's days that fall in it (first day of the month -> one share per week)."""
    out: dict[dt.date, list[float]] = {}
    for k, start in enumerate(starts):
        for d in range(WEEK):
            month = month_start(start + dt.timedelta(days=d))
            out.setdefault(month, [0.0] * len(starts))[k] += 1 / WEEK
    return out


def month_days(month: dt.date) -> int:
    following = (month + dt.timedelta(days=32)).replace(day=1)
    return (following - month).days
