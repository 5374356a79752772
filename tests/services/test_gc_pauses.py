"""Pauses of Python's cycle collector (services.progress): overlapping ones are counted, and
the collector runs again when the last ends, as it ran when the first began."""

from __future__ import annotations

import gc

import pytest

from inventory_app.services import progress
from inventory_app.services.progress import CyclicGcPause


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_overlapping_pauses_end_with_the_last():
    bulk, dashboard = CyclicGcPause(), CyclicGcPause()
    bulk.pause()
    dashboard.pause()
    assert not gc.isenabled() and progress.collection_paused()
    bulk.resume()  # the dashboard still computes: it was turned back on here before
    assert not gc.isenabled() and progress.collection_paused()
    bulk.resume()  # twice: nothing
    dashboard.resume()
    assert gc.isenabled() and not progress.collection_paused()


def test_a_pause_leaves_an_off_collector_off():
    gc.disable()
    pause = CyclicGcPause()
    pause.pause()
    assert progress.collection_paused()
    pause.resume()
    assert not gc.isenabled() and not progress.collection_paused()


def test_automatic_collection_turned_off_during_a_pause_stays_off():
    pause = CyclicGcPause()
    pause.pause()
    progress.automatic_collection_off()  # the desktop app, started meanwhile
    pause.resume()
    assert not gc.isenabled()


def test_loading_ends_with_the_collector_on_unless_paused_meanwhile():
    with progress.loading_for_good():
        assert not gc.isenabled()
    assert gc.isenabled()
    pause = CyclicGcPause()
    with progress.loading_for_good():
        pause.pause()  # the first page's refresh, begun while the window is made
    assert not gc.isenabled()  # it still computes
    pause.resume()
    assert gc.isenabled()
