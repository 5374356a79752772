"""Shared chart helpers: a styled Figure without pyplot, number formats, click links.

Clickable artists carry their link as the gid (``sku:GR-0001``, ``month:2026-03``,
``week:2026-11-23``, ``expired``, ``abc:A``, ``ageing:乳制品|>180``) and are pickable, so the
UI maps a ``pick_event`` to the list behind it with ``link_of(event.artist)``. The Figure
also keeps every link it offers in ``figure.links`` (see ``links``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from inventory_app.charts import palette
from inventory_app.charts.fonts import ensure_fonts
from inventory_app.domain.text import char_width

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

Tr = Callable[[str], str]


def same(text: str) -> str:
    return text


def new_figure(width: float = 7.0, height: float = 3.6, *, dpi: int = 100) -> Figure:
    """A white Figure laid out by ``layout.MarginLayout``, fonts registered; no pyplot."""
    ensure_fonts()  # first: matplotlib loads lean (charts.lean_matplotlib)
    from matplotlib.figure import Figure

    from inventory_app.charts.layout import MarginLayout

    fig = Figure(figsize=(width, height), dpi=dpi, layout=MarginLayout())
    fig.set_facecolor(palette.BACKGROUND)
    fig.links = []  # type: ignore[attr-defined]
    return fig


def style_axes(ax: Axes, *, grid_axis: str = "y") -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(palette.GRID)
    ax.tick_params(colors=palette.MUTED, labelsize=8.5, length=0)
    ax.grid(axis=grid_axis, color=palette.GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.title.set_color(palette.INK)


def title(ax: Axes, text: str, *, note: str = "") -> None:
    """A left-aligned title with a small note under it (fits narrow canvases)."""
    ax.set_title(text, loc="left", fontsize=11, color=palette.INK, pad=18 if note else 10)
    if note:
        ax.text(
            0.0, 1.015, note, transform=ax.transAxes, ha="left", va="bottom", fontsize=8,
            color=palette.MUTED,
        )  # fmt: skip


def compact_money(value: float) -> str:
    """12 -> '12', 1234 -> '1,234', 12345 -> '12.3k', 1234567 -> '1.23M'."""
    v = abs(value)
    sign = "-" if value < 0 else ""
    if v >= 1_000_000:
        return f"{sign}{v / 1_000_000:.3g}M"
    if v >= 10_000:
        return f"{sign}{v / 1000:.3g}k"
    if v >= 100 or v == int(v):
        return f"{sign}{v:,.0f}"
    return f"{sign}{v:,.2f}"


def money_axis(axis: Any) -> None:
    """Tick labels in one unit for the whole axis: 1,500 / 15k / 1.5M."""
    from matplotlib.ticker import Formatter

    class _Money(Formatter):
        def __call__(self, x: float, pos: int | None = None) -> str:
            if x == 0:
                return "0"
            low, high = self.axis.get_view_interval()
            top = max(abs(low), abs(high))
            if top >= 2_000_000:
                return f"{x / 1_000_000:,.{_places(x / 1_000_000)}f}M"
            if top >= 20_000:
                return f"{x / 1000:,.{_places(x / 1000)}f}k"
            return f"{x:,.{_places(x)}f}"

    axis.set_major_formatter(_Money())


def _places(v: float) -> int:
    return 0 if abs(v - round(v)) < 1e-9 else 1 if abs(v * 10 - round(v * 10)) < 1e-6 else 2


def to_float(d: Decimal | None) -> float:
    return 0.0 if d is None else float(d)  # float ok: plotting


def link(fig: Figure, artist: Artist, target: str) -> None:
    """Make ``artist`` clickable, leading to ``target``."""
    artist.set_gid(target)
    artist.set_picker(True)
    fig.links.append(target)  # type: ignore[attr-defined]


def link_of(artist: Artist) -> str | None:
    return artist.get_gid()


def links(fig: Figure) -> list[str]:
    return list(getattr(fig, "links", []))


def shorten(text: str, limit: int = 18) -> str:
    """Clip long names for axis labels (CJK characters count double)."""
    width = 0
    for i, ch in enumerate(text):
        width += char_width(ch)
        if width > limit:
            return text[:i].rstrip() + "…"
    return text


def empty_note(ax: Axes, text: str) -> None:
    ax.text(
        0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=10,
        color=palette.MUTED,
    )  # fmt: skip
    ax.set_xticks([])
    ax.set_yticks([])
