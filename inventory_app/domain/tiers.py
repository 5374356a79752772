"""Fast, slow and dead stock, and what to do with each (pure; quantities in stock units).

Rules (settings, with the seeds' defaults): an item on hand with no issue for
``dead_stock_days`` (90) is dead; otherwise its days of cover (on hand ÷ average daily demand
over the reorder demand window) decide: above ``slow_mover_cover_days`` (180) slow, at or below
``fast_mover_cover_days`` (30) fast, in between normal. Actions: fast and normal → reorder;
slow → reduce the order size, or stop reordering when the cover is more than twice the slow
limit; dead → stop reordering and clear it: mark down what expires within the warning days,
return to the supplier what has one, bundle the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

TIERS = ("fast", "normal", "slow", "dead")
ACTIONS = ("reorder", "reduce_order", "stop_reordering")
CLEARANCE = ("mark_down", "return_to_supplier", "bundle")


@dataclass(frozen=True, slots=True)
class TierRules:
    fast_cover_days: int = 30
    slow_cover_days: int = 180
    dead_days: int = 90


@dataclass(frozen=True, slots=True)
class TierAdvice:
    tier: str
    action: str
    clearance: str | None  # for dead stock: how to turn it back into cash
    cover_days: Decimal | None


def days_of_cover(on_hand: Decimal, mean_daily: Decimal) -> Decimal | None:
    if mean_daily <= 0:
        return None
    return (Decimal(on_hand) / Decimal(mean_daily)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def classify(
    *,
    on_hand: Decimal,
    mean_daily: Decimal,
    idle_days: int | None,
    rules: TierRules,
    expiring: bool = False,
    has_supplier: bool = False,
) -> TierAdvice:
    """The tier of an item and the suggested action. ``idle_days``: days since its last
    issue (or since it came in, if it never sold); None when nothing is on hand."""
    cover = days_of_cover(on_hand, mean_daily)
    if on_hand > 0 and idle_days is not None and idle_days >= rules.dead_days:
        if expiring:
            how = "mark_down"
        elif has_supplier:
            how = "return_to_supplier"
        else:
            how = "bundle"
        return TierAdvice("dead", "stop_reordering", how, cover)
    if on_hand > 0 and (cover is None or cover > rules.slow_cover_days):
        stop = cover is None or cover > 2 * rules.slow_cover_days
        return TierAdvice("slow", "stop_reordering" if stop else "reduce_order", None, cover)
    if (cover is not None and cover <= rules.fast_cover_days) or on_hand <= 0 < mean_daily:
        return TierAdvice("fast", "reorder", None, cover)
    return TierAdvice("normal", "reorder", None, cover)
