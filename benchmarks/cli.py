"""Whole-process times of the commands a person waits for, on a big shop, each beside
``inventory-app --help`` measured in the same run (the floor: Python, our imports, argparse):

    python benchmarks/cli.py PATH [--runs 5]

PATH: a big shop, e.g. ``python -m inventory_app --db /tmp/big.db demo --skus 10000 --days
365`` (10k items, ~1M movements). The commands run on a copy in a temporary folder, as the
program the console script starts (``inventory_app.app.main``) from this script's source tree,
each in a fresh process, ``runs`` rounds of one run per command (a noisy moment hits them
alike); stdout goes to a file, as with ``> out.json``. Printed per command: the median, the
spread, the target (1.0 s or the floor + 0.5 s, whichever is larger) and whether the median
meets it, the median CPU time of the process (user + system: what a busy machine changes
least) and a hash of what it printed (compare two trees' outputs).

Before the rounds: one untimed round fills the bytecode cache (as an installed program has
it), then the copy is opened once for writing, as the day's first open by the desktop app or
any write command is; that open runs the integrity check due once a day. The last line times a
read that finds the check due (no writer has opened the shop for a day).

Raw baselines (``RAW``) run in the same rounds, each listed under its command: what the same
work costs in a bare Python process without the app (``check``: SQLite's own quick_check of
the file; ``export month``: the pack's rows read with one query per sheet and written with
openpyxl's write-only workbook, no styles).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows
    resource = None

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = "from inventory_app.app import main; main()"
TARGET_S = 1.0
OVER_FLOOR_S = 0.5

MONTH = ["--from", "2026-10-01", "--to", "2026-10-31"]
YEAR = ["--from", "2026-01-01", "--to", "2026-12-31"]
# (label, arguments after --db PATH, whether its output is the same from run to run)
COMMANDS: list[tuple[str, list[str], bool]] = [
    ("--help (floor)", ["--help"], True),
    ("stock", ["stock"], True),
    ("stock --format json", ["stock", "--format", "json"], True),
    ("summary month (table)", ["summary", *MONTH], True),
    ("summary month --format json", ["summary", *MONTH, "--format", "json"], True),
    ("summary year (table)", ["summary", *YEAR], True),
    ("summary year --format json", ["summary", *YEAR, "--format", "json"], True),
    ("alerts --format json", ["alerts", "--format", "json"], True),
    (
        "report turnover --by month",
        ["report", "turnover", "--from", "2026-01-01", "--to", "2026-10-31", "--by", "month"],
        True,
    ),
    ("export month 2026-10 OUT.xlsx", ["export", "month", "2026-10", "{out}/month.xlsx"], False),
    ("check", ["check"], False),  # it prints its own time
]

# Raw baselines, whole processes too: what the same work costs without the app, in the same
# run. (label, Python source run with the shop's path as sys.argv[1] and the output folder as
# sys.argv[2], the command whose label starts the same)
RAW: list[tuple[str, str, str]] = [
    (
        "raw PRAGMA quick_check",
        "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA quick_check')"
        ".fetchall()",
        "check",
    ),
    (
        "raw openpyxl write-only, same rows",
        "import runpy, sys; sys.argv = ['raw_export', sys.argv[1], sys.argv[2] + '/raw.xlsx',"
        " '2026-10']; runpy.run_path(" + repr(str(ROOT / "benchmarks" / "raw_export.py")) + ","
        " run_name='__main__')",
        "export month",
    ),
]


def _children_cpu() -> float:
    if resource is None:  # Windows: no CPU column
        return float("nan")
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(db: Path, args: list[str], out_dir: Path, tree: Path = ROOT) -> tuple[float, float, bytes]:
    """Wall and CPU seconds of one whole process of ``tree``'s program, and what it printed."""
    argv = [a.replace("{out}", str(out_dir)) for a in args]
    # Compiled modules cached as an installed program has them (pip and the frozen bundle
    # ship bytecode), in the temporary folder rather than beside the sources.
    cache = out_dir / "pycache" / tree.name
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out_file = out_dir / "stdout"
    with open(out_file, "wb") as out:
        cpu = _children_cpu()
        t = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", PROGRAM, "--db", str(db), *argv],
            stdout=out, stderr=subprocess.PIPE, cwd=out_dir, env=env,
        )  # fmt: skip
        seconds = time.perf_counter() - t
        cpu = _children_cpu() - cpu
    if done.returncode != 0:
        sys.exit(
            f"{tree}: {' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}"
        )
    return seconds, cpu, out_file.read_bytes()


