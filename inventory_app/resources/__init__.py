"""Package data — fonts, compiled translations, icons — found through ``importlib.resources``,
so an editable checkout, a wheel in site-packages, a ``pip install --user``, a system install
and the frozen bundle all read the same files the same way (nothing under ``sys.prefix`` or the
current folder)."""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["FONT_LICENCE", "ICON_PNG", "ICON_SIZES", "path"]

# Extracted copies (only a zipped install needs them) live as long as the process.
_copies = ExitStack()
atexit.register(_copies.close)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_PNG = "icons/inventory-app-{size}.png"
FONT_LICENCE = "fonts/LICENSE-Apache-2.0.txt"


def path(relative: str) -> Path:
    """A real file path for ``relative`` (like ``"fonts/DroidSansFallbackFull.ttf"``) inside
    the package data, for libraries that want a path (Qt, matplotlib). It may not exist: the
    caller checks."""
    resource = files(__name__).joinpath(*relative.split("/"))
    return _copies.enter_context(as_file(resource))
