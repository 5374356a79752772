"""The floor for ``export month``: the pack's rows read with one query per sheet and written
with openpyxl's write-only workbook as they come (no styles, formats, widths, formulas or
conversions), as a bare process importing only sqlite3 and openpyxl:

    python benchmarks/raw_export.py SHOP OUT.xlsx [MONTH]

The queries give what our sheets show: the Summary's items with the month's flows, every
movement line of the month (one per batch touched, the same SQL as ``storage.reads.export``)
and the batches holding stock at the month's end. Run by ``benchmarks/cli.py`` beside
``export month``.
"""

from __future__ import annotations

import calendar
import sqlite3
import sys

SUMMARY = """
SELECT i.sku, i.name, i.category, i.unit, f.in_qty, f.in_value, f.out_qty, f.out_value,
       f.adj_qty, f.adj_value, i.on_hand_qty, i.on_hand_value
FROM items i LEFT JOIN item_month f ON f.item_id = i.id AND f.month = :month
ORDER BY i.category, i.sku
"""

LINES = """
SELECT m.date, m.id, m.type, m.bucket, coalesce(nullif(m.reference, ''), d.reference), i.sku,
       i.name, b.code, l.name, -a.qty, b.unit_cost, -a.value, m.reason, m.operator, m.note
FROM movements m
JOIN allocations a ON a.movement_id = m.id
JOIN batches b ON b.id = a.batch_id
JOIN items i ON i.id = m.item_id
JOIN locations l ON l.id = b.location_id
JOIN documents d ON d.id = m.document_id
WHERE m.date BETWEEN :start AND :end
UNION ALL
SELECT m.date, m.id, m.type, m.bucket, coalesce(nullif(m.reference, ''), d.reference), i.sku,
       i.name, b.code, l.name, b.qty_received, b.unit_cost, b.value_received, m.reason,
       m.operator, m.note
FROM movements m
JOIN batches b ON b.movement_id = m.id
JOIN items i ON i.id = m.item_id
JOIN locations l ON l.id = b.location_id
JOIN documents d ON d.id = m.document_id
WHERE m.date BETWEEN :start AND :end
ORDER BY 1, 2
"""

CLOSING = """
SELECT i.sku, i.name, i.category, b.code, l.name, b.received_date, b.expiry,
       b.qty_remaining + coalesce(a.q, 0), b.unit_cost, b.value_remaining + coalesce(a.v, 0)
FROM batches b
JOIN items i ON i.id = b.item_id
JOIN locations l ON l.id = b.location_id
LEFT JOIN (SELECT batch_id, sum(qty) AS q, sum(value) AS v FROM allocations
           WHERE date > :end GROUP BY batch_id) a ON a.batch_id = b.id
WHERE b.posted_date <= :end AND b.qty_remaining + coalesce(a.q, 0) > 0
ORDER BY i.sku, l.name, b.received_date, b.id
"""


def main(shop: str, out: str, month: str = "2026-10") -> int:
    from openpyxl import Workbook

    year, mon = map(int, month.split("-"))
    last = calendar.monthrange(year, mon)[1]
    params = {"month": month, "start": f"{month}-01", "end": f"{month}-{last:02d}"}
    conn = sqlite3.connect(f"file:{shop}?mode=ro", uri=True)
    wb = Workbook(write_only=True)
    rows = 0
    for title, sql in (("Summary", SUMMARY), ("Movements", LINES), ("Closing stock", CLOSING)):
        ws = wb.create_sheet(title)
        for row in conn.execute(sql, params):
            ws.append(row)
            rows += 1
    wb.save(out)
    return rows


if __name__ == "__main__":
    print(main(*sys.argv[1:]))
