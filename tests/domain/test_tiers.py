"""Tier rules and their actions."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from inventory_app.domain.tiers import TierRules, classify

R = TierRules(fast_cover_days=30, slow_cover_days=180, dead_days=90)


@pytest.mark.parametrize(
    "on_hand,mean,idle,kw,tier,action,clearance",
    [
        (D(20), D(1), 2, {}, "fast", "reorder", None),  # 20 days of cover
        (D(0), D(1), None, {}, "fast", "reorder", None),  # sold out and selling
        (D(60), D(1), 1, {}, "normal", "reorder", None),
        (D(200), D(1), 1, {}, "slow", "reduce_order", None),  # 200 days > 180
        (D(400), D(1), 1, {}, "slow", "stop_reordering", None),  # more than twice 180
        (D(5), D(0), 30, {}, "slow", "stop_reordering", None),  # stock, no demand, not dead yet
        (D(5), D(0), 90, {}, "dead", "stop_reordering", "bundle"),
        (D(5), D(0), 120, {"expiring": True}, "dead", "stop_reordering", "mark_down"),
        (D(5), D(0), 120, {"has_supplier": True}, "dead", "stop_reordering", "return_to_supplier"),
    ],
)
def test_rules(on_hand, mean, idle, kw, tier, action, clearance):
    a = classify(on_hand=on_hand, mean_daily=mean, idle_days=idle, rules=R, **kw)
    assert (a.tier, a.action, a.clearance) == (tier, action, clearance)


def test_rules_are_configurable():
    strict = TierRules(fast_cover_days=10, slow_cover_days=40, dead_days=30)
    a = classify(on_hand=D(20), mean_daily=D(1), idle_days=2, rules=strict)
    assert a.tier == "normal"
    assert classify(on_hand=D(50), mean_daily=D(1), idle_days=2, rules=strict).tier == "slow"
    assert classify(on_hand=D(5), mean_daily=D(0), idle_days=30, rules=strict).tier == "dead"
