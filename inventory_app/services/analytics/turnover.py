"""Stock health over a period: turnover (by item, category or month) and the shop's
indicators (turnover, days, capital occupation, loss rate) against healthy bands.

Money in currency units (``Decimal``, 2 decimals); ratios as documented in
``domain.indicators``. ABC classes are in ``analytics_abc``; stock-at-a-date health
(ageing, expiry, dead, low stock, reorder, alerts) in ``analytics_stock`` and
``analytics_alerts``; the dashboard bundle in ``analytics_dashboard``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import indicators as ind
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.money import money_from_int, round_money
from inventory_app.services import reports, settings
from inventory_app.services.reports import check_period
from inventory_app.storage.db import Database
from inventory_app.storage.reads import analytics as aq
from inventory_app.storage.reads import stock as queries

ZM = Decimal("0.00")
BY_CHOICES = ("item", "category", "month")
AVERAGE_CHOICES = ("simple", "daily")


@dataclass(frozen=True, slots=True)
class TurnoverRow:
    """Turnover of one item, category or month. ``turnover`` is times in the row's own
    period; ``annualized`` scales it to a year; None when undefined (shown "—")."""

    key: str
    name: str
    category: str
    days: int
    cogs: Decimal
    opening_value: Decimal
    closing_value: Decimal
    average_value: Decimal
    turnover: Decimal | None
    turnover_days: Decimal | None
    annualized: Decimal | None

    def as_json(self) -> dict[str, object]:
        """The CLI contract's keys."""
        return {
            "key": self.key,
            "cogs": self.cogs,
            "opening_value": self.opening_value,
            "closing_value": self.closing_value,
            "average_value": self.average_value,
            "turnover": self.turnover,
            "turnover_days": self.turnover_days,
        }


def turnover_row(
    key: str,
    *,
    cogs: Decimal,
    opening: Decimal,
    closing: Decimal,
    days: int,
    average: Decimal | None = None,
    name: str = "",
    category: str = "",
) -> TurnoverRow:
    """A row from its sums; ``average`` defaults to (opening + closing) ÷ 2."""
    avg = ind.average_inventory(opening, closing) if average is None else average
    return TurnoverRow(
        key=key,
        name=name,
        category=category,
        days=days,
        cogs=cogs,
        opening_value=opening,
        closing_value=closing,
        average_value=avg,
        turnover=ind.turnover(cogs, avg),
        turnover_days=ind.turnover_days(cogs, avg, days=days),
        annualized=ind.annualized_turnover(cogs, avg, days=days),
    )


@dataclass(slots=True)
class TurnoverReport:
    start: dt.date
    end: dt.date
    by: str
    average: str
    rows: list[TurnoverRow] = field(default_factory=list)
    total: TurnoverRow | None = None

    @property
    def days(self) -> int:
        return ind.period_days(self.start, self.end)

    def as_json(self) -> dict[str, object]:
        return {
            "from": self.start,
            "to": self.end,
            "by": self.by,
            "rows": [r.as_json() for r in self.rows],
            "total": self.total.as_json() if self.total else None,
        }


def turnover_report(
    db: Database, *, start: dt.date, end: dt.date, by: str = "item", average: str = "simple"
) -> TurnoverReport:
    """Cost of goods sold ÷ average inventory value for ``start``..``end`` inclusive, one row
    per item or category (every one that held stock or sold in the period) or per month
    (the period cut at month ends). ``average``: 'simple' = (opening + closing) ÷ 2,
    'daily' = mean of the daily closing values."""
    check_period(start, end)
    if by not in BY_CHOICES:
        raise ValidationError("analytics.unknown_turnover_by", by=by, choices=", ".join(BY_CHOICES))
    if average not in AVERAGE_CHOICES:
        raise ValidationError("analytics.unknown_average", average=average)
    if by == "month":
        return _turnover_by_month(db, start=start, end=end, average=average)
    return _turnover_by_group(db, start=start, end=end, by=by, average=average)


def _weighted_changes(db: Database, start: dt.date, end: dt.date) -> dict[str, Decimal]:
    """Per SKU: Σ value change × days it stays in the period, in currency-days; with the
    opening value this gives the mean of the daily closing values."""
    skus = {i: r[0] for i, r in queries.item_rows(db.conn).items()}
    return {
        skus[item_id]: money_from_int(cent_days)
        for item_id, cent_days in aq.weighted_value_changes(db.conn, start, end).items()
    }


