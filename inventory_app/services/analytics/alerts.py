"""Reorder suggestions and the alerts a shop owner acts on (expired, expiring, low, out of
stock, dead stock). Quantities in the item's units, money in currency units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import indicators as ind
from inventory_app.domain import messages
from inventory_app.domain.money import qty_from_int
from inventory_app.services import settings
from inventory_app.services.analytics.stock import (
    ExpiryRow,
    StockItem,
    dead_stock,
    expiry_rows,
    low_and_out_of_stock,
    stock_balances,
    today,
)
from inventory_app.services.buying.orders import on_order, on_order_by_sku, overdue_orders
from inventory_app.services.progress import Cancel, Progress
from inventory_app.storage import buying as buying_sql
from inventory_app.storage.db import Database
from inventory_app.storage.reads import analytics as aq


@dataclass(frozen=True, slots=True)
class ReorderSuggestion:
    sku: str
    name: str
    category: str
    unit: str
    advice: ind.ReorderAdvice

    @property
    def why(self) -> str:
        return self.advice.why


@dataclass(frozen=True, slots=True)
class ReorderRules:
    """The settings a suggestion uses (shown with the report)."""

    demand_days: int
    service_level: Decimal  # fraction, 0.95
    z: Decimal
    cover_days: int
    default_lead_time_days: int


def reorder_rules(db: Database) -> ReorderRules:
    level = settings.get_decimal(db, "service_level_pct") / 100
    if not Decimal(0) < level < Decimal(1):
        level = Decimal("0.95")
    return ReorderRules(
        demand_days=max(1, settings.get_int(db, "reorder_demand_days")),
        service_level=level,
        z=ind.z_for_service_level(level),
        cover_days=max(0, settings.get_int(db, "reorder_cover_days")),
        default_lead_time_days=max(0, settings.get_int(db, "default_lead_time_days")),
    )


def reorder_suggestions(
    db: Database, *, at: dt.date | None = None, include_all: bool = False
) -> tuple[ReorderRules, list[ReorderSuggestion]]:
    """For every active item with demand in the window (or its own safety stock): safety
    stock, reorder point and, when stock is at or below it, the quantity to order, with the
    reasoning. Only items to order unless ``include_all``; the largest shortfall first."""
    day = at or today()
    rules = reorder_rules(db)
    start = day - dt.timedelta(days=rules.demand_days - 1)
    demand = aq.daily_demand(db.conn, start, day)
    items = aq.items_for_health(db.conn)
    bal = stock_balances(db, at)
    coming = on_order(db)  # sent purchase orders count: nothing is ordered twice
    stopped = _stopped(db)
    out = []
    for item_id, row in items.items():
        sku, name, category, unit, _rop, ss, lead, active = row[:8]
        daily = demand.get(item_id, {})
        if not active or (not daily and ss is None) or item_id in stopped:
            continue
        mean, sigma = ind.demand_stats(
            [qty_from_int(q) for q in daily.values()], days=rules.demand_days
        )
        advice = ind.reorder_advice(
            mean_daily=mean,
            sigma_daily=sigma,
            on_hand=qty_from_int(bal.get(item_id, (0, 0))[0]),
            lead_time_days=lead or rules.default_lead_time_days,
            z=rules.z,
            cover_days=rules.cover_days,
            item_safety_stock=None if ss is None else qty_from_int(ss),
            demand_days=rules.demand_days,
            unit=unit,
            on_order=coming.get(item_id, Decimal(0)),
        )
        if advice.needed or include_all:
            out.append(
                ReorderSuggestion(sku=sku, name=name, category=category, unit=unit, advice=advice)
            )
    out.sort(key=lambda s: (-s.advice.suggested, s.sku))
    return rules, out


@dataclass(frozen=True, slots=True)
class OverdueOrder:
    """A sent purchase order whose goods are late (``sku`` "" : a row of no single item)."""

    id: int
    supplier: str
    name: str  # the supplier's name
    status: str
    expected: dt.date
    days_late: int
    sku: str = ""


def _stopped(db: Database) -> set[int]:
    """Items flagged "do not reorder" (#16): no suggestion, whatever their stock."""
    from inventory_app.services.demand import selling_terms

    return {i for i, (_price, flag) in selling_terms(db).items() if flag}


@dataclass(slots=True)
class Alerts:
    at: dt.date
    warning_days: int
    dead_days: int
    expired: list[ExpiryRow] = field(default_factory=list)
    expiring: list[ExpiryRow] = field(default_factory=list)
    low_stock: list[StockItem] = field(default_factory=list)
    out_of_stock: list[StockItem] = field(default_factory=list)
    dead_stock: list[StockItem] = field(default_factory=list)
    overdue_orders: list[OverdueOrder] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "expired": len(self.expired),
            "expiring": len(self.expiring),
            "low_stock": len(self.low_stock),
            "out_of_stock": len(self.out_of_stock),
            "dead_stock": len(self.dead_stock),
            "overdue_orders": len(self.overdue_orders),
        }

    def as_json(self) -> dict[str, object]:
        """The CLI contract."""

        def exp(r: ExpiryRow, *, days_left: bool) -> dict[str, object]:
            d: dict[str, object] = {
                "sku": r.sku,
                "batch": r.batch,
                "expiry": r.expiry,
                "qty": r.qty,
                "value": r.value,
            }
            if days_left:
                d["days_left"] = r.days_left
            return d

        return {
            "at": self.at,
            "expired": [exp(r, days_left=False) for r in self.expired],
            "expiring": [exp(r, days_left=True) for r in self.expiring],
            "low_stock": [
                {"sku": r.sku, "on_hand": r.qty, "reorder_point": r.reorder_point}
                for r in self.low_stock
            ],
            "out_of_stock": [{"sku": r.sku} for r in self.out_of_stock],
            "dead_stock": [
                {"sku": r.sku, "qty": r.qty, "value": r.value, "last_issue": r.last_issue}
                for r in self.dead_stock
            ],
            "overdue_orders": [
                {
                    "id": r.id,
                    "supplier": r.supplier,
                    "expected": r.expected,
                    "days_late": r.days_late,
                }
                for r in self.overdue_orders
            ],
        }


