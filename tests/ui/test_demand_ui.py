"""The demand page (chart + plain words) and the dashboard's ABC–XYZ matrix, on real
widgets over a real shop."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from inventory_app.services import demand
from inventory_app.services import postings as stock
from inventory_app.ui.pages.dashboard.abc_xyz import AbcXyzMatrix
from inventory_app.ui.pages.demand import DemandPage

TODAY = dt.date.today()


def _sales(db) -> None:
    stock.receive(db, sku="A1", qty="500", unit_cost="2", date=TODAY - dt.timedelta(days=200))
    for d in range(196, -1, -3):
        stock.issue(db, sku="A1", qty="2", date=TODAY - dt.timedelta(days=d))


def test_demand_page_shows_chart_and_words(qtbot, ctx):
    _sales(ctx.db)
    page = DemandPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.forecast is not None and page.is_loaded(), timeout=20000)
    assert page.forecast.sku == "A1"
    assert page._canvas is not None and page._canvas.figure.axes
    text = page.explain.text()
    assert "Method:" in text and "MASE" in text
    assert "needs two years of history" in text


def test_demand_page_monthly_view(qtbot, ctx):
    """The Weekly/Monthly toggle redraws the same forecast by calendar month, over at least
    half a year, and says how the monthly interval is aggregated."""
    import matplotlib.dates as mdates

    _sales(ctx.db)
    page = DemandPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.forecast is not None and page.is_loaded(), timeout=20000)
    weekly_canvas = page._canvas
    page.view.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page._canvas is not weekly_canvas and page.is_loaded(), timeout=20000)
    f = page.forecast
    assert page.monthly() and len(f.months_forecast) >= 5 and f.months_sold
    ax = page._canvas.figure.axes[0]
    assert "sold per month" in [t.get_text() for t in ax.get_legend().get_texts()]
    forecast_line = next(line for line in ax.get_lines() if line.get_label() == "forecast")
    xs = [mdates.num2date(x).date() for x in forecast_line.get_xdata(orig=False)]
    assert all(x.day == 15 for x in xs)  # one point a month
    assert "summed over the month's weeks" in page.explain.text()


def test_demand_page_forecasts_every_item(qtbot, ctx):
    _sales(ctx.db)
    page = DemandPage(ctx)
    qtbot.addWidget(page)
    page.forecast_all()
    assert page.summary.text().startswith("2 items forecast in")
    assert "never sold 1" in page.summary.text()


def test_abc_xyz_matrix(qtbot, ctx):
    _sales(ctx.db)
    demand.set_price(ctx.db, "A1", "3")
    matrix = AbcXyzMatrix()
    qtbot.addWidget(matrix)
    matrix.refresh(ctx.db.path, TODAY - dt.timedelta(days=365), TODAY)
    qtbot.waitUntil(matrix.is_loaded, timeout=20000)
    assert matrix.data is not None
    (cell,) = [k for k, (n, _v) in matrix.data.cells.items() if n]
    assert cell[0] == "A" and matrix.cells[cell].text().startswith("1 item\n")
    assert "GMROI" in matrix.margin.text() and "100%" in matrix.margin.text()
    assert matrix.data.margin.priced_share == Decimal(1)


def test_abc_xyz_margin_line_in_the_shops_money(qtbot, ctx):
    """The margin line writes money as the rest of the app does: the shop's currency sign and
    two decimals with the locale's separators, no hard-coded ¥."""
    from inventory_app.services import settings

    _sales(ctx.db)
    demand.set_price(ctx.db, "A1", "3")
    settings.set_value(ctx.db, "currency", "HK$")
    matrix = AbcXyzMatrix()
    qtbot.addWidget(matrix)
    matrix.refresh(ctx.db.path, TODAY - dt.timedelta(days=365), TODAY)
    qtbot.waitUntil(matrix.is_loaded, timeout=20000)
    m = matrix.data.margin
    text = matrix.margin.text()
    assert f"HK$ {m.revenue:,.2f}" in text and f"HK$ {m.gross_margin:,.2f}" in text
    assert "¥" not in text


def test_item_dialog_saves_selling_price_and_reorder_flag(qtbot, ctx):
    from PySide6.QtWidgets import QDialogButtonBox

    from inventory_app.ui.dialogs.item_dialog import ItemDialog

    dialog = ItemDialog(ctx, sku="A1")
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.edits["selling_price"].setText("-2")
    save.click()
    assert "not below 0" in dialog.errors["selling_price"].text()
    assert demand.item_terms(ctx.db, "A1") == (None, False)
    dialog.edits["selling_price"].setText("12.50")
    dialog.no_reorder.setChecked(True)
    with qtbot.waitSignal(ctx.data_changed):
        save.click()
    assert demand.item_terms(ctx.db, "A1") == (Decimal("12.5"), True)
    again = ItemDialog(ctx, sku="A1")
    qtbot.addWidget(again)
    assert again.edits["selling_price"].text() == "12.5" and again.no_reorder.isChecked()


def test_chart_shades_stockout_weeks_without_stretching_the_axis(qapp):
    from inventory_app.charts.demand import demand_forecast

    weeks = [TODAY - dt.timedelta(days=7 * k) for k in range(20, 0, -1)]
    f = demand.ItemForecast(
        sku="A1", name="Hammer", unit="pcs", at=TODAY, method="ses", mase=0.8,
        benchmark_mase=1.0, seasonal=False, season_months=[], season_amplitude=0.0,
        history=[(w, None if 5 <= k < 8 else 4.0) for k, w in enumerate(weeks)],
        forecast=[(TODAY + dt.timedelta(days=1 + 7 * h), 4.0, 2.0, 6.0) for h in range(4)],
        stockout_weeks=3,
    )  # fmt: skip
    fig = demand_forecast(f)
    ax = fig.axes[0]
    import matplotlib.dates as mdates

    low, high = (mdates.num2date(x).date() for x in ax.get_xlim())
    assert low > TODAY - dt.timedelta(days=200) and high < TODAY + dt.timedelta(days=60)
    assert [t.get_text() for t in ax.get_legend().get_texts()][-1] == "out of stock"
