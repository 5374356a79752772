"""CLI: ``settings show`` and ``settings set KEY VALUE`` — the shop's settings (kept in its
file) and this computer's language (``language``: zh, en or auto, for the app and the CLI)."""

from __future__ import annotations

import argparse
import sys

from inventory_app.cli import common
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.messages import render
from inventory_app.services import preferences, settings


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    p = sub.add_parser("settings", help="show or change settings (current assets, language ...)")
    common.add_db_option(p)
    what = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = what.add_parser("show", help="every setting and its value")
    common.add_db_option(show)
    common.add_format(show, ("table", "json"))
    show.set_defaults(run=cmd_show)

    put = what.add_parser(
        "set", help="set one: current_assets AMOUNT, language zh|en|auto, shop_name TEXT ..."
    )
    common.add_db_option(put)
    put.add_argument("key", metavar="KEY", help="current_assets, language, shop_name, ...")
    put.add_argument("value", metavar="VALUE")
    put.set_defaults(run=cmd_set)


def cmd_set(args: argparse.Namespace) -> int:
    if args.key == "language":
        # this computer's choice, not the shop's: no shop file needed
        choice = preferences.set_language_choice(args.value)
        print(render("cli.language_set", {"language": choice}))
        return 0
    if args.key not in settings.DEFAULTS:
        keys = ", ".join(["language", *settings.DEFAULTS])
        raise ValidationError("settings.unknown_key", setting=args.key, keys=keys)
    with common.open_for_write(args) as db:
        settings.set_value(db, args.key, args.value)
        value = settings.get(db, args.key)
    print(render("cli.setting_set", {"key": args.key, "value": value}))
    return 0


def shown_settings(args: argparse.Namespace) -> dict[str, str]:
    """The language (chosen and in effect), then the shop's settings when its file exists."""
    values = {
        "language": preferences.language_choice(),
        "effective_language": common.language(args),
    }
    if common.db_path(args).exists():
        with common.open_for_read(args, check=False) as db:
            saved = settings.all_settings(db)
        # the settings a person sets (and the lock date), not the file's own bookkeeping
        shown = {k: v for k, v in saved.items() if k in settings.DEFAULTS or k == "lock_date"}
        values.update(shown)
    return values


def cmd_show(args: argparse.Namespace) -> int:
    values = shown_settings(args)
    if args.format == "json":
        common.print_json(values)
    else:
        heads = [render("cli.settings_heading_key", {}), render("cli.settings_heading_value", {})]
        sys.stdout.write(common.table_text(heads, list(values.items())))
    return 0
