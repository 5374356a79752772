"""CLI: ``items`` — the catalogue as the desktop app's Items page shows it, searched the same
way (code, name, barcode, and the pinyin of Chinese names: ``items --search lsn`` finds 老酸奶).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from inventory_app.cli import common

if TYPE_CHECKING:
    from inventory_app.services.browse.items import ItemRow

#: the JSON keys of a row, in the order of the Items page's columns
KEYS = ("sku", "name", "category", "unit", "on_hand_qty", "barcode")


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    p = sub.add_parser(
        "items", help="items with their stock on hand; --search as in the app (pinyin too)"
    )
    common.add_db_option(p)
    p.add_argument("--search", default="", metavar="TEXT", help="code, name, barcode or pinyin")
    p.add_argument("--limit", type=_limit, default=None, metavar="N", help="at most N rows")
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_items)


def _limit(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 1:
        from inventory_app.domain.messages import render

        raise argparse.ArgumentTypeError(render("cli.bad_limit", {"text": text}))
    return n


def item_rows(db, text: str, limit: int | None) -> list[ItemRow]:
    """The Items page's rows for ``text``: active items, by code, as the page first shows
    them (the same service, filter and sort as its model), at most ``limit``."""
    from inventory_app.services import browse
    from inventory_app.services.browse.items import ItemFilter

    wanted = ItemFilter(text=text.strip())
    rows: list[ItemRow] = []
    cursor = None
    while limit is None or len(rows) < limit:
        page = browse.item_page(db, wanted, sort="sku", after=cursor)
        rows += page.rows
        cursor = page.cursor
        if cursor is None:
            break
    return rows if limit is None else rows[:limit]


def row_json(r: ItemRow) -> dict[str, object]:
    return {
        "sku": r.sku,
        "name": r.name,
        "category": r.category,
        "unit": r.unit,
        "on_hand_qty": r.on_hand,
        "barcode": r.barcode,
    }


def cmd_items(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        rows = item_rows(db, args.search, args.limit)
    if args.format == "json":
        # like the other JSON commands: what was asked, then "rows"
        common.print_json({"search": args.search, "rows": [row_json(r) for r in rows]})
    else:
        common.print_table(KEYS, [tuple(row_json(r).values()) for r in rows])
    return 0
