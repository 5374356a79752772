"""Driving modal dialogs from tests: a dialog's exec() blocks, so act from a timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(
    handler: Callable[[QWidget], None], *, kind: type = QWidget, timeout_ms: int = 5000
) -> list[QWidget]:
    """Call ``handler(dialog)`` once a modal dialog (of class ``kind``: several dialogs may
    follow each other) is up. Returns a list that receives the dialog, so the test can check
    that one appeared at all."""
    seen: list[QWidget] = []
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog not in seen:
            seen.append(dialog)
            handler(dialog)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def type_into(qtbot, widget, text: str) -> None:
    """Type ``text`` key by key; characters QTest cannot press (Chinese, typed through an input
    method in real life) are inserted as the input method would commit them."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            widget.insert(ch)
