"""Work off the UI thread — one mechanism for the whole app.

A ``Job`` runs ``fn(progress, cancel)`` on a ``QThreadPool`` thread and keeps what it reports
in plain attributes (progress, result, error) that the UI thread reads: emitting Qt signals
from a pool thread thousands of times crashed PySide6 6.12 (a refcount error on the bool
``emit`` returns), and a Python object sent through a queued signal is where PySide's
refcounts slip. Two ways to run one:

- ``run_task(parent, title, fn)`` waits for it (the UI keeps painting), with a progress
  dialog after ~0.5 s and Cancel; it returns ``fn``'s result or raises its exception.
- ``start_job(owner, fn, done)`` returns at once; ``done(job)`` is called on the UI thread
  once the job has ended, unless ``owner`` has been deleted meanwhile (a page closed while
  it computed): nothing is ever called on a widget that is gone.

``progress(done, total)`` may be called from the worker; ``cancel()`` is true once the user
pressed Cancel, and ``fn`` should then raise ``Cancelled`` (a result returned anyway is kept:
the work was done). Work that reads or writes the shop uses a connection of its own, opened
on the worker: ``on_shop(path, fn)``.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from inventory_app.services import shop
from inventory_app.services.progress import Cancel, Progress
from inventory_app.services.shop import Database

T = TypeVar("T")

SHOW_AFTER_MS = 500
POLL_MS = 15


class Job:
    """``fn(progress, cancel)`` and what it reports, written by the worker and read by the UI
    thread (each attribute is replaced whole, never changed in place)."""

    def __init__(self, fn: Callable[[Progress, Cancel], object]) -> None:
        self.fn = fn
        self.cancelled = threading.Event()
        self.finished = threading.Event()
        self.progress: tuple[int, int] = (0, 0)
        self.result: object = None
        self.error: BaseException | None = None
        self.on_end: Callable[[], None] | None = None  # called on the worker, last

    def report(self, done: int, total: int) -> None:
        self.progress = (int(done), int(total))

    def cancel_requested(self) -> bool:
        return self.cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.fn(self.report, self.cancel_requested)
        except BaseException as exc:  # handed to the UI thread
            self.error = exc
        finally:
            self.finished.set()
            if self.on_end is not None:
                self.on_end()

    def start(self, pool: QThreadPool | None = None) -> None:
        # The pool wraps ``run`` in a QRunnable of its own and deletes it when done: the Job,
        # a plain object, is never freed under a thread that still runs it.
        (pool or QThreadPool.globalInstance()).start(self.run)


def on_shop(
    path: Path, fn: Callable[[Database, Progress, Cancel], T], *, write: bool = False
) -> Callable[[Progress, Cancel], T]:
    """``fn(db, progress, cancel)`` as a job on a connection of its own to the shop at
    ``path``, opened and closed on the worker: read-only unless ``write`` (the writer lock is
    this process's already, so a worker may write beside the UI's connection)."""

    def job(progress: Progress, cancel: Cancel) -> T:
        with shop.open_shop(path, write=write, check=False) as db:
            return fn(db, progress, cancel)

    return job


# -- waiting for a job ----------------------------------------------------------------------


def _progress_dialog(parent: QWidget | None, title: str, show_after_ms: int) -> QProgressDialog:
    cancel_text = QCoreApplication.translate("workers", "Cancel")
    dialog = QProgressDialog(title, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(
        Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal
    )
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setMinimumDuration(show_after_ms)
    return dialog


class _Watch:
    """The UI thread's side of ``run_task``: polls the job, moves the progress bar, passes on
    Cancel, and ends the wait once the job has finished."""

    def __init__(self, job: Job, dialog: QProgressDialog, loop: QEventLoop) -> None:
        self.job, self.dialog, self.loop = job, dialog, loop
        self.polling = False

    def poll(self) -> None:
        # QProgressDialog.setValue processes events while modal: no nested polls.
        if self.polling:
            return
        self.polling = True
        try:
            if self.dialog.wasCanceled():  # belt and braces: the signal normally tells us
                self.job.cancelled.set()
            done, total = self.job.progress
            dialog = self.dialog
            if total > 0 and (total, min(done, total)) != (dialog.maximum(), dialog.value()):
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
        finally:
            self.polling = False
        if self.job.finished.is_set():
            self.loop.quit()


def run_task(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress, Cancel], T],
    *,
    show_after_ms: int = SHOW_AFTER_MS,
) -> T:
    """Run ``fn(progress, cancel)`` in a worker thread; return its result or raise."""
    job = Job(fn)
    loop = QEventLoop()
    dialog = _progress_dialog(parent, title, show_after_ms)
    dialog.canceled.connect(job.cancelled.set)
    watch = _Watch(job, dialog, loop)
    poller = QTimer(interval=POLL_MS)
    poller.timeout.connect(watch.poll)
    # A busy indicator appears after show_after_ms even when fn never reports progress.
    timer = QTimer(singleShot=True, interval=show_after_ms)
    timer.timeout.connect(lambda: None if job.cancelled.is_set() else dialog.show())
    timer.start()
    job.start()
    poller.start()
    while not job.finished.is_set():
        loop.exec()
        if not job.finished.is_set():
            # The loop was told to exit from outside (the application quitting when its last
            # window closed): the worker still runs on this thread's data, so wait for it.
            job.finished.wait(POLL_MS / 1000)
    poller.stop()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result  # type: ignore[return-value]


# -- jobs that report back later ------------------------------------------------------------


class _Relay(QObject):
    """Lives on the UI thread for the whole run. A job's end reaches it as a queued signal
    carrying only the job's number; the job itself stays here until delivered."""

    ended = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, tuple[Job, QObject, Callable[[Job], None]]] = {}
        self.numbers = itertools.count(1)
        self.ended.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, number: int) -> None:
        job, owner, done = self.waiting.pop(number)
        if shiboken6.isValid(owner):  # not deleted while the job ran
            done(job)


_relay: _Relay | None = None
_background: QThreadPool | None = None


def background_pool() -> QThreadPool:
    """One thread for the reads that refresh what is shown (the dashboard, the status bar's
    alert counts): they never hold up the global pool that ``run_task`` waits on (opening a
    file, a posting's import), and never run two at a time."""
    global _background
    if _background is None:
        _background = QThreadPool()
        _background.setMaxThreadCount(1)
    return _background


def start_job(
    owner: QObject,
    fn: Callable[[Progress, Cancel], object],
    done: Callable[[Job], None],
    *,
    pool: QThreadPool | None = None,
) -> Job:
    """Start ``fn`` on ``pool`` (the global one by default) and return at once; ``done(job)``
    runs on the UI thread once it has ended (``job.result`` or ``job.error``), if ``owner``
    still exists then. Call from the UI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    relay = _relay
    job = Job(fn)
    number = next(relay.numbers)
    relay.waiting[number] = (job, owner, done)

    def ended() -> None:
        with contextlib.suppress(RuntimeError):  # the application is gone
            relay.ended.emit(number)

    job.on_end = ended
    job.start(pool)
    return job
