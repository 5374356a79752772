"""Where the header row is and which requested column each of its cells is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inventory_app.domain.errors import RowError
from inventory_app.services.tabular.aliases import (
    STANDARD_ALIASES,
    STANDARD_LOOKUP,
    normalize_header,
)


@dataclass(frozen=True, slots=True)
class Column:
    """A column an importer wants; found by its key, ``STANDARD_ALIASES[key]`` or ``aliases``."""

    key: str
    required: bool = False
    aliases: tuple[str, ...] = ()


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


def header_words(columns: Sequence[Column], header: Header) -> dict[str, frozenset[object]]:
    """Required key -> the texts a repeated header shows in its column: the file's own header
    cell and the column's known names as written, lower- and upper-cased."""
    out: dict[str, frozenset[object]] = {}
    for column in columns:
        if not column.required or column.key not in header.headers:
            continue
        names = {column.key, header.headers[column.key], *column.aliases}
        names.update(STANDARD_ALIASES.get(column.key, ()))
        out[column.key] = frozenset(
            form for name in names for form in (name, name.lower(), name.upper(), name.title())
        )
    return out
