"""Streaming, styled worksheets for the Excel pack (openpyxl write-only mode).

``SheetWriter`` writes rows straight to the sheet's XML stream with flat memory: one styled
template cell per column and row style gives every row its style ids, and a row is written
as text. The workbook itself (styles, sheets, defined names, print setup) is openpyxl's.

What an accountant expects is set here once for every sheet: real dates, number formats,
a frozen and filtered header row, column widths that fit, A4 landscape printing fitted to
the page width with the header row repeated, the sheet name and page numbers on each page.

Safety: text never becomes a formula. Only a ``Formula`` value is written as a formula; any
other text starting with = + - @ is written as a text cell with Excel's quote prefix, so it
stays text even when someone edits the cell.

The cells' text is ``sheet_xml``'s, their styles ``styled_cells``' template cells. This
module uses a few openpyxl internals (the write-only sheet's writer and row stream, a cell's
``_value``); openpyxl is pinned below 3.2, and the tests compare the fast path with
openpyxl's own cell writer cell by cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties

from inventory_app.services.export.sheet_xml import ROW_MARK, cell_tail, raw_writer, rows_xml
from inventory_app.services.export.style import (
    KIND_WIDTHS,
    ROW_NORMAL,
    ROW_SUBTOTAL,
    ROW_TOTAL,
    Col,
    display_width,
)
from inventory_app.services.export.styled_cells import (
    header_cells,
    row_cells,
    template_row,
    with_kinds,
)

# Cell tails remembered per column and row style (see ``_row_xml``): bounded, so a column of
# all-different values (notes, values) costs memory no longer than a few thousand strings.
_TAILS_PER_COLUMN = 4096


class SheetWriter:
    """One streamed worksheet. Call ``widths``/``freeze`` (optional) before the first row,
    then ``header``, ``row`` ..., ``end_data`` and ``finish``.

    Rows go to the sheet's XML stream as text (``fast``), with the style ids openpyxl
    assigned to the template cells, so the workbook's styles stay openpyxl's; when the
    stream cannot take text (openpyxl running on lxml), rows go through openpyxl's own
    cell writer instead. Both write the same cells."""

    fast = True

    def __init__(self, wb: Workbook, title: str, cols: Sequence[Col]) -> None:
        self.ws = wb.create_sheet(title)
        self.cols = list(cols)
        self.n = 0  # rows written
        self._stream = None
        self._templates: dict[tuple[int, bool, bool], list[WriteOnlyCell]] = {}
        self._header_row = 0
        self._data_end = 0
        self._filter = True
        self._raw = None  # the sheet stream's raw text writer (fast path), once started
        self._letters = [get_column_letter(i + 1) for i in range(len(self.cols))]
        self._style_ids: dict[tuple[int, bool, bool], list[int]] = {}
        # (style, whole, band[, ids]) -> per column: (value, type) -> the cell's XML after
        # its reference
        self._tails: dict[tuple, list[dict[tuple, str]]] = {}
        self._set_print()

    # -- set-up (before the first row) -------------------------------------------------

    def _set_print(self) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.HeaderFooter.oddHeader.left.text = "&A"
        ws.HeaderFooter.oddFooter.center.text = "&P / &N"

    def widths(self, samples: dict[int, int] | None = None, *, headers: Sequence[str] = ()) -> None:
        """Set column widths from the header texts and the widest sample text per column
        index (0-based); numbers get widths that fit their format."""
        samples = samples or {}
        for i, col in enumerate(self.cols):
            if col.width is not None:
                width = col.width
            else:
                width = KIND_WIDTHS.get(col.kind, 10)
                if i in samples:
                    width = max(width, min(samples[i], 48) + 2)
                if i < len(headers):
                    # headers wrap onto two lines: half the header is enough, plus room
                    width = max(width, min(display_width(headers[i]) / 2 + 3, 24))
            self.ws.column_dimensions[get_column_letter(i + 1)].width = width

    def freeze(self, cell: str) -> None:
        self.ws.freeze_panes = cell

    def no_filter(self) -> None:
        self._filter = False

    # -- rows ------------------------------------------------------------------------------

    def _start(self) -> None:
        ws = self.ws
        ws._get_writer()
        writer = ws._writer

        def rows():
            xf = writer.xf.send(True)
            self._raw = raw_writer(xf) if self.fast else None
            with xf.element("sheetData"):
                try:
                    while True:
                        row_idx, cells = yield
                        writer.write_row(xf, cells, row_idx)
                except GeneratorExit:
                    pass
            writer.xf.send(None)

        gen = rows()
        next(gen)
        # ``ws.close()`` (on save) closes the generator, which ends the sheetData element.
        ws._rows = gen
        self._stream = gen

    def _template(self, style: int, whole: bool, quoted: bool) -> list[WriteOnlyCell]:
        key = (style, whole, quoted)
        cells = self._templates.get(key)
        if cells is None:
            cells = self._templates[key] = template_row(self.ws, self.cols, *key)
        return cells

    def header(self, texts: Sequence[str], *, height: float = 30) -> int:
        """The column header row: bold, shaded, wrapped; frozen, filtered, printed on every
        page (set at ``finish``)."""
        row = self.n + 1
        self.ws.row_dimensions[row].height = height
        if self._stream is None:
            self._start()
        cells = header_cells(self.ws, texts, row)
        self._stream.send((row, cells))
        self.n = row
        self._header_row = row
        return row

    def row(
        self,
        values: Sequence[object],
        *,
        style: int = ROW_NORMAL,
        whole: bool = False,
        kinds: dict[int, str] | None = None,
    ) -> int:
        """Write one row; returns its row number. ``whole``: quantities show no decimals.
        ``kinds`` overrides the column kind (number format) of some cells of this row."""
        if self._stream is None:
            self._start()
        row = self.n + 1
        tpl = self._template(style, whole, False)
        if kinds:
            tpl = with_kinds(self.ws, tpl, kinds)
        if style in (ROW_SUBTOTAL, ROW_TOTAL) and len(values) < len(self.cols):
            values = [*values, *[None] * (len(self.cols) - len(values))]
        band = style in (ROW_SUBTOTAL, ROW_TOTAL)  # empty cells keep the row's shading
        if self._raw is not None:
            if kinds:
                ids = [c.style_id for c in tpl]
                key: tuple = (style, whole, band, tuple(ids))
            else:
                ids, key = self._ids(style, whole, False), (style, whole, band)
            self._raw(self._row_xml(row, values, ids, key))
        else:
            quoted_row = lambda: self._template(style, whole, True)  # noqa: E731
            self._stream.send((row, row_cells(row, values, tpl, band, quoted_row)))
        self.n = row
        return row

    def _ids(self, style: int, whole: bool, quoted: bool) -> list[int]:
        """Style ids of a template's cells (registering the styles with the workbook)."""
        key = (style, whole, quoted)
        ids = self._style_ids.get(key)
        if ids is None:
            ids = self._style_ids[key] = [c.style_id for c in self._template(*key)]
        return ids

    def _row_xml(
        self,
        row: int,
        values: Sequence[object],
        ids: list[int],
        key: tuple,
    ) -> str:
        """The row as sheet XML (``key``: style, whole, band and, for a row with its own
        kinds, its style ids). A cell is its reference and a tail (style, type, value)
        that depends on the column, the row style and the value only: tails are kept per
        column, so a repeated SKU, name, type or date costs one dict lookup, not escaping
        and formatting again (the Movements sheet of a month repeats most of its cells)."""
        letters = self._letters
        r = str(row)
        tails = self._tails.get(key)
        if tails is None:
            tails = self._tails[key] = [{} for _ in self.cols]
        style, whole, band = key[:3]
        parts = ['<row r="', r, '">']
        add = parts.extend
        for i, v in enumerate(values):
            memo = tails[i]
            seen = (v, type(v))  # Num('5') == '5': a number and a text must not share a tail
            tail = memo.get(seen)
            if tail is None:
                tail = self._tail(i, v, ids, style, whole, band)
                if len(memo) < _TAILS_PER_COLUMN:
                    memo[seen] = tail
            if tail:
                add(('<c r="', letters[i], r, tail))
        parts.append("</row>")
        return "".join(parts)

    def _tail(self, i: int, v: object, ids: list[int], style: int, whole: bool, band: bool) -> str:
        """What follows the cell reference of value ``v`` in column ``i``: '' for no cell."""
        return cell_tail(v, ids[i], band, lambda: self._ids(style, whole, True)[i])

    # -- rows of cells made ahead (``cells``: the long sheets' fast path) ---------------

    @property
    def takes_cells(self) -> bool:
        """Whether ``put`` can be used (after ``header``): the stream takes text."""
        return self._raw is not None

    def cell_xml(self, i: int, v: object, *, whole: bool = False) -> str:
        """The XML of value ``v``'s cell in column ``i`` of a normal row, the row number
        left as ``ROW_MARK`` ('' for no cell): what ``row`` writes for it."""
        ids = self._ids(ROW_NORMAL, whole, False)
        tail = self._tail(i, v, ids, ROW_NORMAL, whole, False)
        if not tail:
            return ""
        if ROW_MARK in tail:  # clean text never holds it; a bug if it did
            raise ValueError("a cell cannot hold the row mark")
        return '<c r="' + self._letters[i] + ROW_MARK + tail

    def put(self, rows: Sequence[Sequence[str]]) -> int:
        """Write normal rows, each made of ``cell_xml`` texts, in one write; returns the
        last row's number."""
        first = self.n + 1
        self.n += len(rows)
        self._raw(rows_xml(rows, first))
        return self.n

    def blank(self) -> int:
        return self.row(())

    def end_data(self) -> None:
        """Rows after this (totals) stay outside the filter range."""
        self._data_end = self.n

    def finish(self) -> None:
        if self._stream is None:
            self._start()
        ws = self.ws
        last = get_column_letter(len(self.cols))
        if self._header_row:
            end = self._data_end or self.n
            if self._filter and end > self._header_row:
                ws.auto_filter.ref = f"A{self._header_row}:{last}{end}"
            ws.print_title_rows = f"{self._header_row}:{self._header_row}"
