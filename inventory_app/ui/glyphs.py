"""Missing glyphs in what a window shows: Qt draws a box for a character no font has, silently.

Screenshot mode (``--screenshot``) reports them on stderr, so a frozen build or a ``--user``
install whose bundled CJK font was not found fails its smoke test instead of showing boxes.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QWidget,
)

from inventory_app.ui.fonts import register_qt_fonts

_TAG = re.compile(r"<[^>]*>|&[a-z]+;")
_ROWS = 40  # a screenful of rows is what a screenshot shows


def missing_glyphs(window: QWidget) -> dict[str, str]:
    """Characters of the visible text that neither the widget's font nor a bundled font
    (the CJK fallback) can draw, each with an example of the text it came from."""
    fallbacks = [QFontMetrics(QFont(family)) for family in register_qt_fonts()]
    missing: dict[str, str] = {}
    for widget, text in _visible_texts(window):
        own = QFontMetrics(widget.font())
        for char in text:
            if char in missing or not _drawn(char):
                continue
            code = ord(char)
            if not own.inFontUcs4(code) and not any(m.inFontUcs4(code) for m in fallbacks):
                missing[char] = text[:40]
    return missing


def _drawn(char: str) -> bool:
    # spaces, controls, format marks and private-use code points are not drawn as glyphs
    return not char.isspace() and unicodedata.category(char)[0] not in ("C", "Z")


def _visible_texts(window: QWidget):
    yield window, window.windowTitle()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        for text in _texts_of(widget):
            if text:
                yield widget, _TAG.sub("", text)


def _texts_of(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLineEdit):
        return [widget.text(), widget.placeholderText()]
    if isinstance(widget, QComboBox):
        return [widget.currentText()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QListWidget):
        return [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        return _model_texts(widget.model())
    return []


def _model_texts(model) -> list[str]:
    role = Qt.ItemDataRole.DisplayRole
    texts = [
        str(model.headerData(c, Qt.Orientation.Horizontal, role) or "")
        for c in range(model.columnCount())
    ]
    for row in range(min(model.rowCount(), _ROWS)):
        texts.extend(
            str(model.data(model.index(row, c), role) or "") for c in range(model.columnCount())
        )
    return texts
