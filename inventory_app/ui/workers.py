"""Long work off the UI thread, with a progress dialog (after ~0.5 s) and Cancel.

``run_task(parent, title, fn)`` calls ``fn(progress, cancel)`` in a ``QThreadPool`` worker
and waits (the UI keeps painting) until it ends; it returns ``fn``'s result or raises its
exception in the caller. ``progress(done, total)`` may be called from the worker; ``cancel()``
is true once the user pressed Cancel, and ``fn`` should then raise ``Cancelled``
(a result returned anyway is kept: the work was done). The worker
must use its own db connection (open one inside ``fn``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QRunnable, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

SHOW_AFTER_MS = 500
POLL_MS = 15


class _Worker(QRunnable):
    """Runs ``fn`` on a pool thread. It reports through plain attributes that the UI thread
    polls: emitting Qt signals from a pool thread thousands of times crashed PySide6 6.12
    (a refcount error on the bool ``emit`` returns)."""

    def __init__(self, fn: Callable[[Progress, Cancel], object], cancelled: threading.Event):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.cancelled = cancelled
        self.finished = threading.Event()
        self.progress: tuple[int, int] = (0, 0)
        self.result: object = None
        self.error: BaseException | None = None

    def _progress(self, done: int, total: int) -> None:
        self.progress = (int(done), int(total))  # one tuple: read whole by the UI thread

    def _cancel(self) -> bool:
        return self.cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.fn(self._progress, self._cancel)
        except BaseException as exc:  # handed to the UI thread, raised there
            self.error = exc
        finally:
            self.finished.set()


def run_task(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress, Cancel], T],
    *,
    show_after_ms: int = SHOW_AFTER_MS,
) -> T:
    """Run ``fn(progress, cancel)`` in a worker thread; return its result or raise."""
    cancelled = threading.Event()
    worker = _Worker(fn, cancelled)
    loop = QEventLoop()
    dialog = QProgressDialog(title, parent.tr("Cancel") if parent else "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(
        Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal
    )
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setMinimumDuration(show_after_ms)
    dialog.canceled.connect(cancelled.set)

    def on_progress(done: int, total: int) -> None:
        if total > 0 and (total, min(done, total)) != (dialog.maximum(), dialog.value()):
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    polling = [False]

    def poll() -> None:
        # QProgressDialog.setValue processes events while modal: no nested polls.
        if polling[0]:
            return
        polling[0] = True
        try:
            if dialog.wasCanceled():  # belt and braces: the signal normally tells us
                cancelled.set()
            on_progress(*worker.progress)
        finally:
            polling[0] = False
        if worker.finished.is_set():
            loop.quit()

    poller = QTimer(interval=POLL_MS)
    poller.timeout.connect(poll)
    # A busy indicator appears after show_after_ms even when fn never reports progress.
    timer = QTimer(singleShot=True, interval=show_after_ms)
    timer.timeout.connect(lambda: None if cancelled.is_set() else dialog.show())
    timer.start()
    QThreadPool.globalInstance().start(worker)
    poller.start()
    while not worker.finished.is_set():
        loop.exec()
        if not worker.finished.is_set():
            # The loop was told to exit from outside (the application quitting when its last
            # window closed): the worker still runs on this thread's data, so wait for it.
            worker.finished.wait(POLL_MS / 1000)
    poller.stop()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[return-value]
