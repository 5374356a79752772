"""Driving modal dialogs from tests: a dialog's exec() blocks, so act from a timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

#: the polls still waiting for their dialog; ``stop_waiting`` ends them
_waiting: list[list[bool]] = []


def when_modal(
    handler: Callable[[QWidget], None], *, kind: type = QWidget, timeout_ms: int = 5000
) -> list[QWidget]:
    """Call ``handler(dialog)`` once a modal dialog (of class ``kind``: several dialogs may
    follow each other) is up. Returns a list that receives the dialog, so the test can check
    that one appeared at all. A poll whose dialog never came is ended when its test ends
    (conftest), so it cannot answer the next test's dialog."""
    seen: list[QWidget] = []
    waited = [0]
    alive = [True]
    _waiting.append(alive)

    def poll() -> None:
        if not alive[0]:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog not in seen:
            seen.append(dialog)
            alive[0] = False
            handler(dialog)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)
        else:
            alive[0] = False

    QTimer.singleShot(0, poll)
    return seen


def stop_waiting() -> None:
    """End every poll still waiting for a dialog (a test's teardown)."""
    for alive in _waiting:
        alive[0] = False
    _waiting.clear()


def type_into(qtbot, widget, text: str) -> None:
    """Type ``text`` key by key; characters QTest cannot press (Chinese, typed through an input
    method in real life) are inserted as the input method would commit them."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            widget.insert(ch)
