"""UI fixtures: a private QSettings location per test, an AppContext over a real shop file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from inventory_app.services import postings as stock
from inventory_app.ui.app_context import AppContext

from .helpers import stop_waiting

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path):
    """Recent files, geometry and column widths go to tmp_path, never the user's settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    QCoreApplication.setOrganizationName("inventory_app-tests")
    QCoreApplication.setApplicationName("inventory_app-tests")
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def no_dialog_handler_outlives_its_test():
    """A ``when_modal`` whose dialog never came would otherwise answer the next test's
    dialog (that made test_welcome_screen_creates_a_shop fail now and then)."""
    yield
    stop_waiting()


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test():
    """A refresh still computing on a worker when its test ends would read a shop file the
    next fixture is closing (on a loaded machine the dashboard's sometimes did)."""
    yield
    from PySide6.QtCore import QThreadPool

    from inventory_app.ui import workers

    for pool in (workers.background_pool(), QThreadPool.globalInstance()):
        assert pool.waitForDone(30_000), "a worker was still running 30 s after its test"


@pytest.fixture(autouse=True)
def collect_at_a_safe_point():
    """No automatic cycle collection during a UI test; its widgets that sit in reference
    cycles are collected here, between tests, on the main thread: as the app does
    (``ui.collector``: off after start-up, collected on the UI thread).

    Left to the automatic collector, they were freed whenever some allocation triggered it:
    once inside PySide's QObject::disconnect, which holds a Qt lock that the dying QObject's
    destructor then waited for (the whole suite hung in test_main_window on a loaded
    machine; py-spy: gc_collect_main under QObject::disconnect, ~QObject in lockInternal),
    and once in a worker's run_task while a close-time backup ran (a crash).
    """
    import gc

    from inventory_app.ui.pages.dashboard import page as dashboard_page

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # a dashboard refresh cut short by the test's end leaves its collection pause to a
        # timer (up to a minute, LONGEST_GC_PAUSE_MS): it ends with the test instead
        dashboard_page._collector.resume()
        gc.disable()
        gc.collect()
        if was_on:
            gc.enable()


@pytest.fixture
def ctx(qapp, stocked):
    """The ``stocked`` shop (A1 FIFO hammer, M1 FEFO milk) behind an AppContext."""
    context = AppContext(stocked)
    yield context
    context.db = None  # the db fixture closes the file


@pytest.fixture
def posted(stocked):
    """Two receipts of A1 and one issue across them; M1 received with an expiry."""
    stock.receive(
        stocked,
        sku="A1",
        qty=Decimal(5),
        unit_cost=Decimal("2.00"),
        date=TODAY - dt.timedelta(days=10),
        batch="A-OLD",
    )
    stock.receive(
        stocked,
        sku="A1",
        qty=Decimal(5),
        unit_cost=Decimal("3.00"),
        date=TODAY - dt.timedelta(days=5),
        batch="A-NEW",
    )
    stock.issue(stocked, sku="A1", qty=Decimal(7), date=TODAY - dt.timedelta(days=1))
    stock.receive(
        stocked,
        sku="M1",
        qty=Decimal(12),
        unit_cost=Decimal("4.5"),
        date=TODAY - dt.timedelta(days=2),
        batch="M-1",
        expiry=TODAY + dt.timedelta(days=3),
    )
    return stocked
