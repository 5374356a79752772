"""Excel pack benchmark: a month with 10k items and ~100k movement lines.

    python benchmarks/export.py [--items 10000] [--lines 100000] [--runs 3] [--dir DIR]

Figures (medians of ``--runs``, ours and the baseline alternating in the same run):
- our month export (``exports.export_month``, every sheet): seconds and rows/s;
- the raw openpyxl write-only baseline writing the same rows (same values, no styles, no
  formats, rows already in memory, so the baseline pays no SQL): seconds and rows/s;
- the ratio of the rates, ours / raw (target >= 0.7);
- peak memory of an export in a fresh process (VmHWM), beside the same process's resident
  size before exporting (and, with --tracemalloc, the peak of Python allocations);
- import_journal of 100k rows from an .xlsx file: rows/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inventory_app.domain.model import ItemFields, Line, MovementType, Removal
from inventory_app.services import catalog, shop
from inventory_app.services import postings as stock


def bench_month() -> tuple[dt.date, dt.date]:
    """The last complete month before today."""
    end = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def build(path: Path, *, items: int, lines: int, seed: int = 1) -> dict:
    """A shop with ``items`` items, an opening receipt for each on the last day before the
    month, then receipts and issues through the month until about ``lines`` movement lines
    (one per batch touched) exist in it."""
    rng = random.Random(seed)
    start, end = bench_month()
    db = shop.create_shop(path, name="基准测试商店 Benchmark")
    cats = ["饮料", "零食", "乳制品", "日用品", "Hardware", "Stationery", "粮油", "调味品"]
    units = ["pcs", "盒", "瓶", "kg", "包"]
    fields = [
        ItemFields(
            sku=f"SKU{i:05d}",
            name=f"商品 {i} 名称 Item {i}",
            category=cats[i % len(cats)],
            unit=units[i % len(units)],
            removal=Removal.FIFO,
        )
        for i in range(items)
    ]
    catalog.add_items(db, fields)
    opening = start - dt.timedelta(days=1)
    entries: list[tuple[dt.date, Line]] = []
    on_hand = {}
    for f in fields:
        qty = Decimal(rng.randint(20, 60))
        if f.unit == "kg":
            qty += Decimal(rng.randint(0, 999)) / 1000
        on_hand[f.sku] = qty
        cost = Decimal(rng.randint(100, 99999)) / 100
        entries.append((opening, Line(type=MovementType.RECEIPT, sku=f.sku, qty=qty,
                                      unit_cost=cost, note="opening")))  # fmt: skip
    # Each issue usually draws from one batch, sometimes two; receipts make one line each.
    # Estimate 1.02 lines per movement and stop when the month has enough.
    days = (end - start).days + 1
    per_day = int(lines / 1.02 / days) + 1
    made = 0
    for d in range(days):
        date = start + dt.timedelta(days=d)
        for n in range(per_day):
            f = fields[rng.randrange(items)]
            if on_hand[f.sku] < 5 or n % 3 == 0:
                qty = Decimal(rng.randint(5, 30))
                cost = Decimal(rng.randint(100, 99999)) / 100
                on_hand[f.sku] += qty
                line = Line(type=MovementType.RECEIPT, sku=f.sku, qty=qty, unit_cost=cost,
                            reference=f"PO{d:02d}{n:05d}")  # fmt: skip
            else:
                qty = min(on_hand[f.sku], Decimal(rng.randint(1, 8)))
                on_hand[f.sku] -= qty
                line = Line(type=MovementType.ISSUE, sku=f.sku, qty=qty,
                            reference=f"SO{d:02d}{n:05d}", note="销售 sale")  # fmt: skip
            entries.append((date, line))
            made += 1
    stock.post_entries(db, entries, source="benchmark", total=len(entries))
    from inventory_app.services.export import data as export_data

    count = export_data.count_movement_lines(db, start=start, end=end)
    db.close()
    return {"movements": made, "lines": count}


def raw_rows(db_path: Path) -> list[tuple[str, list[tuple]]]:
    """The rows our export writes, as plain values per sheet (for the baseline)."""
    from inventory_app.domain.money import cost_from_int, money_from_int, qty_from_int
    from inventory_app.services import reports
    from inventory_app.services.export import data as export_data
    from inventory_app.services.export.summary_sheet import _row_formulas

    start, end = bench_month()
    with shop.open_shop(db_path, write=False) as db:
        s = reports.period_summary(db, start=start, end=end)
        summary = [
            (r.key, r.name, r.category, r.unit, r.opening_qty, r.opening_value, r.in_qty,
             r.in_value, r.out_qty, r.out_value, r.adj_qty, r.adj_value, r.closing_qty,
             r.closing_value, *[str(f) for f in _row_formulas(i + 2, 31)])
            for i, r in enumerate(s.rows)
        ]  # fmt: skip
        items, places = export_data.item_names(db), export_data.location_names(db)
        movements = [
            (dt.date.fromisoformat(r[0]), r[1], r[2], r[3], r[4] or r[5], *items[r[6]], r[7],
             places[r[8]], qty_from_int(r[9]), cost_from_int(r[11]), money_from_int(r[10]),
             r[12], r[13], r[14] or r[15])
            for r in export_data.movement_lines(db, start=start, end=end)
        ]  # fmt: skip
        closing = [
            (b.sku, b.name, b.category, b.batch, b.location, b.received, b.expiry,
             (end - b.received).days, None, b.qty, b.unit_cost, b.value)
            for b in reports.stock_by_batch(db, at=end)
        ]  # fmt: skip
    return [("Summary", summary), ("Movements", movements), ("Closing stock", closing)]


def run_raw(sheets: list[tuple[str, list[tuple]]], out: Path) -> float:
    from openpyxl import Workbook

    t = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)
    return time.perf_counter() - t


def run_ours(db_path: Path, out: Path) -> float:
    from inventory_app.services.export import month as exports

    start, _ = bench_month()
    with shop.open_shop(db_path, write=False) as db:
        t = time.perf_counter()
        exports.export_month(db, start, out)
        return time.perf_counter() - t


def peak_rss_kb() -> int:
    """This process's peak resident size. /proc's VmHWM starts afresh at exec; ru_maxrss
    would still count the parent's pages at fork (the parent holds the baseline's rows)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(db_path: Path, out: Path, mode: str) -> None:
    """Run one export in this (fresh) process and print its memory figures as JSON."""
    import tracemalloc

    rss_before = peak_rss_kb()
    if mode == "tracemalloc":
        tracemalloc.start()
    seconds = run_ours(db_path, out)
    peak = tracemalloc.get_traced_memory()[1] if mode == "tracemalloc" else 0
    rss = peak_rss_kb()
    print(json.dumps({"seconds": seconds, "rss_before_kb": rss_before, "rss_peak_kb": rss,
                      "traced_peak": peak}))  # fmt: skip


