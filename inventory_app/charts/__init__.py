"""matplotlib Figure builders (no pyplot, no Qt): report data in, ``Figure`` out.

Each builder registers the shipped CJK font first (``fonts.ensure_fonts``) and marks its
clickable artists with a link gid (see ``common``). Import the builder modules lazily:
matplotlib takes a moment to load.
"""

from __future__ import annotations


def save(fig, path: str, *, dpi: int = 150) -> None:
    """Write ``fig`` to ``path``; the format follows the suffix (.png, .svg, .pdf)."""
    fig.savefig(path, dpi=dpi, facecolor=fig.get_facecolor())
