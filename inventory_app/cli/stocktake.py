"""CLI sub-commands: ``stocktake start|sheet|count|import|review|approve|cancel|list|due|report``.

``start`` prints the new id alone on stdout (for scripts). openpyxl loads only for the
commands that read or write .xlsx.
"""

from __future__ import annotations

import argparse

from inventory_app.cli import common
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.messages import render
from inventory_app.domain.model import Removal
from inventory_app.domain.money import parse_qty
from inventory_app.domain.stocktake import StocktakeReason, Uncounted, scope_label

#: a stocktake's status in the reader's words (the table; JSON keeps the value)
STATUS_WORDS = {
    "open": "cli.stocktake_status.open",
    "counting": "cli.stocktake_status.counting",
    "in_review": "cli.stocktake_status.in_review",
    "approved": "cli.stocktake_status.approved",
    "cancelled": "cli.stocktake_status.cancelled",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    top = sub.add_parser(
        "stocktake",
        help="stocktakes: snapshot, count (screen, CLI or sheet), review, approve; cycle counts",
    )
    common.add_db_option(top)
    cmds = top.add_subparsers(dest="stocktake_command", metavar="ACTION", required=True)
    _register_counting(cmds)
    _register_closing(cmds)
    _register_lists(cmds)


def _register_counting(cmds: argparse._SubParsersAction) -> None:
    """start, sheet, count, import: from the snapshot to the counts."""
    p = cmds.add_parser("start", help="start a stocktake (snapshot); prints its id")
    common.add_db_option(p)
    p.add_argument(
        "--scope",
        default="all",
        help="all | location:NAME | category:NAME[,NAME] | abc:A | due[:A] (default: all)",
    )
    p.add_argument("--blind", action="store_true", help="hide expected quantities from counters")
    p.add_argument("--name", default="", help="a name for the list (default: date and scope)")
    p.add_argument("--operator", default="", help="who started it")
    p.set_defaults(run=cmd_start)

    p = cmds.add_parser("sheet", help="export the count sheet (.xlsx) to print or fill in")
    common.add_db_option(p)
    p.add_argument("id", type=common.id_arg)
    p.add_argument("out", metavar="OUT.xlsx")
    p.set_defaults(run=cmd_sheet)

    p = cmds.add_parser("count", help="record a count (counts of several counters add up)")
    common.add_db_option(p)
    p.add_argument("id", type=common.id_arg)
    p.add_argument("--sku", required=True, help="SKU, barcode or a GS1 scan")
    p.add_argument("--qty", required=True)
    p.add_argument("--batch")
    p.add_argument("--location")
    p.add_argument("--counter", default="")
    p.add_argument("--unit", metavar="PACK", help="the quantity counted is in this pack")
    p.add_argument(
        "--recount", action="store_true", help="replace the line's earlier counts (kept in history)"
    )
    p.set_defaults(run=cmd_count)

    p = cmds.add_parser("import", help="import a filled-in count sheet (all or nothing)")
    common.add_db_option(p)
    p.add_argument("id", type=common.id_arg)
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--counter", default="", help="counter for rows that name none")
    p.set_defaults(run=cmd_import)


def _register_closing(cmds: argparse._SubParsersAction) -> None:
    """review, approve, cancel: from the counts to a closed stocktake."""
    p = cmds.add_parser("review", help="expected, counted and variance per line")
    common.add_db_option(p)
    p.add_argument("id", type=common.id_arg)
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_review)

    reasons = ", ".join(r.value for r in StocktakeReason)
    p = cmds.add_parser("approve", help="post the differences and close the stocktake")
    common.add_db_option(p)
    p.add_argument("id", type=common.id_arg)
    p.add_argument("--approver", default="", help="who approves (default: the signed-in user)")
    p.add_argument(
        "--uncounted",
        choices=[u.value for u in Uncounted],
        help="what to do with lines nobody counted (required when there are any)",
    )
    p.add_argument("--reason", help=f"reason for lines without their own: {reasons}")
    p.set_defaults(run=cmd_approve)

    p = cmds.add_parser("cancel", help="cancel an open stocktake (nothing is posted)")
    common.add_db_option(p)
    p.add_argument("id", type=common.id_arg)
    p.set_defaults(run=cmd_cancel)


def _register_lists(cmds: argparse._SubParsersAction) -> None:
    """list, due, report: what there is to count and what was counted."""
    p = cmds.add_parser("list", help="stocktakes with status and progress")
    common.add_db_option(p)
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_list)

    p = cmds.add_parser("due", help="items due for a cycle count (ABC intervals)")
    common.add_db_option(p)
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_due)

    p = cmds.add_parser("report", help="the stocktake report (.xlsx)")
    common.add_db_option(p)
    p.add_argument("id", type=common.id_arg)
    p.add_argument("out", metavar="OUT.xlsx")
    p.set_defaults(run=cmd_report)


def cmd_start(args: argparse.Namespace) -> int:
    from inventory_app.services import stocktake as st

    with common.open_for_write(args) as db:
        changes = st.start(
            db, scope=args.scope, blind=args.blind, name=args.name, operator=args.operator
        )
    print(next(iter(changes.stocktakes)))
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    from inventory_app.services.stocktake import sheet as stocktake_sheet

    with common.open_for_read(args) as db:
        out = stocktake_sheet.export_sheet(db, args.id, args.out)
    print(out)
    return 0


