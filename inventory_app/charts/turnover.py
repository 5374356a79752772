"""Monthly turnover (annualized, against the healthy band) over the inventory value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inventory_app.charts import palette
from inventory_app.charts.common import (
    Tr,
    empty_note,
    link,
    money_axis,
    new_figure,
    same,
    style_axes,
    title,
    to_float,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from inventory_app.domain.indicators import Band
    from inventory_app.services.analytics.turnover import TurnoverReport


def month_label(key: str, first: bool) -> str:
    """'2026-01' -> '01\\n2026' on the first month and every January, else '02'."""
    year, month = key.split("-")
    return f"{month}\n{year}" if first or month == "01" else month


def turnover_trend(
    report: TurnoverReport, *, band: Band | None = None, tr: Tr = same, currency: str = ""
) -> Figure:
    """Two panels sharing the months: annualized turnover (line, healthy band shaded) and
    the average inventory value (bars). Bars and points link to ``month:YYYY-MM``."""
    fig = new_figure(7.2, 4.2)
    rows = report.rows
    heading = (tr("Turnover and inventory value by month"), tr("times a year, annualized"))
    if not rows or not any(r.annualized is not None or r.average_value for r in rows):
        # a new shop's first dashboard: a note across the chart, not axes of zeros
        ax = fig.subplots()
        style_axes(ax)
        title(ax, heading[0], note=heading[1])
        empty = tr("No stock in this period") if rows else tr("No stock movements in this period")
        empty_note(ax, empty)
        return fig
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    for ax in (top, bottom):
        style_axes(ax)
    title(top, heading[0], note=heading[1])
    xs = list(range(len(rows)))
    turns = [r.annualized for r in rows]
    if band is not None and (band.low is not None or band.high is not None):
        low = to_float(band.low) if band.low is not None else 0.0
        high = to_float(band.high) if band.high is not None else max(to_float(t) for t in turns)
        top.axhspan(low, high, color=palette.GOOD_BAND, alpha=palette.BAND_ALPHA, lw=0)
        # in the headroom above the highest point (see set_ylim), where no point can hide it
        top.text(
            0.01, 0.98, tr("healthy {low}–{high}").format(low=band.low, high=band.high),
            transform=top.transAxes, va="top", ha="left", fontsize=8, color=palette.GOOD_BAND,
        )  # fmt: skip
    # None (no stock to turn) breaks the line instead of pretending zero
    ys = [float("nan") if t is None else to_float(t) for t in turns]  # float ok: plotting
    top.plot(xs, ys, color=palette.PRIMARY, lw=2, zorder=3)
    for x, y, r in zip(xs, ys, rows, strict=True):
        if y == y:  # not NaN
            (dot,) = top.plot([x], [y], "o", color=palette.PRIMARY, ms=5, zorder=4)
            link(fig, dot, f"month:{r.key}")
    finite = [y for y in ys if y == y]
    ceiling = max([*finite, to_float(band.high) if band and band.high else 0.0, 1.0])
    top.set_ylim(0, ceiling * 1.18)
    top.set_ylabel(tr("turnover"), color=palette.MUTED, fontsize=9)

    values = [to_float(r.average_value) for r in rows]
    bars = bottom.bar(xs, values, color=palette.SECONDARY, width=0.62)
    for bar, r in zip(bars, rows, strict=True):
        link(fig, bar, f"month:{r.key}")
    money_axis(bottom.yaxis)
    unit = f" ({currency})" if currency else ""
    bottom.set_ylabel(tr("avg. value") + unit, color=palette.MUTED, fontsize=9)
    bottom.set_xticks(xs, [month_label(r.key, i == 0) for i, r in enumerate(rows)])
    bottom.set_xlim(-0.6, len(rows) - 0.4)
    fig.align_ylabels((top, bottom))
    return fig
