"""The main window's pages, in sidebar order.

Another page is one line: ``PAGES.append(PageSpec("reports", lambda:
QCoreApplication.translate("pages", "Reports"), ReportsPage, SP.SP_FileDialogDetailedView))``
— or add it to the list below. A page is a ``pages.base.Page`` built as
``factory(ctx, parent)``; ``name`` is what ``--page`` takes in screenshot mode.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from inventory_app.ui.app_context import AppContext
from inventory_app.ui.pages.audit import AuditPage
from inventory_app.ui.pages.base import Page
from inventory_app.ui.pages.dashboard.page import DashboardPage
from inventory_app.ui.pages.demand import DemandPage
from inventory_app.ui.pages.items import ItemsPage
from inventory_app.ui.pages.movements import MovementsPage
from inventory_app.ui.pages.orders import OrdersPage
from inventory_app.ui.pages.reports import ReportsPage
from inventory_app.ui.pages.stock import StockPage
from inventory_app.ui.pages.stocktakes import StocktakesPage
from inventory_app.ui.pages.suppliers import SuppliersPage

SP = QStyle.StandardPixmap


@dataclass(frozen=True, slots=True)
class PageSpec:
    name: str
    title_fn: Callable[[], str]
    factory: Callable[[AppContext, QWidget | None], Page]
    icon: QStyle.StandardPixmap = SP.SP_FileIcon


PAGES: list[PageSpec] = [
    PageSpec(
        "dashboard",
        lambda: QCoreApplication.translate("pages", "Dashboard"),
        DashboardPage,
        SP.SP_ComputerIcon,
    ),
    PageSpec(
        "items",
        lambda: QCoreApplication.translate("pages", "Items"),
        ItemsPage,
        SP.SP_FileDialogContentsView,
    ),
    PageSpec(
        "stock", lambda: QCoreApplication.translate("pages", "Stock"), StockPage, SP.SP_DriveHDIcon
    ),
    PageSpec(
        "movements",
        lambda: QCoreApplication.translate("pages", "Movements"),
        MovementsPage,
        SP.SP_FileDialogListView,
    ),
    PageSpec(
        "stocktakes",
        lambda: QCoreApplication.translate("pages", "Stocktakes"),
        StocktakesPage,
        SP.SP_DialogApplyButton,
    ),
    PageSpec("demand", lambda: QCoreApplication.translate("pages", "Demand"), DemandPage),
    PageSpec(
        "suppliers",
        lambda: QCoreApplication.translate("pages", "Suppliers"),
        SuppliersPage,
        SP.SP_DirLinkIcon,
    ),
    PageSpec(
        "orders",
        lambda: QCoreApplication.translate("pages", "Purchase orders"),
        OrdersPage,
        SP.SP_FileDialogNewFolder,
    ),
    PageSpec(
        "reports",
        lambda: QCoreApplication.translate("pages", "Reports"),
        ReportsPage,
        SP.SP_FileDialogDetailedView,
    ),
    PageSpec(
        "audit",
        lambda: QCoreApplication.translate("pages", "Audit"),
        AuditPage,
        SP.SP_FileDialogInfoView,
    ),
]


def page_names() -> list[str]:
    return [spec.name for spec in PAGES]


__all__ = ["PAGES", "Page", "PageSpec", "page_names"]
