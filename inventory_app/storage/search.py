"""Finding items by the words a user types: the SQL of search as you type.

Words of 3 or more characters go through the FTS5 trigram index (``items_fts``), which
matches any substring, so a Chinese name needs no word breaks; shorter words (牛奶, "A1")
fall back to ``LIKE``.
"""

from __future__ import annotations

import sqlite3

from inventory_app.storage.catalog import ITEM_READ

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


def matching_items(
    conn: sqlite3.Connection, text: str, *, limit: int, include_archived: bool
) -> list[tuple]:
    """Item rows (``storage.catalog.ITEM_READ``) whose code, name or barcode contain every
    word of ``text``, by name then id; at most ``limit``."""
    where, params = match_sql(text)
    active = "" if include_archived else " AND i.active = 1"
    return conn.execute(
        f"SELECT {ITEM_READ} FROM items i WHERE {where}{active} ORDER BY i.name, i.id LIMIT ?",
        (*params, limit),
    ).fetchall()
