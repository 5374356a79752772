"""CLI: ``po create|add|suggest|from-suggestions|send|receive|cancel|show|list|export``.

``po create`` prints the new order's id alone and ``po from-suggestions`` the new ids, one a
line (for scripts). Quantities are in the line's pack unless ``--unit`` names another.
"""

from __future__ import annotations

import argparse

from inventory_app.cli import common
from inventory_app.cli.headers import PURCHASE_ORDER
from inventory_app.domain.messages import render


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    top = sub.add_parser("po", help="purchase orders: create, send, receive against")
    common.add_db_option(top)
    cmds = top.add_subparsers(dest="po_command", metavar="ACTION", required=True)

    p = _cmd(cmds, "create", "a new draft order; prints its id", cmd_create)
    p.add_argument("--supplier", required=True, metavar="CODE")
    p.add_argument("--note", default="")

    p = _cmd(cmds, "add", "add a line to a draft order", cmd_add)
    p.add_argument("id", type=int)
    p.add_argument("--sku", required=True)
    p.add_argument("--qty", required=True)
    p.add_argument("--unit", metavar="PACK")
    p.add_argument("--cost", help="price per pack")

    p = _cmd(cmds, "suggest", "the reorder suggestions as orders, by supplier", cmd_suggest)
    p.add_argument("--supplier", metavar="CODE")
    p.add_argument("--at", type=common.date_arg)
    common.add_format(p, ("table", "json"))

    p = _cmd(cmds, "from-suggestions", "draft orders from the suggestions", cmd_from)
    p.add_argument("--supplier", metavar="CODE")
    p.add_argument("--at", type=common.date_arg, help="suggest as on this day (default today)")

    p = _cmd(cmds, "send", "send a draft order (it becomes read-only)", cmd_send)
    p.add_argument("id", type=int)

    p = _cmd(cmds, "receive", "receive goods against a sent order", cmd_receive)
    p.add_argument("id", type=int)
    p.add_argument("--sku", required=True)
    p.add_argument("--qty", required=True)
    p.add_argument("--unit", metavar="PACK")
    p.add_argument("--cost", help="price actually paid, per pack")
    p.add_argument("--batch")
    p.add_argument("--expiry", type=common.date_arg)
    p.add_argument("--location")
    p.add_argument("--date", type=common.date_arg)
    p.add_argument("--allow-over", action="store_true", help="accept more than ordered")

    p = _cmd(cmds, "cancel", "cancel an order with a reason", cmd_cancel)
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)

    p = _cmd(cmds, "show", "an order and its lines", cmd_show)
    p.add_argument("id", type=int)
    common.add_format(p, ("table", "json"))

    p = _cmd(cmds, "list", "the orders, newest first", cmd_list)
    p.add_argument("--status")
    common.add_format(p)

    p = _cmd(cmds, "export", "an order as a one-page PDF or an .xlsx", cmd_export)
    p.add_argument("id", type=int)
    p.add_argument("out", metavar="OUT.pdf|OUT.xlsx")


def _cmd(cmds, name: str, helptext: str, run) -> argparse.ArgumentParser:
    p = cmds.add_parser(name, help=helptext)
    common.add_db_option(p)
    p.set_defaults(run=run)
    return p


def cmd_create(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_write(args) as db:
        order_id, _ = buying.create_order(db, args.supplier, note=args.note)
    print(order_id)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_write(args) as db:
        buying.add_line(db, args.id, sku=args.sku, qty=args.qty, unit=args.unit, cost=args.cost)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from inventory_app.services.buying import suggest

    with common.open_for_read(args) as db:
        groups = suggest.suggest_orders(db, supplier=args.supplier, at=args.at)
    if args.format == "json":
        common.print_json([g.as_json() for g in groups])
        return 0
    common.emit(
        args.format,
        ("supplier", "sku", "name", "qty", "unit", "stock_qty", "unit_cost", "value"),
        [
            (g.supplier or "-", x.sku, x.name, x.packs, x.pack, x.stock_qty, x.pack_cost, x.value)
            for g in groups
            for x in g.lines
        ],
    )
    return 0


def cmd_from(args: argparse.Namespace) -> int:
    from inventory_app.services.buying import suggest

    with common.open_for_write(args) as db:
        ids = suggest.orders_from_suggestions(db, supplier=args.supplier, at=args.at)
    if ids:
        print("\n".join(str(i) for i in ids))
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_write(args) as db:
        buying.send(db, args.id)
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    receipt = buying.Receipt(
        sku=args.sku,
        qty=args.qty,
        unit=args.unit,
        cost=args.cost,
        batch=args.batch,
        expiry=args.expiry,
        location=args.location,
    )
    with common.open_for_write(args) as db:
        changes = buying.receive(db, args.id, [receipt], date=args.date, allow_over=args.allow_over)
    print(changes.movements[0])
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_write(args) as db:
        buying.cancel(db, args.id, reason=args.reason)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_read(args) as db:
        order = buying.get_order(db, args.id)
    if args.format == "json":
        common.print_json(order.as_json())
        return 0
    heading = {
        "id": order.id,
        "supplier": order.supplier,
        "name": order.supplier_name,
        "status": order.status.value,
        "expected": order.expected.isoformat() if order.expected else "-",
    }
    print(render("cli.po_heading", heading))
    common.print_table(
        ("sku", "name", "unit", "factor", "ordered", "received", "unit_cost", "value"),
        [
            (x.sku, x.name, x.unit, x.factor, x.ordered_qty, x.received_qty, x.unit_cost, x.value)
            for x in order.lines
        ],
        PURCHASE_ORDER,
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_read(args) as db:
        rows = buying.list_orders(db, status=args.status)
    if args.format == "json":
        common.print_json(
            [
                {
                    "id": o.id,
                    "supplier": o.supplier,
                    "status": o.status.value,
                    "created": o.created_on,
                    "sent": o.sent_on,
                    "expected": o.expected,
                    "value": o.value,
                }
                for o in rows
            ]
        )
        return 0
    status = (lambda s: s) if args.format == "csv" else (lambda s: common.word("status", s))
    common.emit(
        args.format,
        ("id", "supplier", "name", "status", "created", "expected", "value"),
        [
            (o.id, o.supplier, o.supplier_name, status(o.status.value), o.created_on, o.expected,
             o.value)
            for o in rows
        ],
        PURCHASE_ORDER,
    )  # fmt: skip
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from inventory_app.services.buying import order_export

    kind = order_export.export_kind(args.out)
    with common.open_for_read(args) as db:
        sheet = order_export.order_sheet(db, args.id, lang=common.language(args))
        if kind == ".pdf":
            from inventory_app.charts.purchase_order import write_pdf

            out = write_pdf(sheet, args.out)
        else:
            out = order_export.write_xlsx(sheet, args.out)
        order_export.exported(db, args.id, out)
    print(out)
    return 0
