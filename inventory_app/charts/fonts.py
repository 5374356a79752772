"""The shipped CJK font, registered with matplotlib as a fallback after DejaVu Sans, so
Chinese item names render on machines without a CJK font (no missing-glyph boxes)."""

from __future__ import annotations

from pathlib import Path

from inventory_app import resources

FONT_FILES = ("DroidSansFallbackFull.ttf",)
CJK_FAMILY = "Droid Sans Fallback"
_done = False


def font_paths() -> list[Path]:
    """The bundled fonts that are there, from the package data (inventory_app/resources)."""
    return [p for p in (resources.path(f"fonts/{name}") for name in FONT_FILES) if p.is_file()]


def ensure_fonts() -> None:
    """Register the shipped fonts and add the CJK family as the fallback after the usual
    family (Latin text keeps DejaVu Sans). Idempotent; every chart builder calls it."""
    global _done
    if _done:
        return
    from inventory_app.charts import lean_matplotlib

    lean_matplotlib()
    import matplotlib
    from matplotlib import font_manager

    for path in font_paths():
        font_manager.fontManager.addfont(str(path))
    # matplotlib falls back glyph by glyph along font.family (a generic family such as
    # 'sans-serif' resolves to one font), so the CJK font follows the Latin one there.
    families = [f for f in matplotlib.rcParams["font.family"] if f != CJK_FAMILY]
    matplotlib.rcParams["font.family"] = [*(families or ["sans-serif"]), CJK_FAMILY]
    matplotlib.rcParams["axes.unicode_minus"] = False  # the CJK font has no U+2212
    _done = True
