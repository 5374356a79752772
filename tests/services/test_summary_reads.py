"""The period summary's fast reads give the figures of the plain rules: net flows (two sums a
row, index or scan) are the movements' own sums, and the summary built a column at a time is
the one built from the six flows row by row."""

from __future__ import annotations

import datetime as dt

import pytest

from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.services import reports
from inventory_app.storage.reads import stock as queries

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def movements_net(conn, start, end) -> dict[int, list[int]]:
    sql = (
        "SELECT item_id, sum(qty), sum(value) FROM movements WHERE bucket <> 'xfer'"
        " AND date <= ? AND date >= ? GROUP BY item_id"
    )
    first = (start or dt.date.min).isoformat()
    return {i: [q, v] for i, q, v in conn.execute(sql, (end.isoformat(), first))}


WINDOWS = [
    (None, ago(0)),
    (None, ago(40)),
    (None, queries.last_of_month(ago(100))),
    (None, ago(400)),  # before any movement
    (ago(100).replace(day=7), ago(0)),
    (ago(100).replace(day=1), queries.last_of_month(ago(40))),  # whole months: item_month
    (ago(130).replace(day=1), queries.last_of_month(ago(10))),  # most months: read whole
    (ago(70).replace(day=12), ago(68)),  # inside one month
    (ago(0).replace(day=1), ago(0) + dt.timedelta(days=400)),  # past the last month held
    (ago(500), ago(400)),  # before any movement: no rows, totals of nothing
]


@pytest.mark.parametrize(("start", "end"), WINDOWS)
def test_net_flows_are_the_movements_sums(demo_db, start, end):
    got = queries.net_flows(demo_db.conn, start, end)
    assert got == movements_net(demo_db.conn, start, end)
    assert got or end < ago(150)
    flows = queries.flows(demo_db.conn, start, end)
    assert {i: [f[0] - f[2] + f[4], f[1] - f[3] + f[5]] for i, f in flows.items()} == got


def plain_summary(db, start, end, by):
    """The summary as it was built: six flows each side, a row at a time."""
    opening = queries.flows(db.conn, None, start - dt.timedelta(days=1))
    period = queries.flows(db.conn, start, end)
    names = queries.item_rows(db.conn)
    sums: dict[str, list] = {}
    for item_id in set(opening) | set(period):
        o, p = opening.get(item_id, [0] * 6), period.get(item_id, [0] * 6)
        oq, ov = o[0] - o[2] + o[4], o[1] - o[3] + o[5]
        if not (oq or ov or any(p)):
            continue
        sku, name, category, unit = names[item_id]
        figures = [oq, ov, *p, oq + p[0] - p[2] + p[4], ov + p[1] - p[3] + p[5]]
        key = sku if by == "item" else category
        if key in sums:
            sums[key][3] = [a + b for a, b in zip(sums[key][3], figures, strict=True)]
        else:
            sums[key] = [name, category, unit, figures] if by == "item" else ["", key, "", figures]
    rows = []
    for key in sorted(sums):
        name, category, unit, f = sums[key]
        values = [(qty_from_int if i % 2 == 0 else money_from_int)(x) for i, x in enumerate(f)]
        rows.append((key, name, category, unit, *values))
    return rows


@pytest.mark.parametrize(("start", "end"), [w for w in WINDOWS if w[0] is not None])
@pytest.mark.parametrize("by", ["item", "category"])
def test_the_summary_is_the_plain_one(demo_db, start, end, by):
    s = reports.period_summary(demo_db, start=start, end=end, by=by)
    got = [
        (r.key, r.name, r.category, r.unit, *(getattr(r, k) for k in reports.NUMERIC_KEYS))
        for r in s.rows
    ]
    want = plain_summary(demo_db, start, end, by)
    assert [tuple(map(str, r)) for r in got] == [tuple(map(str, r)) for r in want]
    assert got == want and (got or end < ago(150))
    assert str(s.totals.opening_qty) == "0.000" or got
    for k in reports.NUMERIC_KEYS:
        assert getattr(s.totals, k) == sum((getattr(r, k) for r in s.rows), qty_from_int(0))
        assert str(getattr(s.totals, k)).count(".") == 1
