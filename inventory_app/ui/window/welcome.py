"""First run: no shop file yet. Create one, open one, or explore a demo shop."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class WelcomeScreen(QWidget):
    """Three choices; the main window does the work behind each signal."""

    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome"))
        title.setObjectName("welcomeTitle")
        intro = QLabel(
            self.tr(
                "Keep track of what you have, what it is worth and when it expires. "
                "Everything stays in one file on this computer."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.create_button = QCommandLinkButton(
            self.tr("Create an empty shop"),
            self.tr("Start a new shop file and add your items."),
        )
        self.open_button = QCommandLinkButton(
            self.tr("Open a shop file…"),
            self.tr("Continue with a file you already have (.db)."),
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Explore a demo shop"),
            self.tr("A small shop with a year of made-up history to try things out."),
        )
        self.create_button.clicked.connect(self.create_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(560)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        for button in (self.create_button, self.open_button, self.demo_button):
            # Room for title and description: the size hint clips the second line with
            # some fonts (CJK fallback fonts are taller).
            button.setFixedHeight(button.fontMetrics().lineSpacing() * 2 + 30)
            inner.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
