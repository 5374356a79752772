"""Finding items by the words a user types: the SQL of search as you type.

Every word must occur in the item's code, name, barcode or pinyin keys (``items.pinyin``,
see ``domain.pinyin``: ``laosuannai lsn`` for 老酸奶). Words of 3 or more characters go
through the FTS5 trigram index (``items_fts``), which matches any substring, so a Chinese
name needs no word breaks; shorter words (牛奶, "A1") cannot use a trigram index and fall
back to ``LIKE`` on code, name and barcode. For the pinyin keys a two-letter word still
uses the index: keys hold only ``a-z``, ``0-9`` and spaces and end with a space, so "ls"
occurs in them exactly when one of the 74 trigrams "ls?" / "?ls" does.
"""

from __future__ import annotations

import sqlite3
import string

from inventory_app.storage.catalog import ITEM_READ

MIN_TRIGRAM = 3
_KEY_CHARS = string.ascii_lowercase + string.digits  # and the space between variants


# Control characters (NUL above all) cannot be typed into a name, and SQLite reads a text
# parameter only up to its first NUL: '%\x00%' was '%' (every item) and '"\x00"' an
# unterminated FTS string. Searched text has them as spaces.
SPACED_CONTROLS = {i: " " for i in (*range(32), 0x7F)}


def searchable(text: str) -> str:
    """``text`` with control characters as spaces, as every search here reads it."""
    return text.translate(SPACED_CONTROLS)


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def like_pattern(word: str) -> str:
    """``%word%`` for ``LIKE ? ESCAPE '\\'``, with the word's own ``%``, ``_`` and ``\\`` taken
    literally."""
    escaped = searchable(word).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def match_sql(text: str, *, alias: str = "i") -> tuple[str, list[object]]:
    """A WHERE fragment (and its parameters) true for items whose code, name, barcode or
    pinyin keys contain every word of ``text``. Empty text matches everything."""
    words = searchable(text).split()
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
        parts.append(_short_word_sql(word, alias, params))
    return " AND ".join(parts), params


def _short_word_sql(word: str, alias: str, params: list[object]) -> str:
    """The condition for a word of one or two characters (its parameters appended)."""
    pattern = like_pattern(word)
    either = [
        f"{alias}.sku LIKE ? ESCAPE '\\'",
        f"{alias}.name LIKE ? ESCAPE '\\'",
        f"coalesce({alias}.barcode, '') LIKE ? ESCAPE '\\'",
    ]
    params += [pattern, pattern, pattern]
    key = word.lower()
    if _may_be_key(key):  # else it cannot occur in pinyin keys
        if len(key) == 1:  # in most keys: see ``matching_items`` for how it stays quick
            either.append(f"{alias}.pinyin LIKE ?")
            params.append(f"%{key}%")
        else:
            either.append(f"{alias}.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
            params.append(_key_trigrams(key))
    return f"({' OR '.join(either)})"


def _key_trigrams(pair: str) -> str:
    """An FTS5 query for the pinyin keys holding the two-character ``pair`` inside a
    trigram: ``pinyin : ("lsa" OR ... OR " ls" OR ...)``."""
    grams = [pair + c for c in _KEY_CHARS + " "] + [c + pair for c in _KEY_CHARS + " "]
    return "pinyin : (" + " OR ".join(f'"{g}"' for g in grams) + ")"


def matching_items(
    conn: sqlite3.Connection, text: str, *, limit: int, include_archived: bool
) -> list[tuple]:
    """Item rows (``storage.catalog.ITEM_READ``) whose code, name, barcode or pinyin keys
    contain every word of ``text``, by name then id; at most ``limit``."""
    where, params = match_sql(text)
    active = "" if include_archived else " AND i.active = 1"
    # One or two letters or digits (the first keystrokes of pinyin, a code or a barcode)
    # match most items: walking the name index (``items_name``) finds the first ``limit``
    # in name order at once. A short Chinese word matches only Chinese names, which sort
    # after every Latin one, so the walk would read most of the index: a scan of the table
    # and a sort of the matches is quicker. Words of 3+ characters use the trigram index.
    walk = all(len(w) < MIN_TRIGRAM and _may_be_key(w) for w in text.split())
    table = "items i" if walk else "items i NOT INDEXED"
    return conn.execute(
        f"SELECT {ITEM_READ} FROM {table} WHERE {where}{active} ORDER BY i.name, i.id LIMIT ?",
        (*params, limit),
    ).fetchall()


def _may_be_key(word: str) -> bool:
    """Whether ``word`` can occur in pinyin keys (only a-z, 0-9; any case)."""
    return all(c in _KEY_CHARS for c in word.lower())
