"""Find the header row, then read the data rows a chunk at a time, column by column: the
reading loop CSV and XLSX share (``RowSource`` is a format, ``RowStream`` the loop). A stream
never holds the whole file; ``read_rows`` and ``TableReader.table`` gather it into a
``Table``."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from inventory_app.domain.errors import Cancelled, ImportErrors, RowError, ValidationError
from inventory_app.services.tabular.cells import Cell
from inventory_app.services.tabular.headers import (
    Column,
    Header,
    _header_lookup,
    _header_problems,
    _match_header,
    column_letter,
    header_words,
)

__all__ = [  # Column, Header, column_letter: also named here for the format modules
    "CHUNK_ROWS",
    "Chunk",
    "Column",
    "Header",
    "Reread",
    "RowSource",
    "RowStream",
    "SourceRow",
    "Table",
    "TableReader",
    "column_letter",
    "open_error",
    "read_rows",
]

_PROGRESS_EVERY = 2000
CHUNK_ROWS = 1000  # rows converted at a time, column by column (a chunk stays in CPU cache)
_HEADER_SCAN = 10  # non-blank rows searched for the header (title rows above it are skipped)
_MAX_ERRORS = 1000  # stop reading after this many cell problems


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One non-blank data row. ``number`` is the row the user sees in Excel (1-based);
    ``values`` has every requested key, None where the cell or the whole column is blank."""

    number: int
    values: dict[str, Cell]


@dataclass(frozen=True, slots=True)
class Table:
    source: str
    headers: dict[str, str]
    rows: list[SourceRow]
    ignored_headers: tuple[str, ...]


# --- the shared reading loop ------------------------------------------------------------------


class RowSource:
    """One file format: raw rows with their numbers, and how to read a raw row (the CSV and
    XLSX readers subclass it; ``RowStream`` drives it). ``numbered_rows`` is called again when
    a stream is read a second time (a CSV file is reopened)."""

    source: str

    def numbered_rows(self) -> Generator[tuple[int, Any], None, None]:
        raise NotImplementedError

    def is_blank(self, raw: Any) -> bool:
        raise NotImplementedError

    def header_texts(self, raw: Any) -> list[str | None]:
        raise NotImplementedError

    def header_cell_problems(self, number: int, raw: Any, width: int) -> list[RowError]:
        return []

    def prepare(self, header: Header) -> None:
        """Called once the header is known, before ``convert``."""

    def convert(self, number: int, raw: Any, errors: list[RowError]) -> dict[str, Cell] | None:
        """Values by key, or None for a fully blank row."""
        raise NotImplementedError

    def convert_rows(
        self, batch: list[tuple[int, Any]], keys: Sequence[str], errors: list[RowError]
    ) -> tuple[list[int], dict[str, list[Cell]]]:
        """The non-blank rows of ``batch`` ((number, raw) in order): their numbers and their
        cells column by column for ``keys`` (the header's). Row by row with ``convert`` unless
        a format does better a column at a time."""
        numbers: list[int] = []
        columns: dict[str, list[Cell]] = {key: [] for key in keys}
        appends = [(key, columns[key].append) for key in keys]
        for number, raw in batch:
            values = self.convert(number, raw, errors)
            if values is None:
                continue
            numbers.append(number)
            for key, append in appends:
                append(values[key])
        return numbers, columns

    def total_estimate(self, number: int) -> int:
        return number


