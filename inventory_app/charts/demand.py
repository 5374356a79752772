"""An item's weekly demand: history, forecast and its interval in one chart (#16)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from inventory_app.charts import palette
from inventory_app.charts.common import Tr, empty_note, new_figure, same, style_axes, title

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from inventory_app.services.demand import ItemForecast


def demand_forecast(
    f: ItemForecast, *, tr: Tr = same, weeks_shown: int = 104, monthly: bool = False
) -> Figure:
    """Weekly issues (a gap where the item was out of stock), the forecast dashed, and the
    95 % interval as a band; x: the first day of each week. ``monthly``: the same by
    calendar month (``services.demand.monthly``)."""
    import matplotlib.dates as mdates

    if monthly:
        return _monthly(f, tr, months_shown=max(1, weeks_shown * 7 // 30))
    fig = new_figure(7.6, 3.6)
    ax = fig.subplots()
    style_axes(ax, grid_axis="y")
    title(ax, f"{f.sku}  {f.name}", note=tr("Weekly demand and forecast ({unit})").format(
        unit=f.unit))  # fmt: skip
    history = f.history[-weeks_shown:]
    if not history and not any(q for _, q, _, _ in f.forecast):
        empty_note(ax, tr("No sales yet: nothing to forecast"))
        return fig
    hx = [_mid(w) for w, _ in history]
    hy = [float("nan") if q is None else q for _, q in history]
    ax.plot(hx, hy, color=palette.PRIMARY, lw=1.6, label=tr("sold per week"))
    for w, q in history:
        if q is None:  # out of stock: shaded, not counted as no demand
            ax.axvspan(w, w + dt.timedelta(days=7), color=palette.WARN, alpha=0.15, lw=0)
    fx = [_mid(w) for w, *_ in f.forecast]
    fy = [q for _, q, _, _ in f.forecast]
    if hx and hy and hy[-1] == hy[-1]:  # join the forecast to the last week sold
        fx, fy = [hx[-1], *fx], [hy[-1], *fy]
        lo = [hy[-1]] + [lo for *_, lo, _ in f.forecast]
        hi = [hy[-1]] + [hi for *_, hi in f.forecast]
    else:
        lo = [lo for *_, lo, _ in f.forecast]
        hi = [hi for *_, hi in f.forecast]
    ax.fill_between(fx, lo, hi, color=palette.PRIMARY, alpha=palette.BAND_ALPHA, lw=0,
                    label=tr("95% interval"))  # fmt: skip
    ax.plot(fx, fy, color=palette.PRIMARY, lw=1.8, ls=(0, (4, 2)), label=tr("forecast"))
    ax.axvline(_mid(f.forecast[0][0]) - dt.timedelta(days=3.5), color=palette.MUTED, lw=0.8,
               ls=(0, (2, 2)))  # fmt: skip
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    handles, labels = ax.get_legend_handles_labels()
    if any(q is None for _, q in history):
        from matplotlib.patches import Patch

        handles.append(Patch(color=palette.WARN, alpha=0.15, lw=0))
        labels.append(tr("out of stock"))
    ax.legend(handles, labels, loc="upper left", fontsize=8, frameon=False, ncols=4)
    return fig


def _mid(week_start: dt.date) -> dt.date:
    return week_start + dt.timedelta(days=3)


def _monthly(f: ItemForecast, tr: Tr, *, months_shown: int) -> Figure:
    """Monthly totals sold (months with days out of stock shaded: their total is the
    in-stock rate × the month's days), the forecast by month dashed and its interval."""
    import matplotlib.dates as mdates

    fig = new_figure(7.6, 3.6)
    ax = fig.subplots()
    style_axes(ax, grid_axis="y")
    title(ax, f"{f.sku}  {f.name}", note=tr("Monthly demand and forecast ({unit})").format(
        unit=f.unit))  # fmt: skip
    sold = f.months_sold[-months_shown:]
    if not sold and not any(q for _, q, _, _ in f.months_forecast):
        empty_note(ax, tr("No sales yet: nothing to forecast"))
        return fig
    hx = [m + dt.timedelta(days=14) for m, _, _ in sold]
    hy = [float("nan") if q is None else q for _, q, _ in sold]
    ax.plot(hx, hy, color=palette.PRIMARY, lw=1.6, marker="o", ms=3, label=tr("sold per month"))
    for m, _, gaps in sold:
        if gaps:  # some days out of stock: the total is estimated from the days in stock
            end = m + dt.timedelta(days=27)
            ax.axvspan(m, end, color=palette.WARN, alpha=0.15, lw=0)
    fx = [m + dt.timedelta(days=14) for m, *_ in f.months_forecast]
    fy = [q for _, q, _, _ in f.months_forecast]
    lo = [x for *_, x, _ in f.months_forecast]
    hi = [x for *_, x in f.months_forecast]
    if hx and hy[-1] == hy[-1]:  # join the forecast to the last month sold
        fx, fy, lo, hi = [hx[-1], *fx], [hy[-1], *fy], [hy[-1], *lo], [hy[-1], *hi]
    ax.fill_between(fx, lo, hi, color=palette.PRIMARY, alpha=palette.BAND_ALPHA, lw=0,
                    label=tr("95% interval"))  # fmt: skip
    ax.plot(fx, fy, color=palette.PRIMARY, lw=1.8, ls=(0, (4, 2)), marker="o", ms=3,
            label=tr("forecast"))  # fmt: skip
    if f.months_forecast:
        ax.axvline(f.months_forecast[0][0], color=palette.MUTED, lw=0.8, ls=(0, (2, 2)))
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    handles, labels = ax.get_legend_handles_labels()
    if any(g for *_, g in sold):
        from matplotlib.patches import Patch

        handles.append(Patch(color=palette.WARN, alpha=0.15, lw=0))
        labels.append(tr("days out of stock"))
    ax.legend(handles, labels, loc="upper left", fontsize=8, frameon=False, ncols=4)
    return fig