def _turnover_by_group(
    db: Database, *, start: dt.date, end: dt.date, by: str, average: str
) -> TurnoverReport:
    """Rows per item or per category, summed from the period summary by item."""
    days = ind.period_days(start, end)
    summary = reports.period_summary(db, start=start, end=end, by="item")
    daily = average == "daily"
    weighted = _weighted_changes(db, start, end) if daily else {}
    groups: dict[str, list[reports.SummaryRow]] = {}
    for r in summary.rows:
        groups.setdefault(r.key if by == "item" else r.category, []).append(r)
    rows = []
    for key, members in sorted(groups.items()):
        first = members[0]
        opening = sum((m.opening_value for m in members), ZM)
        avg = None
        if daily:
            w = sum((weighted.get(m.key, ZM) for m in members), ZM)
            avg = round_money(opening + w / days)
        rows.append(
            turnover_row(
                key,
                name=first.name if by == "item" else "",
                category=first.category,
                days=days,
                cogs=sum((m.out_value for m in members), ZM),
                opening=opening,
                closing=sum((m.closing_value for m in members), ZM),
                average=avg,
            )
        )
    t = summary.totals
    total_avg = None
    if daily:
        total_avg = round_money(t.opening_value + sum(weighted.values(), ZM) / days)
    total = turnover_row(
        "total", days=days, cogs=t.out_value, opening=t.opening_value, closing=t.closing_value,
        average=total_avg,
    )  # fmt: skip
    return TurnoverReport(start=start, end=end, by=by, average=average, rows=rows, total=total)


