"""Find the header row and collect the data rows: the reading loop CSV and XLSX share."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from inventory_app.domain.errors import Cancelled, ImportErrors, RowError, ValidationError
from inventory_app.services.tabular.aliases import (
    STANDARD_ALIASES,
    STANDARD_LOOKUP,
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
    lookup = {norm: key for norm, key in STANDARD_LOOKUP.items() if key in wanted}
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
class Header:
    """The header row found, and where each requested column is."""

    number: int
    texts: list[str | None]
    mapping: list[tuple[str, int]]  # (key, 0-based column index)
    headers: dict[str, str]
    ignored: tuple[str, ...]
    width: int  # columns up to the last non-empty header
    positions: dict[str, list[int]]  # key -> every column index that matched it


def _match_header(number: int, texts: list[str | None], lookup: dict[str, str]) -> Header:
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
    return Header(number, texts[:width], mapping, headers, tuple(ignored), width, positions)


def _header_problems(header: Header, columns: Sequence[Column]) -> list[RowError]:
    problems = []
    texts, number = header.texts, header.number
    first = next((i for i, text in enumerate(texts) if text), len(texts))
    for i, text in enumerate(texts[first:], start=first):
        if not text:
            problems.append(RowError(number, column_letter(i), "", "tabular.header_cell_empty"))
    for key, idx in header.positions.items():
        if len(idx) > 1:
            # ``where`` is the English list; ``headers`` and ``letters`` are its facts
            where = " and ".join(f"'{texts[i]}' (column {column_letter(i)})" for i in idx)
            params = {
                "key": key,
                "where": where,
                "headers": tuple(texts[i] for i in idx),
                "letters": tuple(column_letter(i) for i in idx),
            }
            problems.append(
                RowError(number, texts[idx[1]] or "", "", "tabular.column_twice", params)
            )
    found = ", ".join(t for t in texts if t) or "none"
    for column in columns:
        if column.required and column.key not in header.headers:
            params = {"key": column.key, "names": _expected_names(column), "found": found}
            problems.append(RowError(number, "", "", "tabular.missing_column", params))
    return problems


# --- the shared reading loop ------------------------------------------------------------------


class RowSource:
    """One file format: raw rows with their numbers, and how to read a raw row (the CSV and
    XLSX readers subclass it; ``read_rows`` drives it)."""

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
                raise ValidationError("tabular.too_many_rows", file=rows.source, max_rows=max_rows)
            out.append(SourceRow(number, values))
            if len(errors) >= _MAX_ERRORS:
                too_many = RowError(
                    number, "", "", "tabular.too_many_problems", {"limit": _MAX_ERRORS}
                )
                errors.append(too_many)
                break
    finally:
        numbered.close()  # close the file now, not when a traceback holding it is freed
    if errors:
        raise ImportErrors(errors, source=rows.source)
    if not out:
        no_rows = RowError(header.number, "", "", "tabular.no_data_rows")
        raise ImportErrors([no_rows], source=rows.source)
    if progress is not None:
        progress(out[-1].number, out[-1].number)
    return Table(rows.source, header.headers, out, header.ignored)


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
