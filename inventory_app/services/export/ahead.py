"""A long query of the pack run on a second thread while this one writes a sheet.

SQLite lets go of the GIL while it steps a statement. The Closing stock query computes and
sorts all its rows in its first step (~0.4 s on a 1M-movement shop), so that step runs on a
thread while the Summary is written (pure Python, ~0.4 s); its rows are then fetched where
they are written. Only the step goes to the thread: a thread fetching rows needs the GIL for
every row and waits up to the interpreter's switch interval (5 ms) for each while the other
thread writes XML, which made a reader thread that streamed rows slower than none.

The query uses the export's connection inside its read transaction (one snapshot). Until
``result`` (or ``close``) returns, the writing thread leaves the connection alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Ahead(Generic[T]):
    """``work()`` run on a thread from ``start``; ``result()`` waits for it and returns
    what it returned (or raises what it raised). ``close`` only waits."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-query", daemon=True)

    def _run(self) -> None:
        try:
            self._value = self._work()
        except BaseException as exc:  # raised on the writing thread, in ``result``
            self._error = exc

    def start(self) -> Ahead[T]:
        self._thread.start()
        return self

    def result(self) -> T:
        self.close()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]

    def close(self) -> None:
        if self._thread.is_alive():
            self._thread.join()

    def __enter__(self) -> Ahead[T]:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
