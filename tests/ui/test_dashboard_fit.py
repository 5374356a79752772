"""The dashboard fits the common laptop screens: the first row of charts shows whole, with
every axis label inside its chart (at 1280×800 the turnover chart's lower label was cut)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from inventory_app.ui.pages.dashboard.fit import MIN_CHART_HEIGHT
from inventory_app.ui.window.main_window import MainWindow


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_first_row_of_charts_shows_whole_with_its_labels(qtbot, ctx, posted, size):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.adopt_database(ctx.db)
    window.resize(*size)
    page = window.show_page("dashboard")
    window.show()
    qtbot.waitUntil(page.is_loaded, timeout=20000)
    qtbot.waitUntil(lambda: page._running is None, timeout=20000)
    for key in ("turnover", "expiry"):  # the first row
        box = page.charts[key]
        qtbot.waitUntil(lambda b=box: b._canvas is not None and b._canvas.isVisible())
        assert box.height() >= MIN_CHART_HEIGHT, key
        viewport = page.chart_scroll.viewport()
        top_left = box.mapTo(viewport, QPoint(0, 0))
        in_view = QRect(top_left, box.size())
        assert viewport.rect().contains(in_view), (key, in_view, viewport.rect())
        figure = box.figure
        figure.canvas.draw()
        whole = figure.bbox
        for axes in figure.axes:
            for label in (axes.yaxis.label, axes.xaxis.label, axes.title):
                if not label.get_text():
                    continue
                extent = label.get_window_extent()
                assert whole.x0 - 1 <= extent.x0 and extent.x1 <= whole.x1 + 1, label
                assert whole.y0 - 1 <= extent.y0 and extent.y1 <= whole.y1 + 1, label
    assert not page.lists.visibleRegion().isEmpty()  # the lists below still show
    window.adopt_database(None)
