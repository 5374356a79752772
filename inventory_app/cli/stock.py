"""CLI: ``stock`` (on hand now or at the end of a day) and ``summary`` (a period's flows)."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from itertools import repeat
from operator import attrgetter

from inventory_app.cli import common
from inventory_app.services import reports
from inventory_app.services.shop import Database

ZERO_QTY = Decimal("0.000")
ZERO_VALUE = Decimal("0.00")
BATCH_COLUMNS = ("sku", "name", "batch", "location", "expiry", "qty", "unit_cost", "value")


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    p = sub.add_parser("stock", help="stock on hand now or at the end of a day")
    common.add_db_option(p)
    p.add_argument("--at", type=common.date_arg)
    p.add_argument("--by", choices=("item", "batch"), default="item")
    common.add_format(p)
    p.set_defaults(run=cmd_stock)

    p = sub.add_parser("summary", help="opening, in, out (COGS), adjustments, closing")
    common.add_db_option(p)
    p.add_argument("--from", dest="start", type=common.date_arg, required=True)
    p.add_argument("--to", dest="end", type=common.date_arg, required=True)
    p.add_argument("--by", choices=("item", "category"), default="item")
    common.add_format(p)
    p.set_defaults(run=cmd_summary)


def cmd_stock(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        if args.by == "batch":
            _stock_by_batch(db, args)
        else:
            _stock_by_item(db, args)
    return 0


def _stock_by_batch(db: Database, args: argparse.Namespace) -> None:
    rows = reports.stock_by_batch(db, at=args.at)
    if args.format != "json":
        common.emit(
            args.format,
            BATCH_COLUMNS,
            [
                (r.sku, r.name, r.batch, r.location, r.expiry, r.qty, r.unit_cost, r.value)
                for r in rows
            ],
        )
        return
    common.print_json(
        {
            "at": args.at or dt.date.today(),
            "rows": [
                {
                    "sku": r.sku,
                    "batch": r.batch,
                    "location": r.location,
                    "expiry": r.expiry,
                    "qty": r.qty,
                    "unit_cost": r.unit_cost,
                    "value": r.value,
                    "name": r.name,
                    "received": r.received,
                }
                for r in rows
            ],
        }
    )


def _stock_by_item(db: Database, args: argparse.Namespace) -> None:
    from inventory_app.services import buying, catalog

    items = reports.stock_by_item(db, at=args.at)
    coming = buying.on_order_by_sku(db)  # sent purchase orders, still expected
    if args.format != "json":
        common.emit(
            args.format,
            ("sku", "name", "unit", "qty", "value"),
            [(r.sku, r.name, r.unit, r.qty, r.value) for r in items],
        )
        return
    rows = [
        {
            "sku": r.sku,
            "qty": r.qty,
            "value": r.value,
            "name": r.name,
            "on_order_qty": coming.get(r.sku, ZERO_QTY),
        }
        for r in items
    ]
    # An item with nothing on hand but something ordered still has a row: the buyer looks for it.
    held = {r.sku for r in items}
    for sku in sorted(s for s, q in coming.items() if q > 0 and s not in held):
        item = catalog.get_item(db, sku)
        row = {"sku": sku, "qty": ZERO_QTY, "value": ZERO_VALUE, "name": item.name}
        rows.append({**row, "on_order_qty": coming[sku]})
    rows.sort(key=lambda r: str(r["sku"]))
    common.print_json({"at": args.at or dt.date.today(), "rows": rows})


def cmd_summary(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        s = reports.period_summary(db, start=args.start, end=args.end, by=args.by)
    if args.format == "json":
        common.print_json(_summary_json(s))
        return 0
    numeric = reports.NUMERIC_KEYS
    by_item = s.by == "item"
    head = ("sku", "name", "category") if by_item else ("category",)
    cells = attrgetter(*(("key", "name", "category") if by_item else ("key",)), *numeric)
    table = list(map(cells, s.rows))
    if args.format == "table":
        total = ("TOTAL", "", "") if by_item else ("TOTAL",)
        table.append(total + tuple(getattr(s.totals, k) for k in numeric))
    common.emit(args.format, head + numeric, table)
    return 0


def _summary_json(s: reports.Summary) -> dict[str, object]:
    """The summary's JSON contract: rows keyed by sku (with name, category) or by category."""
    numeric = reports.NUMERIC_KEYS
    if s.by == "item":
        keys, cells = ("sku", "name", "category"), attrgetter("key", "name", "category", *numeric)
    else:
        keys, cells = ("category",), attrgetter("key", *numeric)
    rows = list(map(dict, map(zip, repeat((*keys, *numeric)), map(cells, s.rows))))
    return {
        "from": s.start,
        "to": s.end,
        "by": s.by,
        "rows": rows,
        "totals": {k: getattr(s.totals, k) for k in numeric},
    }
