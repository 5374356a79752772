"""The desktop app collects reference cycles on its UI thread only (``ui.collector``)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref

from inventory_app.services.progress import CyclicGcPause
from inventory_app.ui.collector import collect_due, collect_on_ui_thread


class _Node:
    pass


def _cycle() -> weakref.ref:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_cycles_are_collected_on_the_ui_thread_by_the_timer_only(qapp, qtbot):
    collected_in: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    gc.callbacks.append(note)
    timer = collect_on_ui_thread(qapp, interval_ms=50)
    try:
        assert not gc.isenabled()  # no automatic collection, in any thread
        # a worker thread that allocates far past every threshold triggers nothing
        worker = threading.Thread(target=lambda: [_cycle() for _ in range(50_000)], name="w")
        worker.start()
        worker.join()
        assert "w" not in collected_in
        dead = _cycle()
        assert dead() is not None  # only a collection frees a cycle
        qtbot.waitUntil(lambda: dead() is None, timeout=5_000)
        assert collected_in and set(collected_in) == {threading.main_thread().name}
    finally:
        timer.stop()
        timer.deleteLater()
        gc.callbacks.remove(note)
        gc.enable()


def test_the_desktop_app_hands_collection_to_the_ui_thread_after_start_up(tmp_path):
    # the whole app as a process, to its first page: the automatic collector is off then
    script = (
        "import gc, sys; from inventory_app.ui import launch;"
        "rc = launch.run_desktop(sys.argv[1:]);"
        "print('automatic', gc.isenabled(), 'rc', rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, "--db", str(tmp_path / "shop.db"),
         "--screenshot", str(tmp_path / "s.png"), "--page", "dashboard"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert out.stdout.split()[-4:] == ["automatic", "False", "rc", "0"], out.stderr[-2000:]


def test_a_look_collects_the_generations_that_are_due_and_only_those():
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        dead = _cycle()
        assert collect_due() == 0 and dead() is not None  # not due yet: left for later
        keep = [_Node() for _ in range(gc.get_threshold()[0])]  # generation 0 past its mark
        assert collect_due() >= 2 and dead() is None
        assert gc.get_count()[0] == 0 and keep
    finally:
        if was_on:
            gc.enable()


def test_nothing_is_collected_while_bulk_work_has_paused_collection():
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    pause = CyclicGcPause()
    try:
        dead = _cycle()
        keep = [_Node() for _ in range(gc.get_threshold()[0] + 1)]  # generation 0 is due
        pause.pause()  # an import in a worker thread
        assert collect_due() == 0 and dead() is not None and keep
        pause.resume()
        assert collect_due() >= 2 and dead() is None
    finally:
        pause.resume()
        if was_on:
            gc.enable()
