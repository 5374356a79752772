"""Spreadsheet reading benchmark: a journal of 100k lines as .xlsx, .xls and .ods.

    python benchmarks/spreadsheets.py [--rows 100000] [--runs 3] [--dir DIR] [--no-import]

For each file, in one run (medians of ``--runs``, ours and the baselines alternating):
- raw openpyxl: read-only ``iter_rows(values_only=True)`` over the .xlsx with the same rows,
  the baseline (openpyxl reads no .xls or .ods; their rows are the .xlsx's);
- raw calamine: ``iter_rows()`` over the file itself (for reference, where installed);
- ours: ``read_table`` with the journal's columns, rows/s and the ratio to raw openpyxl
  (target >= 5 for .xlsx);
- the whole ``inventory-app import journal FILE`` as a process on a fresh copy of a shop that
  has the journal's 2,000 items: seconds and lines/s (``--no-import`` skips it).

The .xlsx is written with openpyxl; the .xls and .ods are converted from it by LibreOffice
(``soffice``, skipped when absent) and kept in ``--dir`` for the next run. An .xls holds at most
65,536 rows, so its journal has 65,535 lines (and its own .xlsx twin for the baseline).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inventory_app.domain.errors import InventoryError  # noqa: E402
from inventory_app.services import shop  # noqa: E402
from inventory_app.services.imports import import_items  # noqa: E402
from inventory_app.services.imports.journal import JOURNAL_COLUMNS  # noqa: E402
from inventory_app.services.tabular import read_table  # noqa: E402

SKUS = 2000
XLS_MAX_LINES = 65_535


def write_journal(path: Path, lines: int) -> None:
    """Receipts and issues of 2,000 SKUs in blocks (stock never goes below zero), 1,000 lines a
    day from 2025-06-01; dates, whole and decimal numbers, text, Chinese notes, empty cells."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("journal")
    ws.append(["date", "type", "sku", "qty", "unit_cost", "batch", "location", "reference",
               "note"])  # fmt: skip
    first = dt.date(2025, 6, 1)
    for i in range(lines):
        receipt = (i // SKUS) % 2 == 0
        ws.append([
            first + dt.timedelta(days=i // 1000),
            "receipt" if receipt else "issue",
            f"SKU{i % SKUS:05d}",
            10 if receipt else 4,
            2.35 if receipt else None,
            None,
            None,
            f"REF-{i}",
            "盘点后补录" if i % 7 == 0 else None,
        ])  # fmt: skip
    wb.save(path)


def convert(xlsx: Path, fmt: str) -> Path | None:
    """``xlsx`` converted by LibreOffice to ``fmt`` beside it (None without soffice)."""
    out = xlsx.with_suffix("." + fmt)
    if out.exists():
        return out
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
             fmt, "--outdir", str(xlsx.parent), str(xlsx)],
            check=True, capture_output=True, timeout=900,
        )  # fmt: skip
    return out


def make_shop(folder: Path) -> Path:
    path = folder / "shop.db"
    if path.exists():
        return path
    items = folder / "items.csv"
    items.write_text(
        "sku,name\n" + "".join(f"SKU{i:05d},商品 {i}\n" for i in range(SKUS)), encoding="utf-8"
    )
    db = shop.create_shop(path, name="Benchmark")
    import_items(db, items)
    db.close()
    return path


def raw_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return n


def raw_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as wb:
        return sum(1 for _ in wb.get_sheet_by_index(0).iter_rows())


def ours(path: Path) -> int:
    return len(read_table(path, JOURNAL_COLUMNS).rows)


def import_process(shop_path: Path, path: Path, folder: Path) -> float:
    copy = folder / "import-copy.db"
    for old in folder.glob("import-copy.db*"):
        old.unlink()
    shutil.copy(shop_path, copy)
    cmd = [sys.executable, "-m", "inventory_app", "--db", str(copy), "import", "journal",
           str(path)]  # fmt: skip
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    if done.returncode != 0:
        raise RuntimeError(done.stdout + done.stderr)
    return seconds


def rates(path: Path, twin: Path, runs: int) -> dict[str, float | str]:
    """Rows/s of raw openpyxl (over ``twin``), raw calamine and ours, alternating, medians."""
    tries = {
        "openpyxl": (raw_openpyxl, twin),
        "calamine": (raw_calamine, path),
        "ours": (ours, path),
    }
    times: dict[str, list[float]] = {name: [] for name in tries}
    rows: dict[str, int] = {}
    out: dict[str, float | str] = {}
    for _ in range(runs):
        for name, (fn, file) in tries.items():
            if name in out:
                continue  # refused or not installed: no use asking again
            t = time.perf_counter()
            try:
                rows[name] = fn(file)
            except ImportError:
                out[name] = "-"
                continue
            except InventoryError as exc:
                out[name] = f"refused: {exc.code}"
                continue
            times[name].append(time.perf_counter() - t)
    for name, spent in times.items():
        if spent:  # data rows: read_table leaves the header out, the raw readers do not
            out[name] = (rows[name] - (name != "ours")) / statistics.median(spent)
    return out


def bench(label: str, path: Path, twin: Path, args: argparse.Namespace, shop_path: Path) -> None:
    got = rates(path, twin, args.runs)
    base, cal, mine = got["openpyxl"], got["calamine"], got["ours"]
    line = f"{label:5s} {base:12.0f}  " + (
        f"{cal:12.0f}" if isinstance(cal, float) else f"{cal:>12s}"
    )
    if isinstance(mine, float):
        line += f"  {mine:12.0f} ({mine / base:5.1f}x)"  # type: ignore[operator]
        if not args.no_import:
            seconds = import_process(shop_path, path, args.dir)
            lines = int(path.stem.rpartition("-")[2])
            line += f"  {seconds:6.1f} s, {lines / seconds:7.0f} lines/s"
    else:
        line += f"  {mine}"
    print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "bench-sheets")
    ap.add_argument("--no-import", action="store_true")
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    xlsx = args.dir / f"journal-{args.rows}.xlsx"
    if not xlsx.exists():
        write_journal(xlsx, args.rows)
    short = args.dir / f"journal-{min(args.rows, XLS_MAX_LINES)}.xlsx"
    if not short.exists():
        write_journal(short, min(args.rows, XLS_MAX_LINES))
    shop_path = make_shop(args.dir)
    print(
        f"journal of {args.rows:,} lines (.xls: {min(args.rows, XLS_MAX_LINES):,}); rows/s,"
        f" medians of {args.runs} runs; python {sys.version.split()[0]}"
    )
    print("file  raw openpyxl  raw calamine  ours: read_table (x raw openpyxl)"
          "  whole import journal")  # fmt: skip
    bench("xlsx", xlsx, xlsx, args, shop_path)
    for fmt, source in (("xls", short), ("ods", xlsx)):
        converted = convert(source, fmt)
        if converted is None:
            print(f"{fmt:5s} skipped: no LibreOffice (soffice) to convert the .xlsx")
        else:
            bench(fmt, converted, source, args, shop_path)


if __name__ == "__main__":
    main()