def run_raw(db: Path, source: str, out_dir: Path) -> tuple[float, float]:
    """Wall and CPU seconds of a bare ``python -c source SHOP OUT_DIR`` process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(out_dir / "pycache"))
    cpu = _children_cpu()
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", source, str(db), str(out_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=out_dir, env=env,
    )  # fmt: skip
    seconds = time.perf_counter() - t
    cpu = _children_cpu() - cpu
    if done.returncode != 0:
        sys.exit(f"raw baseline failed: {done.stderr.decode()[-2000:]}")
    return seconds, cpu


def copy_shop(src: Path, dest: Path) -> None:
    shutil.copyfile(src, dest)
    wal = Path(f"{src}-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, f"{dest}-wal")


def forget_the_check(db: Path) -> None:
    """Make the daily integrity check due again (as a day without a writer would)."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM meta WHERE key = 'quick_check_passed'")
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", metavar="TEXT", help="only the commands whose label has TEXT")
    ap.add_argument(
        "--before",
        type=Path,
        metavar="TREE",
        help="another source tree (e.g. `git archive BASE | tar -x -C DIR`) whose commands run"
        " in the same rounds, for a before/after table",
    )
    args = ap.parse_args()
    before = args.before.resolve() if args.before else None
    commands = [c for c in COMMANDS if c[0].startswith("--help") or (args.only or "") in c[0]]
    raws = [r for r in RAW if any(c[0].startswith(r[2]) for c in commands[1:])]
    work = Path(tempfile.mkdtemp(prefix="cli-bench-"))
    try:
        db = work / "shop.db"
        copy_shop(args.path, db)
        for label, argv, _same in commands:  # warm-up: fills the bytecode cache
            if label != "check":  # (long, and its modules are the CLI's own)
                run(db, argv, work)
                if before is not None:
                    run(db, argv, work, before)
        forget_the_check(db)
        first_open = run(db, ["init"], work)[0]  # the day's first writer: runs the due check
        load_before = os.getloadavg()[0]
        times: dict[str, list[float]] = {label: [] for label, _, _ in commands}
        cpus: dict[str, list[float]] = {label: [] for label, _, _ in commands}
        for label, _, _ in raws:
            times[label], cpus[label] = [], []
        outputs: dict[str, bytes] = {}
        old: dict[str, tuple[list[float], list[float], bytes]] = {}
        for _ in range(args.runs):
            for label, argv, _same in commands:
                seconds, cpu, printed = run(db, argv, work)
                times[label].append(seconds)
                cpus[label].append(cpu)
                outputs[label] = printed
                if before is not None:
                    seconds, cpu, printed = run(db, argv, work, before)
                    ts, cs, _ = old.setdefault(label, ([], [], b""))
                    old[label] = ([*ts, seconds], [*cs, cpu], printed)
            for label, source, _ in raws:
                seconds, cpu = run_raw(db, source, work)
                times[label].append(seconds)
                cpus[label].append(cpu)
        due = []
        for _ in range(args.runs):
            forget_the_check(db)
            due.append(run(db, ["stock", "--format", "json"], work)[0])
        load_after = os.getloadavg()[0]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    floor = statistics.median(times["--help (floor)"])
    target = max(TARGET_S, floor + OVER_FLOOR_S)
    print(
        f"shop: {args.path} ({args.path.stat().st_size / 1e6:.0f} MB); source: {ROOT}; before: {before}"
    )
    print(
        f"{args.runs} runs per command, fresh processes; {os.cpu_count()} cores; load average"
        f" {load_before:.2f} before the rounds, {load_after:.2f} after"
    )
    print(f"target: median <= {target:.2f} s (1.0 s, or the floor {floor:.2f} s + 0.5 s)\n")
    print(
        f"{'command':34} {'median':>8} {'min':>7} {'max':>7}  {'- floor':>8}  meets  {'cpu':>6}"
        "  output"
    )
    rows = [(label, same) for label, _argv, same in commands]
    for label, _source, after in raws:  # each raw baseline under the command it measures
        at = next(i for i, (lab, _) in enumerate(rows) if lab.startswith(after))
        rows.insert(at + 1, (label, False))
    for label, same in rows:
        ts = times[label]
        med = statistics.median(ts)
        digest = hashlib.sha256(outputs[label]).hexdigest()[:12] if same else "-"
        floorish = label.startswith(("--help", "raw "))
        meets = "-" if floorish else ("yes" if med <= target else "NO")
        cpu = statistics.median(cpus[label])
        line = (
            f"{label:34} {med:7.2f}s {min(ts):6.2f}s {max(ts):6.2f}s  {med - floor:+7.2f}s"
            f"  {meets:5}  {cpu:5.2f}s  {digest}"
        )
        if label in old:
            old_ts, old_cpus, old_out = old[label]
            same_out = "same output" if old_out == outputs[label] else "output differs"
            line += (
                f"   before: {statistics.median(old_ts):6.2f}s cpu"
                f" {statistics.median(old_cpus):5.2f}s{f', {same_out}' if same else ''}"
            )
        print(line)
    print(
        f"\nfirst writer open of the day (init on the shop, runs the due check): {first_open:.2f} s"
    )
    print(
        f"stock --format json when the daily check is due (no writer opened it for a day):"
        f" median {statistics.median(due):.2f} s"
    )


if __name__ == "__main__":
    main()
