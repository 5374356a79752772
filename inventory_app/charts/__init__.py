"""matplotlib Figure builders (no pyplot, no Qt): report data in, ``Figure`` out.

Each builder registers the shipped CJK font first (``fonts.ensure_fonts``) and marks its
clickable artists with a link gid (see ``common``). Import the builder modules lazily:
matplotlib takes a moment to load.
"""

from __future__ import annotations

import sys

_lean = False


def lean_matplotlib() -> None:
    """Let matplotlib load without writing the docstring and signature of every Artist
    subclass's ``set()``: it builds them from the class's setters as each class is made, which
    is a third of its import (~0.4 s of ~1.2 s, measured here), and an app never shows them.
    ``Artist.set`` works as before (it takes keyword arguments and resolves aliases itself).

    Call before anything imports matplotlib's artists (every chart path does, through
    ``fonts.ensure_fonts`` and the modules that import ``matplotlib.figure`` at their top);
    once they are made it is too late and this does nothing. A matplotlib without these
    hooks loads as it is."""
    global _lean
    if _lean:
        return
    _lean = True
    if "matplotlib.lines" in sys.modules:  # the artists are made already
        return
    try:
        from matplotlib import artist
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return
    update = getattr(artist.Artist, "_update_set_signature_and_docstring", None)
    if update is None or not callable(getattr(artist, "kwdoc", None)):
        return
    artist.kwdoc = _no_kwdoc
    artist.Artist._update_set_signature_and_docstring = classmethod(_no_signature)


def _no_kwdoc(_artist: object) -> str:
    return ""


def _no_signature(_cls: type) -> None:
    return None


def save(fig, path: str, *, dpi: int = 150) -> None:
    """Write ``fig`` to ``path``; the format follows the suffix (.png, .svg, .pdf)."""
    fig.savefig(path, dpi=dpi, facecolor=fig.get_facecolor())
