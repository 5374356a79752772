"""CLI: the shop file as a whole: ``init``, ``demo``, ``check``, ``backup``."""

from __future__ import annotations

import argparse
import sys

from inventory_app.cli import common
from inventory_app.domain.errors import InventoryError, NotAnInventoryFile, ValidationError
from inventory_app.domain.messages import render
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

    p = sub.add_parser(
        "backup",
        help="verified copy of the shop file; `backup list` lists the shop's backup folder",
    )
    common.add_db_option(p)
    p.add_argument("dest", help="file or folder to copy to, or `list` (./list for a file)")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file that is not a backup"
    )
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="replace the shop with a backup (checked first; the current shop is kept as a"
        " backup in its backup folder)",
    )
    common.add_db_option(p)
    p.add_argument("file")
    p.set_defaults(run=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    path = common.db_path(args)
    if path.exists() and path.stat().st_size > 0:
        with shop.open_shop(path):
            print(render("cli.already_a_shop", {"path": str(path)}), file=sys.stderr)
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
    print(
        render("cli.demo_built", {"items": len(changes.items), "movements": len(changes.movements)})
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    # check=False: the check itself runs quick_check first, once (not at opening as well)
    try:
        with common.open_for_read(args, check=False) as db:
            report = check.check(db)
    except InventoryError as exc:
        if not check.is_damage(exc):
            raise
        # a damaged file is what check is for: found, not refused
        print(render("check.rule_failed", {"rule": str(exc)}))
        print(render("check.failed_damaged", {}))
        return 1
    for line in report.lines():
        print(line)
    print(report.summary())
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    if args.dest == "list":
        return _list_backups(args)
    with common.open_for_read(args) as db:
        dest = backup.backup(db, args.dest, force=args.force)
    print(dest)
    return 0


def _list_backups(args: argparse.Namespace) -> int:
    path = common.db_path(args)
    found = backup.list_backups(path)
    if args.format == "json":
        common.print_json(
            {
                "folder": str(backup.backup_folder(path)),
                "backups": [
                    {
                        "path": str(b.path),
                        "taken_at": b.taken_at.isoformat() if b.taken_at else None,
                        "kind": b.kind,
                        "movements": b.movements,
                        "stock_value": str(b.stock_value),
                        "last_movement": b.last_movement.isoformat() if b.last_movement else None,
                        "size_bytes": b.size_bytes,
                        "of_this_shop": b.of_this_shop,
                    }
                    for b in found
                ],
            }
        )
        return 0
    rows = [
        (
            b.path.name,
            b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M") if b.taken_at else "",
            b.kind,
            b.movements,
            b.stock_value,
            f"{b.size_bytes / 2**20:.1f} MB",
        )
        for b in found
    ]
    print(f"{backup.backup_folder(path)}:")
    common.print_table(["file", "taken", "kind", "movements", "stock value", "size"], rows)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = common.db_path(args)
    if not path.exists():
        raise NotAnInventoryFile("cli.no_shop", path=str(path))
    with common.open_for_read(args) as db:  # signs in: a restore is the owner's
        actor = db.actor
    info = backup.describe(args.file)
    kept = backup.restore(args.file, path, actor=actor)
    print(f"restored {path} from {info.path} ({info.movements} movements, stock value"
          f" {info.stock_value}); the shop as it was is kept in {kept}")  # fmt: skip
    return 0