def alerts(db: Database, *, at: dt.date | None = None) -> Alerts:
    """What needs attention at the end of ``at`` (None: now): batches expired or expiring
    within the expiry_warning_days setting, low and out of stock, dead stock."""
    day = at or today()
    warning = max(0, settings.get_int(db, "expiry_warning_days"))
    dead_days = settings.get_int(db, "dead_stock_days")
    rows = expiry_rows(db, at=at, within=warning)
    low, out = low_and_out_of_stock(db, at=at)
    return Alerts(
        at=day,
        warning_days=warning,
        dead_days=dead_days,
        expired=[r for r in rows if r.days_left < 0],
        expiring=[r for r in rows if r.days_left >= 0],
        low_stock=low,
        out_of_stock=out,
        dead_stock=dead_stock(db, at=at, days=dead_days),
        overdue_orders=[
            OverdueOrder(oid, code, name, status, expected, (day - expected).days)
            for oid, code, name, status, expected in overdue_orders(db, today=day)
        ],
    )


# Reorder from the forecast (#16) ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForecastSuggestion:
    sku: str
    name: str
    category: str
    unit: str
    method: str
    advice: ind.ForecastReorderAdvice

    def why(self, lang: str | None = None) -> str:
        """The reason in numbers, in ``lang`` ("en"/"zh") or the current message language."""
        table = None if lang is None else messages.TABLES[lang]
        return messages.render(self.advice.why_code, self.advice.why_params, table)


def forecast_reorder_suggestions(
    db: Database,
    *,
    at: dt.date | None = None,
    on_order: Mapping[str, Decimal] | None = None,
    pack_sizes: Mapping[str, tuple[Decimal, str]] | None = None,
    include_all: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[ReorderRules, list[ForecastSuggestion]]:
    """Reorder suggestions from each item's demand forecast (see ``services.demand``): the
    reorder point is the forecast over the lead time plus z × its error's σ at the service
    level; stock on hand plus ``on_order`` (by SKU, stock units; none given: what sent purchase
    orders still bring) at or below it orders up to the forecast of the cover period beyond,
    in packs (``pack_sizes``: SKU -> (stock units per pack, pack name); none given: the pack
    bought from the item's preferred supplier, else single units). Items flagged "do not
    reorder" and inactive items are left out. Largest order first."""
    from inventory_app.services.demand import forecast_all

    rules = reorder_rules(db)
    run = forecast_all(db, at=at, progress=progress, cancel=cancel)
    if on_order is None:  # sent purchase orders (#15): nothing is ordered twice
        on_order = on_order_by_sku(db)
    if pack_sizes is None:
        pack_sizes = preferred_packs(db)
    no_reorder = _stopped(db)
    bal = stock_balances(db, at)
    out = []
    for item_id, row in aq.items_for_health(db.conn).items():
        sku, name, category, unit, _rop, _ss, lead, active = row[:8]
        k = run.row.get(item_id)
        if not active or item_id in no_reorder or k is None:
            continue
        f = run.forecasts
        if f.method[k] == "none":
            continue
        lead_days = lead or rules.default_lead_time_days
        demand, sd = f.lead_time(k, lead_days / 7)
        beyond, _ = f.lead_time(k, (lead_days + rules.cover_days) / 7)
        size, pack = (pack_sizes or {}).get(sku, (Decimal(1), ""))
        advice = ind.forecast_reorder_advice(
            lead_demand=_dec(demand),
            lead_sd=_dec(sd),
            cover_demand=_dec(beyond - demand),
            on_hand=qty_from_int(bal.get(item_id, (0, 0))[0]),
            on_order=Decimal((on_order or {}).get(sku, 0)),
            lead_time_days=lead_days,
            z=rules.z,
            service_level=rules.service_level,
            pack_size=size,
            pack_unit=pack,
            unit=unit,
        )
        if advice.needed or include_all:
            out.append(ForecastSuggestion(sku, name, category, unit, f.method[k], advice))
    out.sort(key=lambda s: (-s.advice.suggested, s.sku))
    return rules, out


def preferred_packs(db: Database) -> dict[str, tuple[Decimal, str]]:
    """SKU -> (stock units per pack, pack name) of the pack each item is bought in from its
    preferred supplier (#15), for the items whose link names a pack the item has."""
    factors = {
        (sku, name.casefold()): (f, name) for sku, name, f, _ in buying_sql.all_packs(db.conn)
    }
    out: dict[str, tuple[Decimal, str]] = {}
    for link in buying_sql.links(db.conn):  # each item's preferred link first
        sku, pack = str(link[1]), str(link[4] or "")
        if sku in out or not pack:
            continue
        found = factors.get((sku, pack.casefold()))
        if found is not None:
            out[sku] = (qty_from_int(found[0]), found[1])
    return out


def _dec(x: float) -> Decimal:
    return ind.quantize_qty(Decimal(repr(float(x))))
