"""CLI: ``supplier add|list|link``, ``location add|list`` and ``unit add`` (packs)."""

from __future__ import annotations

import argparse

from inventory_app.cli import common


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    top = sub.add_parser("supplier", help="suppliers and the items they supply")
    common.add_db_option(top)
    cmds = top.add_subparsers(dest="supplier_command", metavar="ACTION", required=True)
    p = cmds.add_parser("add", help="add a supplier")
    common.add_db_option(p)
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--lead-time", type=int, default=0, metavar="DAYS")
    p.add_argument("--min-order", default="0", metavar="VALUE", help="minimum order value")
    p.add_argument("--phone", default="")
    p.add_argument("--contact", default="")
    p.add_argument("--address", default="")
    p.add_argument("--note", default="")
    p.set_defaults(run=cmd_supplier_add)

    p = cmds.add_parser("list", help="list the suppliers")
    common.add_db_option(p)
    common.add_format(p)
    p.set_defaults(run=cmd_supplier_list)

    p = cmds.add_parser("link", help="say a supplier sells an item (its code, pack, price)")
    common.add_db_option(p)
    p.add_argument("code", help="supplier code")
    p.add_argument("--sku", required=True)
    p.add_argument("--code", dest="supplier_sku", default="", metavar="SUPPLIER_SKU")
    p.add_argument("--pack", default="", metavar="UNIT")
    p.add_argument("--price", help="price per pack (or per stock unit)")
    p.add_argument("--preferred", action="store_true")
    p.set_defaults(run=cmd_supplier_link)

    p = cmds.add_parser("export", help="the item catalogue with suppliers and packs (.xlsx)")
    common.add_db_option(p)
    p.add_argument("out", metavar="OUT.xlsx")
    p.set_defaults(run=cmd_supplier_export)

    top = sub.add_parser("location", help="locations (shelves, stores, warehouses)")
    common.add_db_option(top)
    cmds = top.add_subparsers(dest="location_command", metavar="ACTION", required=True)
    p = cmds.add_parser("add", help="add a location")
    common.add_db_option(p)
    p.add_argument("name")
    p.set_defaults(run=cmd_location_add)
    p = cmds.add_parser("list", help="list the locations")
    common.add_db_option(p)
    common.add_format(p)
    p.set_defaults(run=cmd_location_list)

    top = sub.add_parser("label", help="item and batch labels with barcodes (PDF)")
    common.add_db_option(top)
    cmds = top.add_subparsers(dest="label_command", metavar="WHAT", required=True)
    p = cmds.add_parser("items", help="shelf labels: name, code, Code 128 of the code")
    common.add_db_option(p)
    p.add_argument("skus", nargs="+", metavar="SKU")
    p.add_argument("--out", required=True, metavar="OUT.pdf")
    p.add_argument("--price", help="a price to print on the labels")
    _label_options(p)
    p.set_defaults(run=cmd_label_items)
    p = cmds.add_parser("batches", help="batch labels: batch, expiry, a GS1 barcode")
    common.add_db_option(p)
    p.add_argument("sku")
    p.add_argument("--batch")
    p.add_argument("--out", required=True, metavar="OUT.pdf")
    _label_options(p)
    p.set_defaults(run=cmd_label_batches)

    top = sub.add_parser("unit", help="packs of an item (1 case = 24 bottles)")
    common.add_db_option(top)
    cmds = top.add_subparsers(dest="unit_command", metavar="ACTION", required=True)
    p = cmds.add_parser("add", help="give an item a pack with an exact factor")
    common.add_db_option(p)
    p.add_argument("sku")
    p.add_argument("pack")
    p.add_argument("--factor", required=True, help="stock units in one pack")
    p.add_argument("--barcode")
    p.set_defaults(run=cmd_unit_add)


