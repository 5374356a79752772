"""The Help menu: the user guide (F1) and the About box (version, data folder, the open shop
file, the bundled font's licence).

The guide is the README's "User guide" section, read from the installed package's metadata
(its long description is the README): one text, shown offline in every kind of install.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

GUIDE_HEADINGS = {"en": "## User guide", "zh": "## 使用指南"}


def add_help_menu(window: QMainWindow) -> None:
    """Add Help → User guide (F1), About Inventory to ``window``'s menu bar (last menu)."""
    # the main window's context, as its own self.tr() strings (lupdate reads the literal)
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    guide = menu.addAction(QCoreApplication.translate("MainWindow", "User guide"))
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: UserGuideDialog(parent=window).exec())
    about = menu.addAction(QCoreApplication.translate("MainWindow", "About Inventory"))
    about.triggered.connect(lambda: AboutDialog(getattr(window, "ctx", None), parent=window).exec())


def user_guide_markdown(lang: str = "en") -> str:
    """The README's user guide in ``lang`` ("zh": 使用指南, else "User guide"): from the
    checkout when running from one (so an edit shows at once), else from the installed
    package's metadata (wheel, frozen bundle); "" when neither has it."""
    checkout = Path(__file__).resolve().parents[3] / "README.md"
    if checkout.is_file():
        return guide_section(checkout.read_text(encoding="utf-8"), lang)
    from importlib.metadata import PackageNotFoundError, metadata

    from inventory_app import DISTRIBUTION

    try:
        return guide_section(metadata(DISTRIBUTION).get_payload() or "", lang)
    except PackageNotFoundError:
        return ""


def guide_section(readme: str, lang: str = "en") -> str:
    """The guide's section of ``readme`` (to the next second-level heading), as a document
    of its own (its heading made first-level); "" when there is none."""
    heading = GUIDE_HEADINGS.get(lang, GUIDE_HEADINGS["en"])
    start = readme.find(heading + "\n")
    if start < 0:
        return ""
    rest = readme[start + len(heading) :]
    end = re.search(r"^## ", rest, flags=re.MULTILINE)
    return "# " + heading[3:] + (rest[: end.start()] if end else rest)


class UserGuideDialog(QDialog):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        from inventory_app.domain import messages

        guide = user_guide_markdown(messages.language())
        if guide:
            self.text.setMarkdown(guide)
        else:
            self.text.setPlainText(self.tr("The user guide is not part of this installation."))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    def __init__(self, ctx, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import platform

        from PySide6 import __version__ as pyside_version

        from inventory_app import __version__, resources
        from inventory_app.services.shop import default_db_path

        self.setWindowTitle(self.tr("About Inventory"))
        shop = ctx.path if ctx is not None else None
        data_folder = default_db_path().parent
        licence = resources.path(resources.FONT_LICENCE)
        rows = [
            (self.tr("Version"), html.escape(__version__)),
            (self.tr("Data folder"), _file_link(data_folder)),
            (self.tr("Shop file"), _file_link(shop) if shop else self.tr("none open")),
            (
                self.tr("Chinese font"),
                self.tr("Droid Sans Fallback © Google, {0}").format(
                    f'<a href="{QUrl.fromLocalFile(str(licence)).toString()}">Apache 2.0</a>'
                ),
            ),
            (
                self.tr("Built with"),
                html.escape(f"Python {platform.python_version()}, Qt for Python {pyside_version}"),
            ),
        ]
        body = "".join(
            f"<tr><td style='padding-right:12px;color:#6b7280'>{html.escape(k)}</td>"
            f"<td>{v}</td></tr>"
            for k, v in rows
        )
        title = html.escape(self.tr("Inventory"))
        blurb = html.escape(self.tr("Offline inventory for small shops."))
        self.label = QLabel(f"<h2>{title}</h2><p>{blurb}</p><table>{body}</table>")
        self.label.setOpenExternalLinks(False)
        self.label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.label.setTextInteractionFlags(self.label.textInteractionFlags())
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def _file_link(path: Path) -> str:
    url = QUrl.fromLocalFile(str(path)).toString()
    return f'<a href="{url}">{html.escape(str(path))}</a>'
