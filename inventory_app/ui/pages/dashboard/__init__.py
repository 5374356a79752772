"""Dashboard: the shop's health at a glance. ``page`` composes the KPI ``tiles``, the
``charts`` and the alert ``lists``, and computes their data off the UI thread."""

from __future__ import annotations

from inventory_app.ui.pages.dashboard.page import DashboardPage, compute

__all__ = ["DashboardPage", "compute"]