def cmd_supplier_add(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    supplier = buying.Supplier(
        code=args.code,
        name=args.name,
        contact=args.contact,
        phone=args.phone,
        address=args.address,
        lead_time_days=args.lead_time,
        min_order_value=args.min_order,
        note=args.note,
    )
    with common.open_for_write(args) as db:
        buying.add_supplier(db, supplier)
    print(args.code.strip())
    return 0


COLUMNS = ("code", "name", "contact", "phone", "lead_time_days", "min_order_value", "items")


def cmd_supplier_list(args: argparse.Namespace) -> int:
    from inventory_app.services import buying
    from inventory_app.services.buying.performance import supplier_records

    with common.open_for_read(args) as db:
        rows = buying.list_suppliers(db)
        records = {r.supplier: r for r in supplier_records(db)}
    if args.format == "json":
        common.print_json(
            [
                {
                    "code": s.code,
                    "name": s.name,
                    "contact": s.contact,
                    "phone": s.phone,
                    "address": s.address,
                    "lead_time_days": s.lead_time_days,
                    "min_order_value": s.min_order_value,
                    "note": s.note,
                    "items": s.items,
                    "on_time_rate": records[s.code].on_time_rate,
                    "lead_time_seen_days": records[s.code].lead_days_seen,
                }
                for s in rows
            ]
        )
        return 0
    common.emit(
        args.format,
        COLUMNS,
        [
            (s.code, s.name, s.contact, s.phone, s.lead_time_days, s.min_order_value, s.items)
            for s in rows
        ],
    )
    return 0


def cmd_supplier_link(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_write(args) as db:
        buying.link_item(
            db,
            args.code,
            sku=args.sku,
            supplier_sku=args.supplier_sku,
            pack=args.pack,
            price=args.price,
            preferred=args.preferred,
        )
    return 0


def _label_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layout", choices=("a4", "40x30"), default="a4",
                   help="A4 sheets of 3 x 8, or one 40 x 30 mm label a page")  # fmt: skip
    p.add_argument("--copies", type=int, default=1)


def cmd_label_items(args: argparse.Namespace) -> int:
    from inventory_app.charts.labels import write_labels
    from inventory_app.domain import messages
    from inventory_app.domain.money import parse_cost
    from inventory_app.services.buying import labels

    price = parse_cost(args.price, what="price") if args.price else None
    with common.open_for_read(args) as db:
        found = labels.item_labels(
            db, args.skus, copies=args.copies, price=price, lang=messages.language()
        )
    print(write_labels(found, args.out, layout=args.layout))
    return 0


def cmd_label_batches(args: argparse.Namespace) -> int:
    from inventory_app.charts.labels import write_labels
    from inventory_app.domain import messages
    from inventory_app.services.buying import labels

    with common.open_for_read(args) as db:
        found = labels.batch_labels(
            db, args.sku, batch=args.batch, copies=args.copies, lang=messages.language()
        )
    print(write_labels(found, args.out, layout=args.layout))
    return 0


def cmd_supplier_export(args: argparse.Namespace) -> int:
    from inventory_app.services.buying import catalogue

    with common.open_for_read(args) as db:
        out = catalogue.export_catalogue(db, args.out, lang=common.language(args))
    print(out)
    return 0


def cmd_location_add(args: argparse.Namespace) -> int:
    from inventory_app.services import catalog

    with common.open_for_write(args) as db:
        catalog.add_location(db, args.name)
    print(args.name.strip())
    return 0


def cmd_location_list(args: argparse.Namespace) -> int:
    from inventory_app.services import catalog

    with common.open_for_read(args) as db:
        rows = catalog.list_locations(db)
    if args.format == "json":
        common.print_json([{"id": r.id, "name": r.name, "active": r.active} for r in rows])
        return 0
    common.emit(args.format, ("id", "name", "active"), [(r.id, r.name, r.active) for r in rows])
    return 0


def cmd_unit_add(args: argparse.Namespace) -> int:
    from inventory_app.services import buying

    with common.open_for_write(args) as db:
        buying.add_pack(db, args.sku, args.pack, factor=args.factor, barcode=args.barcode)
    return 0
