"""JSON as the CLI prints it: ``json.dumps(data, ensure_ascii=False, indent=2,
default=jsonable)``'s exact text, written faster (tests/cli/test_output.py compares both)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from json.encoder import encode_basestring  # the C one: ensure_ascii=False's string encoder
from typing import Any


def jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def json_text(data: object) -> str:
    """The same text as ``json.dumps(data, ensure_ascii=False, indent=2, default=jsonable)``,
    2-3 times faster: with an indent the json module encodes in pure Python, a generator per
    container and ``default`` for every Decimal; this one appends to one list, turns the common
    scalars into text through C-level callables and encodes each key once. tests/cli compare
    both on every kind of document."""
    out: list[str] = []
    _encode(data, "\n", out, {})
    return "".join(out)


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_QUOTED = '"%s"'.__mod__  # str() of a Decimal, isoformat() of a date: nothing to escape
# The JSON of the scalars reports hold, by exact type (subclasses take the general way).
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    Decimal: _QUOTED,
    dt.date: _QUOTED,
    int: int.__repr__,
    bool: ("false", "true").__getitem__,
    type(None): {None: "null"}.__getitem__,
    float: _float_text,
}


def _encode(value: object, indent: str, out: list[str], keys: dict[str, str]) -> None:
    """Append ``value``'s JSON to ``out``; ``indent`` is the newline and indent of its own
    line (each level two spaces more); ``keys`` holds each str key's encoded text. The type
    tests follow json's own order."""
    # One function on purpose: it is the JSON writer's hot loop (a call per value).
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        out.append(scalar(value))
    elif isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float_text(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        records = _records_text(value, inner)
        if records is not None:
            out.append("[" + inner + records + indent + "]")
            return
        sep = "," + inner
        out.append("[" + inner)
        for i, item in enumerate(value):
            if i:
                out.append(sep)
            scalar = _SCALARS.get(type(item))
            if scalar is None:
                _encode(item, inner, out, keys)
            else:
                out.append(scalar(item))
        out.append(indent + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        sep = "," + inner
        out.append("{" + inner)
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(sep)
            if type(key) is str:  # not 1 and True alike: they are equal as dict keys
                text = keys.get(key)
                if text is None:
                    text = keys[key] = encode_basestring(key) + ": "
            else:
                text = encode_basestring(_key_text(key)) + ": "
            out.append(text)
            scalar = _SCALARS.get(type(item))
            if scalar is None:
                _encode(item, inner, out, keys)
            else:
                out.append(scalar(item))
        out.append(indent + "}")
    else:
        plain = jsonable(value)
        if plain is value:
            raise ValueError("Circular reference detected")  # what json says here
        _encode(plain, indent, out, keys)


# Scalars that ``%s`` turns into their JSON text as they are (str() of these exact types),
# with the quotes around the slot they fill.
_RAW_SLOTS: dict[type, str] = {Decimal: '"%s"', dt.date: '"%s"', int: "%s"}


def _records_text(value: list | tuple, indent: str) -> str | None:
    """A report's rows, a list of dicts with the same str keys in the same order and scalar
    values, as the general way writes them (the items joined by "," and ``indent``), built a
    column at a time: a column of amounts, dates or ints goes as it is into a ``%s`` slot of
    a row template made once, any other column is made text with one map first; each row is
    then one C-level ``%``. None for anything else: the general way writes it."""
    first = value[0]
    if type(first) is not dict or not first:
        return None
    keys = tuple(first)
    if not all(type(k) is str for k in keys):
        return None
    if set(map(type, value)) != {dict} or not all(map(keys.__eq__, map(tuple, value))):
        return None
    columns = list(zip(*map(dict.values, value), strict=True))
    slots = []
    for i, column in enumerate(columns):
        kinds = set(map(type, column))
        kind = kinds.pop() if len(kinds) == 1 else None
        if kind in _RAW_SLOTS:
            slots.append(_RAW_SLOTS[kind])
            continue
        if kind is not None:
            kinds.add(kind)
        if not kinds <= _SCALARS.keys():
            return None
        slots.append("%s")
        if kind is not None:
            columns[i] = tuple(map(_SCALARS[kind], column))
        else:
            columns[i] = tuple(_SCALARS[type(v)](v) for v in column)
    inner = indent + "  "
    fields = [
        (encode_basestring(k) + ": ").replace("%", "%%") + slot
        for k, slot in zip(keys, slots, strict=True)
    ]
    template = "{" + inner + ("," + inner).join(fields) + indent + "}"
    return ("," + indent).join(map(template.__mod__, zip(*columns, strict=True)))


def _key_text(key: object) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float_text(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
