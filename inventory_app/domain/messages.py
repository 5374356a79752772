"""The text of every expected problem, built from its code and parameters in one place.

An ``InventoryError`` carries a stable ``code`` (``"stock.shortage"``) and its facts as parameters
(``sku=..., needed=..., available=...``); the sentence a person reads is made here, from a table of
sentences by code (``messages_en.TEMPLATES``), so another language needs only another table with
the same codes and placeholders.

Templates use ``str.format`` placeholders named after the parameters; a template that depends on
a ``count`` is a pair (one, many). Parameters are plain values:
text, integers, ``Decimal`` (shown without trailing zeros: 12, 2.5, 0.125) and dates (ISO).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from inventory_app.domain.messages_en import TEMPLATES

Table = Mapping[str, "str | tuple[str, str]"]


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


# Codes whose sentence has optional parts: each function adds them as parameters, rendered
# from the same table (so another language words the parts too).
PARTS: dict[str, Callable[[Mapping[str, object], Table], dict[str, object]]] = {
    "ledger.shortage": _shortage_parts,
}


def shown(value: object, table: Table | None = None) -> object:
    """A parameter as a person reads it: 12 not 12.000, 2026-12-02 not a repr; an error given
    as a parameter (the cause of another) is rendered from its own code in the same table."""
    code, params = getattr(value, "code", None), getattr(value, "params", None)
    if isinstance(code, str) and isinstance(params, Mapping):
        return render(code, params, TEMPLATES if table is None else table)
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
    table: Table = TEMPLATES,
) -> str:
    """The sentence for ``code`` with ``params`` filled in (unknown codes show as themselves)."""
    template = table.get(code)
    if template is None:
        return code
    parts = PARTS.get(code)
    if parts is not None:
        params = {**params, **parts(params, table)}
    if isinstance(template, tuple):
        template = template[0] if params.get("count") == 1 else template[1]
    return template.format_map({k: shown(v, table) for k, v in params.items()})


__all__ = ["PARTS", "TEMPLATES", "Table", "render", "shown"]
