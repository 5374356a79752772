"""The dashboard draws from a real shop, a tile click opens the list behind it, a chart
click opens its rows, charts export, and a posting recomputes it off the UI thread."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from inventory_app.domain.model import Changes
from inventory_app.services import postings as stock
from inventory_app.ui.pages.dashboard.charts import MIN_VISIBLE_PX
from inventory_app.ui.pages.dashboard.page import CHARTS, DashboardPage

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, ctx, posted):
    # M1 keeps 10 days: a batch received 12 days ago has expired
    stock.receive(ctx.db, sku="M1", qty=Decimal(2), unit_cost=Decimal("4.5"),
                  date=TODAY - dt.timedelta(days=12), batch="M-OLD")  # fmt: skip
    p = DashboardPage(ctx)
    qtbot.addWidget(p)
    p.resize(1400, 900)
    p.show()
    qtbot.waitUntil(p.is_loaded, timeout=20000)
    yield p
    qtbot.waitUntil(lambda: p._running is None, timeout=20000)


def test_dashboard_draws_tiles_and_charts(page):
    assert page.tiles["expired"].value.text() == "1"
    assert page.tiles["expiring"].value.text() == "1"  # M-1 expires in 3 days
    # A1: 3 left at 3.00; M1: 12 + 2 at 4.50
    assert page.tiles["stock_value"].value.text() == "¥ 72.00"
    for key in CHARTS:
        box = page.charts[key]
        assert box.figure is not None and box.canvas is not None
        assert box.figure.axes
    assert "computed in" in page.status.text()


def test_a_click_on_an_alert_tile_opens_the_filtered_list(qtbot, page):
    qtbot.mouseClick(page.tiles["expired"], Qt.MouseButton.LeftButton)
    assert page.lists.kind == "expired"
    assert [(r.sku, r.batch) for r in page.lists.current_rows()] == [("M1", "M-OLD")]
    table, model = page.lists.tables["expired"]
    assert page.lists.stack.currentWidget() is table and model.rowCount() == 1
    assert page.lists.tabs.currentIndex() == 0 and page.lists.tabs.tabText(0) == "Expired (1)"
    qtbot.mouseClick(page.tiles["expiring"], Qt.MouseButton.LeftButton)
    assert [r.batch for r in page.lists.current_rows()] == ["M-1"]
    qtbot.mouseClick(page.tiles["loss_rate"], Qt.MouseButton.LeftButton)  # leads nowhere
    assert page.lists.kind == "expiring"


def test_a_click_on_a_chart_bar_opens_its_rows(page):
    from matplotlib.backend_bases import MouseEvent

    box = page.charts["expiry"]
    box.canvas.draw()
    bar = next(p for p in box.figure.axes[0].patches if p.get_gid() == "expired")
    x, y = box.figure.axes[0].transData.transform(
        (bar.get_x() + bar.get_width() / 2, bar.get_height() / 2)
    )
    MouseEvent("button_press_event", box.canvas, x, y, button=1)._process()
    assert page.lists.kind == "expired" and [r.batch for r in page.lists.current_rows()] == [
        "M-OLD"
    ]
    page.open_link("abc:A")
    assert page.lists.kind == "abc" and [r.sku for r in page.lists.current_rows()] == ["A1"]
    assert page.lists.tabs.tabText(page.lists.tabs.currentIndex()).startswith("Class A")


def test_charts_export_to_png_and_svg(page, tmp_path):
    page.export_chart("turnover", str(tmp_path / "t.png"))
    page.export_chart("ageing", str(tmp_path / "a.svg"))
    assert (tmp_path / "t.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "a.svg").read_text(encoding="utf-8")


def test_a_posting_recomputes_off_the_ui_thread(qtbot, page, ctx):
    changes = stock.issue(
        ctx.db, sku="M1", qty=Decimal(2), date=TODAY, override_reason="sold off", batch="M-OLD"
    )
    assert isinstance(changes, Changes)
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        ctx.data_changed.emit(changes, None)
    assert page.tiles["expired"].value.text() == "0"


def test_charts_out_of_view_are_built_once_the_page_has_drawn(qtbot, ctx, posted):
    import gc

    from inventory_app.ui.pages.dashboard import page as dashboard_page

    # UI tests run with the automatic collector off, as the app does once started
    # (ui.collector); where it runs, the page pauses it while it computes and draws. The
    # pause is the module's: an earlier test's refresh may still have a timer to resume it
    qtbot.wait(dashboard_page.IDLE_BUILD_MS + 100)
    dashboard_page._collector.resume()
    gc.enable()
    p = DashboardPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    at_refresh: dict[str, bool] = {}

    def note() -> None:
        for key, box in p.charts.items():
            at_refresh[key] = box._figure is not None
            showing = box.visibleRegion().boundingRect().height()
            at_refresh[key + " in view"] = showing >= MIN_VISIBLE_PX
        at_refresh["collector"] = gc.isenabled()

    p.refreshed.connect(note)
    with qtbot.waitSignal(p.refreshed, timeout=20000):
        p.show()
    # in view: built for the first paint; out of view: not yet, and the collector waits
    assert at_refresh["turnover"] and at_refresh["expiry"]
    assert not at_refresh["slow_movers"] and not at_refresh["slow_movers in view"]
    assert all(at_refresh[k] == at_refresh[k + " in view"] for k in CHARTS)
    assert not at_refresh["collector"]
    qtbot.waitUntil(lambda: all(b._figure is not None for b in p.charts.values()), timeout=5000)
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    assert p.charts["slow_movers"].figure.axes


def test_the_sliver_of_the_next_row_does_not_build_its_charts_before_the_first_paint(
    qtbot, ctx, posted
):
    """A row fits the view, so the next row's frames peek in by the grid's margin: those
    charts are not built on the way to the first paint (that cost ~0.25 s of start-up), only
    once the page is idle."""
    p = DashboardPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    built: dict[str, bool] = {}
    p.refreshed.connect(
        lambda: built.update({k: b._figure is not None for k, b in p.charts.items()})
    )
    with qtbot.waitSignal(p.refreshed, timeout=20000):
        p.show()
    peeking = p.charts["abc"].visibleRegion().boundingRect().height()
    assert 0 < peeking < MIN_VISIBLE_PX  # the sliver this is about
    assert built["turnover"] and built["expiry"]
    assert not built["abc"] and not built["ageing"]
    qtbot.waitUntil(lambda: p.charts["abc"]._figure is not None, timeout=5000)


def test_a_chart_out_of_view_is_built_when_asked_for(qtbot, ctx, posted, tmp_path):
    p = DashboardPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    with qtbot.waitSignal(p.refreshed, timeout=20000):
        p.show()
    box = p.charts["slow_movers"]
    assert box._figure is None
    p.export_chart("slow_movers", str(tmp_path / "s.png"))  # asks for the figure
    assert box._figure is not None and box.canvas is not None
    assert (tmp_path / "s.png").read_bytes()[:4] == b"\x89PNG"


def test_a_refresh_shows_new_figures_in_view_at_once(qtbot, ctx, posted):
    p = DashboardPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    with qtbot.waitSignal(p.refreshed, timeout=20000):
        p.show()
    qtbot.waitUntil(lambda: all(b._figure is not None for b in p.charts.values()), timeout=5000)
    old = {key: box._figure for key, box in p.charts.items()}
    renewed: dict[str, bool] = {}
    p.refreshed.connect(
        lambda: renewed.update({k: b._figure is not old[k] for k, b in p.charts.items()})
    )
    changes = stock.issue(ctx.db, sku="A1", qty=Decimal(1), date=TODAY)
    with qtbot.waitSignal(p.refreshed, timeout=20000):
        ctx.data_changed.emit(changes, None)
    # the charts in view are covered by their old canvases, yet count as in view
    assert renewed["turnover"] and renewed["expiry"] and not renewed["slow_movers"]
    qtbot.waitUntil(lambda: p.charts["slow_movers"]._figure is not old["slow_movers"], timeout=5000)


def test_the_dates_stay_editable_and_editing_one_makes_the_period_custom(qtbot, page):
    page.period.setCurrentIndex(page.period.findData("this_month"))
    assert page.date_from.isEnabled() and page.date_to.isEnabled()
    assert page.period_dates() == (TODAY.replace(day=1), TODAY)
    qtbot.waitUntil(lambda: page._running is None, timeout=20000)
    page.set_period(TODAY.replace(day=1) - dt.timedelta(days=31), TODAY)  # a drill-down
    assert page.period.currentData() == "custom" and page.date_from.isEnabled()
    qtbot.waitUntil(lambda: page._running is None, timeout=20000)
    page.period.setCurrentIndex(page.period.findData("this_month"))
    page.date_from.setDate(page.date_from.date().addDays(-3))  # typed by the owner
    assert page.period.currentData() == "custom"


def test_a_page_deleted_while_it_computes_is_not_called_back(qtbot, ctx, posted):
    from PySide6.QtCore import QCoreApplication, QEvent

    p = DashboardPage(ctx)
    p.resize(1200, 700)
    p.show()
    job = p._running
    assert job is not None and not job.finished.is_set()
    p.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(job.finished.is_set, timeout=20000)
    # its result arrives queued: dropped, not shown on widgets that are gone (that raised
    # in whichever test ran the event loop next)
    qtbot.wait(100)
    assert job.error is None and job.result is not None
