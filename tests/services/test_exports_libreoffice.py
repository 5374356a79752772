"""A real spreadsheet program opens the pack and recomputes every formula to the app's
figures (skipped where LibreOffice is not installed)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest

from inventory_app.services import postings as stock
from inventory_app.services import reports
from inventory_app.services.export import month as exports

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def test_libreoffice_recomputes_the_totals_to_the_cent(stocked, tmp_path):
    d = dt.date
    stock.receive(stocked, sku="A1", qty="10", unit_cost="3.3333", date=d(2025, 12, 20))
    stock.receive(stocked, sku="A1", qty="7", unit_cost="0.0001", date=d(2026, 1, 2))
    stock.issue(stocked, sku="A1", qty="11", date=d(2026, 1, 5))
    stock.receive(stocked, sku="M1", qty="3", unit_cost="1.1111", date=d(2026, 1, 3))
    stock.write_off(stocked, sku="M1", qty="1", reason="damaged", date=d(2026, 1, 4))
    path = exports.export_month(stocked, "2026-01", tmp_path / "月报.xlsx", lang="zh").path
    out = tmp_path / "csv"
    # every sheet to CSV (token 12 = -1), values as computed, not as formatted
    subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,"
         "false,false,-1", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    rows = list(csv.reader((out / "月报-进销存汇总.csv").open(encoding="utf-8")))
    total = next(r for r in rows if r[0] == "合计")
    s = reports.period_summary(stocked, start=d(2026, 1, 1), end=d(2026, 1, 31)).totals
    figures = [Decimal(total[i]).quantize(Decimal("0.01")) for i in (5, 7, 9, 11, 13)]
    assert figures == [s.opening_value, s.in_value, s.out_value, s.adj_value, s.closing_value]
    assert all(Decimal(r[16]) == 0 for r in rows[1:] if r[16])  # every check computes to 0
    cover = list(csv.reader((out / "月报-封面.csv").open(encoding="utf-8")))
    check = next(r for r in cover if r[0].startswith("校验"))
    assert Decimal(check[1]) == 0
