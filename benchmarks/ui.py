"""Desktop app figures on a big shop (10,000 items, ~1M movements), offscreen.

    python benchmarks/ui.py --db /tmp/big.db            # measure (build it first, see below)
    python -m inventory_app --db /tmp/big.db demo --skus 10000 --days 365

Prints: process start -> window shown with the Items page's data (a fresh process each run,
median of 3) and the resident memory then; search-as-you-type latency per keystroke (SQL +
model reset + repaint; median and p95); the movement journal scrolled to its end again and
again, counting the rows actually read from the database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = ["S00123", "hammer 12", "矿泉水 5", "6900000012", "酸奶", "glue 2型", "DA-01", "牛奶 1L"]


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def child_start(db: str) -> None:
    """Run in a fresh process: start the app like ``main.py`` does, report when the Items
    page shows its data (time.monotonic(), comparable across processes on one machine)."""
    from PySide6.QtWidgets import QApplication

    from inventory_app.ui.launch import setup_application
    from inventory_app.ui.pages.dashboard.page import warm_up_charts
    from inventory_app.ui.window.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    setup_application(app)
    window = MainWindow()
    warm_up_charts()  # as run_desktop does before it opens a shop
    window.files.open_path(db)
    page = window.show_page("items")
    window.show()
    while not page.is_loaded():
        app.processEvents()
    app.processEvents()  # the first paint with data
    print(f"LOADED {time.monotonic()} {_rss_mb():.1f}", flush=True)
    window.close()


def start_figures(db: str, runs: int = 3) -> tuple[list[float], list[float]]:
    times, rss = [], []
    for _ in range(runs):
        t0 = time.monotonic()
        out = subprocess.run(
            [sys.executable, __file__, "--child-start", "--db", db],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, XDG_CONFIG_HOME="/tmp/ui-bench-config"),
        ).stdout
        line = next(ln for ln in out.splitlines() if ln.startswith("LOADED"))
        _, stamp, mb = line.split()
        times.append(float(stamp) - t0)
        rss.append(float(mb))
    return times, rss


def in_process_figures(db: str) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from inventory_app.ui.launch import setup_application
    from inventory_app.ui.window.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "/tmp/ui-bench-qs")
    app = QApplication([sys.argv[0]])
    QCoreApplication.setOrganizationName("inventory_app-bench")
    setup_application(app)
    window = MainWindow()
    window.resize(1280, 800)
    window.files.open_path(db)
    page = window.show_page("items")
    window.show()
    print(f"memory with the Items page shown: {_rss_mb():.0f} MB RSS")
    while not page.is_loaded():
        app.processEvents()

    latencies: list[float] = []
    for query in QUERIES:
        page.search.clear()
        page.search.flush()
        app.processEvents()
        for n in range(1, len(query) + 1):
            t = time.perf_counter()
            page.search.setText(query[:n])
            page.search.flush()  # what the 150 ms debounce timer does
            page.table.viewport().repaint()
            app.processEvents()
            latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(
        f"search-as-you-type: {len(latencies)} keystrokes over {len(QUERIES)} queries: "
        f"median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, "
        f"max {latencies[-1]:.1f} ms (+150 ms debounce after the last key)"
    )

    movements = window.show_page("movements")
    while not movements.is_loaded():
        app.processEvents()
    total = window.ctx.db.conn.execute("SELECT count(*) FROM movements").fetchone()[0]
    model, table = movements.model, movements.table
    presses, page_times = 40, []
    for _ in range(presses):
        t = time.perf_counter()
        table.scrollToBottom()  # Ctrl+End: the view asks the model for one more page
        app.processEvents()
        page_times.append((time.perf_counter() - t) * 1000)
    print(
        f"movement journal: {total:,} movements; scrolled to the end {presses} times -> "
        f"{model.rows_fetched:,} rows read in {model.pages_fetched} pages "
        f"({model.rowCount():,} rows in the model, {100 * model.rowCount() / total:.2f}% of all); "
        f"median {statistics.median(page_times):.1f} ms per scroll-to-end"
    )
    print(f"memory after the journal scroll: {_rss_mb():.0f} MB RSS")
    window.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default="/tmp/big.db")
    p.add_argument("--child-start", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child_start:
        child_start(a.db)
        return
    if not Path(a.db).exists():
        raise SystemExit(f"{a.db} does not exist: build it first (see the docstring)")
    import sqlite3

    with sqlite3.connect(f"file:{a.db}?mode=ro", uri=True) as conn:
        items, moves = (
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("items", "movements")
        )
    size = Path(a.db).stat().st_size / 2**20
    print(f"shop: {a.db}: {items:,} items, {moves:,} movements, {size:.0f} MB")
    times, rss = start_figures(a.db)
    print(
        "start -> window shown with data: "
        + ", ".join(f"{t:.2f}" for t in times)
        + f" s (median {statistics.median(times):.2f} s); RSS then {statistics.median(rss):.0f} MB"
    )
    in_process_figures(a.db)


if __name__ == "__main__":
    main()
