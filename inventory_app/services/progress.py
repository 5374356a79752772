"""Helpers for the bulk paths (journal imports, the demo, the dashboard): work on a million
rows at once."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Hashable, Iterator
from typing import Any

Progress = Callable[[int, int], None]  # progress(done, total), called now and then
Cancel = Callable[[], bool]  # True: stop, raising Cancelled; nothing is kept


class MadeOnce(dict):
    """key -> ``make(key)``, made at its first lookup and looked up after: a million rows
    repeat a few thousand quantities, amounts and codes, and making each (a Decimal, the
    text or XML of a cell) costs more than a dict lookup."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Hashable) -> Any:
        value = self[key] = self._make(key)
        return value


class CyclicGcPause:
    """One pause of Python's cycle collector, which may end later than the call that began it
    (the dashboard pauses it when it starts computing and resumes it once the page has drawn).

    The collector is process-wide: ``pause`` stops it only if it runs, and ``resume`` restarts
    it only if this pause is what stopped it, so overlapping pauses (bulk work in worker
    threads, a dashboard refresh) never turn it back on under one another's feet for good.
    """

    def __init__(self) -> None:
        self.paused = False

    def pause(self) -> None:
        if not self.paused and gc.isenabled():
            gc.disable()
            self.paused = True

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            gc.enable()


@contextlib.contextmanager
def loading_for_good() -> Iterator[None]:
    """No cyclic collection while a process loads what it keeps to its end (modules, classes,
    the desktop app's window and Qt wrappers: 100k-300k objects, which the collector would
    walk again and again as they come); then they are frozen out of every later collection
    (gc.freeze) and the collector runs again. The CLI and the desktop app start this way."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a bulk posting or import (a context manager, or a
    decorator).

    A million lines allocate millions of short-lived tuples, and every full collection walks
    the whole heap, which grows with the batches and rows held in memory: measured on the
    1M-line demo, 38.7 s -> 33.3 s. These paths make no reference cycles to leak; reference
    counting still frees everything as it goes. (Reading a million rows of a file: a third of
    the reading time went to collections.) The collector is process-wide, so the UI thread
    pauses with it while an import runs; it is restored even when the work fails, and only
    by whoever paused it, so overlapping bulk work in worker threads is safe.
    """
    pause = CyclicGcPause()
    pause.pause()
    try:
        yield
    finally:
        pause.resume()