def month_segments(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The period cut at month ends: [(first day, last day), ...]."""
    out = []
    s = start
    while s <= end:
        e = min(end, queries.last_of_month(s))
        out.append((s, e))
        s = e + dt.timedelta(days=1)
    return out


class _ShopValues:
    """Shop value at any day end and value flows of any span inside [start, end], from
    monthly totals plus, inside a month, the per-item sums of its days (the same memoized
    reads ABC and slow movers use) — or every day's totals, for daily averages."""

    def __init__(self, db: Database, start: dt.date, end: dt.date, *, every_day: bool) -> None:
        conn = self.conn = db.conn
        self.every_day = every_day
        self.months = aq.month_value_flows(conn, until=queries.month_key(end))
        self.days: dict[str, aq.ValueFlows] = {}
        self._spans: dict[tuple[dt.date, dt.date], tuple[int, int]] = {}
        if every_day:
            self.days.update(aq.day_value_flows(conn, queries.first_of_month(start), end))
        self._before: dict[str, int] = {}
        running = 0
        for m in sorted(self.months):
            self._before[m] = running
            i, o, a = self.months[m]
            running += i - o + a

    def _before_month(self, month: str) -> int:
        if month in self._before:
            return self._before[month]
        return sum(i - o + a for m, (i, o, a) in self.months.items() if m < month)

    def _span(self, s: dt.date, e: dt.date) -> tuple[int, int]:
        """(value change, cost of goods sold) in cents of the days ``s``..``e`` (one month)."""
        if self.every_day:
            first, last = s.isoformat(), e.isoformat()
            change = cogs = 0
            for d, (i, o, a) in self.days.items():
                if first <= d <= last:
                    change += i - o + a
                    cogs += o
            return change, cogs
        if (s, e) not in self._spans:
            change = cogs = 0
            for f in queries.flows(self.conn, s, e).values():
                change += f[1] - f[3] + f[5]
                cogs += f[3]
            self._spans[s, e] = (change, cogs)
        return self._spans[s, e]

    def value_at(self, day: dt.date) -> int:
        """Cents at the end of ``day``."""
        month = queries.month_key(day)
        if day == queries.last_of_month(day):
            i, o, a = self.months.get(month, (0, 0, 0))
            return self._before_month(month) + i - o + a
        return self._before_month(month) + self._span(queries.first_of_month(day), day)[0]

    def cogs(self, s: dt.date, e: dt.date) -> int:
        """Cost of goods sold in cents for ``s``..``e`` (inside one month)."""
        whole = s.day == 1 and e == queries.last_of_month(e)
        if whole and queries.month_key(s) == queries.month_key(e):
            return self.months.get(queries.month_key(s), (0, 0, 0))[1]
        return self._span(s, e)[1]

    def daily_average(self, s: dt.date, e: dt.date) -> int:
        """Mean of the day-end values of ``s``..``e``, in cents (needs every day loaded)."""
        opening = self.value_at(s - dt.timedelta(days=1))
        weighted = 0
        for d, (i, o, a) in self.days.items():
            day = dt.date.fromisoformat(d)
            if s <= day <= e:
                weighted += (i - o + a) * ((e - day).days + 1)
        n = (e - s).days + 1
        return opening + (weighted + n // 2) // n


def _turnover_by_month(
    db: Database, *, start: dt.date, end: dt.date, average: str
) -> TurnoverReport:
    values = _ShopValues(db, start, end, every_day=average == "daily")
    rows = []
    for s, e in month_segments(start, end):
        avg = money_from_int(values.daily_average(s, e)) if average == "daily" else None
        rows.append(
            turnover_row(
                queries.month_key(s),
                days=ind.period_days(s, e),
                cogs=money_from_int(values.cogs(s, e)),
                opening=money_from_int(values.value_at(s - dt.timedelta(days=1))),
                closing=money_from_int(values.value_at(e)),
                average=avg,
            )
        )
    total_avg = money_from_int(values.daily_average(start, end)) if average == "daily" else None
    total = turnover_row(
        "total",
        days=ind.period_days(start, end),
        cogs=sum((r.cogs for r in rows), ZM),
        opening=rows[0].opening_value,
        closing=rows[-1].closing_value,
        average=total_avg,
    )
    return TurnoverReport(start=start, end=end, by="month", average=average, rows=rows, total=total)


# Bands and indicators ---------------------------------------------------------------------


def bands(db: Database) -> dict[str, ind.Band]:
    """Healthy bands from the settings: turnover (times a year), turnover days, capital
    occupation and loss rate (fractions)."""
    g = settings.get_decimal
    return {
        "turnover": ind.Band(g(db, "turnover_band_min"), g(db, "turnover_band_max")),
        "turnover_days": ind.Band(g(db, "turnover_days_band_min"), g(db, "turnover_days_band_max")),
        "capital_occupation": ind.Band(None, g(db, "capital_occupation_max_pct") / 100),
        "loss_rate": ind.Band(None, g(db, "loss_rate_max_pct") / 100),
    }


@dataclass(frozen=True, slots=True)
class Indicators:
    """The shop's health for a period. ``turnover`` is times in the period; its band is
    compared with ``annualized``. Rates are fractions (0.2 = 20 %)."""

    start: dt.date
    end: dt.date
    days: int
    cogs: Decimal
    opening_value: Decimal
    closing_value: Decimal
    average_value: Decimal
    turnover: Decimal | None
    annualized: Decimal | None
    turnover_days: Decimal | None
    stock_value: Decimal
    current_assets: Decimal
    capital_occupation: Decimal | None
    losses: Decimal
    loss_rate: Decimal | None
    bands: dict[str, ind.Band]

    def status(self) -> dict[str, str]:
        """'ok' / 'low' / 'high' / '' (undefined) per indicator."""
        return {
            "turnover": self.bands["turnover"].status(self.annualized),
            "turnover_days": self.bands["turnover_days"].status(self.turnover_days),
            "capital_occupation": self.bands["capital_occupation"].status(self.capital_occupation),
            "loss_rate": self.bands["loss_rate"].status(self.loss_rate),
        }

    def as_json(self) -> dict[str, object]:
        """The CLI contract: these six keys; each band says its status, and the turnover
        band the annualized turnover it is compared with."""
        status = self.status()
        bands: dict[str, dict[str, object]] = {}
        for key, band in self.bands.items():
            bands[key] = {**band.as_dict(), "status": status[key]}
        bands["turnover"]["annualized_turnover"] = self.annualized
        return {
            "turnover": self.turnover,
            "turnover_days": self.turnover_days,
            "capital_occupation": self.capital_occupation,
            "loss_rate": self.loss_rate,
            "stock_value": self.stock_value,
            "bands": bands,
        }


def indicators(db: Database, *, start: dt.date, end: dt.date) -> Indicators:
    """Turnover, turnover days, capital occupation (stock value at ``end`` ÷ current
    assets) and loss rate ((write-offs + stocktake losses) ÷ average inventory value)."""
    check_period(start, end)
    values = _ShopValues(db, start, end, every_day=False)
    days = ind.period_days(start, end)
    opening = money_from_int(values.value_at(start - dt.timedelta(days=1)))
    closing = money_from_int(values.value_at(end))
    cogs = money_from_int(sum(values.cogs(s, e) for s, e in month_segments(start, end)))
    avg = ind.average_inventory(opening, closing)
    lost = money_from_int(sum(aq.losses(db.conn, start, end).values()))
    assets = settings.get_decimal(db, "current_assets")
    return Indicators(
        start=start,
        end=end,
        days=days,
        cogs=cogs,
        opening_value=opening,
        closing_value=closing,
        average_value=avg,
        turnover=ind.turnover(cogs, avg),
        annualized=ind.annualized_turnover(cogs, avg, days=days),
        turnover_days=ind.turnover_days(cogs, avg, days=days),
        stock_value=closing,
        current_assets=assets,
        capital_occupation=ind.capital_occupation(closing, assets),
        losses=lost,
        loss_rate=ind.loss_rate(lost, avg),
        bands=bands(db),
    )