def _checkpoint(
    rows: RowSource,
    number: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> None:
    if cancel is not None and cancel():
        raise Cancelled("tabular.read_cancelled", file=rows.source)
    if progress is not None:
        progress(number, max(number, rows.total_estimate(number)))


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive non-blank data rows, column by column: ``numbers[k]`` is the row the user
    sees, ``columns[key][k]`` its cell (None where blank or where the file has no such
    column). Every requested key has a column."""

    numbers: list[int]
    columns: dict[str, list[Cell]]

    def __len__(self) -> int:
        return len(self.numbers)

    def row(self, k: int) -> SourceRow:
        """The ``k``-th row of the chunk."""
        return SourceRow(self.numbers[k], {key: cells[k] for key, cells in self.columns.items()})

    def rows(self) -> list[SourceRow]:
        keys = list(self.columns)
        return [
            SourceRow(number, dict(zip(keys, cells, strict=True)))
            for number, *cells in zip(self.numbers, *self.columns.values(), strict=True)
        ]


class Reread(Exception):
    """Start again from the first chunk, and undo what was done with the chunks so far: a
    late line showed the guessed encoding wrong, and the stream now reads the file in the next
    one (its header found anew, possibly different)."""


class TableReader:
    """An open table whose header is found: its data rows come in chunks (``chunks``), as
    often as asked. ``source``, ``headers`` and ``ignored_headers`` are as in ``Table``."""

    source: str
    headers: dict[str, str]
    ignored_headers: tuple[str, ...]

    def chunks(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Iterator[Chunk]:
        """The data rows from the first, ``CHUNK_ROWS`` at a time. Problems at a place in the
        file stop the chunks and raise ``ImportErrors`` with them all once the file is read;
        ``progress(done, total)`` gets row numbers every ~2000 rows; ``cancel()`` returning
        True raises ``Cancelled``; ``Reread`` as it says."""
        raise NotImplementedError

    def table(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Table:
        """Every data row in memory."""
        while True:
            out: list[SourceRow] = []
            try:
                for chunk in self.chunks(progress=progress, cancel=cancel):
                    out += chunk.rows()
            except Reread:
                continue
            return Table(self.source, self.headers, out, self.ignored_headers)

    def close(self) -> None:
        """Let go of the file."""

    def __enter__(self) -> TableReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RowStream(TableReader):
    """The rows of a file read through a ``RowSource``, never all in memory. ``sources`` are
    the ways to read the file in order of preference (a CSV file's candidate encodings): a
    ``UnicodeDecodeError`` moves to the next one, and ``exhausted()`` is raised after the last
    (without it, the error goes through)."""

    def __init__(
        self,
        sources: Iterator[RowSource],
        columns: Sequence[Column],
        *,
        max_rows: int,
        cancel: Callable[[], bool] | None,
        exhausted: Callable[[], Exception] | None = None,
    ) -> None:
        self._sources = sources
        self._exhausted = exhausted
        self._columns = columns
        self._lookup = _header_lookup(columns)
        self._max_rows = max_rows
        self._pending: tuple[Iterator[tuple[int, Any]], list[tuple[int, Any]]] | None = None
        self._open_next(cancel)

    def _open_next(self, cancel: Callable[[], bool] | None) -> None:
        """Find the header with the next source (its rows read so far kept for ``chunks``)."""
        for rows in self._sources:
            _checkpoint(rows, 0, None, cancel)
            numbered = rows.numbered_rows()
            try:
                header, following = _find_header(rows, numbered, self._columns, self._lookup)
            except UnicodeDecodeError:
                numbered.close()
                if self._exhausted is None:
                    raise
                continue
            except BaseException:
                numbered.close()
                raise
            rows.prepare(header)
            self.rows, self.header = rows, header
            self.source, self.headers, self.ignored_headers = (
                rows.source,
                header.headers,
                header.ignored,
            )
            self._keys = [key for key, _ in header.mapping]
            self._header_words = header_words(self._columns, header)
            self._absent = [c.key for c in self._columns if c.key not in header.headers]
            self._pending = (numbered, following)
            return
        if self._exhausted is None:
            raise RuntimeError("no source to read the rows with")
        raise self._exhausted()

    def close(self) -> None:
        if self._pending is not None:
            self._pending[0].close()  # type: ignore[attr-defined]
            self._pending = None

    def chunks(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Iterator[Chunk]:
        rows, header = self.rows, self.header
        numbered, following = self._pending or (rows.numbered_rows(), [])
        self._pending = None
        errors: list[RowError] = []
        count = last = 0
        next_check = header.number + _PROGRESS_EVERY
        batch: list[tuple[int, Any]] = []
        try:
            for number, raw in chain(following, numbered):
                if number <= header.number:
                    continue  # the header and the titles above it, read again
                if number >= next_check:
                    next_check = number + _PROGRESS_EVERY
                    _checkpoint(rows, number, progress, cancel)
                batch.append((number, raw))
                if len(batch) < CHUNK_ROWS:
                    continue
                chunk, stop = self._chunk(batch, errors, count)
                batch = []
                if chunk:
                    count, last = count + len(chunk), chunk.numbers[-1]
                    if not errors:
                        yield chunk
                if stop:
                    break
            else:
                if batch:
                    chunk, _ = self._chunk(batch, errors, count)
                    if chunk:
                        count, last = count + len(chunk), chunk.numbers[-1]
                        if not errors:
                            yield chunk
        except UnicodeDecodeError:
            if self._exhausted is None:
                raise
            numbered.close()  # type: ignore[attr-defined]
            self._open_next(cancel)
            raise Reread from None
        finally:
            numbered.close()  # type: ignore[attr-defined]  # now, not when a traceback is freed
        if errors:
            raise ImportErrors(errors, source=rows.source)
        if not count:
            no_rows = RowError(header.number, "", "", "tabular.no_data_rows")
            raise ImportErrors([no_rows], source=rows.source)
        if progress is not None:
            progress(last, last)

    def _chunk(
        self, batch: list[tuple[int, Any]], errors: list[RowError], count: int
    ) -> tuple[Chunk, bool]:
        """``batch`` converted; True when reading stops here (too many problems). Rows beyond
        ``max_rows`` raise, unless the problems grew too many on an earlier row."""
        numbers, columns = self.rows.convert_rows(batch, self._keys, errors)
        self._find_header_again(numbers, columns, errors)
        for key in self._absent:
            columns[key] = [None] * len(numbers)
        over = numbers[self._max_rows - count] if count + len(numbers) > self._max_rows else None
        if len(errors) >= _MAX_ERRORS:
            at = errors[_MAX_ERRORS - 1].row  # the row on which they reached the limit
            if over is None or at < over:
                while errors[-1].row > at:  # in row order: drop the later rows' problems
                    errors.pop()
                too_many = {"limit": _MAX_ERRORS}
                errors.append(RowError(at, "", "", "tabular.too_many_problems", too_many))
                return Chunk(numbers, columns), True
        if over is not None:
            raise ValidationError(
                "tabular.too_many_rows", file=self.rows.source, max_rows=self._max_rows
            )
        return Chunk(numbers, columns), False

    def _find_header_again(
        self, numbers: list[int], columns: dict[str, list[Cell]], errors: list[RowError]
    ) -> None:
        """A row that repeats the header (two files pasted together) is a problem, not an
        item called "name": every required column holds one of its own header words. One set
        lookup per row on the first required column; the rest only for its hits."""
        if not self._header_words:
            return
        (first, words), *others = self._header_words.items()
        for k, value in enumerate(columns[first]):
            if value not in words:
                continue
            if all(columns[key][k] in more for key, more in others):
                params = {"first": self.header.number}
                errors.append(RowError(numbers[k], "", "", "tabular.header_again", params))


def read_rows(
    rows: RowSource,
    columns: Sequence[Column],
    *,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    """Find the header in ``rows``, then read every data row into a ``Table``; problems at a
    place in the file raise ``ImportErrors`` once the whole file has been read."""
    with RowStream(iter([rows]), columns, max_rows=max_rows, cancel=cancel) as stream:
        return stream.table(progress=progress, cancel=cancel)


def _find_header(
    rows: RowSource,
    numbered: Iterator[tuple[int, Any]],
    columns: Sequence[Column],
    lookup: dict[str, str],
) -> tuple[Header, list[tuple[int, Any]]]:
    """The header and the rows already read after it.

    The header is the first non-blank row holding every required column; rows above it are
    titles. If none of the first few rows qualifies, problems are reported for the best match.
    """
    required = {c.key for c in columns if c.required}
    candidates: list[tuple[int, Any, Header]] = []
    for number, raw in numbered:
        if rows.is_blank(raw):
            continue
        candidates.append((number, raw, _match_header(number, rows.header_texts(raw), lookup)))
        if required <= candidates[-1][2].headers.keys() or len(candidates) >= _HEADER_SCAN:
            break
    if not candidates:
        raise ImportErrors([RowError(1, "", "", "tabular.file_empty")], source=rows.source)
    chosen = next((i for i, c in enumerate(candidates) if required <= c[2].headers.keys()), None)
    if chosen is None:
        chosen = max(range(len(candidates)), key=lambda i: (len(candidates[i][2].headers), -i))
    number, raw, header = candidates[chosen]
    problems = rows.header_cell_problems(number, raw, header.width)
    problems += _header_problems(header, columns)
    if problems:
        raise ImportErrors(problems, source=rows.source)
    return header, [(n, r) for n, r, _ in candidates[chosen + 1 :]]


def open_error(path: Path, exc: OSError) -> ValidationError:
    """What an ``OSError`` opening or reading ``path`` means to the user."""
    if isinstance(exc, FileNotFoundError):
        return ValidationError("tabular.file_not_found", file=path.name)
    if isinstance(exc, PermissionError):
        return ValidationError("tabular.file_locked", file=path.name)
    return ValidationError(
        "tabular.file_unreadable", file=path.name, reason=exc.strerror or str(exc)
    )
