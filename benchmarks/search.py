"""Search benchmark: search as you type on a big catalogue, beside a raw FTS5 baseline.

    python benchmarks/search.py [--items 100000] [--repeat 5] [--import-items 10000]
                                [--big /tmp/pinyin-big.db] [--clock wall|cpu]

Figures (seconds are medians of ``--repeat`` runs where repeated; ``--clock cpu`` times with
this process's CPU time instead of the wall clock, for a machine shared with other work):
- a catalogue of ``--items`` demo items (names from the demo's word lists: Chinese, English
  and mixed; distinct names beyond the lists get a " #n" suffix), added in one transaction;
- for each typed sequence (Chinese, full pinyin, pinyin with spaces, initials, English, SKU
  prefix, barcode), every keystroke's search: ``services.search.search_items`` as the item
  pickers call it (20 suggestions), and the Items page's filter (first page + the count);
  median and p95 over the keystrokes. Beside them the raw baseline: a plain
  ``SELECT rowid FROM items_fts WHERE items_fts MATCH ?`` of the keystroke's words on the
  same table in the same run (for keystrokes of 3+ characters: the trigram floor);
- adding ``--import-items`` items to an empty shop (``services.catalog.add_items``: what
  the Excel import writes through), a new shop each time: the first time (no name's
  readings cached yet) and the median;
- the first pinyin key computed in a fresh process (pypinyin's import and dictionaries);
- with ``--big``: that file (a shop at data version 5) copied to a temporary folder and
  migrated to the latest version, then ``check`` on it.

Runs against any version of the app that has ``services.search`` (so the same script gives
the figures before pinyin search existed: its pinyin rows then find nothing).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inventory_app.domain.model import ItemFields
from inventory_app.services import browse, catalog, check, demo, search, shop
from inventory_app.storage import migrations

# What a clerk types, keystroke by keystroke: every prefix of each text is one search.
TYPED = {
    "Chinese": "老酸奶",
    "Chinese+spec": "伊利 纯牛奶",
    "pinyin full": "laosuannai",
    "pinyin spaced": "lao suan nai",
    "initials": "ylcnn",
    "English": "olive oil",
    "SKU prefix": "DA-0012",
}


def catalogue(n: int) -> list[ItemFields]:
    items = demo.generate(skus=n, days=1, seed=7).items
    # a few names a clerk would look for, whatever the word lists drew
    extra = [
        ItemFields(sku="PY-0001", name="伊利 老酸奶 原味 200ml", barcode="6900000000017"),
        ItemFields(sku="PY-0002", name="长尾夹 41mm"),
        ItemFields(sku="PY-0003", name="Coca-Cola 可口可乐 330ml"),
    ]
    return items + extra


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = time.perf_counter


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median seconds (of ``clock``) of ``repeat`` calls of ``fn``, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t = clock()
        result = fn()
        times.append(clock() - t)
    return statistics.median(times), result


def keystrokes(text: str) -> list[str]:
    return [text[:k] for k in range(1, len(text) + 1) if not text[:k].endswith(" ")]


def per_keystroke(fn, texts: list[str], repeat: int) -> list[float]:
    return [timed(lambda t=t: fn(t), repeat)[0] for t in texts]


def summary(times: list[float]) -> str:
    if not times:
        return f"{'-':>8} {'-':>8}"
    ms = sorted(1000 * t for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{statistics.median(ms):8.2f} {p95:8.2f}"


def raw_match(conn: sqlite3.Connection, text: str) -> int:
    words = [w for w in text.split() if len(w) >= 3]
    query = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
    return len(
        conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH ?", (query,)).fetchall()
    )


def search_figures(db, repeat: int, barcode: str) -> None:
    typed = dict(TYPED, barcode=barcode)
    raw = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    print(
        f"{'typed':<14} {'text':<14} {'hits':>5}   {'picker ms':>17}   {'Items page ms':>17}   {'raw FTS5 ms':>17}"
    )
    print(
        f"{'':<14} {'':<14} {'':>5}   {'median':>8} {'p95':>8}   {'median':>8} {'p95':>8}   {'median':>8} {'p95':>8}"
    )
    for kind, text in typed.items():
        keys = keystrokes(text)
        picker = per_keystroke(lambda t: search.search_items(db, t, limit=20), keys, repeat)

        def page(t: str) -> None:
            f = browse.ItemFilter(text=t)
            browse.item_page(db, f)
            browse.count_items(db, f)

        items_page = per_keystroke(page, keys, repeat)
        long = [k for k in keys if any(len(w) >= 3 for w in k.split())]
        baseline = per_keystroke(lambda t: raw_match(raw, t), long, repeat)
        hits = len(search.search_items(db, text, limit=1000))
        print(
            f"{kind:<14} {text:<14} {hits:>5}   {summary(picker)}   {summary(items_page)}   {summary(baseline)}"
        )
    raw.close()


def import_figure(n: int, folder: Path, repeat: int) -> None:
    items = demo.generate(skus=n, days=1, seed=3).items
    times = []
    for k in range(repeat):
        db = shop.create_shop(folder / f"import{k}.db")
        t = clock()
        catalog.add_items(db, items)
        times.append(clock() - t)
        db.close()
    print(
        f"add_items of {n} items to an empty shop: first {times[0]:.2f} s,"
        f" median {statistics.median(times):.2f} s"
    )


def first_key_figure() -> None:
    code = (
        "import time; t = time.perf_counter()\n"
        "from inventory_app.storage.pinyin import pinyin_keys\n"
        "pinyin_keys('老酸奶'); print(f'{time.perf_counter() - t:.2f}')"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    seconds = done.stdout.strip() or "n/a (no storage.pinyin)"
    print(f"first pinyin key in a fresh process (pypinyin import + dictionaries): {seconds} s")


def migration_figure(big: Path, folder: Path) -> None:
    path = folder / "big.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{big}{suffix}").exists():
            shutil.copy(f"{big}{suffix}", f"{path}{suffix}")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    t = clock()
    migrations.migrate(conn)
    print(
        f"migration of {big.name} ({items} items) {version} -> {migrations.LATEST}: {clock() - t:.2f} s"
    )
    conn.close()
    db = shop.open_shop(path)
    report = check.check(db)
    print(f"check after it: {'ok' if report.ok else 'FAILED'} in {report.seconds:.2f} s")
    if not report.ok:
        print("\n".join(report.lines()))
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--import-items", type=int, default=10_000)
    ap.add_argument("--big", type=Path, help="a shop file at data version 5 (copied first)")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    args = ap.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    print(f"clock: {args.clock}")
    folder = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        items = catalogue(args.items)
        db = shop.create_shop(folder / "search.db")
        t = clock()
        catalog.add_items(db, items)
        print(f"catalogue: {len(items)} items added in {clock() - t:.2f} s")
        search_figures(db, args.repeat, barcode="6900000000017")
        db.close()
        import_figure(args.import_items, folder, args.repeat)
        first_key_figure()
        if args.big:
            migration_figure(args.big, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
