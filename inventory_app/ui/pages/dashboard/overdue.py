"""The dashboard's list of overdue purchase orders (sent, goods not all in by the expected
date): its columns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inventory_app.ui.models.paged import Column
from inventory_app.ui.widgets.format import date_text


def overdue_columns() -> list[Column]:
    return [
        Column(
            "id",
            QCoreApplication.translate("DashboardLists", "Order No."),
            lambda r: str(r.id),
            numeric=True,
            width=80,
        ),
        Column(
            "supplier",
            QCoreApplication.translate("DashboardLists", "Supplier"),
            lambda r: f"{r.supplier} {r.name}",
            width=220,
        ),
        Column(
            "expected",
            QCoreApplication.translate("DashboardLists", "Expected delivery"),
            lambda r: date_text(r.expected),
            width=95,
        ),
        Column(
            "late",
            QCoreApplication.translate("DashboardLists", "Days late"),
            lambda r: str(r.days_late),
            numeric=True,
            width=80,
        ),
    ]
