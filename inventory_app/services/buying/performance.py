"""What buying looked like: purchases by supplier and month (the receipts posted against
orders), and each supplier's record — orders delivered on time, lead time actually seen —
plus the "Purchases" sheet of the accountant's Excel pack that shows both."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from inventory_app.domain import money
from inventory_app.storage import buying as supplier_sql
from inventory_app.storage import orders as sql
from inventory_app.storage.db import Database


@dataclass(frozen=True, slots=True)
class MonthPurchases:
    supplier: str
    name: str
    month: str  # 2026-11
    receipts: int  # receipt lines posted against orders
    value: Decimal


@dataclass(frozen=True, slots=True)
class SupplierRecord:
    """``orders``: orders that received something; ``on_time``: of those, how many had their
    first delivery on or before the expected date; ``lead_days_seen``: the average days from
    sending to the first delivery (None when nothing arrived yet)."""

    supplier: str
    name: str
    promised_days: int
    orders: int
    on_time: int
    lead_days_seen: Decimal | None

    @property
    def on_time_rate(self) -> Decimal | None:
        if not self.orders:
            return None
        return (Decimal(self.on_time) / self.orders).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def purchases_by_month(db: Database, *, start: dt.date, end: dt.date) -> list[MonthPurchases]:
    """Receipts against orders dated ``start``..``end`` by supplier and month, net of
    reversals."""
    rows = sql.receipts_by_supplier_month(db.conn, start.isoformat(), end.isoformat())
    return [
        MonthPurchases(code, name, month, count, money.money_from_int(value))
        for code, name, month, _qty, value, count in rows
    ]


def supplier_records(db: Database) -> list[SupplierRecord]:
    """Every supplier's delivery record, by code."""
    seen: dict[str, list[tuple[bool, int]]] = {}
    for code, _oid, sent, expected, first, _last in sql.delivery_record(db.conn):
        if not sent:
            continue
        first_day = dt.date.fromisoformat(first)
        on_time = expected is None or first_day <= dt.date.fromisoformat(expected)
        days = (first_day - dt.date.fromisoformat(sent)).days
        seen.setdefault(code, []).append((on_time, days))
    out = []
    for s in supplier_sql.suppliers(db.conn):
        code, name, promised = str(s[1]), str(s[2]), s[6]
        record = seen.get(code, [])
        lead = None
        if record:
            lead = (Decimal(sum(d for _, d in record)) / len(record)).quantize(
                Decimal("0.1"), ROUND_HALF_UP
            )
        out.append(
            SupplierRecord(code, name, promised, len(record), sum(ok for ok, _ in record), lead)
        )
    return out


# -- the Excel pack's sheet -------------------------------------------------------------------

WORDS = {
    "en": {
        "sheet": "Purchases",
        "note": "purchases by supplier and month; on-time rate and lead time seen",
        "supplier": "Supplier code",
        "name": "Supplier",
        "month": "Month",
        "receipts": "Receipt lines",
        "value": "Purchases",
        "total": "Total",
        "record": "Supplier record (all orders)",
        "promised": "Lead time promised (days)",
        "orders": "Orders delivered",
        "on_time": "On time",
        "rate": "On-time rate",
        "seen": "Lead time seen (days)",
    },
    "zh": {
        "sheet": "采购汇总",
        "note": "按供应商和月份的采购金额；准时交货率与实际交货周期",
        "supplier": "供应商编码",
        "name": "供应商",
        "month": "月份",
        "receipts": "入库行数",
        "value": "采购金额",
        "total": "合计",
        "record": "供应商交货记录（全部订单）",
        "promised": "约定交货周期（天）",
        "orders": "已到货订单",
        "on_time": "准时",
        "rate": "准时交货率",
        "seen": "实际交货周期（天）",
    },
}


def write_purchases_sheet(wb, db: Database, *, lang: str, start: dt.date, end: dt.date) -> int:
    """The "Purchases" sheet (write-only workbook of the Excel pack): the period's purchases
    by supplier and month with a total, then every supplier's delivery record. Returns the
    number of month rows."""
    from inventory_app.services.export.style import ROW_TOTAL, Col, Formula
    from inventory_app.services.export.writer import SheetWriter

    w = WORDS.get(lang, WORDS["en"])
    cols = (
        Col("supplier", width=14),
        Col("name", width=24),
        Col("month", width=10),
        Col("receipts", "int", width=12),
        Col("value", "money", width=14),
        Col("rate", "pct", width=14),
        Col("seen", "days", width=14),
    )
    sw = SheetWriter(wb, w["sheet"], cols)
    sw.widths()
    sw.freeze("A2")
    sw.no_filter()
    sw.header([w[k] for k in ("supplier", "name", "month", "receipts", "value")])
    rows = purchases_by_month(db, start=start, end=end)
    for r in rows:
        sw.row((r.supplier, r.name, r.month, r.receipts, r.value))
    total = Formula(f"=SUM(E2:E{sw.n})") if rows else Formula("=0")
    sw.row([w["total"], None, None, None, total], style=ROW_TOTAL)
    sw.blank()
    sw.header([w[k] for k in ("supplier", "name", "promised", "orders", "on_time", "rate",
                               "seen")])  # fmt: skip
    for s in supplier_records(db):
        sw.row(
            (s.supplier, s.name, s.promised_days, s.orders, s.on_time, s.on_time_rate,
             s.lead_days_seen),
            kinds={2: "int", 3: "int", 4: "int"},
        )  # fmt: skip
    sw.finish()
    return len(rows)
