"""Gross margin and GMROI (pure ``Decimal``; money in currency units).

Gross margin = revenue − cost of goods sold, over the issues that had a selling price (an
issue without one has no revenue to compare). Margin rate = margin ÷ revenue. GMROI (gross
margin return on inventory) = gross margin ÷ average inventory at cost: what each yuan held
in stock earned in the period. Since only priced issues have a margin, the figures carry the
priced share: the priced issues' cost ÷ all issues' cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from inventory_app.domain.money import round_money

ZERO = Decimal(0)
_Q2 = Decimal("0.01")
_RATE = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class Margin:
    """One item, category or the shop over a period."""

    key: str
    name: str
    revenue: Decimal
    cogs: Decimal
    priced_cogs: Decimal
    average_inventory: Decimal

    @property
    def gross_margin(self) -> Decimal:
        return round_money(self.revenue - self.priced_cogs)

    @property
    def margin_rate(self) -> Decimal | None:
        """Margin ÷ revenue, a fraction (4 decimals); None without revenue."""
        if self.revenue <= 0:
            return None
        return (self.gross_margin / self.revenue).quantize(_RATE, ROUND_HALF_UP)

    @property
    def gmroi(self) -> Decimal | None:
        """Gross margin ÷ average inventory at cost (2 decimals); None without stock held or
        without any priced issue."""
        if self.average_inventory <= 0 or self.priced_cogs <= 0:
            return None
        return (self.gross_margin / self.average_inventory).quantize(_Q2, ROUND_HALF_UP)

    @property
    def priced_share(self) -> Decimal | None:
        """Share of the cost of goods sold that had a selling price (4 decimals)."""
        if self.cogs <= 0:
            return None
        return (self.priced_cogs / self.cogs).quantize(_RATE, ROUND_HALF_UP)

    def __add__(self, other: Margin) -> Margin:
        return Margin(
            key=self.key,
            name=self.name,
            revenue=self.revenue + other.revenue,
            cogs=self.cogs + other.cogs,
            priced_cogs=self.priced_cogs + other.priced_cogs,
            average_inventory=self.average_inventory + other.average_inventory,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "revenue": self.revenue,
            "cogs": self.cogs,
            "gross_margin": self.gross_margin,
            "margin_rate": self.margin_rate,
            "average_inventory": self.average_inventory,
            "gmroi": self.gmroi,
            "priced_share": self.priced_share,
        }
