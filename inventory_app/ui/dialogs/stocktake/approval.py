"""The question before a stocktake is approved: what will be posted, and a warning naming
every line still flagged for recount (approving closes them for good)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from inventory_app.services.stocktake import Review, ReviewLine
from inventory_app.ui.widgets.format import location_text, money_text

SHOWN = 12  # flagged lines named in the box; more are counted


class ApprovalQuestion(QMessageBox):
    """Yes approves. With flagged lines it is a warning naming them, and No is the default."""

    def __init__(self, review: Review, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        variances = sum(1 for x in review.lines if x.variance_qty)
        question = self.tr(
            "Post {0} differences (gains {1}, losses {2}) and close the stocktake? "
            "It cannot be changed afterwards."
        ).format(variances, money_text(review.gains), money_text(review.losses))
        self.flagged = [x for x in review.lines if x.flagged]
        self.setWindowTitle(self.tr("Approve stocktake"))
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if not self.flagged:
            self.setIcon(QMessageBox.Icon.Question)
            self.setText(question)
            self.setDefaultButton(QMessageBox.StandardButton.Yes)
            return
        lines = [self.tr("{0} lines are flagged for recount:").format(len(self.flagged))]
        lines += [self._line(x) for x in self.flagged[:SHOWN]]
        if len(self.flagged) > SHOWN:
            lines.append(self.tr("… and {0} more").format(len(self.flagged) - SHOWN))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setStyleSheet(  # one line per flagged line
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 480px; }"
        )
        self.setText("\n".join(lines))
        self.setInformativeText(self.tr("Recount them first, or approve anyway.") + "\n" + question)
        self.setDefaultButton(QMessageBox.StandardButton.No)
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("Approve anyway"))

    def _line(self, x: ReviewLine) -> str:
        where = location_text(x.location) + (
            " · " + self.tr("batch {0}").format(x.batch) if x.batch else ""
        )
        return f"• {x.sku}  {x.name}  ({where})"
