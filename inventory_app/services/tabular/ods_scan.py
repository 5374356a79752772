"""How many cells calamine's tables of an .ods will hold, estimated before it expands them.

An .ods writes a run of equal cells or rows once, with a repeat count: LibreOffice ends every row
with an empty cell repeated to column 16,384 and every sheet with an empty row repeated to row
1,048,576, and a few bytes can ask for a value repeated over a million rows. calamine drops the
empty runs at the ends but builds, for every sheet, one dense table from its first to its last
row with a value and as wide as its widest such row. ``dense_cells`` counts what the runs add
exactly (they are what makes a small file huge) and takes twice the average row for the cells
written one by one: a few C-speed passes over the XML, not a parse.
"""

from __future__ import annotations

import re

_TABLE = re.compile(rb"<table:table[\s>]")
_TABLE_END = b"</table:table>"
_ROW_END = b"</table:table-row>"
_ROWS_RUN = re.compile(rb'number-rows-repeated="(\d+)"')
# a run of cells that is not the last of its row (an empty run there is dropped)
_INNER_RUN = re.compile(rb'number-columns-repeated="(\d+)"[^>]*>(?!</table:table-row>)')
_VALUE = (b"value-type", b"<text:")


def dense_cells(content: bytes) -> int:
    """About the cells of every sheet's table in ``content`` (content.xml of an .ods)."""
    total = 0
    at = _TABLE.search(content)
    while at is not None:
        end = content.find(_TABLE_END, at.end())
        end = len(content) if end == -1 else end
        total += _table_cells(content, at.end(), end)
        at = _TABLE.search(content, end)
    return total


def _valued(content: bytes, start: int, end: int) -> bool:
    return any(content.find(v, start, end) != -1 for v in _VALUE)


def _table_cells(content: bytes, start: int, end: int) -> int:
    """Rows (runs of a valued row, or of empty rows before one, expanded) times the widest
    row: the most cells one row's inner runs add, plus twice the average row's tags."""
    rows = content.count(_ROW_END, start, end)
    if rows == 0 or not _valued(content, start, end):
        return 0
    cells = content.count(b"<table:table-c", start, end)  # cells, and a few column definitions
    for run in _ROWS_RUN.finditer(content, start, end):
        if _valued(content, run.end(), end):
            rows += int(run.group(1)) - 1
    start = content.find(b"<table:table-row", start, end)  # after the column definitions
    widest = added = 0  # the most cells a row's runs add; those of the row being read
    at = start
    for run in _INNER_RUN.finditer(content, start, end + len(_TABLE_END)):
        if content.find(_ROW_END, at, run.start()) != -1:  # a new row
            added = 0
        at = run.start()
        added += int(run.group(1)) - 1
        widest = max(widest, added)
    return rows * (widest + 2 * cells // rows + 1)
