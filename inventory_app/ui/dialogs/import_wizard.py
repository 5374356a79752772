"""Importing items, opening stock or movement history from Excel/CSV, in one dialog:

choose a file -> a preview of its first rows under the columns they map to -> every problem
listed by row and column -> Import, all or nothing, with progress.

The whole file is checked by the import service before anything is written; a refused
file lists its problems here and changes nothing, so the user fixes the cells and checks
again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain import messages
from inventory_app.domain.errors import ImportErrors, InventoryError
from inventory_app.services import imports
from inventory_app.services.tabular import cell_shown
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.errors import show_error
from inventory_app.ui.widgets import file_dialogs
from inventory_app.ui.workers import on_shop

PREVIEW_ROWS = 100
COLUMNS = {
    "items": imports.ITEM_COLUMNS,
    "opening": imports.OPENING_COLUMNS,
    "journal": imports.JOURNAL_COLUMNS,
}


class ImportWizard(QDialog):
    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in COLUMNS:
            raise ValueError(kind)
        self.ctx = ctx
        self.kind = kind
        self.columns = COLUMNS[kind]
        self.path: Path | None = None
        self.rows_read = 0
        self.imported = None
        titles = {
            "items": self.tr("Import items"),
            "opening": self.tr("Import opening stock"),
            "journal": self.tr("Import movement history"),
        }
        self.setWindowTitle(titles[kind])
        self.resize(900, 600)

        self.summary = QLabel(self.tr("Columns may be headed in English or Chinese, in any order."))
        self.summary.setWordWrap(True)
        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self._build_problems(), 2)
        layout.addWidget(self._build_buttons())
        self.sheet.editingFinished.connect(lambda: self.path and self.check())

    def _build_form(self) -> QFormLayout:
        """The file, its sheet, and (opening stock) the opening date."""
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("Choose an .xlsx or .csv file…"))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.clicked.connect(self.choose_file)
        self.sheet = QLineEdit()
        self.sheet.setPlaceholderText(self.tr("the first sheet"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.date.setMaximumDate(QDate.currentDate())
        pick = QHBoxLayout()
        pick.addWidget(self.file, 1)
        pick.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("File:"), pick)
        form.addRow(self.tr("Sheet:"), self.sheet)
        if self.kind == "opening":
            form.addRow(self.tr("Opening date:"), self.date)
        return form

    def _build_problems(self) -> QTableWidget:
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]
        )
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.setVisible(False)
        return self.problems

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton(
            self.tr("Check again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # -- choosing and previewing ---------------------------------------------------------------

    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self, file_dialogs.IMPORTS, self.tr("Choose the file to import"),
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt *.tsv)"),
        )  # fmt: skip
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> bool:
        """Read ``path`` and show its first rows; True when it can be imported."""
        self.path = path
        self.file.setText(str(path))
        self.check_button.setEnabled(True)
        return self.check()

    def _sheet(self) -> str | None:
        return self.sheet.text().strip() or None

    def check(self) -> bool:
        """Read the file again (after the user fixed it) and preview it."""
        if self.path is None:
            return False
        from inventory_app.services.tabular import preview_table

        path, sheet = self.path, self._sheet()
        self.show_problems([])
        # The first rows only: a long text file is not read to its end for a preview (the
        # dry run below reads it all, with progress and Cancel).
        table = ops.run_long(
            self, self.tr("Reading {0}…").format(path.name),
            lambda p, c: preview_table(path, self.columns, sheet=sheet, rows=PREVIEW_ROWS,
                                       cancel=c),
            refused=self._unreadable,
        )  # fmt: skip
        if table is None:
            return False
        self.show_table(table)
        if not table.rows:
            return False
        # The whole import, rolled back: every problem by row and column before Import.
        check = on_shop(self.ctx.path, self._import_job(dry_run=True), write=True)
        title = self.tr("Checking {0}…").format(path.name)
        result = ops.run_long(self, title, check, refused=self._show_refusal)
        if result is None:
            self.import_button.setEnabled(False)
            return False
        self.summary.setText(
            self.summary.text()
            + " "
            + self.tr("Checked: no problems; {0} ready.").format(self._result_text(result))
        )
        return True

    def _unreadable(self, exc: InventoryError) -> None:
        self.show_table(None)
        self._show_refusal(exc)

    def _show_refusal(self, exc: InventoryError) -> None:
        if isinstance(exc, ImportErrors):  # by row and column, for the user to fix the file
            self.show_problems(exc.errors)
        else:
            self.summary.setText(str(exc))

    def _result_text(self, result) -> str:
        if self.kind == "items":
            return self.tr("{0} new items, {1} updated").format(result.created, result.updated)
        if result.posted == 1:
            return self.tr("1 movement")
        return self.tr("{0} movements").format(result.posted)

    def _import_job(self, *, dry_run: bool):
        """The import as a worker's job ``job(db, progress, cancel)``, on a connection of its
        own (the writer lock is this process's already): the form is read here, on the UI
        thread."""
        path, sheet, kind = self.path, self._sheet(), self.kind
        opening = self.date.date().toPython()
        operator = self.ctx.operator

        def job(db, progress, cancel):
            options = dict(sheet=sheet, progress=progress, cancel=cancel, dry_run=dry_run)
            if kind == "items":
                return imports.import_items(db, path, **options)
            if kind == "opening":
                return imports.import_opening(db, path, date=opening, operator=operator, **options)
            return imports.import_journal(db, path, operator=operator, **options)

        return job

    def show_table(self, table) -> None:
        self.preview.clear()
        if table is None:
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            self.rows_read = 0
            self.import_button.setEnabled(False)
            return
        keys = [c.key for c in self.columns if c.key in table.headers]
        self.preview.setColumnCount(len(keys))
        self.preview.setHorizontalHeaderLabels(
            # the file's header and what it is read as, in the interface's language
            [f"{table.headers[k]}\n→ {imports.column_title(k, messages.language())}" for k in keys]
        )
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        self.preview.setVerticalHeaderLabels([str(r.number) for r in shown])
        for i, row in enumerate(shown):
            for j, key in enumerate(keys):
                self.preview.setItem(i, j, QTableWidgetItem(cell_shown(row.values.get(key))))
        self.preview.resizeColumnsToContents()
        self.rows_read = len(shown)
        text = self.tr("The first {0} rows of the file are shown.").format(len(shown))
        if table.ignored_headers:
            text += " " + self.tr("Columns not imported: {0}.").format(
                ", ".join(table.ignored_headers)
            )
        self.summary.setText(text)
        self.import_button.setEnabled(bool(table.rows))

    def show_problems(self, errors) -> None:
        self.problems.setRowCount(len(errors))
        for i, e in enumerate(errors):
            for j, value in enumerate((str(e.row), e.column, e.value, e.problem)):
                item = QTableWidgetItem(value)
                if j == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.problems.setItem(i, j, item)
        self.problems.resizeColumnsToContents()
        self.problems.setVisible(bool(errors))
        self.problems_label.setText(
            self.tr(
                "{0} problems found; nothing was imported. Fix these cells in the file, save it, "
                "then press Check again."
            ).format(len(errors))
            if errors
            else ""
        )

    # -- importing ----------------------------------------------------------------------------

    def import_now(self) -> bool:
        """Import the whole file (all or nothing); True when it was imported."""
        if self.ctx.db is None or self.path is None:
            return False
        result = ops.write_long(
            self,
            self.ctx,
            self.tr("Importing {0}…").format(self.path.name),
            self._import_job(dry_run=False),
            refused=self._import_refused,
            cancelled=lambda: self.problems_label.setText(
                self.tr("Import cancelled; nothing was imported.")
            ),
        )
        if result is None:
            return False
        self.imported = result
        self.accept()
        return True

    def _import_refused(self, exc: InventoryError) -> None:
        if isinstance(exc, ImportErrors):  # listed by row and column, the file to be fixed
            self.show_problems(exc.errors)
        else:
            show_error(self, exc)
