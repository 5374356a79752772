"""CLI: stock-health reports (turnover, ABC, ageing, reorder, indicators) and alerts.

``report turnover|abc|ageing|reorder|indicators`` and ``alerts``; ``--format json`` prints
the documented contract, ``--chart OUT.png`` (or .svg) renders the matching chart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from inventory_app.cli import common, demand
from inventory_app.domain.messages import render

if TYPE_CHECKING:  # the services load lazily, per command
    from inventory_app.services.analytics.alerts import ReorderRules, ReorderSuggestion
    from inventory_app.services.analytics.stock import AgeingReport

DASH = "—"


#: an indicator's status ("ok", "low", "high") in the reader's words
STATUS_WORDS = {"ok": "cli.status.ok", "low": "cli.status.low", "high": "cli.status.high"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    report = sub.add_parser(
        "report", help="stock health: turnover, ABC, ageing, reorder, indicators"
    )
    common.add_db_option(report)
    kinds = report.add_subparsers(dest="report", metavar="REPORT", required=True)

    p = kinds.add_parser("turnover", help="cost of goods sold ÷ average inventory value")
    _period(p)
    p.add_argument("--by", choices=("item", "category", "month"), default="item")
    p.add_argument(
        "--average",
        choices=("simple", "daily"),
        default="simple",
        help="simple: (opening + closing) ÷ 2 (default); daily: mean of daily values",
    )
    common.add_format(p, ("table", "json"))
    p.add_argument("--chart", metavar="OUT.png", help="also draw the monthly trend chart")
    p.set_defaults(run=cmd_turnover)

    p = kinds.add_parser("abc", help="ABC classes by consumption value")
    _period(p)
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_abc)

    p = kinds.add_parser("ageing", help="stock value by days since receipt, per batch")
    _at(p)
    common.add_format(p, ("table", "json"))
    p.add_argument("--chart", metavar="OUT.png", help="also draw ageing by category")
    p.set_defaults(run=cmd_ageing)

    p = kinds.add_parser("reorder", help="what to reorder, how much, and why")
    _at(p)
    p.add_argument("--all", action="store_true", help="every item with demand, not only to order")
    p.add_argument("--forecast", action="store_true", help="from each item's demand forecast (#16)")
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_reorder)

    p = kinds.add_parser("indicators", help="turnover, days, capital occupation, loss rate")
    _period(p)
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_indicators)

    demand.register_reports(kinds)

    p = sub.add_parser("alerts", help="expired, expiring, low, out of stock and dead stock")
    _at(p)
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_alerts)


def _period(p: argparse.ArgumentParser) -> None:
    common.add_db_option(p)
    p.add_argument("--from", dest="start", type=common.date_arg, required=True)
    p.add_argument("--to", dest="end", type=common.date_arg, required=True)


def _at(p: argparse.ArgumentParser) -> None:
    common.add_db_option(p)
    p.add_argument("--at", type=common.date_arg, help="end of this day (default: now)")


def _show(value: object) -> object:
    return DASH if value is None else value


def _pct(value: Decimal | None) -> str:
    return DASH if value is None else f"{value * 100:.1f}%"


def _save_chart(fig: object, path: str) -> None:
    from inventory_app import charts

    charts.save(fig, path)
    print(render("cli.chart_written", {"path": str(path)}), file=sys.stderr)  # stdout: JSON?


def cmd_turnover(args: argparse.Namespace) -> int:
    from inventory_app.services import analytics

    with common.open_for_read(args) as db:
        rep = analytics.turnover_report(
            db, start=args.start, end=args.end, by=args.by, average=args.average
        )
        if args.chart:
            from inventory_app.charts.turnover import turnover_trend
            from inventory_app.services import settings

            trend = rep
            if args.by != "month":
                trend = analytics.turnover_report(
                    db, start=args.start, end=args.end, by="month", average=args.average
                )
            fig = turnover_trend(
                trend, band=analytics.bands(db)["turnover"], currency=settings.get(db, "currency")
            )
    if args.format == "json":
        common.print_json(rep.as_json())
    else:
        columns = ["key", "name", "cogs", "opening", "closing", "average", "turnover", "days"]
        if args.by != "item":
            columns.remove("name")
        rows = []
        assert rep.total is not None
        total = render("cli.total", {})
        for r in [*rep.rows, rep.total]:
            key = total if r is rep.total else r.key
            row: list[object] = [key, r.name] if args.by == "item" else [key]
            row += [r.cogs, r.opening_value, r.closing_value, r.average_value]
            row += [_show(r.turnover), _show(r.turnover_days)]
            rows.append(row)
        common.emit("table", columns, rows)
        facts = {
            "start": rep.start,
            "end": rep.end,
            "days": rep.days,
            "average": args.average,
            "annualized": _show(rep.total.annualized),
        }
        print("\n" + render("cli.turnover_note", facts))
    if args.chart:
        _save_chart(fig, args.chart)
    return 0


def cmd_abc(args: argparse.Namespace) -> int:
    from inventory_app.services.analytics import abc as analytics_abc

    with common.open_for_read(args) as db:
        rep = analytics_abc.abc_report(db, start=args.start, end=args.end)
    if args.format == "json":
        common.print_json(rep.as_json())
        return 0
    common.emit(
        "table",
        ["sku", "name", "class", "consumption", "share", "cumulative"],
        [
            (r.sku, r.name, r.abc_class, r.consumption, _pct(r.share), _pct(r.cumulative))
            for r in rep.rows
        ],
    )
    classes = [
        render("cli.abc_class", {"abc": c, "count": n, "value": v})
        for c, (n, v) in rep.classes().items()
    ]
    joiner = render("cli.abc_joiner", {})
    print("\n" + render("cli.abc_total", {"total": rep.total, "classes": joiner.join(classes)}))
    return 0


def cmd_ageing(args: argparse.Namespace) -> int:
    from inventory_app.services import settings
    from inventory_app.services.analytics import stock as analytics_stock

    with common.open_for_read(args) as db:
        rep = analytics_stock.ageing(db, at=args.at)
        currency = settings.get(db, "currency")
    totals = rep.totals()
    if args.format == "json":
        common.print_json(_ageing_json(rep, totals))
    else:
        common.emit(
            "table",
            ["sku", "name", "batch", "location", "received", "age", "bucket", "qty", "value"],
            [
                (
                    a.batch.sku,
                    a.batch.name,
                    a.batch.batch,
                    a.batch.location,
                    a.batch.received,
                    a.age_days,
                    a.bucket,
                    a.batch.qty,
                    a.batch.value,
                )
                for a in rep.batches
            ],
        )
        print()
        common.emit("table", ["days", "qty", "value"], [(k, q, v) for k, (q, v) in totals.items()])
    if args.chart:
        from inventory_app.charts.ageing import ageing_by_category

        _save_chart(ageing_by_category(rep, currency=currency), args.chart)
    return 0


def _ageing_json(rep: AgeingReport, totals: dict) -> dict[str, object]:
    """The ageing report's JSON contract: buckets, value by category, and every batch."""
    return {
        "at": rep.at,
        "buckets": {k: {"qty": q, "value": v} for k, (q, v) in totals.items()},
        "by_category": rep.by_category(),
        "batches": [
            {
                "sku": a.batch.sku,
                "name": a.batch.name,
                "category": a.batch.category,
                "batch": a.batch.batch,
                "location": a.batch.location,
                "received": a.batch.received,
                "age_days": a.age_days,
                "bucket": a.bucket,
                "qty": a.batch.qty,
                "value": a.batch.value,
            }
            for a in rep.batches
        ],
    }


