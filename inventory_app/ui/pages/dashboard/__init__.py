"""Dashboard: the shop's health at a glance — KPI tiles against their healthy bands, five"""

from __future__ import annotations

from inventory_app.ui.pages.dashboard.page import DashboardPage, compute

__all__ = ["DashboardPage", "compute"]
