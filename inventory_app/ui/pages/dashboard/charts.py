"""The dashboard's charts on the UI thread: matplotlib loaded ahead, figures built from
computed data (each when called)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication


def chart_tr(text: str) -> str:
    return QCoreApplication.translate("charts", text)


def warm_up_charts() -> None:
    """Import matplotlib's figure and Qt canvas and register the fonts (~0.4 s the first
    time, nothing after), so that the first figures build at their warm speed."""
    import matplotlib.figure  # noqa: F401

    from inventory_app.charts import abc, ageing, expiry, slow_movers, turnover  # noqa: F401
    from inventory_app.charts.fonts import ensure_fonts
    from inventory_app.ui.pages.dashboard.parts import canvas_class

    ensure_fonts()
    canvas_class()


def figure_builders(data: Any) -> dict[str, Callable[[], Any]]:
    """The five figures from computed data, each built when called — on the UI thread
    (matplotlib's font caches are per thread and its objects are best kept to one); a few
    tens of milliseconds each."""
    from inventory_app.charts import abc, ageing, expiry, slow_movers, turnover

    cur = data.currency
    return {
        "turnover": lambda: turnover.turnover_trend(
            data.trend, band=data.indicators.bands["turnover"], tr=chart_tr, currency=cur
        ),
        "expiry": lambda: expiry.expiry_timeline(data.expiry, tr=chart_tr, currency=cur),
        "abc": lambda: abc.abc_pareto(data.abc, tr=chart_tr),
        "ageing": lambda: ageing.ageing_by_category(data.ageing, tr=chart_tr, currency=cur),
        "slow_movers": lambda: slow_movers.top_slow_movers(
            data.slow_movers, tr=chart_tr, currency=cur
        ),
    }
