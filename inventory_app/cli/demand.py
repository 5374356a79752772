"""CLI: demand forecasts (#16).

``forecast --sku SKU [--horizon WEEKS] [--at DATE] [--format json]``: the item's weekly
history (stock-out weeks empty), the method chosen by backtest and its accuracy (MASE), and
the forecast with its 95 % interval.
"""

from __future__ import annotations

import argparse

from inventory_app.cli import common


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    p = sub.add_parser("forecast", help="an item's weekly demand forecast and how it was chosen")
    common.add_db_option(p)
    p.add_argument("--sku", required=True)
    p.add_argument("--horizon", type=_weeks, default=12, metavar="WEEKS", help="default 12")
    p.add_argument("--at", type=common.date_arg, help="forecast from the end of this day")
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_forecast)


def _weeks(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= 104:
        raise argparse.ArgumentTypeError(f"not a number of weeks from 1 to 104: {text!r}")
    return n


def cmd_forecast(args: argparse.Namespace) -> int:
    from inventory_app.services import demand

    with common.open_for_read(args) as db:
        f = demand.forecast_item(db, args.sku, horizon=args.horizon, at=args.at)
    if args.format == "json":
        common.print_json(f.as_json())
        return 0
    common.emit(
        "table",
        ["week", "forecast", "low", "high"],
        [(w, round(q, 1), round(lo, 1), round(hi, 1)) for w, q, lo, hi in f.forecast],
    )
    mase = "—" if f.mase is None else f"{f.mase:.2f}"
    print(
        f"\n{f.sku} {f.name}: method {f.method}, backtest MASE {mase} (naive = 1);"
        f" {len(f.history)} weeks of history, {f.stockout_weeks} without stock left out;"
        f" seasonal: {'yes' if f.seasonal else 'no'}"
    )
    return 0
