"""The main window's pages by name, in sidebar order, each built the first time it is wanted.

A shop opens on one page. Building the other nine, and importing their modules and the
services behind them, cost ~0.1-0.2 s of every start (measured with benchmarks/startup.py);
now a page is built when it is first shown or asked for by name (``pages["items"]``), in a
slot of the stacked widget kept for it, so the sidebar's row is still the stack's index.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

from inventory_app.ui.app_context import AppContext, app_settings
from inventory_app.ui.pages import Page, PageSpec


class LazyPages(Mapping[str, Page]):
    """Every page's name (iteration, ``len``, ``in``); a page itself on ``[name]``, built
    then if it was not. ``built()`` gives only the pages built so far."""

    def __init__(self, stack: QStackedWidget, ctx: AppContext, specs: Sequence[PageSpec]):
        self._stack = stack
        self._ctx = ctx
        self._specs = {spec.name: spec for spec in specs}
        self._built: dict[str, Page] = {}
        self._slots: dict[str, QWidget] = {}
        for spec in specs:
            slot = QWidget()
            stack.addWidget(slot)
            self._slots[spec.name] = slot

    def __getitem__(self, name: str) -> Page:
        page = self._built.get(name)
        if page is None:
            page = self._build(self._specs[name])  # KeyError: no such page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def built(self) -> list[Page]:
        return list(self._built.values())

    def _build(self, spec: PageSpec) -> Page:
        page = spec.factory(self._ctx, None)
        page.restore_state(app_settings())
        slot = self._slots.pop(spec.name)
        index = self._stack.indexOf(slot)
        was_current = self._stack.currentIndex() == index
        self._stack.insertWidget(index, page)
        self._stack.removeWidget(slot)
        slot.deleteLater()
        if was_current:
            self._stack.setCurrentIndex(index)
        self._built[spec.name] = page
        return page

    def discard(self) -> None:
        """Take every page and slot out of the stack (a shop closed, the language changed)."""
        for widget in [*self._built.values(), *self._slots.values()]:
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self._built.clear()
        self._slots.clear()
        self._specs.clear()


__all__ = ["LazyPages"]
