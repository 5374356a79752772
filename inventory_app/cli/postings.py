"""CLI: one movement per command (``receive``, ``issue``, ``writeoff``, ``adjust``,
``transfer``), ``reverse``, and ``close-period``.

``close-period`` is here rather than with the shop-file commands: it sets the lock date that
every posting is checked against, and its service is ``postings.close_period``.
"""

from __future__ import annotations

import argparse
import datetime as dt

from inventory_app.cli import common
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import Document, Line, MovementType
from inventory_app.domain.money import parse_cost, parse_qty

KINDS = (
    ("receive", MovementType.RECEIPT, "receive goods into a new batch"),
    ("issue", MovementType.ISSUE, "issue (sell) goods, FIFO/FEFO"),
    ("writeoff", MovementType.WRITEOFF, "write goods off with a reason"),
    ("adjust", MovementType.ADJUST, "signed stock adjustment"),
    ("transfer", MovementType.TRANSFER, "move stock between locations"),
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    for name, type_, helptext in KINDS:
        _add_movement(sub, name, type_, helptext)

    p = sub.add_parser("reverse", help="post a reversal of a movement")
    common.add_db_option(p)
    p.add_argument("movement", type=common.id_arg)
    p.add_argument("--reason", required=True)
    p.add_argument("--operator", default="")
    p.add_argument("--date", type=common.date_arg)
    p.set_defaults(run=cmd_reverse)

    p = sub.add_parser("close-period", help="refuse movements dated on or before DATE")
    common.add_db_option(p)
    p.add_argument("date", type=common.date_arg)
    p.set_defaults(run=cmd_close)


def _add_movement(
    sub: argparse._SubParsersAction, name: str, type_: MovementType, helptext: str
) -> None:
    p = sub.add_parser(name, help=helptext)
    common.add_db_option(p)
    if type_ == MovementType.RECEIPT:
        # a GS1-128 / DataMatrix scan fills --sku, --batch, --expiry and --qty (--unit for a
        # pack's barcode); what is typed beside it wins
        p.add_argument("--scan", metavar="GS1", help="a GS1 barcode scan (01 GTIN, 10, 17, 30)")
        p.add_argument("--sku")
        p.add_argument("--qty")
    else:
        p.add_argument("--sku", required=True)
        p.add_argument("--qty", required=True)
    p.add_argument("--date", type=common.date_arg)
    p.add_argument("--batch")
    p.add_argument("--location")
    p.add_argument("--reference", default="")
    p.add_argument("--note", default="")
    p.add_argument("--operator", default="")
    p.add_argument("--override-reason", help="why a named or expired batch is used")
    p.add_argument("--unit", metavar="PACK", help="the quantity (and cost) is per this pack")
    if type_ in (MovementType.RECEIPT, MovementType.ADJUST):
        p.add_argument("--cost", help="unit cost")
        p.add_argument("--expiry", type=common.date_arg)
    if type_ == MovementType.ISSUE:  # kept beside the movement; margins use it (#16)
        p.add_argument("--price", help="selling price per unit (per --unit pack when given)")
    if type_ in (MovementType.WRITEOFF, MovementType.ADJUST):
        p.add_argument("--reason")
    if type_ == MovementType.TRANSFER:
        p.add_argument("--to", dest="to_location", required=True)
    p.set_defaults(run=cmd_post, type=type_)


def _from_scan(args: argparse.Namespace) -> None:
    """Fill the receipt's fields from ``--scan`` where they were not typed."""
    from inventory_app.services import buying

    if getattr(args, "scan", None):
        with common.open_for_read(args, check=False) as db:
            line = buying.read_scan(db, args.scan)
        args.sku = args.sku or line.sku
        args.batch = args.batch or line.batch
        args.expiry = args.expiry or line.expiry
        args.unit = args.unit or line.pack
        if args.qty is None and line.qty is not None:
            args.qty = str(line.qty)
    if not args.sku or args.qty is None:
        raise ValidationError(
            "cli.receive_needs_item", missing="--sku" if not args.sku else "--qty"
        )


def cmd_post(args: argparse.Namespace) -> int:
    from inventory_app.services import buying, postings

    type_: MovementType = args.type
    if type_ == MovementType.RECEIPT:
        _from_scan(args)
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
    price = getattr(args, "price", None)
    with common.open_for_write(args) as db:
        if price is not None:
            from inventory_app.services import demand  # numpy: only for a priced issue

            changes = demand.post_priced(
                db, doc, [price], packs_typed=[args.unit or None], source="cli"
            )
        elif args.unit:
            changes = buying.post(db, doc, packs_typed=[args.unit], source="cli")
        else:
            changes = postings.post(db, doc, source="cli")
    print(changes.movements[0])
    return 0


def cmd_reverse(args: argparse.Namespace) -> int:
    from inventory_app.services import postings

    with common.open_for_write(args) as db:
        changes = postings.reverse(
            db, args.movement, reason=args.reason, operator=args.operator, date=args.date
        )
    print(changes.movements[0])
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from inventory_app.services import postings

    with common.open_for_write(args) as db:
        postings.close_period(db, args.date)
    print(f"closed up to {args.date.isoformat()}")
    return 0
