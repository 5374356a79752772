"""One snapshot per export: a pack taken while another process posts reconciles with itself
(its Summary's closing value is its Closing stock sheet's total)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inventory_app.services import postings, shop
from inventory_app.services.export import month as exports
from tests.services.test_exports_eval import Evaluator

ROOT = Path(__file__).resolve().parents[2]

# Receives and issues A1 today, hundreds of times a second, until the stop file appears. The
# short pause between postings is a busy shop's, not a tight loop's: with none, SQLite's busy
# handler never finds the lock free for the audit row another process writes (a backup's).
POSTER = """
import sys, time
from pathlib import Path
from inventory_app.services import postings, shop
stop = Path(sys.argv[2])
with shop.open_shop(sys.argv[1]) as db:
    print("posting", flush=True)
    while not stop.exists():
        postings.receive(db, sku="A1", qty="3", unit_cost="1.25")
        postings.issue(db, sku="A1", qty="1")
        time.sleep(0.002)
"""


def _total(wb, sheet: str, column: str):
    ws = wb[sheet]
    row = next(c.row for c in ws["A"] if c.value == "Total")
    return Evaluator(wb, sheet).cell(f"{column}{row}")


@pytest.fixture
def posting_elsewhere(stocked, tmp_path):
    """The shop open read-only here while another process posts to it."""
    postings.receive(stocked, sku="A1", qty="50", unit_cost="2", date=dt.date.today())
    path = stocked.path
    stocked.close()
    stop = tmp_path / "stop"
    poster = subprocess.Popen(
        [sys.executable, "-c", POSTER, str(path), str(stop)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert poster.stdout.readline().strip() == "posting"
        time.sleep(0.3)  # some postings made before the first export
        with shop.open_shop(path, write=False, check=False) as db:
            yield db
    finally:
        stop.touch()
        poster.wait(timeout=60)
    assert poster.returncode == 0


def test_a_month_pack_taken_while_another_process_posts_reconciles_with_itself(
    posting_elsewhere, tmp_path
):
    db = posting_elsewhere
    month = dt.date.today().strftime("%Y-%m")
    seen = set()
    for n in range(6):
        path = tmp_path / f"pack{n}.xlsx"
        exports.export_month(db, month, path)
        wb = load_workbook(path)
        closing = _total(wb, "Summary", "N")
        assert closing == _total(wb, "Closing stock", "L"), f"pack {n}"
        seen.add(closing)
    assert len(seen) > 1  # the other process did post between the packs
