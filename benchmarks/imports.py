"""Import benchmark: whole-process ``inventory-app import`` beside a raw SQLite baseline.

    python benchmarks/imports.py [--lines 100000 1000000] [--repeat 3]
                                 [--tree PATH [PATH ...]] [--work DIR] [--skip-items]
                                 [--skip-opening]

Writes once into ``--work`` (kept between runs, so that every tree imports the same files) a
deterministic 2,000-item demo shop (fixed seed and end date) and, from its history, journal
CSVs of each ``--lines`` count; an items CSV (10,000 rows) and an opening-balance CSV (10
batches for each of the 2,000 items). For each file it prints, medians of the rounds:

- the raw baseline of the same run: the same CSV read with ``csv`` and its rows inserted with
  one ``executemany`` into an indexed table (WAL, ``synchronous=FULL``, one transaction);
- for each ``--tree``: the import as a whole process, ``python -m inventory_app --db SHOP
  import ...`` on a fresh copy of the prepared shop: seconds, rows/s, the ratio of its rate to
  raw (issue #13's target: >= 0.25 for the journal), its CPU seconds and its peak RSS
  (``wait4``; target: a 1M-line journal within 300 MB).

``--tree`` runs the imports of other checkouts (each on PYTHONPATH and as the working folder),
e.g. a base commit in ``git worktree add /tmp/base <commit>``; a round runs the raw baseline
and then each tree in turn, so that a busy spell of the shared machine touches them alike. The
files are made with this script's own tree. Files above ``--big`` lines run ``--repeat-big``
rounds.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))

from inventory_app.domain.model import Line  # noqa: E402

SEED = 1
ITEMS = 2_000
ITEM_ROWS = 10_000
BATCHES_PER_ITEM = 10
TODAY = dt.date(2026, 11, 30)  # the demo's last day: fixed, so the files never change
OPENING = dt.date(2020, 1, 1)
JOURNAL_HEADER = ["date", "type", "sku", "qty", "unit_cost", "batch", "expiry", "location",
                  "to_location", "reference", "note", "reason"]  # fmt: skip
ITEM_HEADER = ["sku", "name", "category", "unit", "barcode", "supplier", "reorder_point",
               "safety_stock", "lead_time_days", "shelf_life_days", "removal"]  # fmt: skip
OPENING_HEADER = ["sku", "qty", "unit_cost", "batch", "expiry", "location"]


# --- the files ---------------------------------------------------------------------------------


def journal_row(date: dt.date, line: Line) -> list[str]:
    """A demo line as a journal row (the note column carries an override reason)."""
    values = (
        date.isoformat(), str(line.type), line.sku, str(line.qty),
        None if line.unit_cost is None else str(line.unit_cost), line.batch,
        line.expiry.isoformat() if line.expiry else None, line.location, line.to_location,
        line.reference, line.override_reason or line.note, line.reason,
    )  # fmt: skip
    return ["" if v is None else v for v in values]


def new_shop(path: Path, items, locations) -> None:
    from inventory_app.services import catalog, shop

    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = shop.create_shop(path, name="Import benchmark")
    for name in locations:
        catalog.add_location(db, name)
    if items:
        catalog.add_items(db, items)
    db.close()


def make_journal(work: Path, lines: int) -> tuple[Path, Path]:
    """(journal CSV, shop with its items) for the first ``lines`` lines of a demo history
    long enough to hold them; made once."""
    from inventory_app.services import demo

    out, shop_path = work / f"journal-{lines}.csv", work / f"journal-{lines}.db"
    if out.exists() and shop_path.exists():
        return out, shop_path
    days = int(lines / (demo.LINES_PER_ITEM_DAY * ITEMS) * 1.2) + 30
    plan = demo.generate(skus=ITEMS, days=days, seed=SEED, today=TODAY)
    tmp = out.with_suffix(".tmp")
    written = 0
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(JOURNAL_HEADER)
        for date, line in plan.entries:
            if written == lines:
                break
            w.writerow(journal_row(date, line))
            written += 1
    if written < lines:
        raise SystemExit(f"the demo made only {written} lines")
    new_shop(shop_path, plan.items, plan.locations)
    tmp.replace(out)
    return out, shop_path


def make_items(work: Path) -> tuple[Path, Path]:
    """(items CSV of ``ITEM_ROWS`` demo items, an empty shop)."""
    from inventory_app.services import demo

    out, shop_path = work / f"items-{ITEM_ROWS}.csv", work / "items.db"
    if out.exists() and shop_path.exists():
        return out, shop_path
    plan = demo.generate(skus=ITEM_ROWS, days=30, seed=SEED, today=TODAY)
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(ITEM_HEADER)
        for f in plan.items:
            w.writerow([
                f.sku, f.name, f.category, f.unit, f.barcode or "", f.supplier,
                f.reorder_point, "" if f.safety_stock is None else f.safety_stock,
                f.lead_time_days, f.shelf_life_days or "", f.removal.value,
            ])  # fmt: skip
    new_shop(shop_path, [], [])
    return out, shop_path


def make_opening(work: Path) -> tuple[Path, Path]:
    """(opening CSV: ``BATCHES_PER_ITEM`` batches of each of the 2,000 items, the shop)."""
    from inventory_app.services import demo

    out, shop_path = work / "opening.csv", work / "opening.db"
    if out.exists() and shop_path.exists():
        return out, shop_path
    plan = demo.generate(skus=ITEMS, days=30, seed=SEED, today=TODAY)
    rng = random.Random(SEED)
    locations = ["Main", *plan.locations]
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(OPENING_HEADER)
        for f in plan.items:
            for b in range(BATCHES_PER_ITEM):
                life = f.shelf_life_days
                expiry = OPENING + dt.timedelta(days=rng.randint(1, life)) if life else None
                w.writerow([
                    f.sku, rng.randint(1, 200), Decimal(rng.randint(50, 50_000)) / 100,
                    f"OB-{b + 1}", expiry.isoformat() if expiry else "", rng.choice(locations),
                ])  # fmt: skip
    new_shop(shop_path, plan.items, plan.locations)
    return out, shop_path


# --- measuring --------------------------------------------------------------------------------


@dataclass
class Run:
    """One import as a whole process."""

    seconds: float
    cpu: float  # user + system seconds of the process
    rss_mb: float  # its peak resident set
    said: str  # what it printed


def run_import(tree: Path, shop_template: Path, work: Path, argv: list[str]) -> Run:
    """``inventory-app import ARGV`` of ``tree`` on a fresh copy of ``shop_template``."""
    db = work / "run.db"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(shop_template, db)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cmd = [sys.executable, "-m", "inventory_app", "--db", str(db), "import", *argv]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=tree, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage
        elapsed = time.perf_counter() - t
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problem = out.read().decode(), err.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({child.returncode}):\n{text}{problem[-3000:]}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text.strip())


def raw_insert(csv_path: Path, work: Path, indexes: list[str]) -> float:
    """Seconds to read ``csv_path`` with ``csv`` and insert its rows with one executemany into
    a table of its columns with ``indexes`` (WAL, synchronous=FULL, one transaction)."""
    db = work / "raw.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        columns = ", ".join(f"{c} TEXT" for c in header)
        conn.execute(f"CREATE TABLE raw (id INTEGER PRIMARY KEY, {columns})")
        for i, cols in enumerate(indexes):
            conn.execute(f"CREATE INDEX raw_{i} ON raw ({cols})")
        conn.execute("BEGIN")
        conn.executemany(
            f"INSERT INTO raw ({', '.join(header)}) VALUES ({', '.join('?' * len(header))})",
            reader,
        )
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t


def engine_floor(csv_path: Path, shop_template: Path, work: Path) -> tuple[float, float]:
    """Seconds the posting engine alone takes over the journal's lines (this tree's engine,
    ``postings.post_entries`` in one transaction, commit included), the lines made from the
    CSV beforehand, untimed, in a child process: what an import would take with no reading,
    parsing or start-up at all. (seconds, CPU seconds)"""
    db = work / "floor.db"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(shop_template, db)
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    cmd = [sys.executable, __file__, "--engine-floor", str(csv_path), str(db)]
    done = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, check=True)
    cpu, seconds = (float(x) for x in done.stdout.split()[-2:])
    return seconds, cpu


def _engine_floor_child(csv_path: Path, db_path: Path) -> None:
    from inventory_app.domain.model import MovementType
    from inventory_app.services import postings, shop

    entries = []
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        for d, kind, sku, qty, cost, batch, expiry, loc, to, ref, note, reason in reader:
            kind = MovementType(kind)
            if kind == MovementType.WRITEOFF and not reason:
                reason = "other"
            line = Line(
                type=kind, sku=sku, qty=Decimal(qty), unit_cost=Decimal(cost) if cost else None,
                batch=batch or None, expiry=dt.date.fromisoformat(expiry) if expiry else None,
                location=loc or None, to_location=to or None, reason=reason or None,
                override_reason=note if batch else None, note=note, reference=ref,
            )  # fmt: skip
            entries.append((dt.date.fromisoformat(d), line))
    db = shop.open_shop(db_path, write=True)
    t, cpu = time.perf_counter(), time.process_time()
    changes = postings.post_entries(db, entries)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    assert len(changes.movements) == len(entries)
    print(cpu, elapsed)


def measure(name: str, rows: int, trees: list[Path], work: Path, csv_path: Path, shop: Path,
            argv: list[str], indexes: list[str], repeat: int, floor: bool = False) -> None:  # fmt: skip
    """Each round runs the raw baseline, then each tree's import, so that a busy spell of
    the machine touches them alike; medians of the rounds."""
    raws: list[float] = []
    floors: list[tuple[float, float]] = []
    runs: dict[Path, list[Run]] = {tree: [] for tree in trees}
    for n in range(repeat):
        raws.append(raw_insert(csv_path, work, indexes))
        line = f"  round {n + 1}: raw {raws[-1]:6.2f} s"
        if floor:
            floors.append(engine_floor(csv_path, shop, work))
            line += f", engine alone {floors[-1][0]:6.2f} s (cpu {floors[-1][1]:6.2f})"
        for i, tree in enumerate(trees):
            run = run_import(tree, shop, work, argv)
            runs[tree].append(run)
            line += f" | {i + 1}: {run.seconds:6.2f} s, cpu {run.cpu:6.2f}, {run.rss_mb:4.0f} MB"
        print(f"{line}  [{run.said}]  load {os.getloadavg()[0]:.1f}", flush=True)
    raw = statistics.median(raws)
    print(f"{name:<18} {rows:>9,} rows   raw {raw:6.2f} s {rows / raw:>9,.0f} rows/s")
    if floors:
        f = statistics.median(s for s, _ in floors)
        cpu = statistics.median(c for _, c in floors)
        print(
            f"  the engine alone, lines made beforehand: {f:6.2f} s, ratio {raw / f:5.3f}"
            f"  (cpu {cpu:6.2f} s)"
        )
    for i, tree in enumerate(trees):
        s = statistics.median(r.seconds for r in runs[tree])
        cpu = statistics.median(r.cpu for r in runs[tree])
        rss = max(r.rss_mb for r in runs[tree])
        print(
            f"  tree {i + 1}: import {s:7.2f} s {rows / s:>9,.0f} rows/s  ratio {raw / s:5.3f}"
            f"  (cpu {cpu:6.2f} s)  peak RSS {rss:4.0f} MB",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--big", type=int, default=300_000, help="files above this run once")
    ap.add_argument("--repeat-big", type=int, default=1)
    ap.add_argument(
        "--tree",
        type=Path,
        nargs="+",
        default=[HERE],
        help="the checkouts whose imports run, in turn (default: this one)",
    )
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "import-bench")
    ap.add_argument("--skip-items", action="store_true")
    ap.add_argument("--skip-opening", action="store_true")
    ap.add_argument("--floor", action="store_true", help="also time the engine alone (journal)")
    ap.add_argument("--engine-floor", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.engine_floor:
        _engine_floor_child(*args.engine_floor)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    trees = [tree.resolve() for tree in args.tree]
    print(f"# import benchmark: {ITEMS:,}-item demo shop, seed {SEED}, files in {args.work}")
    for i, tree in enumerate(trees):
        probe = subprocess.run(
            [sys.executable, "-c", "import inventory_app; print(inventory_app.__file__)"],
            cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True,
            text=True, check=True,
        )  # fmt: skip
        head = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h %s"],
                              capture_output=True, text=True).stdout.strip()  # fmt: skip
        print(f"# tree {i + 1}: {probe.stdout.strip()}  ({head[:70]})")
    print(f"# python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    for lines in args.lines:
        csv_path, shop = make_journal(args.work, lines)
        repeat = args.repeat if lines <= args.big else args.repeat_big
        measure(f"journal {lines:,}", lines, trees, args.work, csv_path, shop,
                ["journal", str(csv_path)], ["date, id", "sku, date"], repeat,
                floor=args.floor and lines <= args.big)  # fmt: skip
    if not args.skip_items:
        csv_path, shop = make_items(args.work)
        measure("items", ITEM_ROWS, trees, args.work, csv_path, shop,
                ["items", str(csv_path)], ["sku", "barcode"], args.repeat)  # fmt: skip
    if not args.skip_opening:
        csv_path, shop = make_opening(args.work)
        measure("opening balances", ITEMS * BATCHES_PER_ITEM, trees, args.work, csv_path, shop,
                ["opening", str(csv_path), "--date", OPENING.isoformat()], ["sku"],
                args.repeat)  # fmt: skip
    print(f"# load at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
