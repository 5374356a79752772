"""`check`: the file is sound and every ledger invariant holds."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from inventory_app.storage.db import Database
from inventory_app.storage.integrity import run_checks


@dataclass(slots=True)
class CheckReport:
    results: list[tuple[str, list[str]]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(not problems for _, problems in self.results)

    def lines(self) -> list[str]:
        out = []
        for rule, problems in self.results:
            out.append(f"{'ok  ' if not problems else 'FAIL'}  {rule}")
            out += [f"        {p}" for p in problems]
        return out


def check(db: Database) -> CheckReport:
    start = time.perf_counter()
    conn = db.conn
    report = CheckReport()
    quick = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    report.results.append(("SQLite quick_check", [] if quick == ["ok"] else quick[:5]))
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    report.results.append(("foreign keys", [f"{t} row {r} -> {p}" for t, r, p, _ in fk[:5]]))
    report.results += run_checks(conn)
    report.seconds = time.perf_counter() - start
    return report