def cmd_count(args: argparse.Namespace) -> int:
    from inventory_app.domain import gs1
    from inventory_app.services import buying, catalog
    from inventory_app.services import stocktake as st

    qty = parse_qty(args.qty)
    with common.open_for_write(args) as db:
        if gs1.looks_like_gs1(args.sku):  # a GS1 scan: its item (or case) and batch
            scanned = buying.read_scan(db, args.sku)
            args.sku = scanned.sku
            per_batch = catalog.get_item(db, scanned.sku).removal == Removal.FEFO
            args.batch = args.batch or (scanned.batch if per_batch else None)
            args.unit = args.unit or scanned.pack
        if args.unit:
            qty = buying.stock_qty_of(db, args.sku, qty, args.unit)
        done = st.count(
            db,
            args.id,
            code=args.sku,
            qty=qty,
            batch=args.batch,
            location=args.location,
            counter=args.counter,
            recount=args.recount,
            source="cli",
        )
    facts = {"line": done.line_id, "sku": done.sku, "batch": done.batch, "location": done.location}
    code = "cli.counted_batch" if done.batch else "cli.counted"
    print(render(code, {**facts, "total": done.total}))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from inventory_app.services.stocktake import sheet as stocktake_sheet

    with common.open_for_write(args) as db:
        result = stocktake_sheet.import_sheet(db, args.id, args.file, counter=args.counter)
    counts = render("cli.counts_imported", {"count": result.counts})
    added = render("cli.lines_added", {"count": result.added_lines})
    print(f"{counts} ({added})")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from inventory_app.services import stocktake as st

    with common.open_for_read(args) as db:
        rv = st.review(db, args.id)
    if args.format == "json":
        common.print_json(
            {
                "id": rv.stocktake.id,
                "status": rv.stocktake.status.value,
                "lines": [
                    {
                        "sku": x.sku,
                        "batch": x.batch or None,
                        "location": x.location,
                        "expected_qty": x.expected_qty,
                        "counted_qty": x.counted_qty,
                        "variance_qty": x.variance_qty,
                        "variance_value": x.variance_value,
                        "flagged": x.flagged,
                        "counted": x.counted,
                    }
                    for x in rv.lines
                ],
            }
        )
        return 0
    info = rv.stocktake
    print(f"stocktake #{info.id} {info.name} [{info.status.value}] {info.counted}/{info.lines}")
    common.print_table(
        ("location", "sku", "name", "batch", "expected", "counted", "variance", "value", "flag"),
        [
            (
                x.location,
                x.sku,
                x.name,
                x.batch,
                x.expected_qty,
                x.counted_qty,
                x.variance_qty,
                x.variance_value,
                "RECOUNT" if x.flagged else "",
            )
            for x in rv.lines
        ],
    )
    print(f"gains {rv.gains}  losses {rv.losses}")
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    from inventory_app.services import stocktake as st
    from inventory_app.services.stocktake import approve as stocktake_approve

    with common.open_for_write(args) as db:
        if not args.uncounted:
            # the service refuses too; this names the option to give
            rv = st.review(db, args.id)
            missing = [x for x in rv.lines if not x.counted]
            if missing and rv.stocktake.open:
                raise ValidationError(
                    "stocktake.uncounted_option_needed",
                    count=len(missing),
                    sku=missing[0].sku,
                    location=missing[0].location,
                )
        changes = stocktake_approve.approve(
            db, args.id, approver=args.approver, uncounted=args.uncounted, reason=args.reason
        )
    n = len(changes.movements)
    print(render("cli.stocktake_approved", {"id": args.id, "count": n}))
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from inventory_app.services import stocktake as st

    with common.open_for_write(args) as db:
        st.cancel(db, args.id)
    print(render("cli.stocktake_cancelled", {"id": args.id}))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from inventory_app.services import stocktake as st

    with common.open_for_read(args) as db:
        rows = st.list_stocktakes(db)
    if args.format == "json":
        common.print_json(
            {
                "rows": [
                    {
                        "id": r.id,
                        "name": r.name,
                        "scope": r.scope,
                        "blind": r.blind,
                        "status": r.status.value,
                        "lines": r.lines,
                        "counted": r.counted,
                        "started_at": r.started_at,
                        "closed_at": r.closed_at,
                        "approver": r.approver,
                    }
                    for r in rows
                ]
            }
        )
        return 0
    common.print_table(
        ("id", "name", "scope", "status", "counted", "started"),
        [
            (
                r.id,
                r.name,
                scope_label(r.scope),
                render(STATUS_WORDS[r.status.value], {}),
                f"{r.counted}/{r.lines}",
                r.started_at,
            )
            for r in rows
        ],
    )
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from inventory_app.services.stocktake import cycle as stocktake_cycle

    with common.open_for_read(args) as db:
        rows = stocktake_cycle.due_list(db)
    if args.format == "json":
        common.print_json(
            {
                "rows": [
                    {
                        "sku": r.sku,
                        "abc": r.abc,
                        "last_counted": r.last_counted,
                        "interval_days": r.interval_days,
                    }
                    for r in rows
                ]
            }
        )
        return 0
    common.print_table(
        ("sku", "name", "abc", "last_counted", "interval_days"),
        [(r.sku, r.name, r.abc, r.last_counted or "never", r.interval_days) for r in rows],
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from inventory_app.services.stocktake import report as stocktake_report

    with common.open_for_read(args) as db:
        out = stocktake_report.write_report(db, args.id, args.out)
    print(out)
    return 0
