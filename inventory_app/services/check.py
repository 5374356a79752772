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
    report = CheckReport()
    report.results = run_checks(db.conn, path=str(db.path))
    report.seconds = time.perf_counter() - start
    return report
