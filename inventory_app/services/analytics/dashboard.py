"""Everything the dashboard shows, computed in one call (run it off the UI thread with its
own connection): indicators for the period, the 12-month trend, alerts, expiry timeline,
ABC, ageing and slow movers."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from inventory_app.domain.errors import ValidationError
from inventory_app.services import analytics, settings
from inventory_app.services.analytics import abc as analytics_abc
from inventory_app.services.analytics.alerts import Alerts, alerts
from inventory_app.services.analytics.stock import (
    AgeingReport,
    ExpiryTimeline,
    StockItem,
    ageing,
    expiry_timeline,
    slow_movers,
    today,
)
from inventory_app.services.progress import cyclic_gc_paused
from inventory_app.storage.db import Database
from inventory_app.storage.memo import reusing_reads

PERIODS = ("this_month", "last_12_months", "custom")


def period_for(choice: str, *, day: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """'this_month': the 1st .. ``day``; 'last_12_months': the 1st of the month eleven months
    back .. ``day`` (twelve months including the current one)."""
    day = day or today()
    if choice == "this_month":
        return day.replace(day=1), day
    if choice == "last_12_months":
        return twelve_months_back(day), day
    raise ValidationError("analytics.unknown_period", period=choice, choices=", ".join(PERIODS[:2]))


def twelve_months_back(day: dt.date) -> dt.date:
    month = day.month - 11
    year = day.year
    if month <= 0:
        month += 12
        year -= 1
    return dt.date(year, month, 1)


@dataclass(slots=True)
class Dashboard:
    start: dt.date
    end: dt.date
    currency: str
    indicators: analytics.Indicators
    trend: analytics.TurnoverReport  # by month, the twelve months ending with ``end``
    alerts: Alerts
    expiry: ExpiryTimeline
    abc: analytics_abc.AbcReport
    ageing: AgeingReport
    slow_movers: list[StockItem]
    seconds: float  # how long the computation took

    def counts(self) -> dict[str, int]:
        out = self.alerts.counts()
        out["slow_movers"] = len(self.slow_movers)
        return out


def dashboard(db: Database, *, start: dt.date, end: dt.date) -> Dashboard:
    """The dashboard's data for the period ``start``..``end``; stock-at-a-date parts (alerts,
    expiry, ageing, slow movers) at ``end`` (now when ``end`` is today)."""
    t0 = time.perf_counter()
    at = None if end >= today() else end
    trend_start = min(start, twelve_months_back(end))
    # The parts read the same months of flows and the same open batches: once is enough.
    # The cycle collector waits until the end: the parts allocate tens of thousands of
    # small objects and make no cycles, and each full collection would walk the whole heap.
    with reusing_reads(), cyclic_gc_paused():
        return Dashboard(
            start=start,
            end=end,
            currency=settings.get(db, "currency"),
            indicators=analytics.indicators(db, start=start, end=end),
            trend=analytics.turnover_report(db, start=trend_start, end=end, by="month"),
            alerts=alerts(db, at=at),
            expiry=expiry_timeline(db, at=at),
            abc=analytics_abc.abc_report(db, start=start, end=end),
            ageing=ageing(db, at=at),
            slow_movers=slow_movers(db, at=at),
            seconds=time.perf_counter() - t0,
        )
