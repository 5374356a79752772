"""What the tamper-evident chain costs (#14 point 5), beside the same work without it.

    python benchmarks/chain.py [--lines 100000] [--repeat 3] [--big PATH]

- a journal import of ``--lines`` lines with the chain on and with ``chain.add_ledger`` made a
  no-op, alternating, in one process: CPU seconds (a shared machine moves wall time by 2-10x;
  CPU time much less), medians and their ratio;
- ``chain.verify`` on the imported shop;
- with ``--big`` (a copy of a shop at schema 6 or earlier, e.g. the 1M demo): the migration
  that builds its chain from the rows already there, then ``chain.verify`` over it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, shop
from inventory_app.services.imports.journal import import_journal
from inventory_app.storage import chain, migrations
from inventory_app.storage.ledger import writer

SKUS = 1000


def write_journal(path: Path, lines: int) -> None:
    """A receipt of every item, then ``lines`` issues of one unit over 300 days."""
    rnd = random.Random(1)
    out = ["date,type,sku,qty,unit_cost"]
    day0 = dt.date(2025, 1, 1)
    out += [f"{day0},receipt,S{i:04d},1000,2.50" for i in range(SKUS)]
    per_day = max(1, lines // 300)
    for n in range(lines):
        day = day0 + dt.timedelta(days=n // per_day)
        out.append(f"{day},issue,S{rnd.randrange(SKUS):04d},1,")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def cpu(fn) -> tuple[float, object]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def import_once(folder: Path, journal: Path, name: str, *, keep: bool = False):
    path = folder / f"{name}.db"
    db = shop.create_shop(path)
    catalog.add_items(db, [ItemFields(sku=f"S{k:04d}", name=f"item {k}") for k in range(SKUS)])
    seconds, _ = cpu(lambda: import_journal(db, journal))
    if keep:
        return seconds, db
    db.close()
    path.unlink()
    return seconds, None


def imports(folder: Path, lines: int, repeat: int) -> None:
    journal = folder / "journal.csv"
    write_journal(journal, lines)
    real = chain.add_ledger
    times: dict[str, list[float]] = {"without": [], "with": []}
    db = None
    for n in range(repeat):
        for mode in ("without", "with"):
            writer.chain.add_ledger = real if mode == "with" else (lambda conn, rows: None)
            keep = mode == "with" and n == repeat - 1
            seconds, kept = import_once(folder, journal, f"{mode}{n}", keep=keep)
            db = kept or db
            times[mode].append(seconds)
    writer.chain.add_ledger = real
    off, on = (statistics.median(times[m]) for m in ("without", "with"))
    print(f"journal import, {lines + SKUS:,} lines, CPU s (median of {repeat})")
    print(f"  without the chain {off:6.2f} s   with it {on:6.2f} s   ratio {on / off:.2f}")
    assert db is not None
    seconds, problems = cpu(lambda: chain.verify(db.conn))
    print(f"chain.verify of that shop: {seconds:.2f} s CPU, problems: {problems or 'none'}")
    db.close()


def migration(folder: Path, big: Path) -> None:
    copy = folder / "big.db"
    shutil.copy(big, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA cache_size = -65536")
    steps = migrations.STEPS
    before = conn.execute("PRAGMA user_version").fetchone()[0]
    migrations.STEPS, migrations.LATEST = steps[:6], 6
    try:
        migrations.migrate(conn)
    finally:
        migrations.STEPS, migrations.LATEST = steps, len(steps)
    n = conn.execute("SELECT count(*) FROM movements").fetchone()[0]
    wall = time.perf_counter()
    seconds, _ = cpu(lambda: migrations.migrate(conn))
    wall = time.perf_counter() - wall
    print(f"migration from {max(before, 6)} with the chain built, {n:,} movements:"
          f" {seconds:.1f} s CPU, {wall:.1f} s wall")  # fmt: skip
    seconds, problems = cpu(lambda: chain.verify(conn))
    print(f"chain.verify: {seconds:.1f} s CPU, problems: {problems or 'none'}")
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--big", type=Path, help="a shop at schema <= 6 to migrate (copied)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="chain-bench-") as tmp:
        folder = Path(tmp)
        imports(folder, args.lines, args.repeat)
        if args.big:
            migration(folder, args.big)


if __name__ == "__main__":
    main()
