"""Reports: the accountant's Excel pack for a month or any period, and imports from Excel.

Exports run in a worker with a connection of their own, with progress and Cancel; the file
is written under a temporary name and appears only when complete.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain import messages
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.errors import show_error
from inventory_app.ui.pages.base import Page
from inventory_app.ui.widgets import file_dialogs
from inventory_app.ui.workers import on_shop


def last_month(today: dt.date | None = None) -> dt.date:
    """The first day of the month before ``today``'s: what an accountant usually wants."""
    first = (today or dt.date.today()).replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


class ReportsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lang = QComboBox()
        self.lang.addItem(self.tr("English"), "en")
        self.lang.addItem("中文", "zh")
        if messages.language() == "zh":  # the app's language (Settings), by default
            self.lang.setCurrentIndex(1)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the file"))
        self.open_button.setVisible(False)
        self.last_path: Path | None = None

        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_month_box())
        layout.addWidget(self._build_period_box())
        layout.addWidget(self._build_import_box())
        layout.addLayout(result_row)
        layout.addStretch(1)
        self.open_button.clicked.connect(self.open_last)

    def _build_month_box(self) -> QGroupBox:
        """The month's Excel pack: month, language of the sheets, Export."""
        self.month = QDateEdit(QDate(last_month()))
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.month.setMaximumDate(QDate(dt.date.today()))
        self.export_button = QPushButton(self.tr("Export month…"))
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.setToolTip(self.tr("Save the month's Excel pack (Ctrl+E)"))
        self.export_button.clicked.connect(self.choose_month_file)
        ops.gate(self.ctx, self.export_button, "export")
        month_box = QGroupBox(self.tr("Monthly Excel pack for the accountant"))
        form = QFormLayout(month_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Month:"), self.month)
        form.addRow(self.tr("Language of the sheets:"), self.lang)
        form.addRow(
            QLabel(
                self.tr(
                    "Summary with subtotals and a check column, every movement by batch, "
                    "closing stock, stocktake variances and indicators."
                )
            )
        )
        form.addRow(self.export_button)
        self.export_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return month_box

    def _build_period_box(self) -> QGroupBox:
        """A summary for any period: from, to, Export."""
        self.start = QDateEdit(QDate(dt.date.today().replace(month=1, day=1)))
        self.end = QDateEdit(QDate(dt.date.today()))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.summary_button = QPushButton(self.tr("Export summary…"))
        self.summary_button.clicked.connect(self.choose_summary_file)
        ops.gate(self.ctx, self.summary_button, "export")
        period_box = QGroupBox(self.tr("Summary for any period"))
        row = QHBoxLayout(period_box)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addWidget(self.summary_button)
        row.addStretch(1)
        return period_box

    def _build_import_box(self) -> QGroupBox:
        """The three imports, and the templates to fill for them."""
        import_box = QGroupBox(self.tr("Import from Excel or CSV"))
        imports_row = QHBoxLayout(import_box)
        self.import_buttons: dict[str, QPushButton] = {}
        for kind, text in (
            ("items", self.tr("Import items…")),
            ("opening", self.tr("Import opening stock…")),
            ("journal", self.tr("Import movement history…")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=kind: self.open_import(k))
            imports_row.addWidget(button)
            self.import_buttons[kind] = button
        self.template_kind = QComboBox()
        self.template_kind.addItem(self.tr("Items template"), "items")
        self.template_kind.addItem(self.tr("Opening stock template"), "opening")
        self.template_kind.addItem(self.tr("Journal template"), "journal")
        self.template_button = QPushButton(self.tr("Save template…"))
        self.template_button.clicked.connect(self.choose_template_file)
        imports_row.addStretch(1)
        imports_row.addWidget(self.template_kind)
        imports_row.addWidget(self.template_button)
        return import_box

    # -- state --------------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("reports/lang", self.selected_lang())

    def restore_state(self, settings: QSettings) -> None:
        index = self.lang.findData(settings.value("reports/lang", ""))
        if index >= 0:
            self.lang.setCurrentIndex(index)

    # -- exports ------------------------------------------------------------------------------

    def selected_lang(self) -> str:
        return self.lang.currentData() or "en"

    def _ask_path(self, stem: str) -> Path | None:
        path = file_dialogs.save_file(
            self, file_dialogs.EXPORTS, self.tr("Save the Excel file"), f"{stem}.xlsx",
            self.tr("Excel (*.xlsx)"),
        )  # fmt: skip
        if path is None:
            return None
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def choose_month_file(self) -> None:
        month = self.month.date().toPython()
        path = self._ask_path(f"{self.ctx.shop_name}-{month:%Y-%m}")
        if path is not None:
            self.export_month_to(path)

    def choose_summary_file(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        path = self._ask_path(f"{self.ctx.shop_name}-{start}-{end}")
        if path is not None:
            self.export_summary_to(path)

    def export_month_to(self, path: Path) -> bool:
        """Export the selected month to ``path``; True when the file was written."""
        month = self.month.date().toPython()
        title = self.tr("Exporting {0}…").format(f"{month:%Y-%m}")
        return self._export(path, title, lambda ex, db, p, c: ex.export_month(
            db, month, path, lang=self.selected_lang(), progress=p, cancel=c))  # fmt: skip

    def export_summary_to(self, path: Path) -> bool:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        title = self.tr("Exporting the summary…")
        return self._export(path, title, lambda ex, db, p, c: ex.export_summary(
            db, path, start=start, end=end, lang=self.selected_lang(), progress=p,
            cancel=c))  # fmt: skip

    def _export(self, path: Path, title: str, call) -> bool:
        if self.ctx.path is None:
            return False

        def work(db, progress, cancel):
            from inventory_app.services.export import month as exports

            return call(exports, db, progress, cancel)

        result = ops.run_long(
            self,
            title,
            on_shop(self.ctx.path, work),  # a reader of its own: the UI keeps its connection
            cancelled=lambda: self.show_result(
                self.tr("Export cancelled; no file was written."), None
            ),
        )
        if result is None:
            return False
        self.show_result(
            self.tr("Saved {0}: {1} items, {2} movement lines, {3} batches.").format(
                result.path, result.items, result.movement_lines, result.batches
            ),
            result.path,
        )
        return True

    def show_result(self, text: str, path: Path | None) -> None:
        self.result.setText(text)
        self.last_path = path
        self.open_button.setVisible(path is not None)

    def open_last(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    # -- imports and templates ----------------------------------------------------------------

    def open_import(self, kind: str) -> None:
        from inventory_app.ui.dialogs.import_wizard import ImportWizard

        if self.ctx.db is None:
            return
        ImportWizard(self.ctx, kind, parent=self).exec()

    def choose_template_file(self) -> None:
        kind = self.template_kind.currentData()
        path = self._ask_path(f"{kind}-template")
        if path is not None:
            self.save_template_to(kind, path)

    def save_template_to(self, kind: str, path: Path) -> bool:
        from inventory_app.services.imports import templates

        try:
            templates.write_template(kind, path, lang=self.selected_lang())
        except Exception as exc:  # any problem is shown to the user
            show_error(self, exc)
            return False
        self.show_result(self.tr("Template saved: {0}").format(path), path)
        return True
