"""Start-up, as a user waits for it: whole processes, launch -> the dashboard drawn (offscreen,
the window grabbed to a PNG, exit), beside the floor measured in the same run: a bare Qt window
with one matplotlib chart, drawn, grabbed and saved the same way.

    python benchmarks/startup.py [--runs 9] [--skus 300] [--frozen dist/inventory-app/inventory-app]

"The dashboard drawn" is what ``main.py --screenshot --page dashboard`` waits for: the page's
``is_loaded()`` (its data computed, tiles and alert lists filled, the ABC-XYZ matrix computed,
the figures of the charts in view built), then five event-loop passes in which those charts
draw at their first paint, then the grab. Charts scrolled out of view are built and drawn
after that (once the page is idle or scrolled to), as for a user; they are not in the PNG.

Runs are interleaved (floor, source, frozen, floor, ...) so a busy machine weighs on all alike;
one warm-up round first (font caches, OS file cache). Prints each median and its ratio to the
floor. The frozen program is measured when it exists (make dist).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "dist" / "inventory-app" / "inventory-app"

FLOOR = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from matplotlib.figure import Figure
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

app = QApplication([sys.argv[0]])
window = QMainWindow()
figure = Figure(figsize=(6, 3))
figure.add_subplot().plot([1, 3, 2, 4, 3, 5])
canvas = FigureCanvasQTAgg(figure)
window.setCentralWidget(canvas)
window.resize(1280, 800)
window.show()
canvas.draw()
for _ in range(5):
    app.processEvents()
window.grab().save(sys.argv[1], "PNG")
"""


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): on a shared machine the CPU time moves far
    less with the load than the wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--skus", type=int, default=300)
    parser.add_argument("--frozen", type=Path, default=FROZEN)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="inventory-startup-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(work),
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_DATA_HOME=str(work / "data"),
            XDG_CACHE_HOME=str(work / "cache"),
            LANG="C.UTF-8",
        )
        shop = work / "shop.db"
        demo = [sys.executable, str(ROOT / "main.py"), "--db", str(shop), "demo"]
        subprocess.run([*demo, "--skus", str(args.skus)], env=env, check=True,
                       capture_output=True)  # fmt: skip
        shot = ["--db", str(shop), "--screenshot", str(work / "app.png"), "--page", "dashboard"]
        programs = {
            "floor: Qt window + 1 chart": [sys.executable, "-c", FLOOR, str(work / "floor.png")],
            "source: main.py -> dashboard": [sys.executable, str(ROOT / "main.py"), *shot],
        }
        if args.frozen.exists():
            programs["frozen: bundle -> dashboard"] = [str(args.frozen.resolve()), *shot]
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for cmd in programs.values():  # warm-up round, not counted
            timed(cmd, env, work)
        for _ in range(args.runs):
            for name, cmd in programs.items():
                times[name].append(timed(cmd, env, work))
    floor_runs = times[next(iter(times))]
    floor_wall = statistics.median(w for w, _ in floor_runs)
    floor_cpu = statistics.median(c for _, c in floor_runs)
    print(f"start-up, median of {args.runs} whole processes ({args.skus}-item demo shop, "
          f"1280x800 offscreen, grab + PNG), load average {os.getloadavg()[0]:.1f}:")  # fmt: skip
    print(f"  {'':32s} {'wall':>8s} {'(min-max)':>12s} {'ratio':>6s}   {'CPU':>6s} {'ratio':>6s}")
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        spread = f"{min(w for w, _ in runs):.2f}-{max(w for w, _ in runs):.2f}"
        print(f"  {name:32s} {wall:6.2f} s {spread:>12s} {wall / floor_wall:5.2f}x   "
              f"{cpu:4.2f} s {cpu / floor_cpu:5.2f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
