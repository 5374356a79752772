"""The chart builders' words (titles, axes, legends, notes), marked for ``pyside6-lupdate``.

``charts/`` stays free of Qt: its builders take a ``tr`` callable and call it with English
text. The dashboard passes :func:`chart_tr`, which looks the text up in the "charts"
context; this list only tells lupdate which texts those are (a test checks that every
``tr("…")`` in ``charts/`` is listed here).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CHART_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("charts", "(no category)"),
    QT_TRANSLATE_NOOP("charts", "ABC analysis (Pareto)"),
    QT_TRANSLATE_NOOP("charts", "avg. value"),
    QT_TRANSLATE_NOOP("charts", "by consumption value"),
    QT_TRANSLATE_NOOP("charts", "cumulative share of value"),
    QT_TRANSLATE_NOOP("charts", "expired"),
    QT_TRANSLATE_NOOP("charts", "healthy {low}–{high}"),
    QT_TRANSLATE_NOOP("charts", "next {n} weeks from {day}"),
    QT_TRANSLATE_NOOP("charts", "no sales"),
    QT_TRANSLATE_NOOP("charts", "no sales in the demand window"),
    QT_TRANSLATE_NOOP("charts", "No slow movers"),
    QT_TRANSLATE_NOOP("charts", "No stock movements in this period"),
    QT_TRANSLATE_NOOP("charts", "No stock on hand"),
    QT_TRANSLATE_NOOP("charts", "No stock in this period"),
    QT_TRANSLATE_NOOP("charts", "Nothing expires in the next {n} weeks"),
    QT_TRANSLATE_NOOP("charts", "Nothing was sold in this period"),
    QT_TRANSLATE_NOOP("charts", "Other"),
    QT_TRANSLATE_NOOP("charts", "sells, but slowly"),
    QT_TRANSLATE_NOOP("charts", "share of items, best sellers first"),
    QT_TRANSLATE_NOOP("charts", "Stock ageing by category"),
    QT_TRANSLATE_NOOP("charts", "stock value"),
    QT_TRANSLATE_NOOP("charts", "Stock value expiring per week"),
    QT_TRANSLATE_NOOP("charts", "stock value · days of cover"),
    QT_TRANSLATE_NOOP("charts", "times a year, annualized"),
    QT_TRANSLATE_NOOP("charts", "Top slow movers"),
    QT_TRANSLATE_NOOP("charts", "turnover"),
    QT_TRANSLATE_NOOP("charts", "Turnover and inventory value by month"),
    QT_TRANSLATE_NOOP("charts", "value"),
    QT_TRANSLATE_NOOP("charts", "value by days since receipt"),
    QT_TRANSLATE_NOOP("charts", "week starting"),
    QT_TRANSLATE_NOOP("charts", "{bucket} days"),
    QT_TRANSLATE_NOOP("charts", "{days} d"),
    QT_TRANSLATE_NOOP("charts", "{items} items\n{share:.0f}% of value"),
    # demand (#16)
    QT_TRANSLATE_NOOP("charts", "Weekly demand and forecast ({unit})"),
    QT_TRANSLATE_NOOP("charts", "No sales yet: nothing to forecast"),
    QT_TRANSLATE_NOOP("charts", "sold per week"),
    QT_TRANSLATE_NOOP("charts", "95% interval"),
    QT_TRANSLATE_NOOP("charts", "forecast"),
    QT_TRANSLATE_NOOP("charts", "out of stock"),
    QT_TRANSLATE_NOOP("charts", "Monthly demand and forecast ({unit})"),
    QT_TRANSLATE_NOOP("charts", "sold per month"),
    QT_TRANSLATE_NOOP("charts", "days out of stock"),
)


def chart_tr(text: str) -> str:
    """``text`` (one of :data:`CHART_LABELS`) in the interface language."""
    return QCoreApplication.translate("charts", text)
