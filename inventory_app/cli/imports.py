"""CLI: ``import items|journal|opening FILE`` and the empty ``template`` to fill in first.

openpyxl loads only when a command reads or writes .xlsx.
"""

from __future__ import annotations

import argparse

from inventory_app.cli import common
from inventory_app.domain.messages import render

KINDS = (
    ("items", "items: sku, name [, category, unit, barcode, ...]"),
    ("journal", "movements: date, type, sku, qty [, unit_cost, batch, ...]"),
    ("opening", "opening stock: sku, qty, unit_cost [, batch, expiry, location]"),
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    p = sub.add_parser(
        "import",
        help="import items, opening stock or the movement journal (.csv, .xlsx, .xls, .ods)",
    )
    common.add_db_option(p)
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind, helptext in KINDS:
        k = kinds.add_parser(kind, help=helptext)
        common.add_db_option(k)
        k.add_argument("file")
        k.add_argument("--sheet", help="sheet name in a workbook (default: the first visible)")
        if kind == "opening":
            k.add_argument("--date", type=common.date_arg, required=True, help="opening date")
        k.set_defaults(run=cmd_import)

    t = sub.add_parser("template", help="an empty import template (.xlsx) with instructions")
    t.add_argument("kind", choices=("items", "opening", "journal"))
    t.add_argument("out", help="the .xlsx file to write")
    t.set_defaults(run=cmd_template)


def cmd_import(args: argparse.Namespace) -> int:
    from inventory_app.services import imports  # openpyxl loads only when importing

    with common.open_for_write(args) as db:
        if args.kind == "items":
            r = imports.import_items(db, args.file, sheet=args.sheet)
            print(render("cli.items_imported", {"created": r.created, "updated": r.updated}))
        elif args.kind == "opening":
            r = imports.import_opening(db, args.file, date=args.date, sheet=args.sheet)
            print(render("cli.opening_imported", {"count": r.posted, "date": args.date}))
        else:
            r = imports.import_journal(db, args.file, sheet=args.sheet)
            print(render("cli.journal_imported", {"count": r.posted}))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from inventory_app.services.imports import templates

    print(templates.write_template(args.kind, args.out, lang=common.language(args)))
    return 0
