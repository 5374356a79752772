"""Stock-health formulas: turnover, capital occupation, loss rate, ageing, reorder arithmetic.

Pure functions on ``Decimal`` (money in currency units, quantities in units). A ratio whose
denominator is zero is undefined and returned as ``None`` (shown as "—"), never infinity.

Rounding (half-up): turnover 2 decimals, written with one when the second is 0 (4.8, 2.5,
0.43); turnover days 1 decimal (76.0); rates (capital occupation, loss rate) 4 decimals as a
fraction (0.1234 = 12.34 %); quantities 3 decimals; money 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from statistics import NormalDist

from inventory_app.domain import messages
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.money import round_money

ZERO = Decimal(0)
DAYS_IN_YEAR = 365
_Q2 = Decimal("0.01")
_Q1 = Decimal("0.1")
_RATE_Q = Decimal("0.0001")
_QTY_Q = Decimal("0.001")
_Z_Q = Decimal("0.0001")

# Ageing buckets: (label, first day, last day); the last is open-ended.
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-30", 0, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("91-180", 91, 180),
    (">180", 181, None),
)
AGE_LABELS: tuple[str, ...] = tuple(b[0] for b in AGE_BUCKETS)


def _ratio(d: Decimal) -> Decimal:
    """2 decimals, or 1 when the second is zero: 4.80 -> 4.8, 0.43 -> 0.43, 12 -> 12.0."""
    q2 = d.quantize(_Q2, rounding=ROUND_HALF_UP)
    q1 = q2.quantize(_Q1, rounding=ROUND_HALF_UP)
    return q1 if q1 == q2 else q2


def quantize_qty(d: Decimal) -> Decimal:
    return d.quantize(_QTY_Q, rounding=ROUND_HALF_UP)


def quantize_rate(d: Decimal) -> Decimal:
    return d.quantize(_RATE_Q, rounding=ROUND_HALF_UP)


# Turnover --------------------------------------------------------------------------------


def average_inventory(opening: Decimal, closing: Decimal) -> Decimal:
    """(opening + closing) ÷ 2, in money (2 decimals)."""
    return round_money((Decimal(opening) + Decimal(closing)) / 2)


def daily_average_inventory(
    opening: Decimal, changes: Sequence[tuple[dt.date, Decimal]], *, start: dt.date, end: dt.date
) -> Decimal:
    """Mean of the closing values of every day ``start``..``end``: ``opening`` is the value
    before ``start``, ``changes`` the signed value movements dated inside the period."""
    days = (end - start).days + 1
    if days <= 0:
        raise ValueError("the period ends before it starts")
    weighted = Decimal(opening) * days
    for date, change in changes:
        if start <= date <= end:
            weighted += Decimal(change) * ((end - date).days + 1)
    return round_money(weighted / days)


def turnover(cogs: Decimal, average: Decimal | None) -> Decimal | None:
    """Cost of goods sold ÷ average inventory value (times in the period); None when the
    average is zero or negative."""
    if average is None or average <= 0:
        return None
    return _ratio(Decimal(cogs) / Decimal(average))


def turnover_days(cogs: Decimal, average: Decimal | None, *, days: int) -> Decimal | None:
    """Days in the period ÷ turnover = days × average ÷ COGS (1 decimal). None when nothing
    was sold (stock never turns) or the average is zero."""
    if average is None or average <= 0 or cogs <= 0:
        return None
    return (Decimal(days) * Decimal(average) / Decimal(cogs)).quantize(_Q1, ROUND_HALF_UP)


def annualized_turnover(cogs: Decimal, average: Decimal | None, *, days: int) -> Decimal | None:
    """Turnover scaled to a 365-day year, for periods shorter or longer than a year."""
    if average is None or average <= 0 or days <= 0:
        return None
    return _ratio(Decimal(cogs) * DAYS_IN_YEAR / (Decimal(average) * days))


def period_days(start: dt.date, end: dt.date) -> int:
    """Days from ``start`` to ``end`` inclusive."""
    return (end - start).days + 1


# Capital and loss ------------------------------------------------------------------------


def capital_occupation(stock_value: Decimal, current_assets: Decimal) -> Decimal | None:
    """Inventory value ÷ current assets, a fraction (0.2 = 20 %); None when current assets
    are not entered."""
    if current_assets is None or current_assets <= 0:
        return None
    return quantize_rate(Decimal(stock_value) / Decimal(current_assets))


def loss_rate(losses: Decimal, average: Decimal | None) -> Decimal | None:
    """(Write-offs + stocktake losses) ÷ average inventory value, a fraction."""
    if average is None or average <= 0:
        return None
    return quantize_rate(Decimal(losses) / Decimal(average))


@dataclass(frozen=True, slots=True)
class Band:
    """A healthy range; either end may be open (None)."""

    low: Decimal | None = None
    high: Decimal | None = None

    def status(self, value: Decimal | None) -> str:
        """'ok', 'low', 'high', or '' when the value is undefined."""
        if value is None:
            return ""
        if self.low is not None and value < self.low:
            return "low"
        if self.high is not None and value > self.high:
            return "high"
        return "ok"

    def as_dict(self) -> dict[str, Decimal | None]:
        return {"min": self.low, "max": self.high}


# Ageing ----------------------------------------------------------------------------------


def age_days(received: dt.date, at: dt.date) -> int:
    return max(0, (at - received).days)


def age_bucket(days: int) -> str:
    """The ageing bucket label for an age in days: 0-30, 31-60, 61-90, 91-180, >180."""
    for label, _first, last in AGE_BUCKETS:
        if last is None or days <= last:
            return label
    return AGE_LABELS[-1]  # pragma: no cover - the last bucket is open-ended


# Reorder arithmetic -----------------------------------------------------------------------


def z_for_service_level(level: Decimal) -> Decimal:
    """The standard-normal z for a cycle service level (0.95 -> 1.6449), 4 decimals."""
    p = Decimal(level)
    if not Decimal(0) < p < Decimal(1):
        raise ValidationError("indicators.service_level", level=p)
    z = NormalDist().inv_cdf(float(p))  # float ok: statistics works in floats; 4 dp kept
    return Decimal(repr(z)).quantize(_Z_Q, rounding=ROUND_HALF_UP)


def demand_stats(daily: Sequence[Decimal], *, days: int) -> tuple[Decimal, Decimal]:
    """Mean and standard deviation (sample, n - 1) of daily demand over ``days`` days;
    ``daily`` holds the days that had demand, the rest count as zero. 4 decimals."""
    if days <= 0:
        return ZERO, ZERO
    values = [Decimal(v) for v in daily]
    if len(values) > days:
        raise ValueError("more demand days than days in the window")
    total = sum(values, ZERO)
    mean = total / days
    if days < 2:
        return mean.quantize(_Z_Q, ROUND_HALF_UP), ZERO
    squares = sum(((v - mean) ** 2 for v in values), ZERO) + (days - len(values)) * mean**2
    sigma = (squares / (days - 1)).sqrt()
    return mean.quantize(_Z_Q, ROUND_HALF_UP), sigma.quantize(_Z_Q, ROUND_HALF_UP)


def safety_stock(z: Decimal, sigma: Decimal, lead_time_days: int) -> Decimal:
    """z × σ(daily demand) × √(lead time in days), in units (3 decimals)."""
    if lead_time_days <= 0:
        return quantize_qty(ZERO)
    return quantize_qty(Decimal(z) * Decimal(sigma) * Decimal(lead_time_days).sqrt())


def reorder_point(mean_daily: Decimal, lead_time_days: int, safety: Decimal) -> Decimal:
    """Average daily demand × lead time + safety stock, in units (3 decimals)."""
    return quantize_qty(Decimal(mean_daily) * lead_time_days + Decimal(safety))


def _fmt(d: Decimal, places: int = 1) -> str:
    """Short human text, at most ``places`` decimals: 22.400 -> '22.4', 40.000 -> '40'."""
    q = Decimal(d).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(q.normalize(), "f")
    return "0" if text == "-0" else text


@dataclass(frozen=True, slots=True)
class ReorderAdvice:
    """What to reorder for one item and why (quantities in the item's units)."""

    mean_daily: Decimal
    sigma_daily: Decimal
    lead_time_days: int
    safety_stock: Decimal
    safety_from_item: bool
    reorder_point: Decimal
    target: Decimal
    on_hand: Decimal
    suggested: Decimal
    why_code: str  # the reason, worded by ``messages`` (see ``why``)
    why_params: Mapping[str, object]
    on_order: Decimal = Decimal(0)  # still expected from sent purchase orders

    @property
    def why(self) -> str:
        """The reason in numbers, in the current message language."""
        return messages.render(self.why_code, self.why_params)

    @property
    def needed(self) -> bool:
        """Stock is at or below the reorder point and an order is suggested."""
        return self.suggested > 0


def reorder_advice(
    *,
    mean_daily: Decimal,
    sigma_daily: Decimal,
    on_hand: Decimal,
    lead_time_days: int,
    z: Decimal,
    cover_days: int,
    item_safety_stock: Decimal | None = None,
    demand_days: int = 90,
    unit: str = "",
    on_order: Decimal = Decimal(0),
) -> ReorderAdvice:
    """Safety stock (the item's own, else z × σ × √L), reorder point (d̄ × L + SS) and the
    quantity that brings stock up to ``cover_days`` of demand beyond the reorder point,
    ordered in whole units when stock is at or below the reorder point."""
    if item_safety_stock is not None:
        ss = quantize_qty(Decimal(item_safety_stock))
    else:
        ss = safety_stock(z, sigma_daily, lead_time_days)
    rop = reorder_point(mean_daily, lead_time_days, ss)
    target = quantize_qty(rop + Decimal(mean_daily) * cover_days)
    on_hand = quantize_qty(Decimal(on_hand))
    on_order = quantize_qty(Decimal(on_order))
    position = on_hand + on_order  # what will be there once the orders already sent arrive
    gap = target - position
    if position <= rop and gap > 0:
        suggested = gap.quantize(Decimal(1), rounding=ROUND_CEILING)
    else:
        suggested = Decimal(0)
    # the reason is a code and its figures, worded in the reader's language by messages
    # (its optional parts: the safety stock's origin, stock on order, the decision)
    why_params: dict[str, object] = {
        "mean": _fmt(Decimal(mean_daily), 2),
        "unit": unit,
        "demand_days": demand_days,
        "lead": lead_time_days,
        "lead_demand": _fmt(quantize_qty(mean_daily * lead_time_days)),
        "safety": _fmt(ss),
        "from_item": item_safety_stock is not None,
        "z": _fmt(z, 3),
        "sigma": _fmt(sigma_daily, 2),
        "rop": _fmt(rop),
        "on_hand": _fmt(on_hand),
        "on_order": _fmt(on_order) if on_order else "",
        "order": _fmt(suggested) if suggested else "",
        "target": _fmt(target),
        "cover": cover_days,
    }
    return ReorderAdvice(
        mean_daily=Decimal(mean_daily),
        sigma_daily=Decimal(sigma_daily),
        lead_time_days=lead_time_days,
        safety_stock=ss,
        safety_from_item=item_safety_stock is not None,
        reorder_point=rop,
        target=target,
        on_hand=on_hand,
        suggested=suggested,
        why_code="reorder.why",
        why_params=why_params,
        on_order=on_order,
    )


def days_of_cover(on_hand: Decimal, mean_daily: Decimal) -> Decimal | None:
    """How many days the stock lasts at the average daily demand (1 decimal); None when
    there is no demand (it lasts for ever)."""
    if mean_daily is None or mean_daily <= 0:
        return None
    return (Decimal(on_hand) / Decimal(mean_daily)).quantize(_Q1, ROUND_HALF_UP)


# Reorder from a forecast (#16) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForecastReorderAdvice:
    """What to reorder for one item from its demand forecast (quantities in stock units).

    ``why_code``/``why_params`` make the reason sentence in the reader's language
    (``messages.render``): "forecast 38 over the 7-day lead time, ±9 at 95 %, 12 on hand, 24 on
    order → order 2 cases"."""

    lead_time_days: int
    lead_demand: Decimal
    lead_sd: Decimal
    safety_stock: Decimal
    reorder_point: Decimal
    target: Decimal
    on_hand: Decimal
    on_order: Decimal
    suggested: Decimal
    packs: Decimal
    why_code: str
    why_params: dict[str, object]

    @property
    def needed(self) -> bool:
        return self.suggested > 0


def forecast_reorder_advice(
    *,
    lead_demand: Decimal,
    lead_sd: Decimal,
    cover_demand: Decimal,
    on_hand: Decimal,
    on_order: Decimal = ZERO,
    lead_time_days: int,
    z: Decimal,
    service_level: Decimal,
    pack_size: Decimal = Decimal(1),
    pack_unit: str = "",
    unit: str = "",
) -> ForecastReorderAdvice:
    """Reorder point = forecast demand over the lead time + z × σ of that forecast's error;
    when stock on hand + on order is at or below it, order up to the reorder point plus the
    forecast demand of the cover period, in whole packs of ``pack_size`` stock units."""
    demand = quantize_qty(Decimal(lead_demand))
    safety = quantize_qty(Decimal(z) * Decimal(lead_sd))
    rop = demand + safety
    target = quantize_qty(rop + Decimal(cover_demand))
    position = quantize_qty(Decimal(on_hand) + Decimal(on_order))
    size = Decimal(pack_size) if pack_size and pack_size > 0 else Decimal(1)
    packs = Decimal(0)
    if position <= rop and target > position:
        packs = ((target - position) / size).quantize(Decimal(1), rounding=ROUND_CEILING)
    suggested = quantize_qty(packs * size)
    params: dict[str, object] = {
        "demand": _num(demand),
        "lead": lead_time_days,
        "safety": _num(safety),
        "level": _num(Decimal(service_level) * 100),
        "on_hand": _num(Decimal(on_hand)),
        "on_order": _num(Decimal(on_order)),
        "rop": _num(rop),
        "order": _num(packs if size != 1 or pack_unit else suggested),
        "unit": pack_unit or unit,
    }
    return ForecastReorderAdvice(
        lead_time_days=lead_time_days,
        lead_demand=demand,
        lead_sd=quantize_qty(Decimal(lead_sd)),
        safety_stock=safety,
        reorder_point=rop,
        target=target,
        on_hand=quantize_qty(Decimal(on_hand)),
        on_order=quantize_qty(Decimal(on_order)),
        suggested=suggested,
        packs=packs,
        why_code="demand.reorder_order" if packs else "demand.reorder_enough",
        why_params=params,
    )


def _num(d: Decimal) -> Decimal:
    """A figure of a sentence: whole above 10, one decimal below (38, 2.5)."""
    places = Decimal(1) if abs(d) >= 10 else _Q1
    return Decimal(d).quantize(places, rounding=ROUND_HALF_UP).normalize() + 0
