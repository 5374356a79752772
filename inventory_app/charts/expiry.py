"""Value expiring per week over the coming weeks, the value already expired kept apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inventory_app.charts import palette
from inventory_app.charts.common import (
    Tr,
    compact_money,
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

    from inventory_app.services.analytics.stock import ExpiryTimeline


def expiry_timeline(timeline: ExpiryTimeline, *, tr: Tr = same, currency: str = "") -> Figure:
    """Bars: value expiring in each week from the report date (``week:YYYY-MM-DD``, the
    week's first day); a separate red bar left of a gap for stock already expired
    (``expired``)."""
    fig = new_figure(7.2, 3.4)
    ax = fig.subplots()
    style_axes(ax)
    n = len(timeline.weeks)
    title(
        ax,
        tr("Stock value expiring per week"),
        note=tr("next {n} weeks from {day}").format(n=n, day=timeline.at.isoformat()),
    )
    expired = to_float(timeline.expired_value)
    if not expired and not any(v for _start, v, _rows in timeline.weeks):
        # nothing expired or expiring (a new shop, goods without expiry): a note, not axes
        empty_note(ax, tr("Nothing expires in the next {n} weeks").format(n=n))
        return fig
    bar = ax.bar([-1.6], [expired], color=palette.BAD, width=0.7)[0]
    link(fig, bar, "expired")
    ax.axvline(-0.8, color=palette.GRID, lw=1)
    values = [to_float(v) for _start, v, _rows in timeline.weeks]
    bars = ax.bar(range(n), values, color=palette.WARN, width=0.7)
    for b, (start, _v, _rows) in zip(bars, timeline.weeks, strict=True):
        link(fig, b, f"week:{start.isoformat()}")
    top = max([*values, expired, 1.0])
    for x, v in [(-1.6, expired), *enumerate(values)]:
        if v > 0:
            ax.text(x, v + top * 0.02, compact_money(v), ha="center", va="bottom", fontsize=7.5,
                    color=palette.MUTED)  # fmt: skip
    ax.set_ylim(0, top * 1.15)
    from inventory_app.charts.layout import SpacedLabels  # matplotlib is loaded by now

    labels = {-1.6: tr("expired")} | {
        i: f"{start:%m-%d}" for i, (start, _v, _r) in enumerate(timeline.weeks) if i % 2 == 0
    }
    ax.set_xticks([-1.6, *range(n)])
    ax.xaxis.set_major_formatter(SpacedLabels(labels))  # fewer dates in a narrow box
    ax.set_xlim(-2.3, n - 0.4)
    money_axis(ax.yaxis)
    unit = f" ({currency})" if currency else ""
    ax.set_ylabel(tr("value") + unit, color=palette.MUTED, fontsize=9)
    ax.set_xlabel(tr("week starting"), color=palette.MUTED, fontsize=9)
    return fig
