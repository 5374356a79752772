"""Register the shipped fonts with Qt at start (call once the QApplication exists), so
Chinese item names render on machines without a CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from inventory_app.charts.fonts import CJK_FAMILY, font_paths

_families: list[str] = []


def register_qt_fonts() -> list[str]:
    """Add every font in resources/fonts to the application font database and make the
    CJK family a substitute of the default UI font (used only for glyphs it lacks).
    Returns the families added; idempotent."""
    if _families:
        return list(_families)
    for path in font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            _families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if CJK_FAMILY in _families:
        default = QFont().family()
        QFont.insertSubstitution(default, CJK_FAMILY)
    return list(_families)
