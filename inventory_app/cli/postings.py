"""CLI: init, demo, import, stock, summary, close-period, check, backup, and postings."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from inventory_app.cli import common
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import Document, Line, MovementType
from inventory_app.domain.money import parse_cost, parse_qty
from inventory_app.services import backup, check, reports
from inventory_app.services import postings as stock


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create an empty shop file")
    common.add_db_option(p)
    p.add_argument("--name", default="", help="shop name")
    p.add_argument("--currency", default="¥")
    p.set_defaults(run=cmd_init)

    p = sub.add_parser("demo", help="fill a new shop with a believable year of demo history")
    common.add_db_option(p)
    p.add_argument("--skus", type=int, default=300)
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("import", help="import items or the movement journal (.csv or .xlsx)")
    common.add_db_option(p)
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind, helptext in (
        ("items", "items: sku, name [, category, unit, barcode, ...]"),
        ("journal", "movements: date, type, sku, qty [, unit_cost, batch, ...]"),
        ("opening", "opening stock: sku, qty, unit_cost [, batch, expiry, location]"),
    ):
        k = kinds.add_parser(kind, help=helptext)
        common.add_db_option(k)
        k.add_argument("file")
        k.add_argument("--sheet", help="sheet name in an .xlsx (default: the first)")
        if kind == "opening":
            k.add_argument("--date", type=common.date_arg, required=True, help="opening date")
        k.set_defaults(run=cmd_import)

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

    p = sub.add_parser("close-period", help="refuse movements dated on or before DATE")
    common.add_db_option(p)
    p.add_argument("date", type=common.date_arg)
    p.set_defaults(run=cmd_close)

    p = sub.add_parser("check", help="quick_check and every ledger invariant (exit 1 if any fails)")
    common.add_db_option(p)
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("backup", help="verified copy of the shop file")
    common.add_db_option(p)
    p.add_argument("dest")
    p.set_defaults(run=cmd_backup)

    for name, type_, helptext in (
        ("receive", MovementType.RECEIPT, "receive goods into a new batch"),
        ("issue", MovementType.ISSUE, "issue (sell) goods, FIFO/FEFO"),
        ("writeoff", MovementType.WRITEOFF, "write goods off with a reason"),
        ("adjust", MovementType.ADJUST, "signed stock adjustment"),
        ("transfer", MovementType.TRANSFER, "move stock between locations"),
    ):
        p = sub.add_parser(name, help=helptext)
        common.add_db_option(p)
        p.add_argument("--sku", required=True)
        p.add_argument("--qty", required=True)
        p.add_argument("--date", type=common.date_arg)
        p.add_argument("--batch")
        p.add_argument("--location")
        p.add_argument("--reference", default="")
        p.add_argument("--note", default="")
        p.add_argument("--operator", default="")
        p.add_argument("--override-reason", help="why a named or expired batch is used")
        if type_ in (MovementType.RECEIPT, MovementType.ADJUST):
            p.add_argument("--cost", help="unit cost")
            p.add_argument("--expiry", type=common.date_arg)
        if type_ in (MovementType.WRITEOFF, MovementType.ADJUST):
            p.add_argument("--reason")
        if type_ == MovementType.TRANSFER:
            p.add_argument("--to", dest="to_location", required=True)
        p.set_defaults(run=cmd_post, type=type_)

    p = sub.add_parser("reverse", help="post a reversal of a movement")
    common.add_db_option(p)
    p.add_argument("movement", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--operator", default="")
    p.add_argument("--date", type=common.date_arg)
    p.set_defaults(run=cmd_reverse)


def cmd_init(args: argparse.Namespace) -> int:
    from inventory_app.services import shop

    path = common.db_path(args)
    if path.exists() and path.stat().st_size > 0:
        with shop.open_shop(path):
            print(f"{path} is already a shop file; nothing changed", file=sys.stderr)
        return 0
    with shop.create_shop(path, name=args.name, currency=args.currency):
        pass
    print(path)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from inventory_app.services import demo

    with common.open_for_write(args, create=True) as db:
        if db.conn.execute("SELECT count(*) FROM items").fetchone()[0]:
            raise ValidationError(f"{db.path} already has items; demo needs a new, empty shop")
        changes = demo.build_demo(db, skus=args.skus, days=args.days, seed=args.seed)
    print(f"demo shop: {len(changes.items)} items, {len(changes.movements)} movements")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from inventory_app.services import imports  # openpyxl loads only when importing

    with common.open_for_write(args) as db:
        if args.kind == "items":
            r = imports.import_items(db, args.file, sheet=args.sheet)
            print(f"{r.created} items created, {r.updated} updated")
        elif args.kind == "opening":
            r = imports.import_opening(db, args.file, date=args.date, sheet=args.sheet)
            print(f"{r.posted} opening batches received on {args.date.isoformat()}")
        else:
            r = imports.import_journal(db, args.file, sheet=args.sheet)
            print(f"{r.posted} movements posted")
    return 0


def cmd_stock(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        at = args.at or dt.date.today()
        if args.by == "batch":
            rows = reports.stock_by_batch(db, at=args.at)
            if args.format == "json":
                common.print_json(
                    {
                        "at": at,
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
            else:
                cols = ("sku", "name", "batch", "location", "expiry", "qty", "unit_cost", "value")
                common.emit(
                    args.format,
                    cols,
                    [
                        (r.sku, r.name, r.batch, r.location, r.expiry, r.qty, r.unit_cost, r.value)
                        for r in rows
                    ],
                )
            return 0
        items = reports.stock_by_item(db, at=args.at)
        if args.format == "json":
            common.print_json(
                {
                    "at": at,
                    "rows": [
                        {"sku": r.sku, "qty": r.qty, "value": r.value, "name": r.name}
                        for r in items
                    ],
                }
            )
        else:
            common.emit(
                args.format,
                ("sku", "name", "unit", "qty", "value"),
                [(r.sku, r.name, r.unit, r.qty, r.value) for r in items],
            )
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        s = reports.period_summary(db, start=args.start, end=args.end, by=args.by)
    numeric = reports.NUMERIC_KEYS
    if args.format == "json":
        rows = []
        for r in s.rows:
            d = {"sku": r.key, "name": r.name, "category": r.category}
            if args.by == "category":
                d = {"category": r.key}
            d.update({k: getattr(r, k) for k in numeric})
            rows.append(d)
        common.print_json(
            {
                "from": s.start,
                "to": s.end,
                "by": s.by,
                "rows": rows,
                "totals": {k: getattr(s.totals, k) for k in numeric},
            }
        )
        return 0
    head = ("sku", "name", "category") if args.by == "item" else ("category",)
    table = [
        ((r.key, r.name, r.category) if args.by == "item" else (r.key,))
        + tuple(getattr(r, k) for k in numeric)
        for r in s.rows
    ]
    total = (("TOTAL", "", "") if args.by == "item" else ("TOTAL",)) + tuple(
        getattr(s.totals, k) for k in numeric
    )
    if args.format == "table":
        table.append(total)
    common.emit(args.format, head + numeric, table)
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    with common.open_for_write(args) as db:
        stock.close_period(db, args.date)
    print(f"closed up to {args.date.isoformat()}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        report = check.check(db)
    for line in report.lines():
        print(line)
    print(f"{'all checks passed' if report.ok else 'CHECK FAILED'} in {report.seconds:.2f} s")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        dest = backup.backup(db, args.dest)
    print(dest)
    return 0


def cmd_post(args: argparse.Namespace) -> int:
    type_: MovementType = args.type
    cost = getattr(args, "cost", None)
    line = Line(
        type=type_,
        sku=args.sku,
        qty=parse_qty(args.qty),
        unit_cost=parse_cost(cost) if cost else None,
        batch=args.batch,
        expiry=getattr(args, "expiry", None),
        location=args.location,
        to_location=getattr(args, "to_location", None),
        reason=getattr(args, "reason", None),
        override_reason=args.override_reason,
        note=args.note,
        reference=args.reference,
    )
    doc = Document(
        date=args.date or dt.date.today(),
        lines=(line,),
        reference=args.reference,
        operator=args.operator,
    )
    with common.open_for_write(args) as db:
        changes = stock.post(db, doc, source="cli")
    print(changes.movements[0])
    return 0


def cmd_reverse(args: argparse.Namespace) -> int:
    with common.open_for_write(args) as db:
        changes = stock.reverse(
            db, args.movement, reason=args.reason, operator=args.operator, date=args.date
        )
    print(changes.movements[0])
    return 0