def in_child(db_path: Path, out: Path, mode: str) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--db", str(db_path), "--out", str(out)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def journal_file(path: Path, *, rows: int, items: int, seed: int = 2) -> None:
    """An .xlsx journal of ``rows`` rows: receipts, then issues that never go short."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    start, _ = bench_month()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Journal")
    ws.append(["日期", "类型", "编码", "数量", "单价", "单号", "备注"])
    have = [0] * items
    for n in range(rows):
        i = rng.randrange(items)
        date = start + dt.timedelta(days=n * 28 // rows)
        if have[i] < 5 or n % 2 == 0:
            q = rng.randint(5, 30)
            have[i] += q
            ws.append([date, "入库", f"SKU{i:05d}", q, Decimal(rng.randint(100, 9999)) / 100,
                       f"PO{n}", "进货"])  # fmt: skip
        else:
            q = rng.randint(1, have[i])
            have[i] -= q
            ws.append([date, "出库", f"SKU{i:05d}", q, None, f"SO{n}", "销售"])
    wb.save(path)


def bench_import(work: Path, *, items: int, rows: int, runs: int) -> list[float]:
    from inventory_app.services import imports

    src = work / "journal.xlsx"
    if not src.exists():
        journal_file(src, rows=rows, items=items)
    times = []
    for r in range(runs):
        db_path = work / f"import{r}.db"
        for p in work.glob(f"import{r}.db*"):
            p.unlink()
        db = shop.create_shop(db_path)
        catalog.add_items(db, [ItemFields(sku=f"SKU{i:05d}", name=f"商品 {i}")
                               for i in range(items)])  # fmt: skip
        t = time.perf_counter()
        result = imports.import_journal(db, src)
        times.append(time.perf_counter() - t)
        assert result.posted == rows, result
        db.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--import-rows", type=int, default=100_000)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    ap.add_argument("--child", choices=("rss", "tracemalloc"))
    ap.add_argument("--db", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if args.child:
        child(args.db, args.out, args.child)
        return
    work = args.dir or Path(tempfile.mkdtemp(prefix="export-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / f"month-{args.items}-{args.lines}.db"
    if not db_path.exists():
        t = time.perf_counter()
        info = build(db_path, items=args.items, lines=args.lines)
        print(f"built {db_path.name}: {info} in {time.perf_counter() - t:.1f} s", flush=True)
    sheets = raw_rows(db_path)
    rows = sum(len(r) for _, r in sheets)
    print(f"rows written per export: {rows:,} "
          + ", ".join(f"{t}: {len(r):,}" for t, r in sheets), flush=True)  # fmt: skip
    ours, raw = [], []
    for n in range(args.runs):
        raw.append(run_raw(sheets, work / "raw.xlsx"))
        ours.append(run_ours(db_path, work / "ours.xlsx"))
        print(f"run {n + 1}: ours {ours[-1]:.2f} s, raw {raw[-1]:.2f} s", flush=True)
    o, r = statistics.median(ours), statistics.median(raw)
    print(f"month export (ours): {o:.2f} s, {rows / o:,.0f} rows/s")
    print(f"raw openpyxl write-only, same rows: {r:.2f} s, {rows / r:,.0f} rows/s")
    print(f"ratio ours/raw (rate): {r / o:.2f}  (target >= 0.7)")
    m = in_child(db_path, work / "child.xlsx", "rss")
    print(f"peak RSS of an export process: {m['rss_peak_kb'] / 1024:.0f} MB "
          f"(before exporting: {m['rss_before_kb'] / 1024:.0f} MB)")  # fmt: skip
    if args.tracemalloc:  # slow: tracemalloc makes the export several times slower
        m = in_child(db_path, work / "child.xlsx", "tracemalloc")
        print(f"tracemalloc peak during the export: {m['traced_peak'] / 2**20:.1f} MB")
    size = (work / "ours.xlsx").stat().st_size
    print(f"file size: {size / 2**20:.1f} MB")
    if args.import_rows:
        times = bench_import(work, items=args.items, rows=args.import_rows, runs=args.runs)
        t = statistics.median(times)
        print(f"import_journal from .xlsx, {args.import_rows:,} rows: {t:.2f} s, "
              f"{args.import_rows / t:,.0f} rows/s")  # fmt: skip


if __name__ == "__main__":
    main()
