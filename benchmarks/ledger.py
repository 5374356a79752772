"""Ledger benchmark: builds the demo shop and prints figures beside a raw SQLite baseline.

    python benchmarks/ledger.py [--skus 10000] [--days 365] [--db PATH] [--repeat 5]

Figures (medians where repeated):
- raw ``executemany`` of the demo's journal rows into an equally indexed table, twice: with the
  rows made in the loop (as the engine's run makes them) and from rows made beforehand;
- the demo lines generated alone; the engine posting them (lines/s, both ratios to raw);
- the engine's own rows re-inserted alone by plain executemany: the floor under the engine;
- import_journal from a .csv file (parse + validate + post), lines/s, on a slice;
- single posting latency p50/p95 with synchronous=FULL on the big file;
- month and year summary, stock on hand, `check`; peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import timed

from inventory_app.domain.model import Document, Line, MovementType
from inventory_app.services import check, demo, reports, shop
from inventory_app.services import postings as stock


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_baseline(rows_factory) -> tuple[float, int]:
    """executemany of the same journal rows into a table indexed like `movements`."""
    path = Path(tempfile.mkdtemp()) / "raw.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE journal (id INTEGER PRIMARY KEY, date TEXT NOT NULL, type TEXT NOT NULL,"
        " sku TEXT NOT NULL, qty TEXT NOT NULL, unit_cost TEXT, batch TEXT, expiry TEXT, location TEXT,"
        " to_location TEXT, reference TEXT, note TEXT, reason TEXT)"
    )
    conn.execute("CREATE INDEX journal_date ON journal (date, id)")
    conn.execute("CREATE INDEX journal_item ON journal (sku, date)")
    t = time.perf_counter()
    conn.execute("BEGIN")
    cur = conn.executemany(
        "INSERT INTO journal (date, type, sku, qty, unit_cost, batch, expiry, location,"
        " to_location, reference, note, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        rows_factory(),
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t
    n = conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    conn.close()
    del cur
    return elapsed, n


def ledger_rows_alone(src: sqlite3.Connection, dest_path: Path) -> float:
    """Seconds to write the very rows the engine wrote (documents, movements, batches as they
    ended, allocations) by plain ``executemany`` into a fresh shop with the same schema, in
    the engine's 20k-movement batches, one transaction: the floor under any posting engine
    that keeps this schema. Streams from ``src``; times only the writes and the commit."""
    dest = shop.create_shop(dest_path)
    c = dest.conn
    c.executemany(
        "INSERT OR IGNORE INTO locations VALUES (?,?,?)",
        src.execute("SELECT * FROM locations").fetchall(),
    )
    items = src.execute("SELECT * FROM items").fetchall()
    c.executemany(f"INSERT INTO items VALUES ({','.join('?' * len(items[0]))})", items)
    del items
    top = src.execute("SELECT max(id) FROM movements").fetchone()[0]
    inserts = {
        t: f"INSERT INTO {t} VALUES ({','.join('?' * n)})"
        for t, n in (("documents", 9), ("movements", 18), ("batches", 15), ("allocations", 6))
    }
    spent = 0.0
    doc_done = 0
    c.execute("BEGIN")
    for lo in range(1, top + 1, 20_000):
        hi = lo + 19_999
        movements = src.execute("SELECT * FROM movements WHERE id BETWEEN ? AND ?", (lo, hi))
        movements = movements.fetchall()
        doc_top = max(r[1] for r in movements)
        parts = [
            ("documents", src.execute(
                "SELECT * FROM documents WHERE id > ? AND id <= ?", (doc_done, doc_top))),
            ("movements", movements),
            ("batches", src.execute(
                "SELECT * FROM batches WHERE movement_id BETWEEN ? AND ? ORDER BY id", (lo, hi))),
            ("allocations", src.execute(
                "SELECT * FROM allocations WHERE movement_id BETWEEN ? AND ?", (lo, hi))),
        ]  # fmt: skip
        doc_done = doc_top
        for table, rows in parts:
            rows = rows if isinstance(rows, list) else rows.fetchall()
            t = time.perf_counter()
            c.executemany(inserts[table], rows)
            spent += time.perf_counter() - t
    t = time.perf_counter()
    c.execute("COMMIT")
    spent += time.perf_counter() - t
    dest.close()
    return spent


def raw_prebuilt_in_child(skus: int, days: int, seed: int, today: dt.date) -> tuple[float, int]:
    """``raw_baseline`` from rows made beforehand, run in a forked child process."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def run() -> None:
        plan = demo.generate(skus=skus, days=days, seed=seed, today=today)
        rows = [as_row(d, ln) for d, ln in plan.entries]
        send.send(raw_baseline(lambda: iter(rows)))

    child = ctx.Process(target=run)
    child.start()
    result = receive.recv()
    child.join()
    return result


