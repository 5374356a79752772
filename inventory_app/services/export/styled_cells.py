"""The openpyxl cells behind ``SheetWriter``'s rows: one styled template cell per column
and row style (their style ids are what the fast path's XML carries, so the workbook's
styles stay openpyxl's), the header row's cells, and a row as openpyxl cells for
openpyxl's own cell writer (the path when the sheet stream cannot take text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray

from inventory_app.services.export.style import (
    BOLD,
    FMT_QTY,
    FMT_QTY_WHOLE,
    FONT_NAME,
    FORMULA_START,
    HEADER_FILL,
    KIND_FORMATS,
    ROW_LABEL,
    ROW_SUBTOTAL,
    ROW_TITLE,
    ROW_TOTAL,
    SUBTOTAL_FILL,
    THIN,
    TOTAL_FILL,
    Col,
    Formula,
    Num,
    clean_text,
    number_text,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet


def template_row(
    ws: WriteOnlyWorksheet, cols: Sequence[Col], style: int, whole: bool, quoted: bool
) -> list[WriteOnlyCell]:
    """One cell per column styled for a row of ``style``: the columns' number formats
    (quantities without decimals when ``whole``), the row style's font, fill and border,
    and Excel's quote prefix when ``quoted`` (text that would read as a formula)."""
    cells = []
    for i, col in enumerate(cols, 1):
        c = WriteOnlyCell(ws)
        c.column = i
        if col.kind == "qty":
            c.number_format = FMT_QTY_WHOLE if whole else FMT_QTY
        elif col.kind in KIND_FORMATS:
            c.number_format = KIND_FORMATS[col.kind]
        if style in (ROW_SUBTOTAL, ROW_TOTAL, ROW_LABEL):
            c.font = BOLD
        if style == ROW_SUBTOTAL:
            c.fill = SUBTOTAL_FILL
        elif style == ROW_TOTAL:
            c.fill = TOTAL_FILL
            c.border = Border(top=THIN, bottom=Side(style="double", color="808080"))
        elif style == ROW_TITLE:
            c.font = Font(name=FONT_NAME, bold=True, size=14)
        if quoted:
            c.quotePrefix = True
        cells.append(c)
    return cells


def with_kinds(
    ws: WriteOnlyWorksheet, tpl: list[WriteOnlyCell], kinds: dict[int, str]
) -> list[WriteOnlyCell]:
    """A copy of the template row whose cells ``kinds`` names take that kind's format."""
    tpl = list(tpl)
    for i, kind in kinds.items():
        c = WriteOnlyCell(ws)
        base = tpl[i]._style
        c._style = StyleArray(base) if base is not None else StyleArray()
        c.column = i + 1
        c.number_format = KIND_FORMATS.get(kind, "General")
        tpl[i] = c
    return tpl


def header_cells(ws: WriteOnlyWorksheet, texts: Sequence[str], row: int) -> list[WriteOnlyCell]:
    """The column header row's cells: bold, shaded, wrapped, a line below."""
    cells = []
    for i, text in enumerate(texts, 1):
        c = WriteOnlyCell(ws, value=clean_text(text))
        c.font = BOLD
        c.fill = HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = Border(bottom=THIN)
        c.column = i
        c.row = row
        cells.append(c)
    return cells


def row_cells(
    row: int,
    values: Sequence[object],
    tpl: list[WriteOnlyCell],
    band: bool,
    quoted_row: Callable[[], list[WriteOnlyCell]],
) -> list[WriteOnlyCell]:
    """The row as openpyxl cells: the same cells ``SheetWriter`` writes as text. ``band``:
    empty cells keep the row's shading; ``quoted_row()``: the template row with the quote
    prefix, for text that would read as a formula."""
    quoted = None
    cells = []
    for i, v in enumerate(values):
        if v is None:
            if band:
                c = tpl[i]
                c._value = None
                c.data_type = "n"
                c.row = row
                cells.append(c)
            continue
        t = type(v)
        if t is Decimal:
            c = tpl[i]
            c._value = number_text(v)
            c.data_type = "n"
        elif t is str:
            if not v:
                continue
            v = clean_text(v)
            if v.startswith(FORMULA_START):
                if quoted is None:
                    quoted = quoted_row()
                c = quoted[i]
            else:
                c = tpl[i]
            c._value = v
            c.data_type = "s"
        elif t is Num or t is int:
            c = tpl[i]
            c._value = v
            c.data_type = "n"
        elif t is Formula:
            c = tpl[i]
            c._value = v
            c.data_type = "f"
        elif t is dt.date or t is dt.datetime:
            c = tpl[i]
            c._value = v
            c.data_type = "d"
        else:
            raise TypeError(f"cannot write {t.__name__} to a cell")  # a bug, not user input
        c.row = row
        cells.append(c)
    return cells
