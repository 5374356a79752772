"""The browse SQL: keyset pages that neither skip nor repeat a row, whatever the sort, and a
journal item filter that gives the same rows whichever index it walks."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

import pytest

from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog
from inventory_app.services import postings as stock
from inventory_app.storage.reads import browse


def _all_pages(fetch, limit: int) -> list[tuple]:
    rows, cursor = fetch(after=None, limit=limit)
    out = list(rows)
    while cursor is not None:
        rows, cursor = fetch(after=cursor, limit=limit)
        out += rows
    return out


def test_item_pages_cover_every_item_once_in_order(db):
    # NULL barcodes and never-received items (NULL last cost) sort through coalesce
    catalog.add_items(
        db,
        [
            ItemFields(sku=f"K{n:02d}", name=f"Item {n % 4}", barcode=f"B{n}" if n % 3 else None)
            for n in range(23)
        ],
    )
    for n in range(0, 23, 5):
        stock.receive(db, sku=f"K{n:02d}", qty=Decimal(n + 1), unit_cost=Decimal(n % 2))
    for sort in browse.ITEM_SORTS:
        for descending in (False, True):
            fetch = functools.partial(
                browse.item_page, db.conn, sort=sort, descending=descending, active=None
            )
            rows = _all_pages(fetch, limit=4)
            assert sorted(r[1] for r in rows) == [f"K{n:02d}" for n in range(23)], sort
            keys = [(r[-2], r[-1]) for r in rows]  # each row ends with its sort key and id
            assert keys == sorted(keys, reverse=descending), (sort, descending)
    assert browse.count_items(db.conn, active=None) == 23


@pytest.fixture
def journal(db):
    """260 items named "Tool n" and 5 named "Other n", one receipt each on rolling dates."""
    names = [f"Tool {n}" for n in range(260)] + [f"Other {n}" for n in range(5)]
    catalog.add_items(db, [ItemFields(sku=f"T{n:03d}", name=name) for n, name in enumerate(names)])
    day = dt.date(2026, 1, 1)
    for n in range(len(names)):
        stock.receive(
            db,
            sku=f"T{n:03d}",
            qty=Decimal(1),
            unit_cost=Decimal(1),
            date=day + dt.timedelta(days=n % 9),
        )
    return db


@pytest.mark.parametrize("text", ["Tool", "tool 7", "Other", "ther 3", "ool 25"])
def test_journal_item_filter_gives_the_same_rows_by_either_index(journal, text):
    words = text.casefold().split()
    everything = _all_pages(lambda **kw: browse.movement_page(journal.conn, **kw), limit=50)
    expected = [r[0] for r in everything if all(w in r[5].casefold() for w in words)]
    got = _all_pages(lambda **kw: browse.movement_page(journal.conn, item=text, **kw), limit=50)
    assert [r[0] for r in got] == expected
    broad = len({r[3] for r in got}) > browse.BROAD_MATCH
    assert broad == (text == "Tool")  # both plans are exercised