def as_row(date: dt.date, line: Line) -> tuple:
    return (
        date.isoformat(),
        str(line.type),
        line.sku,
        str(line.qty),
        None if line.unit_cost is None else str(line.unit_cost),
        line.batch,
        line.expiry.isoformat() if line.expiry else None,
        line.location,
        line.to_location,
        line.reference,
        line.override_reason or line.note,  # the journal's note carries override reasons
        line.reason,
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skus", type=int, default=10_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", type=Path, default=None, help="keep the built shop here")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--csv-lines", type=int, default=100_000)
    args = ap.parse_args()
    today = dt.date.today()
    work = Path(tempfile.mkdtemp())
    path = args.db or work / "bench.db"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)

    print(f"# ledger benchmark: {args.skus} items, {args.days} days, seed {args.seed}")
    print(
        f"# python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} cpus"
    )

    # 1. raw baselines: the same rows, executemany into an equally indexed table; once with
    # the rows made as they are inserted (the demo generator in the loop, as in the engine's
    # run), once from rows made beforehand (in a child process, so that the million tuples
    # held in memory do not count in this process's peak RSS)
    plan = demo.generate(skus=args.skus, days=args.days, seed=args.seed, today=today)
    raw_s, n_raw = raw_baseline(lambda: (as_row(d, ln) for d, ln in plan.entries))
    print(
        f"raw executemany, rows made in the loop  {n_raw:>10,} rows  {raw_s:6.1f} s"
        f"  {n_raw / raw_s:>9,.0f} rows/s"
    )
    pre_s, n_pre = raw_prebuilt_in_child(args.skus, args.days, args.seed, today)
    print(
        f"raw executemany, rows made beforehand   {n_pre:>10,} rows  {pre_s:6.1f} s"
        f"  {n_pre / pre_s:>9,.0f} rows/s"
    )
    t = time.perf_counter()
    gen_n = sum(1 for _ in demo.generate(skus=args.skus, days=args.days, seed=args.seed,
                                         today=today).entries)  # fmt: skip
    gen_s = time.perf_counter() - t
    print(f"demo lines generated alone              {gen_n:>10,} lines {gen_s:6.1f} s")

    # 2. the engine: demo lines posted through the ledger in one transaction
    db = shop.create_shop(path, name="Benchmark")
    t = time.perf_counter()
    changes = demo.build_demo(db, skus=args.skus, days=args.days, seed=args.seed, today=today)
    post_s = time.perf_counter() - t
    n = len(changes.movements)
    print(
        f"journal posting (engine, demo build)    {n:>10,} lines {post_s:6.1f} s"
        f"  {n / post_s:>9,.0f} lines/s  (target >= 50,000/s, 1M <= 20 s)"
    )
    print(f"peak RSS after build     {rss_mb():10.0f} MB  (target <= 300)")
    own_s = post_s - gen_s
    print(
        f"  ratio to raw, both making rows in the loop: {n / post_s / (n_raw / raw_s):.2f}"
        f";  engine less generation {n / own_s:,.0f} lines/s to raw rows made beforehand: "
        f"{n / own_s / (n_pre / pre_s):.2f}  (target >= 0.25)"
    )
    # what the engine's own time is made of: the rows it wrote, re-inserted alone (no picking,
    # no valuation), are the floor under any engine that keeps this schema
    floor_s = ledger_rows_alone(db.conn, work / "floor.db")
    print(
        f"  the engine's rows written alone {n:>10,} lines {floor_s:6.1f} s"
        f"  (plain executemany, same schema; the rest of the engine: "
        f"{own_s - floor_s:.1f} s = {(own_s - floor_s) / n * 1e6:.1f} us/line)"
    )

    # 3. import_journal from a CSV slice (parse + validate + post) into a fresh shop
    csv_path = work / "journal.csv"
    plan = demo.generate(skus=args.skus, days=args.days, seed=args.seed, today=today)
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "type", "sku", "qty", "unit_cost", "batch", "expiry", "location",
                    "to_location", "reference", "note", "reason"])  # fmt: skip
        for k, (d, ln) in enumerate(plan.entries):
            if k >= args.csv_lines:
                break
            w.writerow(["" if v is None else v for v in as_row(d, ln)])
    fresh = shop.create_shop(work / "csv.db")
    from inventory_app.services import catalog, imports

    catalog.add_items(fresh, plan.items)
    for name in plan.locations:
        catalog.add_location(fresh, name)
    t = time.perf_counter()
    r = imports.import_journal(fresh, csv_path)
    csv_s = time.perf_counter() - t
    print(
        f"import_journal .csv      {r.posted:>10,} lines {csv_s:7.1f} s  {r.posted / csv_s:>10,.0f} lines/s"
    )
    fresh.close()

    # 4. single postings on the big file, synchronous=FULL
    skus = [s for (s,) in db.conn.execute(
        "SELECT i.sku FROM items i JOIN batches b ON b.item_id = i.id AND b.qty_remaining > 0"
        " AND (b.expiry IS NULL OR b.expiry >= ?) GROUP BY i.id"
        " HAVING sum(b.qty_remaining) >= 5000 ORDER BY i.id LIMIT 200", (today.isoformat(),))]  # fmt: skip
    lat = []
    for i, sku in enumerate(skus):
        kind = MovementType.ISSUE if i % 2 else MovementType.RECEIPT
        line = Line(type=kind, sku=sku, qty=Decimal(1),
                    unit_cost=Decimal("1.25") if kind == MovementType.RECEIPT else None)  # fmt: skip
        t = time.perf_counter()
        stock.post(db, Document(date=today, lines=(line,)))
        lat.append(time.perf_counter() - t)
    lat.sort()
    p50 = statistics.median(lat) * 1000
    p95 = lat[int(len(lat) * 0.95) - 1] * 1000
    print(
        f"single posting           p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  (n={len(lat)}, target p95 <= 5)"
    )

    # 5. reads
    month_start = today.replace(day=1) - dt.timedelta(days=1)
    month_start = month_start.replace(day=1)
    month_end = today.replace(day=1) - dt.timedelta(days=1)
    rep = args.repeat
    s, _ = timed(lambda: reports.period_summary(db, start=month_start, end=month_end), rep)
    print(f"month summary            {s * 1000:8.0f} ms  (target <= 300)")
    s, _ = timed(
        lambda: reports.period_summary(db, start=today - dt.timedelta(days=364), end=today), rep
    )
    print(f"year summary (any dates) {s * 1000:8.0f} ms  (target <= 1000)")
    s, _ = timed(lambda: reports.stock_by_item(db), rep)
    print(f"stock on hand by item    {s * 1000:8.0f} ms  (target <= 200)")
    s, rows = timed(lambda: reports.stock_by_batch(db), rep)
    print(f"stock on hand by batch   {s * 1000:8.0f} ms  ({len(rows):,} batches)")
    s, _ = timed(lambda: reports.stock_by_item(db, at=today - dt.timedelta(days=45)), rep)
    print(f"stock by item 45 d ago   {s * 1000:8.0f} ms")
    s, report = timed(lambda: check.check(db), 1)
    print(f"check                    {s:8.2f} s  {'ok' if report.ok else 'FAILED'}  (target <= 5)")
    print(f"peak RSS                 {rss_mb():10.0f} MB")
    db.close()


if __name__ == "__main__":
    main()
