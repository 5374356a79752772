"""Read a user's spreadsheet (.csv, .xlsx, .xls or .ods) into rows keyed by column, for the
importers; and whole sheets by place (``read_sheet_values``) for the stocktake's count sheet.

Named here: what the importers, the stocktake sheet and the import wizard use. The modules'
other public names (``STANDARD_ALIASES``, ``column_letter``, ``read_rows``...) are shared
inside this package only.
"""

from __future__ import annotations

from inventory_app.services.tabular.cells import (
    cell_date,
    cell_decimal,
    cell_int,
    cell_shown,
    cell_text,
)
from inventory_app.services.tabular.rows import (
    Chunk,
    Column,
    Reread,
    SourceRow,
    Table,
    TableReader,
)
from inventory_app.services.tabular.sheet_values import SheetValues, read_sheet_values
from inventory_app.services.tabular.table import open_table, preview_table, read_table
from inventory_app.services.tabular.xlsx_files import check_workbook_file

__all__ = [
    "Chunk",
    "Column",
    "Reread",
    "SheetValues",
    "SourceRow",
    "Table",
    "TableReader",
    "cell_date",
    "cell_decimal",
    "cell_int",
    "cell_shown",
    "cell_text",
    "check_workbook_file",
    "open_table",
    "preview_table",
    "read_sheet_values",
    "read_table",
]
