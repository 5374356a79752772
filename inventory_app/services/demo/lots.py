"""The demo simulation's batches: plain lists kept in the ledger's policy order.

A batch is a list [expiry day, received day, id, qty, code] (days as indexes from the first
day, qty in milli-units); an item's batches at a location are kept sorted, which is the
ledger's policy order: FEFO (expiry, received, id) and, with the never-expiring ``BIG``
expiry, FIFO (received, id). Batches moved by a transfer keep their received day and expiry
and get a new id, as in the ledger. Lists, not objects: the daily sales of 10,000 items touch
them millions of times.
"""

from __future__ import annotations

import math
import random
from decimal import Decimal

BIG = 1 << 40  # the expiry day of goods that never expire


def from_milli(milli: int) -> Decimal:
    """The Decimal of a count of milli-units."""
    return Decimal(milli).scaleb(-3)


def usable(lots: list[list], d: int) -> int:
    return sum(lot[3] for lot in lots if lot[0] >= d)


def take(lots: list[list], qty: int, d: int) -> list[list]:
    """Draw ``qty`` from the batches not expired on day ``d``, in policy order; returns
    the pieces taken."""
    taken = []
    k = 0
    while qty:
        lot = lots[k]
        if lot[0] < d:
            k += 1
        elif lot[3] <= qty:
            qty -= lot[3]
            taken.append(lots.pop(k))
        else:
            lot[3] -= qty
            taken.append([lot[0], lot[1], lot[2], qty, lot[4]])
            qty = 0
    return taken


def poisson(rng: random.Random, lam: float) -> int:
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k
