"""The slow movers holding the most money: horizontal bars of stock value."""

from __future__ import annotations

from collections.abc import Sequence
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
    shorten,
    style_axes,
    title,
    to_float,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from inventory_app.services.analytics.stock import StockItem


def top_slow_movers(
    items: Sequence[StockItem], *, top: int = 12, tr: Tr = same, currency: str = ""
) -> Figure:
    """The ``top`` items by stock value (highest first) with their days of cover, or
    "no sales" when nothing sold in the demand window. Bars link to ``sku:<SKU>``."""
    rows = sorted(items, key=lambda r: (-r.value, r.sku))[:top]
    fig = new_figure(7.2, max(2.6, 1.1 + 0.3 * len(rows)))
    ax = fig.subplots()
    style_axes(ax, grid_axis="x")
    title(ax, tr("Top slow movers"), note=tr("stock value · days of cover"))
    if not rows:
        empty_note(ax, tr("No slow movers"))
        return fig
    ys = list(range(len(rows)))[::-1]
    values = [to_float(r.value) for r in rows]
    colors = [palette.BAD if r.cover_days is None else palette.WARN for r in rows]
    bars = ax.barh(ys, values, color=colors, height=0.66)
    for bar, r in zip(bars, rows, strict=True):
        link(fig, bar, f"sku:{r.sku}")
    peak = max(values) or 1.0
    for y, v, r in zip(ys, values, rows, strict=True):
        cover = (
            tr("no sales")
            if r.cover_days is None
            else tr("{days} d").format(days=f"{r.cover_days:,.0f}")
        )
        ax.text(v + peak * 0.01, y, f"{compact_money(v)} · {cover}", va="center", fontsize=7.5,
                color=palette.MUTED)  # fmt: skip
    from matplotlib.patches import Patch

    ax.legend(
        handles=[
            Patch(color=palette.BAD, label=tr("no sales in the demand window")),
            Patch(color=palette.WARN, label=tr("sells, but slowly")),
        ],
        loc="lower right", fontsize=7.5, frameon=False,
    )  # fmt: skip
    ax.set_yticks(ys, [shorten(f"{r.name}", 22) for r in rows])
    ax.tick_params(axis="y", labelsize=8.5, labelcolor=palette.INK)
    ax.set_xlim(0, peak * 1.3)
    money_axis(ax.xaxis)
    unit = f" ({currency})" if currency else ""
    ax.set_xlabel(tr("stock value") + unit, color=palette.MUTED, fontsize=9)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    return fig
