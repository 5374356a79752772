"""Stocktakes: start (snapshot), count, recount, set reasons, cancel; the reading side"""

from __future__ import annotations

from inventory_app.services.stocktake.counting import (
    Counted,
    CountTarget,
    cancel,
    count,
    count_target,
    resolve_line,
    set_reason,
    start,
)
from inventory_app.services.stocktake.reading import (
    CountRecord,
    Review,
    ReviewLine,
    StocktakeInfo,
    count_history,
    get,
    list_stocktakes,
    review,
    tolerance,
)

__all__ = [
    "CountRecord",
    "CountTarget",
    "Counted",
    "Review",
    "ReviewLine",
    "StocktakeInfo",
    "cancel",
    "count",
    "count_history",
    "count_target",
    "get",
    "list_stocktakes",
    "resolve_line",
    "review",
    "set_reason",
    "start",
    "tolerance",
]
