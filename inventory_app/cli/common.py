"""Helpers shared by the CLI commands: the --db and --lang options, dates, output formats."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import repeat
from operator import add, sub
from pathlib import Path

from inventory_app.cli import signin
from inventory_app.cli.json_writer import json_text, jsonable
from inventory_app.domain import limits, messages
from inventory_app.domain.errors import NotAnInventoryFile, ValidationError
from inventory_app.domain.messages import render
from inventory_app.domain.text import char_width
from inventory_app.services import shop
from inventory_app.services.shop import Database


def add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Accepted before or after the sub-command; the sub-command's value wins.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help=f"shop database file (default: {shop.default_db_path()})",
    )
    # Sign-in goes with the shop: wherever --db is taken, so is --user (see cli.signin).
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=None if top else argparse.SUPPRESS,
        help="sign in as NAME (the PIN from INVENTORY_PIN or a prompt, never an argument)",
    )


#: the languages of ``--lang``: the messages, table headers and errors, and the default of the
#: Excel pack's and templates' sheet and column names
LANGS = ("zh", "en")
LANG_HELP = (
    "language of messages, table headers, errors and Excel sheets: zh or en "
    "(default: the language set with `settings set language`, else LANG/LANGUAGE)"
)


def add_lang_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--lang zh|en``, before or after the sub-command (the sub-command's value wins)."""
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=None if top else argparse.SUPPRESS,
        help=LANG_HELP,
    )


def add_lang_everywhere(parser: argparse.ArgumentParser) -> None:
    """Give every sub-command (at any depth) the ``--lang`` option, so that each command, and
    any added later, takes it in the same place with the same meaning."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
                if "--lang" not in sub._option_string_actions:
                    add_lang_option(sub)
                add_lang_everywhere(sub)


def lang_in_argv(argv: Sequence[str]) -> str | None:
    """The last ``--lang`` value in ``argv`` (None when absent or not a language), read before
    argparse runs: its own refusals (a bad date, a missing argument) are worded then."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            found = value
    return found


def language(args: argparse.Namespace) -> str:
    """The language this command speaks: ``--lang``, else the one ``main`` chose."""
    return getattr(args, "lang", None) or messages.language()


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else shop.default_db_path()


def open_for_read(args: argparse.Namespace, *, check: bool = True) -> Database:
    """The shop named by ``--db`` (or the default one), open for reading (``check=False``:
    without the integrity check that opening runs when it is due)."""
    path = db_path(args)
    if not path.exists():
        raise NotAnInventoryFile("cli.no_shop", path=str(path))
    return signin.signed_in(args, shop.open_shop(path, write=False, check=check))


def open_for_write(
    args: argparse.Namespace, *, create: bool = False, sign_in: bool = True
) -> Database:
    """The shop named by ``--db``, open as the single writer (``create``: a new file if none),
    with ``--user`` signed in (``sign_in`` False: the caller signs in, as ``user add`` does
    when the shop may have no users yet)."""
    path = db_path(args)
    if not create and not path.exists():
        raise NotAnInventoryFile("cli.no_shop", path=str(path))
    db = shop.open_shop(path, write=True, create=create, program="inventory-app CLI")
    return signin.signed_in(args, db) if sign_in else signin.from_cli(db)


def date_arg(text: str) -> dt.date:
    try:
        date = dt.date.fromisoformat(text.strip())
    except ValueError:
        # argparse prints this text itself (and exits 2); the words still come from the table
        raise argparse.ArgumentTypeError(render("cli.not_a_date", {"text": text})) from None
    try:
        return limits.check_date(date)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def id_arg(text: str) -> int:
    """A record number (movement, stocktake): a whole number SQLite can hold."""
    try:
        number = int(text.strip())
    except ValueError:
        number = 0
    if not 1 <= number <= limits.INT64_MAX:
        raise argparse.ArgumentTypeError(render("cli.not_an_id", {"text": text}))
    return number


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str] = ("table", "json", "csv")):
    parser.add_argument("--format", choices=choices, default="table")


def print_json(data: object) -> None:
    """``data`` as ``json.dump(data, ensure_ascii=False, indent=2, default=jsonable)`` wrote
    it, and a newline, in one write (json.dump made ~560k small writes for 10k rows)."""
    sys.stdout.write(json_text(data) + "\n")


