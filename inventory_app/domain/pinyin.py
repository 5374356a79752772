"""Pinyin search keys of an item name: what a clerk types for 老酸奶 (``laosuannai``, ``lsn``).

The keys are the name's full pinyin without tones or spaces, then its initials (first
letter of each syllable: zh, ch and sh give z, c, s, as pinyin input methods take them),
variants separated by single spaces. Latin letters and digits stay as they are, in place,
so ``AD钙奶`` gives ``adgainai adgn`` and ``Coca-Cola 可口可乐 330ml`` gives
``cocacolakekoukele330ml cocacolakkkl330ml``; other characters drop out. A name without
Chinese characters has no keys (its words already match as typed). ü is written ``v``, as
every pinyin input method types it (绿 ``lv``).

Polyphonic characters: the readings come from a dictionary that reads a character inside a
known word the way that word is read (银行 ``yinhang``, 长城 ``changcheng``) and gives a
character standing alone all its readings, the likeliest first (长 ``zhang``, ``chang``).
The keys hold the likeliest reading of every character first, then the variants with one
character read otherwise, then two, ..., at most ``MAX_VARIANTS`` of each kind: a clerk
who says 长尾夹 ``changweijia`` finds it though the dictionary's first guess is ``zhang``,
and a name full of polyphones cannot grow its keys without bound.

Pure: the dictionary is passed in (``readings``), so this module imports nothing but the
standard library; ``storage.pinyin`` feeds it pypinyin's.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from itertools import combinations, product

# The readings of each character of a run of Chinese characters, the likeliest first, in
# any pinyin spelling (tone marks, tone numbers or none); a character it cannot read gets
# an empty list or itself.
Readings = Callable[[str], Sequence[Sequence[str]]]

MAX_READINGS = 3  # per character: further readings are literary or dialect ones
MAX_VARIANTS = 8  # full-pinyin strings per name, and as many strings of initials

_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f"
_TOKENS = re.compile(f"(?P<han>[{_HAN}]+)|(?P<latin>[a-z0-9]+)")
_HAS_HAN = re.compile(f"[{_HAN}]")
_U_UMLAUT = str.maketrans({"ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v"})


def search_keys(name: str, readings: Readings) -> str:
    """The pinyin keys of ``name`` (see the module's docstring), ``""`` when it has no
    Chinese characters. Deterministic for a given ``readings``."""
    text = unicodedata.normalize("NFKC", name).lower()
    if not _HAS_HAN.search(text):
        return ""
    slots: list[tuple[str, ...]] = []  # per syllable or Latin run: its spellings, likeliest first
    firsts: list[tuple[str, ...]] = []  # the same slots' initials
    for token in _TOKENS.finditer(text):
        if token.group("latin"):
            slots.append((token.group(),))
            firsts.append((token.group(),))
        else:
            for spellings, initials in _syllables(token.group(), readings):
                slots.append(spellings)
                firsts.append(initials)
    return " ".join(_unique([*_variants(slots), *_variants(firsts)]))


@functools.lru_cache(maxsize=8192)  # brands and product words recur across a catalogue
def _syllables(run: str, readings: Readings) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(spellings, initials) of each readable character of a run of Chinese characters,
    read in the context of the run (phrases), the likeliest first."""
    found = list(readings(run))
    if len(found) != len(run):  # not one answer per character: go one by one
        found = [next(iter(readings(ch)), ()) for ch in run]
    out = []
    for options in found:
        spellings = _unique(plain(o) for o in options)[:MAX_READINGS]
        if spellings:
            out.append((spellings, _unique(s[0] for s in spellings)))
    return tuple(out)


@functools.lru_cache(maxsize=4096)  # about 1,600 toned syllables exist
def plain(reading: str) -> str:
    """A reading in toneless pinyin as typed: ``lǜ`` -> ``lv``, ``Zhang3`` -> ``zhang``;
    ``""`` if it holds no letter (a character the dictionary returned unread)."""
    text = unicodedata.normalize("NFC", reading.lower()).translate(_U_UMLAUT)
    return "".join(c for c in unicodedata.normalize("NFD", text) if "a" <= c <= "z")


def _variants(slots: Sequence[tuple[str, ...]]) -> list[str]:
    """Up to ``MAX_VARIANTS`` strings, one spelling per slot: the first spelling of each
    slot; then with one slot spelled otherwise, then two, ... (the likeliest first)."""
    ambiguous = [k for k, s in enumerate(slots) if len(s) > 1]
    first = [s[0] for s in slots]
    out = ["".join(first)]
    if not ambiguous:
        return out
    for changed in range(1, len(ambiguous) + 1):
        for where in combinations(ambiguous, changed):
            for others in product(*(slots[k][1:] for k in where)):
                pick = list(first)
                for k, spelling in zip(where, others, strict=True):
                    pick[k] = spelling
                out.append("".join(pick))
                if len(out) >= MAX_VARIANTS:
                    return out
    return out


def _unique(items) -> tuple[str, ...]:
    """``items`` without repeats or empty strings, in their order."""
    return tuple(dict.fromkeys(i for i in items if i))
