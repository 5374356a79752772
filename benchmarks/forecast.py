"""Forecast every item of a demo shop (10k items, a year of history by default).

    python benchmarks/forecast.py PATH [--repeat 3]

PATH is a shop made by ``python -m inventory_app --db PATH demo --skus 10000 --days 365``.
Prints medians of ``--repeat`` runs (target: ≤ 30 s for 10k items) beside a raw SQLite
baseline of the same run (reading every movement's item, date, bucket and qty once), then the
chosen-method mix and the MASE distribution, against the naive / seasonal naive forecast.
"""

from __future__ import annotations

import argparse
import collections
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from timing import timed

from inventory_app.services import demand, shop


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    raw = sqlite3.connect(f"file:{args.path}?mode=ro", uri=True)
    baseline, _ = timed(
        lambda: raw.execute("SELECT item_id, date, bucket, qty FROM movements").fetchall(),
        args.repeat,
    )
    with shop.open_shop(args.path, write=False) as db:
        # read-only: nothing is kept in the file; the memo is cleared between runs
        def run() -> demand.AllForecasts:
            from inventory_app.services.demand import forecasting

            forecasting._memo.clear()
            return demand.forecast_all(db)

        seconds, result = timed(run, args.repeat)
    f = result.forecasts
    print(f"forecast all {len(f.method)} items: {seconds:.2f} s (median of {args.repeat})")
    print(f"baseline, reading the movements raw: {baseline:.2f} s")
    print("methods:", collections.Counter(f.method).most_common())
    mase = f.mase[np.isfinite(f.mase)]
    pct = (10, 25, 50, 75, 90)
    print("MASE percentiles", dict(zip(pct, np.percentile(mase, pct).round(2), strict=True)))
    ok = np.isfinite(f.mase) & np.isfinite(f.benchmark_mase) & (f.benchmark_mase > 0)
    rel = f.mase[ok] / f.benchmark_mase[ok]
    print("MASE ÷ benchmark MASE", dict(zip(pct, np.percentile(rel, pct).round(2), strict=True)))
    print(f"better than the benchmark: {(rel < 1).mean():.1%} of {ok.sum()} items")


if __name__ == "__main__":
    main()
