"""The unit a journal or opening-stock row is typed in: a 包装 (pack) column, else a 单位
(unit) one. A row in one of the item's packs (箱 = 24 瓶) is converted to stock units exactly
when it is posted, and its cost is per pack (``domain.units``: the receipt is worth what the
packs cost, to the cent); a row in the stock unit, or with the cell empty, is as it was."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from inventory_app.domain import money, units
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.units import Pack
from inventory_app.services.imports.common import Collector
from inventory_app.services.tabular import SourceRow, cell_text
from inventory_app.storage import buying as buying_sql
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Database

PACK_KEYS = ("pack", "unit")  # the pack column wins when a file has both


class PackColumn:
    """Reads a row's unit cell against the shop's items and packs; ``packs`` maps the number
    of each good row typed in a pack (not the stock unit) to the pack's name, for
    ``Posting``."""

    def __init__(self, db: Database | None, headers: Mapping[str, str]) -> None:
        self.key = next((k for k in PACK_KEYS if k in headers), None)
        self.packs: dict[int, str] = {}
        self.units: dict[str, str] = {}
        self.by_sku: dict[str, dict[str, Pack]] = {}
        if self.key is None or db is None:
            return  # no such column: nothing to load
        self.units = {
            str(r[1]).casefold(): str(r[5]).casefold() for r in catalog_sql.all_items(db.conn)
        }
        for sku, name, factor, barcode in buying_sql.all_packs(db.conn):
            self.by_sku.setdefault(sku.casefold(), {})[name.casefold()] = Pack(
                name, factor, barcode
            )

    @classmethod
    def none(cls) -> PackColumn:
        """A file without a unit column."""
        return cls(None, {})

    def _pack(self, sku: str, raw: object) -> Pack | None:
        """The pack the cell names (None: empty or the stock unit); an unknown one refused."""
        text = cell_text(raw).strip()
        name = text.casefold()
        if not name or name == self.units.get(sku.casefold()):
            return None
        pack = self.by_sku.get(sku.casefold(), {}).get(name)
        if pack is None:
            raise ValidationError("units.unknown_pack", sku=sku, pack=text)
        return pack

    def take(self, number: int, sku: str, qty: Decimal, raw: object) -> bool:
        """The quick path for a row whose other cells are good: True when its unit is too
        (a pack noted), False when the row must be read again to say what is wrong."""
        if raw is None:
            return True
        try:
            pack = self._pack(sku, raw)
            if pack is not None:
                units.stock_qty(abs(money.qty_units(qty)), pack.factor)
                self.packs[number] = pack.name
        except ValidationError:
            return False
        return True

    def check(self, col: Collector, row: SourceRow, sku: str | None, qty: Decimal | None) -> None:
        """Record the row's unit problems in ``col`` (an unknown pack at the unit's column, a
        pack quantity that is not a whole number of thousandths of stock units at the
        quantity's), or note its pack."""
        raw = None if self.key is None else row.values.get(self.key)
        if raw is None or not sku or sku.casefold() not in self.units:
            return
        try:
            pack = self._pack(sku, raw)
        except ValidationError as exc:
            col.add(row, str(self.key), exc.code, **exc.params)
            return
        if pack is None or qty is None:
            return
        try:
            units.stock_qty(abs(money.qty_units(qty)), pack.factor)
        except ValidationError as exc:
            col.add(row, "qty", exc.code, **exc.params)
            return
        self.packs[row.number] = pack.name
