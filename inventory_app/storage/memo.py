"""Reuse of identical reads inside one computation.

The dashboard asks for the same 12 months of flows from several angles (ABC, slow movers,
turnover, indicators). Inside ``reusing_reads()`` a read marked ``@memoized`` runs once per
connection and arguments; outside it nothing is kept, so no caller ever sees stale figures.
Per thread: a worker's memo is its own. Results are shared, so callers must only read them.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_local = threading.local()


@contextlib.contextmanager
def reusing_reads() -> Iterator[None]:
    outer = getattr(_local, "memo", None)
    if outer is None:
        _local.memo = {}
    try:
        yield
    finally:
        if outer is None:
            _local.memo = None


def memoized(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(conn: Any, *args: Any, **kw: Any) -> Any:
        memo = getattr(_local, "memo", None)
        if memo is None:
            return fn(conn, *args, **kw)
        key = (fn.__qualname__, id(conn), args, tuple(sorted(kw.items())))
        if key not in memo:
            memo[key] = fn(conn, *args, **kw)
        return memo[key]

    return wrapper  # type: ignore[return-value]
