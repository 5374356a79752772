"""Python's cycle collector runs on the UI thread only, at moments the app chooses.

Left to itself, the collector runs in whichever thread allocates when a threshold is crossed:
a worker thread (an import, an export, a backup) as well as the UI thread. Collecting a cycle
that holds a Qt wrapper destroys its QObject in that thread, and PySide then takes Qt locks
where it must not: the test suite hung once with the collector inside QObject::disconnect and
crashed once in a worker's teardown. Anki turns the automatic collector off for the same
reason and collects on its main thread; so does this app, once it has started (start-up's
objects are frozen out of collections by ``services.progress.loading_for_good``).

Reference counting still frees everything that is not in a cycle at once; the cycles (Qt
wrappers, matplotlib figures) wait for the next collection, at most ``INTERVAL_MS`` away.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 60_000


def collect_on_ui_thread(parent: QObject, interval_ms: int = INTERVAL_MS) -> QTimer:
    """Turn the automatic collector off and collect every ``interval_ms`` on the thread of
    ``parent`` (the application: the UI thread). Returns the timer, owned by ``parent``."""
    gc.disable()
    timer = QTimer(parent)
    timer.setObjectName("cycle-collector")
    timer.setInterval(interval_ms)
    timer.timeout.connect(gc.collect)
    timer.start()
    return timer
