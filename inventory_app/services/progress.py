"""Helpers for the bulk paths (journal imports, the demo, the dashboard): work on a million
rows at once."""

from __future__ import annotations

import contextlib
import gc
import threading
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


# The pauses of the cycle collector now running, in any thread, and whether the collector ran
# (automatically) when the first of them began: it runs again when the last one ends.
_pauses_lock = threading.Lock()
_pauses = 0
_restore = False


class CyclicGcPause:
    """One pause of Python's cycle collector, which may end later than the call that began it
    (the dashboard pauses it when it starts computing and resumes it once the page has drawn).

    The collector is process-wide and pauses overlap (bulk work in worker threads, a dashboard
    refresh): they are counted, and the collector runs again when the last one ends, if it
    ran when the first began. The desktop app, whose automatic collector is off, collects
    on its UI thread only while nothing is paused (``collection_paused``).
    """

    def __init__(self) -> None:
        self.paused = False

    def pause(self) -> None:
        global _pauses, _restore
        with _pauses_lock:
            if self.paused:
                return
            self.paused = True
            if _pauses == 0:
                _restore = gc.isenabled()
                gc.disable()
            _pauses += 1

    def resume(self) -> None:
        global _pauses, _restore
        with _pauses_lock:
            if not self.paused:
                return
            self.paused = False
            _pauses -= 1
            if _pauses == 0 and _restore:
                _restore = False
                gc.enable()


def collection_paused() -> bool:
    """Whether some bulk work or a dashboard refresh has paused cyclic collection now."""
    return _pauses > 0


def automatic_collection_off() -> None:
    """Turn Python's automatic cycle collector off for good (the desktop app collects on its
    UI thread): a pause ending later does not turn it back on."""
    global _restore
    with _pauses_lock:
        gc.disable()
        _restore = False


@contextlib.contextmanager
def loading_for_good() -> Iterator[None]:
    """No cyclic collection while a process loads what it keeps to its end (modules, classes,
    the desktop app's window and Qt wrappers: 100k-300k objects, which the collector would
    walk again and again as they come); then they are frozen out of every later collection
    (gc.freeze) and the collector runs again (when the pauses begun meanwhile end, if any).
    The CLI and the desktop app start this way."""
    global _restore
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        with _pauses_lock:
            if _pauses:
                _restore = True
            else:
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
