"""ABC Pareto curve: cumulative share of consumption value over the ranked items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inventory_app.charts import palette
from inventory_app.charts.common import Tr, empty_note, link, new_figure, same, style_axes, title

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from inventory_app.services.analytics.abc import AbcReport


def abc_pareto(report: AbcReport, *, tr: Tr = same) -> Figure:
    """x: share of items, highest consumption first; y: cumulative share of consumption.
    The area of each class is filled in its colour and links to ``abc:A`` / ``abc:B`` /
    ``abc:C``."""
    from matplotlib.ticker import PercentFormatter

    fig = new_figure(7.2, 3.6)
    ax = fig.subplots()
    style_axes(ax, grid_axis="both")
    title(ax, tr("ABC analysis (Pareto)"), note=tr("by consumption value"))
    rows = report.rows
    if not rows or report.total <= 0:
        empty_note(ax, tr("Nothing was sold in this period"))
        return fig
    n = len(rows)
    xs = [0.0] + [100.0 * (i + 1) / n for i in range(n)]
    ys = [0.0] + [float(r.cumulative) * 100 for r in rows]  # float ok: plotting
    counts = report.classes()
    start = 0
    for cls in "ABC":
        count = counts[cls][0]
        if not count:
            continue
        end = start + count
        area = ax.fill_between(
            xs[start : end + 1], ys[start : end + 1], color=palette.ABC[cls], alpha=0.55, lw=0
        )
        link(fig, area, f"abc:{cls}")
        value_share = float(counts[cls][1] / report.total) * 100  # float ok: plotting
        mid = (xs[start] + xs[end]) / 2
        ax.text(
            mid, 4, f"{cls}\n"
            + tr("{items} items\n{share:.0f}% of value").format(items=count, share=value_share),
            ha="center", va="bottom", fontsize=8, color=palette.INK, linespacing=1.3,
        )  # fmt: skip
        if cls != "C" or end < n:
            ax.axvline(xs[end], color="white", lw=1.2)
        start = end
    ax.plot(xs, ys, color=palette.PRIMARY, lw=1.8)
    for level in (80, 95):
        ax.axhline(level, color=palette.MUTED, lw=0.8, ls=(0, (3, 3)))
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 105)
    ax.set_yticks([0, 20, 40, 60, 80, 95, 100])
    ax.xaxis.set_major_formatter(PercentFormatter(decimals=0))
    ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    ax.set_xlabel(tr("share of items, best sellers first"), color=palette.MUTED, fontsize=9)
    ax.set_ylabel(tr("cumulative share of value"), color=palette.MUTED, fontsize=9)
    return fig
