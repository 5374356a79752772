"""Find the header row and collect the data rows: the reading loop CSV and XLSX share."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from inventory_app.domain.errors import Cancelled, ImportErrors, RowError, ValidationError
from inventory_app.services.tabular.aliases import (
    _STANDARD_LOOKUP,
    STANDARD_ALIASES,
    normalize_header,
)
from inventory_app.services.tabular.cells import Cell

_PROGRESS_EVERY = 2000
_HEADER_SCAN = 10  # non-blank rows searched for the header (title rows above it are skipped)
_MAX_ERRORS = 1000  # stop reading after this many cell problems


@dataclass(frozen=True, slots=True)
class Column:
    """A column an importer wants; found by its key, ``STANDARD_ALIASES[key]`` or ``aliases``."""

    key: str
    required: bool = False
    aliases: tuple[str, ...] = ()


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


# --- headers ---------------------------------------------------------------------------------


def _header_lookup(columns: Sequence[Column]) -> dict[str, str]:
    """Normalised header -> key for the requested columns; explicit aliases win."""
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys) or not all(keys):
        raise ValueError(f"column keys must be unique and non-empty: {keys}")
    wanted = set(keys)
    lookup = {norm: key for norm, key in _STANDARD_LOOKUP.items() if key in wanted}
    for key in wanted - set(STANDARD_ALIASES):
        lookup[normalize_header(key)] = key
    explicit: dict[str, str] = {}
    for column in columns:
        for alias in column.aliases:
            norm = normalize_header(alias)
            if explicit.setdefault(norm, column.key) != column.key:
                raise ValueError(f"alias {alias!r} given for {explicit[norm]} and {column.key}")
    lookup.update(explicit)
    return lookup


def _expected_names(column: Column, limit: int = 6) -> str:
    names = list(dict.fromkeys((*column.aliases, *STANDARD_ALIASES.get(column.key, (column.key,)))))
    shown = ", ".join(names[:limit])
    return shown + (", ..." if len(names) > limit else "")


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(slots=True)
class _Header:
    number: int
    texts: list[str | None]
    mapping: list[tuple[str, int]]  # (key, 0-based column index)
    headers: dict[str, str]
    ignored: tuple[str, ...]
    width: int  # columns up to the last non-empty header
    positions: dict[str, list[int]]  # key -> every column index that matched it


def _match_header(number: int, texts: list[str | None], lookup: dict[str, str]) -> _Header:
    width = max((i + 1 for i, t in enumerate(texts) if t), default=0)
    positions: dict[str, list[int]] = {}
    ignored = []
    for i, text in enumerate(texts[:width]):
        if not text:
            continue
        key = lookup.get(normalize_header(text))
        if key is None:
            ignored.append(text)
        else:
            positions.setdefault(key, []).append(i)
    mapping = [(key, idx[0]) for key, idx in positions.items()]
    headers = {key: texts[idx[0]] or "" for key, idx in positions.items()}
    return _Header(number, texts[:width], mapping, headers, tuple(ignored), width, positions)


def _header_problems(header: _Header, columns: Sequence[Column]) -> list[RowError]:
    problems = []
    texts, number = header.texts, header.number
    first = next((i for i, text in enumerate(texts) if text), len(texts))
    for i, text in enumerate(texts[first:], start=first):
        if not text:
            problem = "merged or empty header cell; give every column its own header"
            problems.append(RowError(number, column_letter(i), "", problem + " (unmerge cells)"))
    for key, idx in header.positions.items():
        if len(idx) > 1:
            where = " and ".join(f"'{texts[i]}' (column {column_letter(i)})" for i in idx)
            problem = f"column '{key}' is given twice: {where}"
            problems.append(RowError(number, texts[idx[1]] or "", "", problem))
    found = ", ".join(t for t in texts if t) or "none"
    for column in columns:
        if column.required and column.key not in header.headers:
            problem = (
                f"missing required column '{column.key}' (a header such as "
                f"{_expected_names(column)}); headers found: {found}"
            )
            problems.append(RowError(number, "", "", problem))
    return problems


# --- the shared reading loop ------------------------------------------------------------------


class _Rows:
    """One file format: raw rows with their numbers, and how to read a raw row."""

    source: str

    def numbered_rows(self) -> Generator[tuple[int, Any], None, None]:
        raise NotImplementedError

    def is_blank(self, raw: Any) -> bool:
        raise NotImplementedError

    def header_texts(self, raw: Any) -> list[str | None]:
        raise NotImplementedError

    def header_cell_problems(self, number: int, raw: Any, width: int) -> list[RowError]:
        return []

    def prepare(self, header: _Header) -> None:
        """Called once the header is known, before ``convert``."""

    def convert(self, number: int, raw: Any, errors: list[RowError]) -> dict[str, Cell] | None:
        """Values by key, or None for a fully blank row."""
        raise NotImplementedError

    def total_estimate(self, number: int) -> int:
        return number


def _checkpoint(
    rows: _Rows,
    number: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> None:
    if cancel is not None and cancel():
        raise Cancelled(f"reading {rows.source} was cancelled")
    if progress is not None:
        progress(number, max(number, rows.total_estimate(number)))


def _read_rows(
    rows: _Rows,
    columns: Sequence[Column],
    *,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    lookup = _header_lookup(columns)
    _checkpoint(rows, 0, None, cancel)
    numbered = rows.numbered_rows()
    try:
        header, following = _find_header(rows, numbered, columns, lookup)
        rows.prepare(header)
        absent = dict.fromkeys(c.key for c in columns if c.key not in header.headers)
        errors: list[RowError] = []
        out: list[SourceRow] = []
        next_check = header.number + _PROGRESS_EVERY
        for number, raw in chain(following, numbered):
            if number >= next_check:
                next_check = number + _PROGRESS_EVERY
                _checkpoint(rows, number, progress, cancel)
            values = rows.convert(number, raw, errors)
            if values is None:
                continue
            if absent:
                values.update(absent)
            if len(out) >= max_rows:
                raise ValidationError(
                    f"{rows.source} has more than {max_rows:,} data rows; "
                    "split it into smaller files"
                )
            out.append(SourceRow(number, values))
            if len(errors) >= _MAX_ERRORS:
                errors.append(RowError(number, "", "", "too many problems; stopped reading here"))
                break
    finally:
        numbered.close()  # close the file now, not when a traceback holding it is freed
    if errors:
        raise ImportErrors(errors, source=rows.source)
    if not out:
        raise ImportErrors([RowError(header.number, "", "", "no data rows")], source=rows.source)
    if progress is not None:
        progress(out[-1].number, out[-1].number)
    return Table(rows.source, header.headers, out, header.ignored)


def _find_header(
    rows: _Rows,
    numbered: Iterator[tuple[int, Any]],
    columns: Sequence[Column],
    lookup: dict[str, str],
) -> tuple[_Header, list[tuple[int, Any]]]:
    """The header and the rows already read after it.

    The header is the first non-blank row holding every required column; rows above it are
    titles. If none of the first few rows qualifies, problems are reported for the best match.
    """
    required = {c.key for c in columns if c.required}
    candidates: list[tuple[int, Any, _Header]] = []
    for number, raw in numbered:
        if rows.is_blank(raw):
            continue
        candidates.append((number, raw, _match_header(number, rows.header_texts(raw), lookup)))
        if required <= candidates[-1][2].headers.keys() or len(candidates) >= _HEADER_SCAN:
            break
    if not candidates:
        raise ImportErrors([RowError(1, "", "", "the file is empty")], source=rows.source)
    chosen = next((i for i, c in enumerate(candidates) if required <= c[2].headers.keys()), None)
    if chosen is None:
        chosen = max(range(len(candidates)), key=lambda i: (len(candidates[i][2].headers), -i))
    number, raw, header = candidates[chosen]
    problems = rows.header_cell_problems(number, raw, header.width)
    problems += _header_problems(header, columns)
    if problems:
        raise ImportErrors(problems, source=rows.source)
    return header, [(n, r) for n, r, _ in candidates[chosen + 1 :]]


def _open_error(path: Path, exc: OSError) -> ValidationError:
    if isinstance(exc, FileNotFoundError):
        return ValidationError(f"{path.name} was not found")
    if isinstance(exc, PermissionError):
        return ValidationError(
            f"{path.name} cannot be opened; close it in Excel or WPS and check its permissions"
        )
    return ValidationError(f"{path.name} cannot be read: {exc.strerror or exc}")
