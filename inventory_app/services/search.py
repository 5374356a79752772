"""Finding items by what a user types or scans: a name, its pinyin, a code or a barcode.

Every word typed must occur in the item's code, name, barcode or the pinyin of its name,
full or initials (``laosuan``, ``lao suan nai`` and ``lsn`` all find 老酸奶; see
``domain.pinyin``). Words of 3 or more characters go through the FTS5 trigram index
(``items_fts``), which matches any substring, so a Chinese name needs no word breaks;
shorter words (牛奶, "A1") fall back to ``LIKE`` (``storage.search``). An exact SKU or
barcode always comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage import search as search_sql
from inventory_app.storage.db import Database


@dataclass(frozen=True, slots=True)
class ItemHit:
    id: int
    sku: str
    name: str
    barcode: str | None
    category: str
    unit: str
    on_hand: Decimal
    value: Decimal
    active: bool
    exact: bool  # the text is this item's SKU or barcode


def _hit(r: tuple, *, exact: bool) -> ItemHit:
    """An ``ItemHit`` from a ``storage.catalog.ITEM_READ`` row (minor units)."""
    return ItemHit(
        id=r[0],
        sku=r[1],
        name=r[2],
        barcode=r[3],
        category=r[4],
        unit=r[5],
        on_hand=qty_from_int(r[14]),
        value=money_from_int(r[15]),
        active=bool(r[12]),
        exact=exact,
    )


def search_items(
    db: Database, text: str, *, limit: int = 50, include_archived: bool = False
) -> list[ItemHit]:
    """Items matching ``text``: an exact SKU or barcode first, then matches by name order."""
    text = search_sql.searchable(text).strip()
    if not text:
        return []
    hits = _exact_hits(db, text, include_archived=include_archived)
    seen = {h.id for h in hits}
    rows = search_sql.matching_items(
        db.conn, text, limit=limit + len(seen), include_archived=include_archived
    )
    hits += [_hit(r, exact=False) for r in rows if r[0] not in seen]
    return hits[:limit]


def find_exact(db: Database, code: str, *, include_archived: bool = True) -> ItemHit | None:
    """The item whose SKU or barcode is exactly ``code`` (what a scanner types)."""
    code = search_sql.searchable(code).strip()
    if not code:
        return None
    hits = _exact_hits(db, code, include_archived=include_archived)
    return hits[0] if hits else None


def _exact_hits(db: Database, code: str, *, include_archived: bool) -> list[ItemHit]:
    """The items whose SKU or barcode is ``code`` (at most two), the SKU match first."""
    rows = catalog_sql.items_by_code(db.conn, code, include_archived=include_archived)
    return [_hit(r, exact=True) for r in rows]
