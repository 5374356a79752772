"""Fast / slow / dead tiers with their actions, and the clearance list (#16).

The rules are settings: ``fast_mover_cover_days`` (30), ``slow_mover_cover_days`` (180) and
``dead_stock_days`` (90); demand is the average daily issue over ``reorder_demand_days``.
See ``domain.tiers``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import messages
from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.domain.tiers import TIERS, TierAdvice, TierRules, classify
from inventory_app.services import settings
from inventory_app.services.analytics.batches import expiry_rows
from inventory_app.services.analytics.stock import dead_stock, stock_balances, today
from inventory_app.storage import demand as dq
from inventory_app.storage.db import Database
from inventory_app.storage.reads import analytics as aq

DEFAULT_FAST_COVER_DAYS = 30
ACTION_CODES = {
    "reorder": "demand.action.reorder",
    "reduce_order": "demand.action.reduce_order",
    "stop_reordering": "demand.action.stop_reordering",
    "mark_down": "demand.action.mark_down",
    "return_to_supplier": "demand.action.return_to_supplier",
    "bundle": "demand.action.bundle",
}


@dataclass(frozen=True, slots=True)
class TierRow:
    sku: str
    name: str
    category: str
    unit: str
    on_hand: Decimal
    value: Decimal
    mean_daily: Decimal
    idle_days: int | None
    age_days: int | None  # since the oldest batch on hand came in
    advice: TierAdvice

    def action_text(self, lang: str | None = None) -> str:
        """The suggested action in words: "stop reordering; bundle it with a fast seller"."""
        table = None if lang is None else messages.TABLES[lang]
        text = messages.render(ACTION_CODES[self.advice.action], {}, table)
        if self.advice.clearance:
            how = messages.render(ACTION_CODES[self.advice.clearance], {}, table)
            text += ("；" if (lang or messages.language()) == "zh" else "; ") + how
        return text


@dataclass(frozen=True, slots=True)
class TiersReport:
    at: dt.date
    rules: TierRules
    rows: list[TierRow]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(TIERS, 0)
        for r in self.rows:
            out[r.advice.tier] += 1
        return out

    def as_json(self, lang: str | None = None) -> dict[str, object]:
        """The CLI contract of ``report tiers``."""
        return {
            "at": self.at,
            "rules": {
                "fast_cover_days": self.rules.fast_cover_days,
                "slow_cover_days": self.rules.slow_cover_days,
                "dead_days": self.rules.dead_days,
            },
            "counts": self.counts(),
            "rows": [
                {
                    "sku": r.sku,
                    "name": r.name,
                    "tier": r.advice.tier,
                    "on_hand": r.on_hand,
                    "value": r.value,
                    "mean_daily": r.mean_daily,
                    "cover_days": r.advice.cover_days,
                    "idle_days": r.idle_days,
                    "age_days": r.age_days,
                    "action": r.advice.action,
                    "clearance": r.advice.clearance,
                    "action_text": r.action_text(lang),
                }
                for r in self.rows
            ],
        }


def tier_rules(db: Database) -> TierRules:
    fast = settings.get(db, "fast_mover_cover_days")
    return TierRules(
        fast_cover_days=int(fast) if fast.isdigit() else DEFAULT_FAST_COVER_DAYS,
        slow_cover_days=max(1, settings.get_int(db, "slow_mover_cover_days")),
        dead_days=max(1, settings.get_int(db, "dead_stock_days")),
    )


def tiers_report(db: Database, *, at: dt.date | None = None) -> TiersReport:
    """Every active item that has stock or demand, with its tier and action; dead stock
    first, then slow, by stock value."""
    day = at or today()
    rules = tier_rules(db)
    window = max(1, settings.get_int(db, "reorder_demand_days"))
    demand = aq.daily_demand(db.conn, day - dt.timedelta(days=window - 1), day)
    dead = {r.sku: r.idle_days for r in dead_stock(db, at=at, days=rules.dead_days)}
    warning = max(0, settings.get_int(db, "expiry_warning_days"))
    expiring = {r.sku for r in expiry_rows(db, at=at, within=warning)}
    suppliers = dq.suppliers(db.conn)
    oldest = dq.oldest_open_batches(db.conn)
    bal = stock_balances(db, at)
    rows = []
    for item_id, row in aq.items_for_health(db.conn).items():
        sku, name, category, unit, *_, active = row[:8]
        q, v = bal.get(item_id, (0, 0))
        issued = sum(demand.get(item_id, {}).values())
        if not active or (q <= 0 and issued <= 0):
            continue
        mean = (qty_from_int(issued) / window).quantize(Decimal("0.001"))
        advice = classify(
            on_hand=qty_from_int(q),
            mean_daily=mean,
            idle_days=dead.get(sku),
            rules=rules,
            expiring=sku in expiring,
            has_supplier=item_id in suppliers,
        )
        first = oldest.get(item_id)
        age = (day - dt.date.fromisoformat(first)).days if first and q > 0 else None
        rows.append(TierRow(sku, name, category, unit, qty_from_int(q), money_from_int(v),
                            mean, dead.get(sku), age, advice))  # fmt: skip
    order = {t: n for n, t in enumerate(("dead", "slow", "normal", "fast"))}
    rows.sort(key=lambda r: (order[r.advice.tier], -r.value, r.sku))
    return TiersReport(at=day, rules=rules, rows=rows)
