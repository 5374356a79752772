"""The main window's pages, in sidebar order.

Another page is one line: ``PAGES.append(PageSpec("reports", lambda:
QCoreApplication.translate("pages", "Reports"), ReportsPage, SP.SP_FileDialogDetailedView))``
— or add it to the list below. A page is a ``pages.base.Page`` built as
``factory(ctx, parent)``; ``name`` is what ``--page`` takes in screenshot mode.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from inventory_app.ui.app_context import AppContext
from inventory_app.ui.pages.base import Page

SP = QStyle.StandardPixmap


@dataclass(frozen=True, slots=True)
class PageSpec:
    name: str
    title_fn: Callable[[], str]
    factory: Callable[[AppContext, QWidget | None], Page]
    icon: QStyle.StandardPixmap = SP.SP_FileIcon


def _lazy(module: str, name: str) -> Callable[[AppContext, QWidget | None], Page]:
    """A factory that imports its page's module when the first such page is built: a shop
    opens on one page, and the others (with the services behind them) load when shown."""

    def build(ctx: AppContext, parent: QWidget | None = None) -> Page:
        page_class = getattr(importlib.import_module(f"inventory_app.ui.pages.{module}"), name)
        return page_class(ctx, parent)

    build.__qualname__ = name
    return build


PAGES: list[PageSpec] = [
    PageSpec(
        "dashboard",
        lambda: QCoreApplication.translate("pages", "Dashboard"),
        _lazy("dashboard.page", "DashboardPage"),
        SP.SP_ComputerIcon,
    ),
    PageSpec(
        "items",
        lambda: QCoreApplication.translate("pages", "Items"),
        _lazy("items", "ItemsPage"),
        SP.SP_FileDialogContentsView,
    ),
    PageSpec(
        "stock",
        lambda: QCoreApplication.translate("pages", "Stock"),
        _lazy("stock", "StockPage"),
        SP.SP_DriveHDIcon,
    ),
    PageSpec(
        "movements",
        lambda: QCoreApplication.translate("pages", "Movements"),
        _lazy("movements", "MovementsPage"),
        SP.SP_FileDialogListView,
    ),
    PageSpec(
        "stocktakes",
        lambda: QCoreApplication.translate("pages", "Stocktakes"),
        _lazy("stocktakes", "StocktakesPage"),
        SP.SP_DialogApplyButton,
    ),
    PageSpec(
        "demand",
        lambda: QCoreApplication.translate("pages", "Demand"),
        _lazy("demand", "DemandPage"),
    ),
    PageSpec(
        "suppliers",
        lambda: QCoreApplication.translate("pages", "Suppliers"),
        _lazy("suppliers", "SuppliersPage"),
        SP.SP_DirLinkIcon,
    ),
    PageSpec(
        "orders",
        lambda: QCoreApplication.translate("pages", "Purchase orders"),
        _lazy("orders", "OrdersPage"),
        SP.SP_FileDialogNewFolder,
    ),
    PageSpec(
        "reports",
        lambda: QCoreApplication.translate("pages", "Reports"),
        _lazy("reports", "ReportsPage"),
        SP.SP_FileDialogDetailedView,
    ),
    PageSpec(
        "audit",
        lambda: QCoreApplication.translate("pages", "Audit"),
        _lazy("audit", "AuditPage"),
        SP.SP_FileDialogInfoView,
    ),
]


def page_names() -> list[str]:
    return [spec.name for spec in PAGES]


__all__ = ["PAGES", "Page", "PageSpec", "page_names"]
