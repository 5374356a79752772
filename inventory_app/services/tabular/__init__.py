"""Read a user's spreadsheet (.csv or .xlsx) into rows keyed by column, for the importers."""

from __future__ import annotations

from inventory_app.services.tabular.aliases import STANDARD_ALIASES, normalize_header
from inventory_app.services.tabular.cells import (
    Cell,
    cell_date,
    cell_decimal,
    cell_int,
    cell_shown,
    cell_text,
)
from inventory_app.services.tabular.rows import Column, SourceRow, Table, column_letter
from inventory_app.services.tabular.table import TEXT_SUFFIXES, WORKBOOK_SUFFIXES, read_table
from inventory_app.services.tabular.xlsx_files import check_workbook_file

__all__ = [
    "STANDARD_ALIASES",
    "TEXT_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "Cell",
    "Column",
    "SourceRow",
    "Table",
    "cell_date",
    "cell_decimal",
    "cell_int",
    "cell_shown",
    "cell_text",
    "check_workbook_file",
    "column_letter",
    "normalize_header",
    "read_table",
]
