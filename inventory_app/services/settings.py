"""Shop settings kept in the file itself (so they travel with backups)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import Changes
from inventory_app.services.access import record, require
from inventory_app.storage import chain, meta
from inventory_app.storage.db import Database

DEFAULTS: dict[str, str] = {
    "shop_name": "My shop",
    "currency": "¥",
    "operator": "",
    "expiry_warning_days": "30",
    "dead_stock_days": "90",
    "current_assets": "0",
    # stock health (services.analytics): healthy bands, reorder and slow-mover rules
    "turnover_band_min": "6",
    "turnover_band_max": "12",
    "turnover_days_band_min": "30",
    "turnover_days_band_max": "60",
    "capital_occupation_max_pct": "20",
    "loss_rate_max_pct": "5",
    "service_level_pct": "95",
    "reorder_demand_days": "90",
    "reorder_cover_days": "30",
    "default_lead_time_days": "7",
    "slow_mover_cover_days": "180",
    # stocktakes: recount flags, ABC shares (cumulative) and cycle-count intervals in days
    "stocktake_tolerance_pct": "5",
    "stocktake_tolerance_value": "100",
    "abc_a": "0.80",
    "abc_b": "0.95",
    "count_interval_a": "30",
    "count_interval_b": "90",
    "count_interval_c": "365",
}


def get(db: Database, key: str) -> str:
    value = meta.get(db.conn, key)
    return value if value is not None else DEFAULTS.get(key, "")


def get_int(db: Database, key: str) -> int:
    try:
        return int(get(db, key))
    except ValueError:
        return int(DEFAULTS[key])


def get_decimal(db: Database, key: str) -> Decimal:
    try:
        return Decimal(get(db, key))
    except ArithmeticError:
        return Decimal(DEFAULTS.get(key, "0"))


def _checked(key: str, value: str) -> str:
    if key == "lock_date":
        raise ValidationError("settings.lock_date_via_close")
    value = str(value)
    if key == "shop_name":
        value = value.strip()
        if not value:
            raise ValidationError("settings.empty_shop_name")
    if key == "current_assets":
        return str(parse_current_assets(value))
    return value


def parse_current_assets(value: object) -> Decimal:
    """The shop's current assets (money: 0 or more, at most 2 decimals, exact; "12,500.5"
    reads as 12500.50): the denominator of the capital-occupation rate."""
    d = money.to_decimal(value, what="current assets")
    if d != money.round_money(d):
        places = money.MONEY_PLACES
        raise ValidationError(
            "number.too_many_decimals", what="current assets", value=value, places=places
        )
    if d < 0:
        raise ValidationError("number.negative", what="current assets", value=value)
    return money.round_money(d)


def update(db: Database, values: Mapping[str, str]) -> Changes:
    """Save several settings at once: all of them or, if one is refused, none."""
    actor = require(db, "settings")
    checked = [(key, _checked(key, value)) for key, value in values.items()]
    with db.transaction() as conn:
        old = {key: meta.get(conn, key) for key, _ in checked}
        meta.put(conn, checked)
        for key, value in checked:
            if key in chain.CHAINED_SETTINGS:
                chain.add_setting(conn, key, value)
        changed = {k: [old[k], v] for k, v in checked if old[k] != v}
        if changed:
            record(conn, actor, "settings", ", ".join(changed), **changed)
    return Changes(settings=True)


def set_value(db: Database, key: str, value: str) -> Changes:
    return update(db, {key: value})


def set_shop_name(db: Database, name: str) -> Changes:
    return update(db, {"shop_name": name})


def all_settings(db: Database) -> dict[str, str]:
    out = dict(DEFAULTS)
    out.update(meta.all_values(db.conn))
    return out
