"""Demand (#16): forecasts per item, reorder from the forecast, selling prices and margin,
fast/slow/dead tiers with their actions."""

from __future__ import annotations

from inventory_app.services.demand.abc_xyz import AbcXyz, abc_xyz, xyz_class
from inventory_app.services.demand.clearance import export_clearance_list, write_clearance_list
from inventory_app.services.demand.forecasting import (
    DEFAULT_HORIZON,
    AllForecasts,
    ItemForecast,
    forecast_all,
    forecast_item,
)
from inventory_app.services.demand.margin import MarginReport, margin_report
from inventory_app.services.demand.selling import (
    item_terms,
    markup_prices,
    post_priced,
    save_item_with_terms,
    selling_terms,
    set_issue_price,
    set_no_reorder,
    set_price,
)
from inventory_app.services.demand.tiers import TierRow, TiersReport, tier_rules, tiers_report

__all__ = [
    "DEFAULT_HORIZON",
    "AbcXyz",
    "AllForecasts",
    "ItemForecast",
    "MarginReport",
    "TierRow",
    "TiersReport",
    "abc_xyz",
    "export_clearance_list",
    "forecast_all",
    "forecast_item",
    "item_terms",
    "margin_report",
    "markup_prices",
    "post_priced",
    "save_item_with_terms",
    "selling_terms",
    "set_issue_price",
    "set_no_reorder",
    "set_price",
    "tier_rules",
    "tiers_report",
    "write_clearance_list",
    "xyz_class",
]
