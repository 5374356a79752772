"""The demo shop's catalogue: items with names, EAN-13 barcodes and simulation specs."""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from inventory_app.domain.model import ItemFields, Removal
from inventory_app.services.demo.language import PIECES_ZH, UNITS_EN, pick
from inventory_app.services.demo.words import _CATEGORIES, _SUPPLIERS, _Category, _Family

_MEAN_RATE = 0.255  # sales a day, per item


@dataclass(slots=True)
class _Spec:
    """What the simulation knows about an item beyond its ``ItemFields``."""

    cat: int
    life: int  # 0: not perishable
    rate: float  # sale events per day, on average
    qtys: tuple[int, ...]  # milli-units per sale, drawn uniformly
    unit: int  # 1000, or less for goods sold by weight or length
    rop: int
    order: int
    cost: int  # ten-thousandths of a yuan
    supplier: int
    lead: int
    stop: int  # day from which it no longer sells (dead stock), else days
    back: bool  # received into the back store, moved to Main by transfers


def catalogue(
    rng: random.Random, skus: int, days: int, lang: str = "en"
) -> tuple[list[ItemFields], list[_Spec]]:
    """``skus`` items spread over the categories by share, with their simulation specs,
    named in ``lang`` (zh or en). The language changes words only, never a random draw."""
    weights = [c.share for c in _CATEGORIES]
    total = sum(weights)
    counts = [skus * w // total for w in weights]
    by_remainder = sorted(range(len(counts)), key=lambda k: -(skus * weights[k] % total))
    for k in by_remainder[: skus - sum(counts)]:
        counts[k] += 1
    used_names: set[str] = set()
    barcodes = _Barcodes(rng)
    items: list[ItemFields] = []
    specs: list[_Spec] = []
    # sale rates: a long tail of slow movers, scaled so that the shop's volume is steady
    paces = [c.pace for c, n in zip(_CATEGORIES, counts, strict=True) for _ in range(n)]
    raw = [p * math.exp(rng.gauss(0, 1.15)) for p in paces]
    scale = _MEAN_RATE * skus / sum(raw)
    rates = iter([min(8.0, max(0.01, r * scale)) for r in raw])
    for ci, (cat, n) in enumerate(zip(_CATEGORIES, counts, strict=True)):
        names = _names(rng, cat.families, n, used_names)
        for number, (name, spec_at, fam, index) in enumerate(names, 1):
            sku = f"{cat.code}-{number:04d}"
            item, spec = _item(rng, cat, ci, fam, sku, name, spec_at, next(rates), days, barcodes)
            item = in_language(item, cat, fam, name, index, lang)
            items.append(item)
            specs.append(spec)
    # dead stock: a few non-perishable items stop selling 100+ days before today (with the
    # slowest movers that happen not to sell for as long, ~4 % of the items)
    pool = [k for k, s in enumerate(specs) if not s.life and not s.back]
    for k in rng.sample(pool, min(len(pool), round(skus * rng.uniform(0.015, 0.025)))):
        specs[k].stop = max(0, days - 105 - rng.randrange(max(1, days // 2)))
    return items, specs


def in_language(
    item: ItemFields, cat: _Category, fam: _Family, name: str, index: int, lang: str
) -> ItemFields:
    """``item`` with its words in ``lang``: category, supplier, and (in Chinese) an imported
    item's name and unit."""
    supplier = pick(item.supplier or "", lang)
    if lang != "zh":
        unit = UNITS_EN.get(item.unit, item.unit)
        return replace(item, category=pick(cat.label, lang), supplier=supplier, unit=unit)
    zh_name = fam.name(index, "zh")[0] + name[len(fam.name(index)[0]) :]  # keeps a " #n"
    unit = PIECES_ZH[cat.code] if item.unit == "pcs" else item.unit
    return replace(item, name=zh_name, category=pick(cat.label, lang), supplier=supplier, unit=unit)


def _names(
    rng: random.Random, fams: tuple[_Family, ...], n: int, used: set[str]
) -> list[tuple[str, float, _Family, int]]:
    """``n`` distinct names from a category's families. Big families get more items, but
    not in proportion, so that small ones (goods sold by weight or length) show up too."""
    weights = [math.sqrt(f.size) * (3 if f.unit in ("kg", "m") else 1) for f in fams]
    counts = Counter(rng.choices(range(len(fams)), weights, k=n))
    out: list[tuple[str, float, _Family, int]] = []
    goal = 0
    for k, fam in enumerate(fams):
        goal += counts[k]  # a family short of names leaves its share to the next
        for index in rng.sample(range(fam.size), min(fam.size, counts[k] + 3)):
            name, spec_at = fam.name(index)
            if len(out) < goal and name not in used:
                used.add(name)
                out.append((name, spec_at, fam, index))
    if len(out) < n:
        spare = [(f, i) for f in fams for i in range(f.size) if f.name(i)[0] not in used]
        for fam, index in rng.sample(spare, min(len(spare), n - len(out))):
            name, spec_at = fam.name(index)
            used.add(name)
            out.append((name, spec_at, fam, index))
    while len(out) < n:  # more items asked for than the word lists can name
        fam = fams[len(out) % len(fams)]
        index = rng.randrange(fam.size)
        name, spec_at = fam.name(index)
        out.append((f"{name} #{len(out) + 1}", spec_at, fam, index))
    rng.shuffle(out)
    return out


class _Barcodes:
    """Unique EAN-13 codes; one company prefix per brand (690-695 for Chinese brands)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.prefixes: dict[str, str] = {}
        self.used: set[str] = set()

    def new(self, name: str) -> str:
        rng, brand = self.rng, name.split(" ")[0]
        if brand not in self.prefixes:
            head = rng.choice(("00", "40", "50", "76", "80", "87", "88", "93"))
            if not brand.isascii():
                head = f"69{rng.randrange(6)}"
            self.prefixes[brand] = head + "".join(
                str(rng.randrange(10)) for _ in range(7 - len(head))
            )
        code = ""
        while not code or code in self.used:
            code = ean13(self.prefixes[brand] + f"{rng.randrange(100_000):05d}")
        self.used.add(code)
        return code


def ean13(body: str) -> str:
    """``body`` (12 digits) with its EAN-13 check digit appended."""
    s = sum(int(c) * (3 if k % 2 else 1) for k, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _item(
    rng: random.Random, cat: _Category, ci: int, fam: _Family, sku: str, name: str,
    spec_at: float, rate: float, days: int, barcodes: _Barcodes,
) -> tuple[ItemFields, _Spec]:  # fmt: skip
    """An item and how it behaves: ``rate`` sales a day, each of one of 16 quantities."""
    unit = {"kg": 50, "m": 500}.get(fam.unit, 1000)  # smallest step sold, milli-units
    life = rng.randint(*fam.life) if fam.life else 0
    if unit == 1000:
        mean, rnd = rng.expovariate(1.2), rng.random  # extra pieces per sale
        qtys = tuple(1000 * (1 + int(-math.log(1.0 - rnd()) * mean)) for _ in range(16))
    else:
        mean = rng.uniform(0.5, 3.0) * (1000 if unit == 50 else 5000)  # 0.5-3 kg, 2.5-15 m
        qtys = tuple(max(unit, round(rng.gauss(mean, mean / 2) / unit) * unit) for _ in range(16))
    daily = rate * sum(qtys) / len(qtys)  # milli-units a day
    sup = rng.choice(cat.suppliers)
    usual = _SUPPLIERS[sup][1]
    lead = min(21, max(2, usual + rng.randint(-1, usual // 2 + 1) + (5 if fam.english else 0)))
    safety = 1000 * math.ceil(1.3 * math.sqrt(lead) * daily / 1000) if rng.random() < 0.4 else 0
    rop = 1000 * max(1, math.ceil((daily * lead * 1.1 + safety) / 1000))
    pack = fam.pack * (1000 if unit == 1000 else 1)
    want = daily * rng.uniform(14, 45) * (2 if rate < 0.05 else 1)
    if life:
        want = min(want, daily * life * 0.6)
        if pack > daily * life * 0.8:
            pack = 1000  # a slow perishable is bought by the piece
    lo, hi = fam.cost
    cost = (lo + (hi - lo) * (spec_at + rng.random() / len(fam.parts[3]))) * rng.uniform(0.8, 1.2)
    spec = _Spec(
        cat=ci,
        life=life,
        rate=rate,
        qtys=qtys,
        unit=unit,
        rop=rop,
        order=max(pack, math.ceil(want / pack) * pack),
        cost=max(1000, round(cost * 10000)),
        supplier=sup,
        lead=lead,
        stop=days,
        back=rng.random() < (0.06 if cat.code in ("GR", "DR", "HW", "CL") else 0.01),
    )
    item = ItemFields(
        sku=sku,
        name=name,
        barcode=barcodes.new(name) if unit == 1000 and rng.random() < 0.95 else None,
        category=cat.label,
        unit=fam.unit,
        supplier=_SUPPLIERS[sup][0],
        reorder_point=Decimal(rop).scaleb(-3),
        safety_stock=Decimal(safety).scaleb(-3) if safety else None,
        lead_time_days=lead,
        shelf_life_days=life or None,
        removal=Removal.FEFO if life else Removal.FIFO,
    )
    return item, spec
