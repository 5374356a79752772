"""The text of every expected problem, built from its code and parameters in one place.

An ``InventoryError`` carries a stable ``code`` (``"stock.shortage"``) and its facts as parameters
(``sku=..., needed=..., available=...``); the sentence a person reads is made here, from a table of
sentences by code, one table per language (``messages_en.TEMPLATES``, ``messages_zh.TEMPLATES``)
with the same codes and placeholders.

Templates use ``str.format`` placeholders named after the parameters; a template that depends on
a ``count`` is a pair (one, many). Parameters are plain values:
text, integers, ``Decimal`` (shown without trailing zeros: 12, 2.5, 0.125) and dates (ISO).

The language is chosen by the front (the desktop app from the system locale, the CLI from its
options) with ``set_language``; errors render in it when shown, and a code missing from that
language's table falls back to English. Nothing here reads the environment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from inventory_app.domain import messages_en, messages_zh
from inventory_app.domain.messages_en import TEMPLATES

Table = Mapping[str, "str | tuple[str, str]"]
#: parameter name -> English word from a fixed set -> the word in a language
Words = Mapping[str, Mapping[str, str]]

TABLES: dict[str, Table] = {"en": messages_en.TEMPLATES, "zh": messages_zh.TEMPLATES}
WORDS: dict[str, Words] = {"en": {}, "zh": messages_zh.WORDS}
_language = "en"


def set_language(lang: str) -> None:
    """Make ``lang`` ("en" or "zh") the language errors are rendered in, for the process."""
    global _language
    if lang not in TABLES:
        raise ValueError(f"no messages in {lang!r}; languages: {', '.join(TABLES)}")
    _language = lang


def language() -> str:
    """The language errors are rendered in ("en" unless ``set_language`` chose another)."""
    return _language


def _words_of(table: Table) -> Words:
    return next((WORDS[lang] for lang, t in TABLES.items() if t is table), {})


def _shortage_parts(params: Mapping[str, object], table: Table) -> dict[str, object]:
    """The optional parts of a shortage: which batch, where, and what expired stock there is."""
    return {
        "what": render("ledger.shortage.batch", params, table)
        if params.get("batch")
        else params.get("sku", ""),
        "where": render("ledger.shortage.at", params, table) if params.get("location") else "",
        "expired_note": render("ledger.shortage.expired", params, table)
        if params.get("expired")
        else "",
    }


#: a movement kind with its English article ("an issue", not "a issue")
A_KIND = {
    "receipt": "a receipt",
    "issue": "an issue",
    "writeoff": "a write-off",
    "adjust": "an adjustment",
    "transfer": "a transfer",
    "stocktake": "a stocktake",
    "reversal": "a reversal",
}


def _kind_parts(params: Mapping[str, object], table: Table) -> dict[str, object]:
    """In English, ``kind`` with its article ("an issue"); other languages word the kind
    through their WORDS and need no article."""
    if table is not TEMPLATES:
        return {}
    kind = str(params.get("kind", ""))
    return {"kind": A_KIND.get(kind, kind)}


def _column_twice_parts(params: Mapping[str, object], table: Table) -> dict[str, object]:
    """``where``: each header met twice and its column letter, in the table's language
    ('Qty' (column C) and 'qty' (column F) / “Qty”（C 列）和“qty”（F 列）)."""
    headers, letters = params.get("headers"), params.get("letters")
    if not isinstance(headers, tuple | list) or not isinstance(letters, tuple | list):
        return {}  # only the English ``where`` was given: keep it
    joiner = render("tabular.column_twice.and", {}, table)
    each = [
        render("tabular.column_twice.at", {"header": h, "letter": c}, table)
        for h, c in zip(headers, letters, strict=False)
    ]
    return {"where": joiner.join(each)}


def _reorder_parts(params: Mapping[str, object], table: Table) -> dict[str, object]:
    """A reorder suggestion's reason: where its safety stock comes from, stock on order, and
    the decision, each worded from the same table."""
    unit = str(params.get("unit") or "")
    parts: dict[str, object] = {"unit_text": f" {unit}" if unit else ""}
    both = {**params, **parts}
    parts["safety_text"] = render(
        "reorder.why.safety_item" if params.get("from_item") else "reorder.why.safety_z",
        both,
        table,
    )
    have = "reorder.why.have_on_order" if params.get("on_order") else "reorder.why.have"
    both["have"] = render(have, both, table)
    decision = "reorder.why.order" if params.get("order") else "reorder.why.enough"
    parts["decision"] = render(decision, both, table)
    return parts


# Codes whose sentence has optional parts: each function adds them as parameters, rendered
# from the same table (so another language words the parts too).
PARTS: dict[str, Callable[[Mapping[str, object], Table], dict[str, object]]] = {
    "ledger.shortage": _shortage_parts,
    "ledger.qty_not_positive": _kind_parts,
    "tabular.column_twice": _column_twice_parts,
    "reorder.why": _reorder_parts,
}


def shown(value: object, table: Table | None = None) -> object:
    """A parameter as a person reads it: 12 not 12.000, 2026-12-02 not a repr; an error given
    as a parameter (the cause of another) is rendered from its own code in the same table
    (the current language's when none is given)."""
    code, params = getattr(value, "code", None), getattr(value, "params", None)
    if isinstance(code, str) and isinstance(params, Mapping):
        return render(code, params, table)
    if isinstance(value, Decimal):
        if value.is_finite():
            text = format(value.normalize(), "f")
            return text if "." not in text else text.rstrip("0").rstrip(".")
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def render(
    code: str,
    params: Mapping[str, object],
    table: Table | None = None,
) -> str:
    """The sentence for ``code`` with ``params`` filled in, from ``table`` or else the current
    language's; a code the table lacks is taken from English, an unknown code shows as itself."""
    if table is None:
        table = TABLES[_language]
    template = table.get(code)
    if template is None:
        template = TEMPLATES.get(code)
        if template is None:
            return code
    words = _words_of(table)
    if words:  # the given facts only, not the parts added below (a SKU may be any word)
        params = {
            k: words[k].get(v, v) if k in words and isinstance(v, str) else v
            for k, v in params.items()
        }
    parts = PARTS.get(code)
    if parts is not None:
        params = {**params, **parts(params, table)}
    if isinstance(template, tuple):
        template = template[0] if params.get("count") == 1 else template[1]
    return template.format_map({k: shown(v, table) for k, v in params.items()})


__all__ = [
    "PARTS",
    "TABLES",
    "TEMPLATES",
    "WORDS",
    "Table",
    "Words",
    "language",
    "render",
    "set_language",
    "shown",
]