def cmd_reorder(args: argparse.Namespace) -> int:
    from inventory_app.services.analytics import alerts as analytics_alerts

    if args.forecast:
        return demand.cmd_reorder_forecast(args)
    with common.open_for_read(args) as db:
        rules, rows = analytics_alerts.reorder_suggestions(db, at=args.at, include_all=args.all)
    if args.format == "json":
        common.print_json(_reorder_json(args.at or dt.date.today(), rules, rows))
        return 0
    common.emit(
        "table",
        ["sku", "name", "on hand", "reorder point", "order", "unit"],
        [
            (s.sku, s.name, s.advice.on_hand, s.advice.reorder_point, s.advice.suggested, s.unit)
            for s in rows
        ],
    )
    facts = {
        "demand_days": rules.demand_days,
        "level": _pct(rules.service_level),
        "z": rules.z,
        "cover_days": rules.cover_days,
    }
    print("\n" + render("cli.reorder_rules", facts))
    for s in rows[:10]:
        print(f"  {s.sku}: {s.why}")
    return 0


def _reorder_json(
    at: dt.date, rules: ReorderRules, rows: Sequence[ReorderSuggestion]
) -> dict[str, object]:
    """The reorder report's JSON contract: the rules used and one row per item."""
    return {
        "at": at,
        "rules": {
            "demand_days": rules.demand_days,
            "service_level": rules.service_level,
            "z": rules.z,
            "cover_days": rules.cover_days,
            "default_lead_time_days": rules.default_lead_time_days,
        },
        "rows": [
            {
                "sku": s.sku,
                "name": s.name,
                "unit": s.unit,
                "on_hand": s.advice.on_hand,
                "on_order": s.advice.on_order,
                "mean_daily": s.advice.mean_daily,
                "sigma_daily": s.advice.sigma_daily,
                "lead_time_days": s.advice.lead_time_days,
                "safety_stock": s.advice.safety_stock,
                "reorder_point": s.advice.reorder_point,
                "target": s.advice.target,
                "suggested": s.advice.suggested,
                "why": s.why,
            }
            for s in rows
        ],
    }


