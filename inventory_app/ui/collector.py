"""Python's cycle collector runs on the UI thread only, at moments the app chooses.

Left to itself, the collector runs in whichever thread allocates when a threshold is crossed:
a worker thread (an import, an export, a backup) as well as the UI thread. Collecting a cycle
that holds a Qt wrapper destroys its QObject in that thread, and PySide then takes Qt locks
where it must not: the test suite hung once with the collector inside QObject::disconnect and
crashed once in a worker's teardown. Anki turns the automatic collector off for the same
reason and collects on its main thread (as do GitFourchette and OpenCue's GUI); so does this
app, once it has started (start-up's objects are frozen out of collections by
``services.progress.loading_for_good``).

Reference counting still frees everything that is not in a cycle at once. The cycles (Qt
wrappers, matplotlib figures) wait for the next look, at most ``INTERVAL_MS`` away, which
collects the generations the automatic collector would have by then (the same thresholds):
usually the young ones, a pause of a few milliseconds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from inventory_app.services.progress import automatic_collection_off, collection_paused

INTERVAL_MS = 2_000


def collect_due() -> int:
    """Collect the oldest generation whose count has passed its threshold, as the automatic
    collector would (it also collects every younger one); returns the objects found
    unreachable. Nothing while bulk work or a dashboard refresh has paused collection
    (``services.progress.CyclicGcPause``): it would walk their young objects for nothing."""
    if collection_paused():
        return 0
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = -1
    for generation in range(3):
        if counts[generation] <= thresholds[generation]:
            break
        due = generation
    return gc.collect(due) if due >= 0 else 0


def collect_on_ui_thread(parent: QObject, interval_ms: int = INTERVAL_MS) -> QTimer:
    """Turn the automatic collector off and collect what is due every ``interval_ms`` on the
    thread of ``parent`` (the application: the UI thread). Returns the timer, owned by
    ``parent``."""
    automatic_collection_off()
    timer = QTimer(parent)
    timer.setObjectName("cycle-collector")
    timer.setInterval(interval_ms)
    timer.timeout.connect(collect_due)
    timer.start()
    return timer
