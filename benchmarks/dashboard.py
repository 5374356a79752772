"""Shop open -> dashboard fully drawn, in the real main window (offscreen), fresh process
per run as the app starts:

    python benchmarks/dashboard.py PATH [--runs 9]

PATH: a big shop, e.g. ``python -m inventory_app --db PATH demo --skus 10000 --days 365``.
Prints each run (start-up before the shop opens; open -> every visible tile and chart drawn)
and the medians. The raw baseline beside it: the dashboard's SQL alone on one connection.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def child(path: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    s0 = time.perf_counter()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from inventory_app.ui.launch import setup_application
    from inventory_app.ui.pages.dashboard.page import warm_up_charts
    from inventory_app.ui.window.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    setup_application(app)
    window = MainWindow()
    window.resize(1280, 800)
    warm_up_charts()  # as run_desktop does before it opens a shop
    t0 = time.perf_counter()
    window.files.open_path(path)
    page = window.show_page("dashboard")
    window.show()
    loop = QEventLoop()
    page.refreshed.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    end = time.perf_counter() + 0.05  # the queued paints of the visible charts
    while time.perf_counter() < end:
        app.processEvents()
    t1 = time.perf_counter()
    print(f"RESULT {t0 - s0:.3f} {t1 - t0:.3f} {page.data.seconds:.3f}", flush=True)


def raw_sql(path: str) -> float:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    t = time.perf_counter()
    conn.execute("SELECT item_id, sum(out_value) FROM item_month GROUP BY item_id").fetchall()
    conn.execute("SELECT count(*) FROM batches WHERE qty_remaining > 0").fetchall()
    conn.execute("SELECT bucket, sum(value) FROM movements GROUP BY bucket").fetchall()
    conn.close()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--child", action="store_true")
    args = ap.parse_args()
    if args.child:
        child(args.path)
        return
    starts, opens, computes = [], [], []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, __file__, args.path, "--child"],
            capture_output=True, text=True, check=True,
            env=dict(os.environ, XDG_CONFIG_HOME="/tmp/dashboard-bench-config"),
        ).stdout  # fmt: skip
        _, s, o, c = next(ln for ln in out.splitlines() if ln.startswith("RESULT")).split()
        starts.append(float(s))
        opens.append(float(o))
        computes.append(float(c))
        print(f"run: start-up {float(s):.2f} s; shop open -> dashboard drawn {float(o):.2f} s "
              f"(data {float(c):.2f} s)")  # fmt: skip
    print(
        f"median of {args.runs}: start-up {statistics.median(starts):.2f} s; shop open -> "
        f"dashboard drawn {statistics.median(opens):.2f} s ({min(opens):.2f}-{max(opens):.2f}; "
        f"target <= 1 s); data computed {statistics.median(computes):.2f} s; raw SQL baseline "
        f"{raw_sql(args.path):.2f} s"
    )


if __name__ == "__main__":
    main()
