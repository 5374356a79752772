"""Stock health over a period: turnover (by item, category or month) and the shop's"""

from __future__ import annotations

from inventory_app.services.analytics.turnover import (
    Indicators,
    TurnoverReport,
    TurnoverRow,
    bands,
    indicators,
    month_segments,
    turnover_report,
    turnover_row,
)

__all__ = [
    "Indicators",
    "TurnoverReport",
    "TurnoverRow",
    "bands",
    "indicators",
    "month_segments",
    "turnover_report",
    "turnover_row",
]
