"""A layout engine for our charts that places the axes from what sits around them, estimated
from the text itself instead of measured by drawing it.

matplotlib's constrained layout measures every tick label, title and axis label with the
font before each draw; on the dashboard that doubled the first draw of a chart (~0.12 s more
a chart, measured), and a window resize pays it again for every chart. Our charts are simple:
a grid of axes in one column, a title (and a small note) above each, tick labels and an axis
label on the left and at the bottom, sometimes tick labels on the right. What they need
around them follows from their texts' lengths and sizes, which are known before drawing: the
tick labels from the axis's locator and formatter, the rest from the artists. Widths are
estimated generously (a wide CJK character ``WIDE_EM``, a thin one ``THIN_EM``, any other
``NARROW_EM``), so a label may get a little more room than it needs but is never clipped
(tests/charts/test_layout.py draws every chart in both languages and checks that nothing
falls outside the figure).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from matplotlib.layout_engine import LayoutEngine
from matplotlib.ticker import Formatter

from inventory_app.domain.text import char_width

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

POINT = 1 / 72  # inches
NARROW_EM = 0.66  # DejaVu Sans: digits 0.636 em (0.64 drawn), capitals up to 0.78, rarely in a row
WIDE_EM = 1.06  # the CJK fallback font advances its ideographs a little over one em
# DejaVu Sans's thin ones, at most 0.41 em ("r"): "expired" is 3.8 em, not 7 x 0.66
THIN_EM = 0.42
THIN = frozenset("iljtfrI.,:;'|!()[] -/")
LINE = 1.25  # line height, in ems
EDGE = 6 * POINT  # between the outermost text and the figure's edge
GAP = 10 * POINT  # between two stacked axes whose tick labels face away from each other


def text_inches(text: str, size: float) -> tuple[float, float]:
    """(width, height) in inches of ``text`` set at ``size`` points, estimated generously."""
    lines = text.split("\n") if text else []
    if not lines:
        return 0.0, 0.0
    ems = max(sum(_ems(ch) for ch in line) for line in lines)
    return ems * size * POINT, len(lines) * size * LINE * POINT


def _ems(ch: str) -> float:
    if ch in THIN:
        return THIN_EM
    return WIDE_EM if char_width(ch) == 2 else NARROW_EM


def _tick_labels(axis: Axis) -> tuple[list[str], float]:
    """The major tick labels the axis will draw at its current limits (no text is laid out:
    the locator and formatter run, as drawing would run them), and how far from the axis's
    far end the last one stands (a fraction of the axis)."""
    low, high = sorted(axis.get_view_interval())
    span = (high - low) or 1.0
    locs = [x for x in axis.get_majorticklocs() if low - 1e-9 <= x <= high + 1e-9]
    labels = axis.get_major_formatter().format_ticks(locs)
    shown = [(x, t) for x, t in zip(locs, labels, strict=True) if t]
    to_end = (high - shown[-1][0]) / span if shown else 1.0
    return [t for _x, t in shown], to_end


def _legend_inches(legend: Any) -> float:
    """The height of a legend laid out in rows of its columns."""
    texts = legend.get_texts()
    if not texts or not legend.get_visible():
        return 0.0
    size = texts[0].get_size()
    cols = max(getattr(legend, "_ncols", 1), 1)
    rows = -(-len(texts) // cols)
    return (rows * LINE + (rows - 1) * legend.labelspacing + 2 * legend.borderpad) * size * POINT


def legend_below(
    fig: Figure,
    handles: list[Any],
    labels: list[str],
    *,
    fontsize: float = 8,
    handlelength: float = 1.0,
    columnspacing: float = 1.2,
) -> None:
    """A legend below the axes that fits the figure's width at any size: all entries in one row
    where they fit, else in two rows, three... A chart on the dashboard is resized with its
    box, so the legend is laid out once in each column count, and the layout shows the one
    with the most columns that fits (the others are hidden; a legend cannot be laid out again
    in other columns through matplotlib's public API)."""
    import matplotlib

    pad = matplotlib.rcParams["legend.borderpad"]  # ems, as the handle's pad to its text
    handle = (handlelength + matplotlib.rcParams["legend.handletextpad"]) * fontsize * POINT
    entries = [handle + text_inches(label, fontsize)[0] for label in labels]
    counts = sorted({-(-len(labels) // rows) for rows in range(1, len(labels) + 1)}, reverse=True)
    choices = []
    for cols in counts:
        # matplotlib fills the columns in turn, the first ones one entry longer
        size, extra = divmod(len(entries), cols)
        widest, start = [], 0
        for col in range(cols):
            end = start + size + (col < extra)
            widest.append(max(entries[start:end]))
            start = end
        need = sum(widest) + ((cols - 1) * columnspacing + 2 * pad) * fontsize * POINT
        legend = fig.legend(
            handles, labels, loc="outside lower center", fontsize=fontsize, frameon=False,
            ncols=cols, handlelength=handlelength, columnspacing=columnspacing,
        )  # fmt: skip
        legend.set_visible(not choices)
        choices.append((need, legend))
    engine = fig.get_layout_engine()
    if isinstance(engine, MarginLayout):
        engine.legend_choices.append(choices)


class SpacedLabels(Formatter):
    """Fixed tick labels (position -> text) on an x axis, of which only those that keep clear
    of the one before are shown at the axes' current width, from the left: a chart resized
    narrower drops labels instead of running them into each other."""

    def __init__(self, labels: dict[float, str]) -> None:
        self.labels = labels

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.labels.get(x, "")

    def format_ticks(self, values: Any) -> list[str]:
        axes = self.axis.axes
        low, high = axes.get_xlim()
        width = axes.get_position().width * axes.figure.get_figwidth()
        per_unit = width / ((high - low) or 1.0)
        size, _pad = _tick_font(self.axis)
        shown, free_from = [], float("-inf")  # where the last label shown ends (inches)
        for x in values:
            text = self.labels.get(x, "")
            half = text_inches(text, size)[0] / 2
            middle = (x - low) * per_unit
            if text and middle - half >= free_from:
                shown.append(text)
                free_from = middle + half + 0.4 * size * POINT  # a space between two labels
            else:
                shown.append("")
        return shown


def _tick_font(axis: Axis) -> tuple[float, float]:
    """(label size, pad + tick length) in points."""
    params = axis.get_tick_params(which="major")
    size = params.get("labelsize")
    if size is None or isinstance(size, str):
        from matplotlib.font_manager import FontProperties

        size = FontProperties(size=size or _rc(axis, "labelsize")).get_size_in_points()
    pad = params.get("pad", _rc(axis, "major.pad"))
    length = params.get("length", _rc(axis, "major.size"))
    return float(size), float(pad) + float(length)


def _rc(axis: Axis, key: str) -> Any:
    import matplotlib

    return matplotlib.rcParams[f"{axis.axis_name}tick.{key}"]


def _label_inches(axis: Axis) -> float:
    """Room the axis label takes beside the tick labels, its pad included (a y label is
    rotated: its lines' height is what it takes across)."""
    label = axis.get_label()
    text = label.get_text()
    if not text or not label.get_visible():
        return 0.0
    _w, h = text_inches(text, label.get_size())
    return h + axis.labelpad * POINT


def _tick_room(axis: Axis, across: int) -> tuple[list[str], float, float, float]:
    """(tick labels, how far from the far end the last one stands, their size, the room they
    take across the axis: ``across`` 0 measures their widths, 1 their heights)."""
    labels, to_end = _tick_labels(axis)
    if not labels:
        return labels, to_end, 0.0, 0.0
    size, pad = _tick_font(axis)
    room = max(text_inches(t, size)[across] for t in labels) + pad * POINT
    return labels, to_end, size, room


def _sides(ax: Axes, fig_width: float) -> dict[str, float]:
    """Inches each side of ``ax`` that its texts take."""
    need = {"left": 0.0, "right": 0.0, "bottom": 0.0, "top": 0.0}
    params = ax.yaxis.get_tick_params(which="major")
    _labels, _to_end, _size, room = _tick_room(ax.yaxis, 0)
    if params.get("labelleft", True):
        need["left"] = room
    if params.get("labelright", False):
        need["right"] = room
    side = "right" if ax.yaxis.get_label_position() == "right" else "left"
    need[side] += _label_inches(ax.yaxis)
    params = ax.xaxis.get_tick_params(which="major")
    labels, to_end, size, room = _tick_room(ax.xaxis, 1)
    if params.get("labelbottom", True):
        need["bottom"] = room
    if params.get("labeltop", False):
        need["top"] = room
    if labels:  # the last label is centred on its tick: near the right end it reaches past it
        past = text_inches(labels[-1], size)[0] / 2 - to_end * fig_width * 0.8
        need["right"] = max(need["right"], past)
    need["bottom"] += _label_inches(ax.xaxis)
    titles = (getattr(ax, name, None) for name in ("title", "_left_title", "_right_title"))
    title = max(
        (t for t in titles if t is not None and t.get_text()),
        key=lambda t: t.get_size(),
        default=None,
    )
    if title is not None:
        # the title stands its pad above the axes (our titles leave room for their note)
        lines = title.get_text().count("\n") + 1
        pad = ax.titleOffsetTrans.get_matrix()[1, 2] / ax.figure.dpi
        need["top"] = max(need["top"], lines * title.get_size() * 1.2 * POINT + max(pad, 0.0))
    return need


class MarginLayout(LayoutEngine):
    """Axes in one column, the room around them from their texts (see the module's note)."""

    _adjust_compatible = True
    _colorbar_gridspec = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._params = {}
        # a legend below the axes laid out in several column counts (see ``legend_below``):
        # (the width each needs, the legend), most columns first
        self.legend_choices: list[list[tuple[float, Any]]] = []

    def set(self, **kwargs: Any) -> None:  # nothing to set
        self._params.update(kwargs)

    def execute(self, fig: Figure) -> None:
        axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_subplotspec() is not None]
        if not axes:
            return
        width, height = fig.get_size_inches()
        for choices in self.legend_choices:  # the one with the most columns that fits
            shown = next((lg for need, lg in choices if need <= width - 2 * EDGE), choices[-1][1])
            for _need, legend in choices:
                if legend.get_visible() != (legend is shown):
                    legend.set_visible(legend is shown)
        needs = [_sides(ax, width) for ax in axes]
        left = max(n["left"] for n in needs) + EDGE
        right = max(n["right"] for n in needs) + EDGE
        top = needs[0]["top"] + EDGE * 0.7
        bottom = needs[-1]["bottom"] + EDGE
        for legend in fig.legends:  # ours stand below the axes ("outside lower center")
            bottom += _legend_inches(legend)
        rows = axes[0].get_subplotspec().get_gridspec().nrows
        # between stacked axes: what the lower one has above it and the upper one below it
        between = max([GAP] + [a["bottom"] + b["top"] for a, b in itertools.pairwise(needs)])
        inner = max(height - top - bottom, height * 0.2)
        axes_height = (inner - between * (rows - 1)) / rows
        fig.subplots_adjust(
            left=min(left / width, 0.45),
            right=max(1 - right / width, 0.55),
            top=1 - top / height,
            bottom=min(bottom / height, 0.45),
            hspace=between / max(axes_height, 1e-6),
        )
