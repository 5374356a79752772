"""CLI sub-commands: the accountant's Excel pack.

``export month 2026-10 OUT.xlsx``, ``export summary --from D --to D OUT.xlsx``. (The import
templates are with the imports, in ``cli.imports``.)
"""

from __future__ import annotations

import argparse
import sys

from inventory_app.cli import common
from inventory_app.domain.messages import render


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    p = sub.add_parser("export", help="the accountant's Excel pack (.xlsx)")
    common.add_db_option(p)
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)

    m = what.add_parser("month", help="a month's full pack: summary, movements, stock, ...")
    common.add_db_option(m)
    m.add_argument("month", help="the month, like 2026-10")
    m.add_argument("out", help="the .xlsx file to write")
    m.set_defaults(run=cmd_export)

    s = what.add_parser("summary", help="cover, summary and indicators for any period")
    common.add_db_option(s)
    s.add_argument("--from", dest="start", type=common.date_arg, required=True)
    s.add_argument("--to", dest="end", type=common.date_arg, required=True)
    s.add_argument("out", help="the .xlsx file to write")
    s.set_defaults(run=cmd_export)


def _progress_printer():
    """Progress on stderr when it is a terminal (a percentage that rewrites itself)."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = done * 100 // max(total, 1)
        if pct != last[0]:
            last[0] = pct
            print(f"\r{pct:3d}%", end="", file=sys.stderr, flush=True)

    return show


def cmd_export(args: argparse.Namespace) -> int:
    from inventory_app.services.export import month as exports

    progress = _progress_printer()
    # sheet and column names in the command's language: --lang (which has always meant the
    # pack's language here), else the one set with `settings set language`, else the locale
    lang = common.language(args)
    with common.open_for_read(args) as db:
        if args.what == "month":
            result = exports.export_month(db, args.month, args.out, lang=lang, progress=progress)
        else:
            result = exports.export_summary(
                db, args.out, start=args.start, end=args.end, lang=lang, progress=progress
            )
    if progress:
        print("\r", end="", file=sys.stderr)
    print(result.path)
    facts = {
        "items": result.items,
        "lines": result.movement_lines,
        "batches": result.batches,
        "seconds": f"{result.seconds:.1f}",
    }
    print(render("cli.export_done", facts), file=sys.stderr)
    return 0
