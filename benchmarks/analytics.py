"""Stock-health benchmark on the big demo shop (10k items, a year of history).

    python benchmarks/analytics.py [PATH] [--skus 10000] [--days 365] [--repeat 5]

Builds PATH with ``python -m inventory_app --db PATH demo`` when it does not exist (else
reuses it) and prints medians of ``--repeat`` runs, each beside a raw SQLite baseline of the
same run:
- 12-month turnover by item (target ≤ 1 s) and by month;
- alerts now (target ≤ 0.3 s);
- dashboard data fully computed (target ≤ 1 s), and with its five charts built and drawn;
- reorder suggestions, indicators.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import timed

os.environ.setdefault("MPLBACKEND", "Agg")

from inventory_app.services import analytics, shop
from inventory_app.services.analytics import alerts as analytics_alerts
from inventory_app.services.analytics import dashboard as analytics_dashboard
from inventory_app.storage.reads import analytics as analytics_queries


def ensure_demo(path: Path, skus: int, days: int) -> None:
    if path.exists():
        print(f"reusing {path}")
        return
    print(f"building the demo shop {path} ({skus} items, {days} days) ...", flush=True)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(path), "demo", "--skus", str(skus),
         "--days", str(days)],
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    print(f"  built in {time.perf_counter() - t:.1f} s")


def draw_dashboard(data: analytics_dashboard.Dashboard) -> int:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from inventory_app.charts import abc, ageing, expiry, slow_movers, turnover

    figs = [
        turnover.turnover_trend(data.trend, band=data.indicators.bands["turnover"]),
        expiry.expiry_timeline(data.expiry),
        abc.abc_pareto(data.abc),
        ageing.ageing_by_category(data.ageing),
        slow_movers.top_slow_movers(data.slow_movers),
    ]
    for fig in figs:
        FigureCanvasAgg(fig).draw()
    return len(figs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", nargs="?", help="demo shop file (built when missing)")
    ap.add_argument("--skus", type=int, default=10_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "demo.db"
    ensure_demo(path, args.skus, args.days)
    db = shop.open_shop(path, write=False)
    conn = db.conn
    n_items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    n_moves = conn.execute("SELECT count(*) FROM movements").fetchone()[0]
    print(f"{n_items} items, {n_moves} movements; medians of {args.repeat} runs\n")
    start, end = analytics_dashboard.period_for("last_12_months")
    r = args.repeat

    def row(label: str, seconds: float, target: float | None, baseline: float | None) -> None:
        goal = f"(target ≤ {target:g} s)" if target else ""
        base = f"raw SQL {baseline * 1000:7.1f} ms" if baseline is not None else ""
        print(f"{label:<42} {seconds * 1000:8.1f} ms  {goal:<18} {base}")

    raw_flows, _ = timed(
        lambda: conn.execute(
            "SELECT item_id, sum(out_value) FROM item_month WHERE month BETWEEN ? AND ?"
            " GROUP BY item_id",
            (start.isoformat()[:7], end.isoformat()[:7]),
        ).fetchall(),
        r,
    )
    t, rep = timed(lambda: analytics.turnover_report(db, start=start, end=end, by="item"), r)
    row(f"turnover by item, 12 months ({len(rep.rows)} rows)", t, 1.0, raw_flows)
    t, _ = timed(lambda: analytics.turnover_report(db, start=start, end=end, by="month"), r)
    row("turnover by month, 12 months", t, None, None)
    t, _ = timed(
        lambda: analytics.turnover_report(db, start=start, end=end, by="month", average="daily"),
        r,
    )
    row("turnover by month, daily average", t, None, None)
    raw_alerts, _ = timed(
        lambda: conn.execute(
            "SELECT count(*) FROM batches WHERE qty_remaining > 0 AND expiry <= date('now', '+30 day')"
        ).fetchone(),
        r,
    )
    t, al = timed(lambda: analytics_alerts.alerts(db), r)
    row("alerts now", t, 0.3, raw_alerts)
    print(f"  {al.counts()}")

    def cold_alerts():
        analytics_queries._items_memo = (None, None, {})  # as after a posting: read again
        return analytics_alerts.alerts(db)

    t, _ = timed(cold_alerts, r)
    row("alerts now, item rows not cached", t, 0.3, raw_alerts)
    t, _ = timed(lambda: analytics.indicators(db, start=start, end=end), r)
    row("indicators, 12 months", t, None, None)
    t, (_rules, sug) = timed(lambda: analytics_alerts.reorder_suggestions(db), r)
    row(f"reorder suggestions ({len(sug)} to order)", t, None, None)
    raw_scan, _ = timed(
        lambda: conn.execute("SELECT count(*), sum(value) FROM movements").fetchone(), r
    )
    t, data = timed(lambda: analytics_dashboard.dashboard(db, start=start, end=end), r)
    row("dashboard data fully computed", t, 1.0, raw_scan)
    t, _ = timed(lambda: draw_dashboard(data), r)
    row("dashboard's 5 charts built and drawn (Agg)", t, None, None)
    print("\nraw SQL: item_month sums / open batches expiring / a full scan of movements")
    db.close()


if __name__ == "__main__":
    main()
