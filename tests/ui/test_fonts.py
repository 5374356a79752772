"""The shipped CJK font reaches Qt."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from inventory_app.ui.fonts import register_qt_fonts


def test_register_qt_fonts_adds_the_cjk_family(qapp):
    families = register_qt_fonts()
    assert "Droid Sans Fallback" in families
    assert "Droid Sans Fallback" in QFontDatabase.families()
    assert register_qt_fonts() == families  # idempotent
