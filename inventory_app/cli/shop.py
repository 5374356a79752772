"""CLI: the shop file as a whole: ``init``, ``demo``, ``check``, ``backup``."""

from __future__ import annotations

import argparse
import sys

from inventory_app.cli import common
from inventory_app.domain import messages
from inventory_app.domain.errors import ValidationError
from inventory_app.services import backup, check, shop


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
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

    p = sub.add_parser("check", help="quick_check and every ledger invariant (exit 1 if any fails)")
    common.add_db_option(p)
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("backup", help="verified copy of the shop file")
    common.add_db_option(p)
    p.add_argument("dest")
    p.set_defaults(run=cmd_backup)


def cmd_init(args: argparse.Namespace) -> int:
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
        if shop.item_count(db):
            raise ValidationError("cli.demo_needs_empty_shop", path=str(db.path))
        changes = demo.build_demo(db, skus=args.skus, days=args.days, seed=args.seed)
    items, moves = len(changes.items), len(changes.movements)
    if messages.language() == "zh":  # the demo's words follow the same language
        print(f"演示店铺：{items} 个商品，{moves} 条出入库流水")
    else:
        print(f"demo shop: {items} items, {moves} movements")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    # check=False: the check itself runs quick_check first, once (not at opening as well)
    with common.open_for_read(args, check=False) as db:
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
