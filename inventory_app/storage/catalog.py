"""Items and locations: the SQL of the master data."""

from __future__ import annotations

import sqlite3


def known_names(conn: sqlite3.Connection) -> tuple[set[str], set[str]]:
    """The shop's SKUs and location names, casefolded."""
    skus = {s.casefold() for (s,) in conn.execute("SELECT sku FROM items")}
    locations = {n.casefold() for (n,) in conn.execute("SELECT name FROM locations")}
    return skus, locations
