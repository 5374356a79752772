"""Helpers shared by the CLI commands: the --db option, dates, output formats."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from inventory_app.domain.errors import NotAnInventoryFile
from inventory_app.domain.messages import render
from inventory_app.domain.text import display_width
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


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else shop.default_db_path()


def open_for_read(args: argparse.Namespace, *, check: bool = True) -> Database:
    """The shop named by ``--db`` (or the default one), open for reading (``check=False``:
    without the integrity check that opening runs when it is due)."""
    path = db_path(args)
    if not path.exists():
        raise NotAnInventoryFile("cli.no_shop", path=str(path))
    return shop.open_shop(path, write=False, check=check)


def open_for_write(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The shop named by ``--db``, open as the single writer (``create``: a new file if none)."""
    path = db_path(args)
    if not create and not path.exists():
        raise NotAnInventoryFile("cli.no_shop", path=str(path))
    return shop.open_shop(path, write=True, create=create, program="inventory-app CLI")


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        # argparse prints this text itself (and exits 2); the words still come from the table
        raise argparse.ArgumentTypeError(render("cli.not_a_date", {"text": text})) from None


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str] = ("table", "json", "csv")):
    parser.add_argument("--format", choices=choices, default="table")


def jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=jsonable)
    sys.stdout.write("\n")


def print_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow(["" if v is None else jsonable(v) for v in row])


def print_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    cells = [[("" if v is None else str(jsonable(v))) for v in row] for row in rows]
    widths = [display_width(c) for c in columns]
    for row in cells:
        widths = [max(w, display_width(v)) for w, v in zip(widths, row, strict=True)]
    numeric = [
        all(_looks_numeric(r[i]) for r in cells if r[i]) and any(r[i] for r in cells)
        for i in range(len(columns))
    ]

    def fmt(values: Sequence[str]) -> str:
        out = []
        for v, w, num in zip(values, widths, numeric, strict=True):
            pad = " " * (w - display_width(v))
            out.append(pad + v if num else v + pad)
        return "  ".join(out).rstrip()

    print(fmt(columns))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print(fmt(row))


def _looks_numeric(text: str) -> bool:
    if text == "—":  # an undefined number (turnover of no stock) stays in a number column
        return True
    try:
        Decimal(text.replace(",", ""))
        return True
    except ArithmeticError:
        return False


def emit(fmt: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if fmt == "csv":
        print_csv(columns, rows)
    else:
        print_table(columns, rows)
