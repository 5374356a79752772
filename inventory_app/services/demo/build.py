"""A believable demo shop: a catalogue of groceries and hardware and a year of history.

``generate`` is pure and deterministic by seed. It builds the catalogue at once and the
history lazily, as a generator of dated lines in posting order. Every item's batches are
simulated under the ledger's own rules (FIFO / FEFO, expired batches never drawn unless
named), so every line posts. ``skus=10000, days=365`` gives about a million lines.
Quantities inside the simulation are integers in thousandths (milli-units).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import Changes, ItemFields, Line
from inventory_app.services import catalog, settings
from inventory_app.services import postings as stock
from inventory_app.services.demo.buying import add_buying
from inventory_app.services.demo.catalogue import catalogue, ean13
from inventory_app.services.demo.history import BACK_STORE, SALES_REF, _Shop
from inventory_app.services.demo.language import TEXTS, demo_language, pick
from inventory_app.services.demo.prices import add_selling_prices
from inventory_app.services.demo.words import _SHOP_NAMES

if TYPE_CHECKING:
    from inventory_app.storage.db import Database

__all__ = [
    "BACK_STORE",
    "LINES_PER_ITEM_DAY",
    "SALES_REF",
    "DemoPlan",
    "build_demo",
    "ean13",
    "generate",
]

LINES_PER_ITEM_DAY = 0.274  # what the history yields on average (~100 lines/item/year)


@dataclass(frozen=True, slots=True)
class DemoPlan:
    """A demo shop: what to create, then the lines to post in order.

    ``entries`` is a one-shot generator; an issue line may be the very same (immutable)
    ``Line`` object more than once.
    """

    items: list[ItemFields]
    locations: list[str]  # besides DEFAULT_LOCATION
    entries: Iterator[tuple[dt.date, Line]]  # in date order; a generator, consumed once
    shop_name: str
    estimated_lines: int = 0  # about how many entries there will be (for progress)


def generate(
    *,
    skus: int = 300,
    days: int = 365,
    seed: int = 1,
    today: dt.date | None = None,
    lang: str | None = None,
) -> DemoPlan:
    """A demo shop of ``skus`` items with ``days`` of history ending ``today`` (inclusive),
    in ``lang`` (``zh`` or ``en``; by default the message language).

    The same arguments give the same shop; another language the same shop in other words.
    The entries are made lazily, about ``LINES_PER_ITEM_DAY * skus * days`` of them;
    opening stock is received on the first day.
    """
    if skus < 1 or days < 1:
        raise ValidationError("demo.too_small", skus=skus, days=days)
    today = today or dt.date.today()
    lang = demo_language(lang)
    rng = random.Random(seed)
    items, specs = catalogue(rng, skus, days, lang)
    skus_ = [it.sku for it in items]
    return DemoPlan(
        items=items,
        locations=[TEXTS[lang]["back_store"]],
        entries=_Shop(skus_, specs, days=days, today=today, seed=seed, lang=lang).run(),
        shop_name=pick(rng.choice(_SHOP_NAMES), lang),
        estimated_lines=round(LINES_PER_ITEM_DAY * skus * days),
    )


def build_demo(
    db: Database,
    *,
    skus: int = 300,
    days: int = 365,
    seed: int = 1,
    today: dt.date | None = None,
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Changes:
    """Fill ``db`` (a new, empty shop) with a generated demo shop; returns what changed.
    One transaction: a cancelled or failed build leaves the shop as it was. ``lang``: the
    demo's language (``zh`` or ``en``), by default the message language."""
    plan = generate(skus=skus, days=days, seed=seed, today=today, lang=lang)
    with db.transaction():  # the steps below join it
        changes = settings.set_shop_name(db, plan.shop_name)
        for name in plan.locations:
            changes |= catalog.add_location(db, name)
        changes |= catalog.add_items(db, plan.items)
        posted = stock.post_entries(
            db,
            plan.entries,
            source="demo",
            progress=progress,
            cancel=cancel,
            total=plan.estimated_lines,
        )
        changes |= add_buying(db, today=today)  # suppliers, cases, orders (#15)
        changes |= add_selling_prices(db, seed=seed)
    return changes | posted
