"""How wide text shows: East Asian wide characters take two columns (terminal tables, Excel
column widths, chart labels)."""

from __future__ import annotations

import unicodedata


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text: str) -> int:
    """Columns a text takes on screen: East Asian wide characters count two."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))
