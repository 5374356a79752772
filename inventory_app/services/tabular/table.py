"""Read a user's spreadsheet (.csv, .xlsx, .xls or .ods) into rows keyed by column, for the
importers.

The reader does not know what rows mean: an importer declares its columns (``Column``), the reader
finds them by header (English or Chinese, see ``STANDARD_ALIASES``), skips blank rows and returns
cell values with the row numbers the user sees. The ``cell_*`` helpers turn a cell into text, an
exact number or a date; each raises ``ValidationError`` with a ``tabular.*`` code and the importer
adds the row and column.

Problems at a place in the file (header, a formula cell, a misaligned CSV row) raise
``ImportErrors``; a file that cannot be read at all (not a workbook, unknown encoding, unknown
sheet, too big) raises ``ValidationError``; ``cancel()`` returning True raises ``Cancelled``.

``read_table`` and ``open_table`` (the rows in chunks, for a long file) live here; the work
lives in ``aliases`` (header names), ``headers`` (the header row), ``cells`` (cell parsers),
``rows`` (the reading loop), ``csv_files``, ``xlsx_files`` (which hands a sheet to
``calamine_files`` where ``xlsx_scan`` allows) and ``xls_ods_files``. A workbook is read whole;
a text file streams. The package (``services.tabular``) names what other packages use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from inventory_app.domain.errors import Cancelled, ValidationError
from inventory_app.services.progress import cyclic_gc_paused
from inventory_app.services.tabular.csv_files import open_csv, read_csv
from inventory_app.services.tabular.rows import (
    CHUNK_ROWS,
    Chunk,
    Column,
    Reread,
    SourceRow,
    Table,
    TableReader,
)
from inventory_app.services.tabular.xls_ods_files import read_ods, read_xls
from inventory_app.services.tabular.xlsx_files import read_xlsx

__all__ = [
    "ODS_SUFFIXES",
    "TEXT_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "XLS_SUFFIXES",
    "TableRows",
    "open_table",
    "preview_table",
    "read_table",
]

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
XLS_SUFFIXES = (".xls",)
ODS_SUFFIXES = (".ods",)
_WORKBOOK_READERS = {
    **dict.fromkeys(WORKBOOK_SUFFIXES, read_xlsx),
    **dict.fromkeys(XLS_SUFFIXES, read_xls),
    **dict.fromkeys(ODS_SUFFIXES, read_ods),
}


def read_table(
    path: str | os.PathLike[str],
    columns: Sequence[Column],
    *,
    sheet: str | None = None,
    max_rows: int = 1_000_000,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Table:
    """Read a .csv/.txt/.tsv, .xlsx, .xls or .ods file into rows keyed by ``columns``' keys.

    ``sheet`` names the worksheet of a workbook (default: the first visible one). ``max_rows``
    limits the non-blank data rows. ``progress(done, total)`` gets sheet row numbers every
    ~2000 rows (``total`` may be an estimate); ``cancel()`` returning True raises ``Cancelled``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        with cyclic_gc_paused():
            return read_csv(path, columns, max_rows=max_rows, progress=progress, cancel=cancel)
    if (read := _WORKBOOK_READERS.get(suffix)) is not None:
        with cyclic_gc_paused():
            return read(
                path, columns, sheet=sheet, max_rows=max_rows, progress=progress, cancel=cancel
            )
    if not suffix:
        raise ValidationError("tabular.no_file_type", file=path.name)
    raise ValidationError("tabular.unsupported_type", file=path.name, suffix=suffix)


class TableRows(TableReader):
    """A table already read into memory, given out in chunks like a file's stream."""

    def __init__(self, table: Table) -> None:
        self.read = table
        self.source, self.headers = table.source, table.headers
        self.ignored_headers = table.ignored_headers

    def chunks(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Iterator[Chunk]:
        rows = self.read.rows
        last = rows[-1].number if rows else 0
        for start in range(0, len(rows), CHUNK_ROWS):
            part = rows[start : start + CHUNK_ROWS]
            keys = part[0].values.keys()
            yield Chunk([r.number for r in part], {k: [r.values[k] for r in part] for k in keys})
            if cancel is not None and cancel():
                raise Cancelled("tabular.read_cancelled", file=self.source)
            if progress is not None:
                progress(part[-1].number, last)

    def table(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Table:
        return self.read


def open_table(
    path: str | os.PathLike[str],
    columns: Sequence[Column],
    *,
    sheet: str | None = None,
    max_rows: int = 1_000_000,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> TableReader:
    """``read_table``'s file with its header found, its rows to come in chunks: a text file
    is read as the chunks are asked for, never all in memory (so its row problems, too many
    rows and ``Reread`` come from ``chunks``); a workbook is read here, all of it. Use it as
    a context manager (it closes the file)."""
    path = Path(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return open_csv(path, columns, max_rows=max_rows, cancel=cancel)
    return TableRows(
        read_table(path, columns, sheet=sheet, max_rows=max_rows, progress=progress, cancel=cancel)
    )


def preview_table(
    path: str | os.PathLike[str],
    columns: Sequence[Column],
    *,
    sheet: str | None = None,
    rows: int = 100,
    cancel: Callable[[], bool] | None = None,
) -> Table:
    """The file's header and its first ``rows`` data rows, for a preview: a text file is read
    no further than those (a million-line CSV previews at once); a workbook is read as
    ``open_table`` reads it. Problems further down are for the import (or its dry run)."""
    with open_table(path, columns, sheet=sheet, cancel=cancel) as reader:
        while True:
            first: list[SourceRow] = []
            try:
                for chunk in reader.chunks(cancel=cancel):
                    first += chunk.rows()
                    if len(first) >= rows:
                        break
            except Reread:
                continue
            return Table(reader.source, reader.headers, first[:rows], reader.ignored_headers)
