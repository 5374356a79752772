"""Finding items by what a user types or scans: a name, a code or a barcode.

Words of 3 or more characters go through the FTS5 trigram index (``items_fts``), which
matches any substring, so a Chinese name needs no word breaks; shorter words (牛奶, "A1")
fall back to ``LIKE``. An exact SKU or barcode always comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.storage.db import Database

MIN_TRIGRAM = 3


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def like_pattern(word: str) -> str:
    """``%word%`` for ``LIKE ? ESCAPE '\\'``, with the word's own ``%``, ``_`` and ``\\`` taken
    literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def match_sql(text: str, *, alias: str = "i") -> tuple[str, list[object]]:
    """A WHERE fragment (and its parameters) true for items whose code, name or barcode
    contain every word of ``text``. Empty text matches everything."""
    words = text.split()
    if not words:
        return "1", []
    long_words = [w for w in words if len(w) >= MIN_TRIGRAM]
    short_words = [w for w in words if len(w) < MIN_TRIGRAM]
    parts: list[str] = []
    params: list[object] = []
    if long_words:
        parts.append(f"{alias}.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        params.append(" AND ".join(_fts_phrase(w) for w in long_words))
    for word in short_words:
        parts.append(
            f"({alias}.sku LIKE ? ESCAPE '\\' OR {alias}.name LIKE ? ESCAPE '\\'"
            f" OR coalesce({alias}.barcode, '') LIKE ? ESCAPE '\\')"
        )
        pattern = like_pattern(word)
        params += [pattern, pattern, pattern]
    return " AND ".join(parts), params


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


_HIT_COLS = (
    "i.id, i.sku, i.name, i.barcode, i.category, i.unit, i.on_hand_qty, i.on_hand_value, i.active"
)


def _hit(r, *, exact: bool) -> ItemHit:
    return ItemHit(
        id=r[0],
        sku=r[1],
        name=r[2],
        barcode=r[3],
        category=r[4],
        unit=r[5],
        on_hand=qty_from_int(r[6]),
        value=money_from_int(r[7]),
        active=bool(r[8]),
        exact=exact,
    )


def search_items(
    db: Database, text: str, *, limit: int = 50, include_archived: bool = False
) -> list[ItemHit]:
    """Items matching ``text``: an exact SKU or barcode first, then matches by name order."""
    text = text.strip()
    if not text:
        return []
    active = "" if include_archived else " AND i.active = 1"
    hits = _exact_hits(db, text, include_archived=include_archived)
    seen = {h.id for h in hits}
    where, params = match_sql(text)
    rows = db.conn.execute(
        f"SELECT {_HIT_COLS} FROM items i WHERE {where}{active} ORDER BY i.name, i.id LIMIT ?",
        (*params, limit + len(seen)),
    ).fetchall()
    hits += [_hit(r, exact=False) for r in rows if r[0] not in seen]
    return hits[:limit]


def find_exact(db: Database, code: str, *, include_archived: bool = True) -> ItemHit | None:
    """The item whose SKU or barcode is exactly ``code`` (what a scanner types)."""
    code = code.strip()
    if not code:
        return None
    hits = _exact_hits(db, code, include_archived=include_archived)
    return hits[0] if hits else None


def _exact_hits(db: Database, code: str, *, include_archived: bool) -> list[ItemHit]:
    """The items whose SKU or barcode is ``code`` (at most two), the SKU match first."""
    active = "" if include_archived else " AND i.active = 1"
    rows = db.conn.execute(
        f"SELECT {_HIT_COLS} FROM items i WHERE (i.sku = ? OR i.barcode = ?){active}"
        " ORDER BY i.sku = ? DESC",
        (code, code, code),
    )
    return [_hit(r, exact=True) for r in rows]