# Text a spreadsheet would run as a formula when the CSV is opened (=cmd|' /C calc'!A0): it
# gets a leading apostrophe, the usual defence, as the Excel pack marks such cells as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell: text that would start a formula is prefixed with "'"."""
    if value is None:
        return ""
    if type(value) is str:
        return "'" + value if value.startswith(_FORMULA_START) else value
    return jsonable(value)


def print_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    w.writerows([csv_cell(v) for v in row] for row in rows)
    sys.stdout.write(buf.getvalue())


def word(kind: str, value: str) -> str:
    """A fixed English word of a table cell (a status, a role) in the messages' language:
    ``messages.WORDS[lang][kind]``; other values stay as they are."""
    return messages.WORDS[messages.language()].get(kind, {}).get(value, value)


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    words: Mapping[str, str] | None = None,
) -> None:
    """A table for a person: its headers in the messages' language (CSV and JSON keep the
    English keys, which scripts read); ``words``: this table's own Chinese headers."""
    from inventory_app.cli.headers import headers

    sys.stdout.write(table_text(headers(columns, messages.language(), words), rows))


def table_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Columns padded to their widest cell (East Asian characters count two), numbers
    right-aligned; one line per row, each ending in a newline. Built a column at a time,
    with C-level maps over each column (a summary: 10k rows x 13 columns)."""
    raw = list(map(tuple, rows))
    by_column = list(zip(*raw, strict=True)) if raw else [() for _ in columns]
    if len(by_column) != len(columns):
        raise ValueError("every row needs a value for each column")
    padded = []
    widths = []
    for title, values in zip(columns, by_column, strict=True):
        kinds = set(map(type, values))
        if kinds <= _TEXT:
            texts = list(values)
        elif kinds == _DECIMALS:  # amounts and quantities
            texts = list(map(str, values))
        else:
            texts = [v if type(v) is str else _cell_text(v) for v in values]
        cells = [title, *texts]
        pad = str.rjust if _numeric_column(kinds, values, texts) else str.ljust
        wide = _wide_characters(cells)
        if not wide:  # a character a column: str's own padding to the widest
            width = max(map(len, cells))
            padded.append(list(map(pad, cells, repeat(width))))
        else:  # each wide character takes a column more than its length counts
            narrowed = map(len, map(str.translate, cells, repeat(wide)))
            extra = list(map(sub, map(len, cells), narrowed))
            width = max(map(add, map(len, cells), extra))
            padded.append(list(map(pad, cells, map(sub, repeat(width), extra))))
        widths.append(width)
    lines = list(map(str.rstrip, map("  ".join, zip(*padded, strict=True))))
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


_TEXT = {str}
_DECIMALS = {Decimal}
_NUMBERS = {Decimal, int, float}  # exactly these types (not bool): their text reads as a number


def _numeric_column(kinds: set[type], values: Sequence[object], texts: Sequence[str]) -> bool:
    """Whether a column is right-aligned: it has a filled cell and each one reads as a
    number (an undefined one, "—", too)."""
    if kinds and kinds <= _NUMBERS:
        return True
    filled = False
    for value, text in zip(values, texts, strict=True):
        if text:
            if not _numeric_cell(value, text):
                return False  # a text column: told at its first cell, mostly
            filled = True
    return filled


def _cell_text(value: object) -> str:
    if type(value) is Decimal:
        return str(value)
    if value is None:
        return ""
    return str(jsonable(value))


def _numeric_cell(value: object, text: str) -> bool:
    # A number's own text always reads as one: only text needs parsing to tell
    kind = type(value)
    return kind is Decimal or kind is int or kind is float or _looks_numeric(text)


class _CharWidths(dict):
    """Columns of each character met so far (unicodedata's answer, asked once a character)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = char_width(ch)
        return width


_CHAR_WIDTHS = _CharWidths()


def _wide_characters(cells: Sequence[str]) -> dict[int, None]:
    """The East Asian wide characters in ``cells``, as a ``str.translate`` table that
    deletes them (empty: none, all ASCII mostly)."""
    text = "".join(cells)
    if text.isascii():
        return {}
    return {ord(ch): None for ch in set(text) if _CHAR_WIDTHS[ch] == 2}


def _looks_numeric(text: str) -> bool:
    if text == "—":  # an undefined number (turnover of no stock) stays in a number column
        return True
    try:
        Decimal(text.replace(",", ""))
        return True
    except ArithmeticError:
        return False


def emit(
    fmt: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    words: Mapping[str, str] | None = None,
) -> None:
    if fmt == "csv":
        print_csv(columns, rows)
    else:
        print_table(columns, rows, words)
