"""Cycle counting: ABC classes from consumption value, count intervals, the "due" list, the
items a stocktake scope covers, and the shrinkage that stocktakes posted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import abc
from inventory_app.domain.errors import NotFound, RefusedOperation
from inventory_app.domain.money import money_from_int
from inventory_app.domain.stocktake import Scope, ScopeKind, is_due
from inventory_app.services import settings
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Database
from inventory_app.storage.reads import stock as queries

CONSUMPTION_DAYS = 365


def thresholds(db: Database) -> tuple[Decimal, Decimal]:
    """(A, A+B) cumulative shares from the settings; the defaults when a value is unusable."""
    a, b = settings.get_decimal(db, "abc_a"), settings.get_decimal(db, "abc_b")
    try:
        abc.check_thresholds(a, b)
    except Exception:
        a, b = abc.DEFAULT_A, abc.DEFAULT_B
    return a, b


def intervals(db: Database) -> dict[str, int]:
    """Days between counts per ABC class."""
    return {c: settings.get_int(db, f"count_interval_{c.lower()}") for c in ("A", "B", "C")}


def consumption_values(db: Database, *, today: dt.date | None = None) -> dict[int, Decimal]:
    """Per item id: the cost of goods issued over the last 12 months (money)."""
    today = today or dt.date.today()
    start = today - dt.timedelta(days=CONSUMPTION_DAYS - 1)
    flows = queries.flows(db.conn, start, today)
    ids = q.item_ids(db.conn)
    return {i: money_from_int(flows[i][3]) if i in flows else Decimal("0.00") for i in ids}


def abc_classes(db: Database, *, today: dt.date | None = None) -> dict[int, abc.AbcClass]:
    """ABC class per item id by consumption value over the last 12 months."""
    a, b = thresholds(db)
    return abc.classify(consumption_values(db, today=today), a=a, b=b)


@dataclass(frozen=True, slots=True)
class DueRow:
    item_id: int
    sku: str
    name: str
    abc: abc.AbcClass
    last_counted: dt.date | None
    interval_days: int


def due_list(db: Database, *, today: dt.date | None = None) -> list[DueRow]:
    """Active items whose last count is older than their class's interval (never counted:
    due), A first, then the longest uncounted."""
    today = today or dt.date.today()
    classes = abc_classes(db, today=today)
    days = intervals(db)
    rows = []
    for item_id, sku, name, last in q.active_items_last_counted(db.conn):
        cls = classes.get(item_id, "C")
        last_date = dt.date.fromisoformat(last) if last else None
        if is_due(last_date, interval_days=days[cls], today=today):
            rows.append(DueRow(item_id, sku, name, cls, last_date, days[cls]))
    rows.sort(key=lambda r: (r.abc, r.last_counted or dt.date.min, r.sku))
    return rows


def scope_items(
    db: Database, scope: Scope, *, today: dt.date | None = None
) -> tuple[list[int], int | None]:
    """(item ids, location id or None) that a stocktake with ``scope`` counts: active items,
    plus inactive ones still holding stock."""
    conn = db.conn
    location_id = None
    if scope.kind == ScopeKind.ALL:
        ids = q.countable_item_ids(conn)
    elif scope.kind == ScopeKind.LOCATION:
        place = q.location_by_name(conn, scope.values[0])
        if place is None:
            raise NotFound("stocktake.unknown_location", location=scope.values[0])
        location_id = place[0]
        ids = q.countable_item_ids(conn)
    elif scope.kind == ScopeKind.CATEGORY:
        ids = q.countable_item_ids(conn, categories=_categories(db, scope.values))
    elif scope.kind == ScopeKind.ABC:
        classes = abc_classes(db, today=today)
        active = set(q.countable_item_ids(conn))
        ids = [i for i, c in classes.items() if c in scope.values and i in active]
    else:
        classes_wanted = scope.values or ("A", "B", "C")
        ids = [r.item_id for r in due_list(db, today=today) if r.abc in classes_wanted]
    if not ids:
        raise RefusedOperation("stocktake.empty_scope", scope=str(scope))
    return sorted(ids), location_id


def _categories(db: Database, names: tuple[str, ...]) -> list[str]:
    """The category names as stored for ``names`` given in any case; NotFound for one
    not in use."""
    known = {c.casefold(): c for c in q.category_names(db.conn)}
    missing = [n for n in names if n.casefold() not in known]
    if missing:
        raise NotFound(
            "stocktake.unknown_category",
            category=missing[0],
            categories=", ".join(sorted(k for k in known.values() if k)),
        )
    return [known[n.casefold()] for n in names]


@dataclass(frozen=True, slots=True)
class Shrinkage:
    """Stocktake differences posted in a period (money): gains > 0, losses > 0, net signed."""

    gains: Decimal
    losses: Decimal

    @property
    def net(self) -> Decimal:
        return self.gains - self.losses


def shrinkage(db: Database, *, start: dt.date, end: dt.date) -> Shrinkage:
    """What approved stocktakes posted between ``start`` and ``end`` inclusive (reversals of
    stocktake movements count against them). (The loss-rate indicator does not use this: it
    reads ``storage.analytics_queries.losses``, shortfalls and write-offs per item.)"""
    gains, losses = q.stocktake_gains_losses(db.conn, start=start, end=end)
    return Shrinkage(gains=money_from_int(gains), losses=money_from_int(losses))
