"""Stock value by age (days since receipt) per category, as stacked horizontal bars."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from inventory_app.charts import palette
from inventory_app.charts.common import (
    Tr,
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
from inventory_app.domain.indicators import AGE_LABELS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from inventory_app.services.analytics.stock import AgeingReport

OTHER = "\x00other"  # the folded categories (never a real category name)


def ageing_by_category(
    report: AgeingReport, *, top: int = 10, tr: Tr = same, currency: str = ""
) -> Figure:
    """One bar per category (largest value on top, the rest folded into "Other"), split
    into the ageing buckets 0–30 … >180 days. Segments link to
    ``ageing:<category>|<bucket>``, the folded ones to ``ageing-other:<bucket>``."""
    cats = report.by_category()
    rows = list(cats.items())
    if len(rows) > top:
        other = dict.fromkeys(AGE_LABELS, Decimal("0.00"))
        for _cat, buckets in rows[top - 1 :]:
            for k, v in buckets.items():
                other[k] += v
        rows = [*rows[: top - 1], (OTHER, other)]
    fig = new_figure(7.2, max(2.8, 1.4 + 0.34 * len(rows)))
    ax = fig.subplots()
    style_axes(ax, grid_axis="x")
    title(ax, tr("Stock ageing by category"), note=tr("value by days since receipt"))
    if not rows:
        empty_note(ax, tr("No stock on hand"))
        return fig
    ys = list(range(len(rows)))[::-1]  # largest at the top
    left = [0.0] * len(rows)
    for b, label in enumerate(AGE_LABELS):
        widths = [to_float(buckets[label]) for _cat, buckets in rows]
        bars = ax.barh(
            ys, widths, left=left, color=palette.AGEING[b], height=0.66,
            label=tr("{bucket} days").format(bucket=label.replace("-", "–")),
        )  # fmt: skip
        for bar, (cat, _buckets), w in zip(bars, rows, widths, strict=True):
            if w > 0:
                link(fig, bar, f"ageing-other:{label}" if cat == OTHER else f"ageing:{cat}|{label}")
        left = [a + w for a, w in zip(left, widths, strict=True)]
    names = [
        tr("Other") if cat == OTHER else shorten(cat or tr("(no category)"), 20) for cat, _ in rows
    ]
    ax.set_yticks(ys, names)
    ax.tick_params(axis="y", labelsize=9, labelcolor=palette.INK)
    money_axis(ax.xaxis)
    unit = f" ({currency})" if currency else ""
    ax.set_xlabel(tr("stock value") + unit, color=palette.MUTED, fontsize=9)
    from inventory_app.charts.layout import legend_below  # matplotlib is loaded by now

    legend_below(fig, *ax.get_legend_handles_labels(), fontsize=8)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    return fig
