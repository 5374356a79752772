"""CLI: demand forecasts (#16).

``forecast --sku SKU [--horizon WEEKS] [--at DATE] [--format json]``: the item's weekly
history (stock-out weeks empty), the method chosen by backtest and its accuracy (MASE), and
the forecast with its 95 % interval.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from inventory_app.cli import common
from inventory_app.domain.messages import render

if TYPE_CHECKING:
    from inventory_app.domain.margin import Margin
    from inventory_app.services.shop import Database


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    p = sub.add_parser("forecast", help="an item's weekly demand forecast and how it was chosen")
    common.add_db_option(p)
    p.add_argument("--sku", required=True)
    p.add_argument("--horizon", type=_weeks, default=12, metavar="WEEKS", help="default 12")
    p.add_argument("--at", type=common.date_arg, help="forecast from the end of this day")
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_forecast)
    register_items(sub)


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


def register_reports(kinds: argparse._SubParsersAction) -> None:
    """The demand reports under ``report`` (margin, tiers)."""
    p = kinds.add_parser("margin", help="revenue, gross margin and GMROI")
    common.add_db_option(p)
    p.add_argument("--from", dest="start", type=common.date_arg, required=True)
    p.add_argument("--to", dest="end", type=common.date_arg, required=True)
    p.add_argument("--by", choices=("item", "category"), default="item")
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_margin)

    p = kinds.add_parser("tiers", help="fast, slow and dead stock, each with what to do")
    common.add_db_option(p)
    p.add_argument("--at", type=common.date_arg, help="end of this day (default: now)")
    p.add_argument("--clearance", metavar="OUT.xlsx", help="also write the clearance list")
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_tiers)


def cmd_tiers(args: argparse.Namespace) -> int:
    import sys

    from inventory_app.domain import messages
    from inventory_app.services import demand

    with common.open_for_read(args) as db:
        rep = demand.tiers_report(db, at=args.at)
        n = demand.export_clearance_list(db, rep, args.clearance) if args.clearance else 0
    if args.clearance:
        print(f"clearance list: {n} items written to {args.clearance}", file=sys.stderr)
    lang = messages.language()
    if args.format == "json":
        common.print_json(rep.as_json(lang))
        return 0
    common.emit(
        "table",
        ["sku", "name", "tier", "on hand", "value", "cover days", "idle days", "action"],
        [
            (r.sku, r.name, r.advice.tier, r.on_hand, r.value,
             "—" if r.advice.cover_days is None else r.advice.cover_days,
             "—" if r.idle_days is None else r.idle_days, r.action_text(lang))
            for r in rep.rows
        ],
    )  # fmt: skip
    counts = ", ".join(f"{k}: {n}" for k, n in rep.counts().items())
    r = rep.rules
    print(
        f"\n{counts}. Rules: dead = no issue for {r.dead_days} days; slow = more than"
        f" {r.slow_cover_days} days of cover; fast = {r.fast_cover_days} days or less"
    )
    return 0


def _pct(value: object) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"  # type: ignore[operator]


def cmd_margin(args: argparse.Namespace) -> int:
    from inventory_app.services import demand

    with common.open_for_read(args) as db:
        rep = demand.margin_report(db, start=args.start, end=args.end, by=args.by)
    if args.format == "json":
        common.print_json(rep.as_json())
        return 0
    rows = [
        [r.key, r.revenue, r.cogs, r.gross_margin, _pct(r.margin_rate), r.average_inventory,
         "—" if r.gmroi is None else r.gmroi, _pct(r.priced_share)]
        for r in [*rep.rows, rep.total]
    ]  # fmt: skip
    common.emit(
        "table",
        ["key", "revenue", "cogs", "gross margin", "margin", "avg inventory", "GMROI", "priced"],
        rows,
    )
    print(
        f"\n{rep.start} to {rep.end}: gross margin = revenue − cost of the priced issues;"
        f" GMROI = gross margin ÷ average inventory at cost; selling prices known for"
        f" {_pct(rep.total.priced_share)} of the cost of goods sold"
    )
    return 0


def register_items(sub: argparse._SubParsersAction) -> None:
    """``item set SKU --price P | --no-price | --no-reorder | --reorder``."""
    item = sub.add_parser("item", help="an item's selling price and reorder flag")
    common.add_db_option(item)
    verbs = item.add_subparsers(dest="verb", metavar="VERB", required=True)
    p = verbs.add_parser("set", help="set the selling price or stop reordering an item")
    common.add_db_option(p)
    p.add_argument("sku")
    price = p.add_mutually_exclusive_group()
    price.add_argument("--price", metavar="P", help="selling price per stock unit")
    price.add_argument("--no-price", action="store_true", help="clear the selling price")
    flag = p.add_mutually_exclusive_group()
    flag.add_argument(
        "--no-reorder", action="store_true", help="stop reordering: leave reorder suggestions"
    )
    flag.add_argument("--reorder", action="store_true", help="reorder it again")
    p.set_defaults(run=cmd_item_set)


def cmd_item_set(args: argparse.Namespace) -> int:
    from inventory_app.domain import messages
    from inventory_app.domain.errors import ValidationError
    from inventory_app.services import demand

    if args.price is None and not (args.no_price or args.no_reorder or args.reorder):
        raise ValidationError("demand.nothing_to_set", sku=args.sku)
    with common.open_for_write(args) as db:
        if args.price is not None or args.no_price:
            demand.set_price(db, args.sku, None if args.no_price else args.price)
        if args.no_reorder or args.reorder:
            demand.set_no_reorder(db, args.sku, args.no_reorder)
        price, no_reorder = demand.item_terms(db, args.sku)
    shown_price = "—" if price is None else messages.shown(price)
    print(f"{args.sku}: selling price {shown_price}; reorder: {'no' if no_reorder else 'yes'}")
    return 0


def cmd_reorder_forecast(args: argparse.Namespace) -> int:
    """``report reorder --forecast``: suggestions from each item's forecast, with reasons."""
    from inventory_app.domain import messages
    from inventory_app.services.analytics import alerts

    with common.open_for_read(args) as db:
        rules, rows = alerts.forecast_reorder_suggestions(db, at=args.at, include_all=args.all)
    lang = messages.language()
    if args.format == "json":
        common.print_json(
            {
                "at": args.at or dt.date.today(),
                "method": "forecast",
                "rules": {
                    "service_level": rules.service_level,
                    "z": rules.z,
                    "cover_days": rules.cover_days,
                    "default_lead_time_days": rules.default_lead_time_days,
                },
                "rows": [_forecast_row(s, lang) for s in rows],
            }
        )
        return 0
    common.emit(
        "table",
        ["sku", "name", "on hand", "on order", "reorder point", "order", "unit"],
        [
            (s.sku, s.name, s.advice.on_hand, s.advice.on_order, s.advice.reorder_point,
             s.advice.suggested, s.unit)
            for s in rows
        ],
    )  # fmt: skip
    for s in rows[:10]:
        print(f"  {s.sku}: {s.why(lang)}")
    return 0


