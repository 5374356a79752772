"""Cells and rows as the text of a worksheet's XML, for ``SheetWriter``'s fast path.

A cell is its reference (column letter and row number) and a tail: its style id, type and
value, which depend on the column's style and the value only, so the writer can keep them.
Numbers are exact decimal text, dates Excel serials, text inline strings; only a
``Formula`` becomes a formula, and text that would read as one gets the column's
quote-prefix style, so it stays text even when someone edits the cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import repeat

from inventory_app.services.export.style import (
    EXCEL_EPOCH,
    FORMULA_START,
    Formula,
    Num,
    clean_text,
    number_text,
)

# Stands for the row number in cells made before their row (``cell_xml``, ``put``): text
# in a cell never holds it (``clean_text`` drops it with XML's other illegal characters).
ROW_MARK = "\x00"
_ROW_XML = '<row r="' + ROW_MARK + '">%s</row>'


def cell_tail(v: object, sid: int, band: bool, quoted_id: Callable[[], int]) -> str:
    """What follows the cell reference of value ``v`` in a column of style id ``sid``:
    '' for no cell. ``band``: an empty cell keeps the row's shading. ``quoted_id()``: the
    column's quote-prefix style id, asked only for text starting like a formula (asking
    registers that style with the workbook)."""
    if v is None:
        return f'" s="{sid}"/>' if band and sid else ""
    t = type(v)
    s = f' s="{sid}"' if sid else ""
    if t is Num or t is int:
        return f'"{s} t="n"><v>{v}</v></c>'
    if t is Decimal:
        return f'"{s} t="n"><v>{number_text(v)}</v></c>'
    if t is str:
        if not v:
            return ""
        v = clean_text(v)
        if v.startswith(FORMULA_START):
            qid = quoted_id()
            s = f' s="{qid}"' if qid else ""
        space = ' xml:space="preserve"' if v != v.strip() else ""
        return f'"{s} t="inlineStr"><is><t{space}>{_escape(v)}</t></is></c>'
    if t is Formula:
        return f'"{s}><f>{_escape(v[1:])}</f></c>'
    if t is dt.datetime:
        return f'"{s} t="n"><v>{_serial_datetime(v)}</v></c>'
    if t is dt.date:
        return f'"{s} t="n"><v>{(v - EXCEL_EPOCH).days}</v></c>'
    raise TypeError(f"cannot write {t.__name__} to a cell")  # a bug, not user input


def rows_xml(rows: Sequence[Sequence[str]], first: int) -> str:
    """Rows of cells made ahead (their row number left as ``ROW_MARK``) as sheet XML,
    numbered from ``first``. (Loops in C: ``map`` over the rows, one ``replace`` of the
    mark by its number per row.)"""
    wrapped = map(_ROW_XML.__mod__, map("".join, rows))
    numbers = map(str, range(first, first + len(rows)))
    return "".join(map(str.replace, wrapped, repeat(ROW_MARK), numbers))


def raw_writer(xf):
    """The text writer under openpyxl's sheet stream when it is the standard library one
    (et_xmlfile), else None. Text written there lands inside the open <sheetData>."""
    write = getattr(xf, "_file", None)
    if type(xf).__module__.startswith("et_xmlfile") and callable(write):
        return write
    return None


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _serial_datetime(v: dt.datetime) -> str:
    """Excel serial of a (naive) date and time: days since 1899-12-30 plus the day fraction."""
    days = (v.date() - EXCEL_EPOCH).days
    seconds = v.hour * 3600 + v.minute * 60 + v.second
    if not seconds:
        return str(days)
    return number_text(Decimal(days) + (Decimal(seconds) / 86400).quantize(Decimal("1e-10")))