def cmd_indicators(args: argparse.Namespace) -> int:
    from inventory_app.services import analytics

    with common.open_for_read(args) as db:
        ind = analytics.indicators(db, start=args.start, end=args.end)
        margin = demand.margin_total(db, start=args.start, end=args.end)
    if args.format == "json":
        common.print_json({**ind.as_json(), "margin": margin.as_json()})
        return 0
    from inventory_app.cli.headers import headers

    # "value" is a figure here, not the stock value it is in the other tables
    heads = headers(["indicator", "value", "healthy", "status"], common.language(args))
    heads[1] = render("cli.settings_heading_value", {})
    sys.stdout.write(
        common.table_text(heads, [*_indicator_rows(ind), *demand.margin_lines(margin)])
    )
    return 0


def _indicator_rows(ind) -> list[tuple[object, ...]]:
    """(indicator, value, healthy band, status) per indicator, in the reader's words."""
    status = ind.status()
    b = ind.bands

    def band(name: str, pct: bool = False) -> str:
        lo, hi = b[name].low, b[name].high
        fmt = _pct if pct else str
        if lo is None:
            return f"< {fmt(hi)}"
        return f"{fmt(lo)}–{fmt(hi)}"

    def state(key: str) -> str:
        code = STATUS_WORDS.get(status[key])
        return render(code, {}) if code else status[key]

    rows = [
        ("cli.ind.turnover", _show(ind.turnover), "", ""),
        ("cli.ind.annualized", _show(ind.annualized), band("turnover"), state("turnover")),
        (
            "cli.ind.turnover_days",
            _show(ind.turnover_days),
            band("turnover_days"),
            state("turnover_days"),
        ),
        (
            "cli.ind.capital_occupation",
            _pct(ind.capital_occupation),
            band("capital_occupation", True),
            state("capital_occupation") or render("cli.ind.set_current_assets", {}),
        ),
        ("cli.ind.loss_rate", _pct(ind.loss_rate), band("loss_rate", True), state("loss_rate")),
        ("cli.ind.stock_value", ind.stock_value, "", ""),
    ]
    return [(render(code, {}), *rest) for code, *rest in rows]


def _rows(items: Sequence, fields: Sequence[str]) -> list[list[object]]:
    return [[_show(getattr(r, f)) for f in fields] for r in items]


def cmd_alerts(args: argparse.Namespace) -> int:
    from inventory_app.services.analytics import alerts as analytics_alerts

    with common.open_for_read(args) as db:
        al = analytics_alerts.alerts(db, at=args.at)
    if args.format == "json":
        common.print_json(al.as_json())
        return 0
    days = {"count": al.warning_days}
    sections = (
        ("cli.alerts.expired", {}, al.expired, ["sku", "name", "batch", "expiry", "qty", "value"]),
        ("cli.alerts.expiring", days, al.expiring,
         ["sku", "name", "batch", "expiry", "days_left", "qty", "value"]),
        ("cli.alerts.low_stock", {}, al.low_stock, ["sku", "name", "qty", "reorder_point"]),
        ("cli.alerts.out_of_stock", {}, al.out_of_stock, ["sku", "name", "reorder_point"]),
        ("cli.alerts.dead_stock", {"count": al.dead_days}, al.dead_stock,
         ["sku", "name", "qty", "value", "last_issue"]),
    )  # fmt: skip
    for code, facts, items, fields in sections:
        print(render("cli.alerts.count", {"title": render(code, facts), "n": len(items)}))
        if items:
            low = code == "cli.alerts.low_stock"
            headers = ["on hand" if f == "qty" and low else f for f in fields]
            common.emit("table", [h.replace("_", " ") for h in headers], _rows(items, fields))
        print()
    return 0