def _forecast_row(s: object, lang: str) -> dict[str, object]:
    a = s.advice  # type: ignore[attr-defined]
    return {
        "sku": s.sku,  # type: ignore[attr-defined]
        "name": s.name,  # type: ignore[attr-defined]
        "unit": s.unit,  # type: ignore[attr-defined]
        "method": s.method,  # type: ignore[attr-defined]
        "lead_time_days": a.lead_time_days,
        "lead_demand": a.lead_demand,
        "safety_stock": a.safety_stock,
        "reorder_point": a.reorder_point,
        "on_hand": a.on_hand,
        "on_order": a.on_order,
        "target": a.target,
        "suggested": a.suggested,
        "why": s.why(lang),  # type: ignore[attr-defined]
    }


def margin_total(db: Database, *, start: dt.date, end: dt.date) -> Margin:
    """The shop's margin line of ``report indicators``."""
    from inventory_app.services import demand

    return demand.margin_report(db, start=start, end=end, by="category").total


def margin_lines(m: Margin) -> list[tuple[object, ...]]:
    """``report indicators`` table lines: revenue, gross margin, margin rate, GMROI."""
    share = render("cli.ind.priced_share", {"share": _pct(m.priced_share)})
    return [
        (render("cli.ind.revenue", {}), m.revenue, "", share),
        (render("cli.ind.gross_margin", {}), m.gross_margin, "", ""),
        (render("cli.ind.margin_rate", {}), _pct(m.margin_rate), "", ""),
        (render("cli.ind.gmroi", {}), "—" if m.gmroi is None else m.gmroi, "", ""),
    ]
