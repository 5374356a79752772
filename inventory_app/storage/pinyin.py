"""The pinyin search keys stored with each item (``items.pinyin``, indexed by ``items_fts``).

``domain.pinyin`` makes the keys from a dictionary of readings; this module gives it
pypinyin's. pypinyin reads its dictionaries (two JSON files, ~0.3 s) when first imported,
so it is imported here, on the first key computed (adding, editing or importing items, the
migration that fills the keys, ``check``), never when the app starts or searches. It is
pure data and code, but that first import reads files, so it stays out of ``domain``.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

from inventory_app.domain.pinyin import search_keys


def pinyin_keys(name: str) -> str:
    """The pinyin search keys of an item name (``domain.pinyin.search_keys``) followed by a
    space, ``""`` for a name without Chinese characters. The space puts every two letters of
    the keys inside a trigram (``qe `` for Q鹅), which is how ``search`` finds them."""
    keys = search_keys(name, _readings)
    return f"{keys} " if keys else ""


def fill_keys(conn: sqlite3.Connection) -> int:
    """Compute and store every item's pinyin keys from its name; returns how many changed."""
    rows = conn.execute("SELECT id, name, pinyin FROM items").fetchall()
    changed = [(keys, i) for i, name, old in rows if (keys := pinyin_keys(name)) != old]
    conn.executemany("UPDATE items SET pinyin = ? WHERE id = ?", changed)
    return len(changed)


def _readings(run: str) -> tuple[tuple[str, ...], ...]:
    """The readings of each character of a run of Chinese characters, the likeliest first.

    pypinyin reads a character inside a word of its phrase dictionary as in that word
    (银行: háng only) and gives one standing alone all the readings of its character
    dictionary. Of those, only the ones its phrase dictionary uses in some word are kept
    (长 zhǎng, cháng; 葡 pú but not the obscure bèi), and always the first. With tone marks:
    its toneless style costs twice as much, and ``domain.pinyin`` drops them (and caches
    what it made of each run)."""
    pinyin, used = _dictionary()
    out = []
    for ch, options in zip(run, pinyin(run), strict=False):
        known = used.get(ch)
        out.append(tuple(r for n, r in enumerate(options) if n == 0 or not known or r in known))
    if len(out) != len(run):  # not one answer per character: domain.pinyin goes one by one
        return tuple(tuple(options) for options in pinyin(run))
    return tuple(out)


@functools.cache
def _dictionary() -> tuple[Callable[[str], list[list[str]]], dict[str, frozenset[str]]]:
    """pypinyin's ``pinyin`` (tone marks, every reading) and, per character, the readings
    its phrase dictionary uses (~0.2 s to gather, once)."""
    from pypinyin import Style, pinyin  # lazily: see the module's docstring
    from pypinyin.constants import PHRASES_DICT

    used: dict[str, set[str]] = {}
    for phrase, readings in PHRASES_DICT.items():
        for ch, options in zip(phrase, readings, strict=False):
            used.setdefault(ch, set()).update(options)
    frozen = {ch: frozenset(r) for ch, r in used.items()}
    return functools.partial(pinyin, style=Style.TONE, heteronym=True), frozen
