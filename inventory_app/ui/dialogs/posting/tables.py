"""The two tables of the posting dialog: the document's lines, and the batch preview
(which batches each line will draw, or the batch a receipt will create)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import MovementType
from inventory_app.ui.dialogs.posting.lines import (
    Draft,
    Header,
    cost_of,
    default_expiry,
    parse_date,
    qty_of,
    shortage_text,
    takes_cost,
    value_of,
)
from inventory_app.ui.widgets.format import cost_text, location_text, money_text, qty_text

T = MovementType
RED = QColor("#c62828")
AMBER = QColor("#a86500")
GREY = QColor("#6b6b6b")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def line_columns(kind: MovementType) -> list[tuple[str, str]]:
    """(key, title) of the lines table for a kind of document."""
    cols = [
        ("item", QCoreApplication.translate("PostingDialog", "Item")),
        ("qty", QCoreApplication.translate("PostingDialog", "Qty")),
        ("unit", QCoreApplication.translate("PostingDialog", "Unit")),
    ]
    if kind in (T.RECEIPT, T.ADJUST):
        cols.append(("unit_cost", QCoreApplication.translate("PostingDialog", "Unit cost")))
    cols.append(("batch", QCoreApplication.translate("PostingDialog", "Batch")))
    if kind == T.RECEIPT:
        cols += [
            ("expiry", QCoreApplication.translate("PostingDialog", "Expiry")),
            ("location", QCoreApplication.translate("PostingDialog", "Location")),
        ]
    cols += [
        ("value", QCoreApplication.translate("PostingDialog", "Value")),
        ("status", QCoreApplication.translate("PostingDialog", "Check")),
    ]
    return cols


def numeric_columns(kind: MovementType) -> list[int]:
    keys = [k for k, _ in line_columns(kind)]
    return [i for i, k in enumerate(keys) if k in ("qty", "unit_cost", "value")]


def preview_titles() -> list[str]:
    return [
        QCoreApplication.translate("PostingDialog", "Line"),
        QCoreApplication.translate("PostingDialog", "Batch"),
        QCoreApplication.translate("PostingDialog", "Location"),
        QCoreApplication.translate("PostingDialog", "Received"),
        QCoreApplication.translate("PostingDialog", "Expiry"),
        QCoreApplication.translate("PostingDialog", "Qty"),
        QCoreApplication.translate("PostingDialog", "Unit cost"),
        QCoreApplication.translate("PostingDialog", "Value"),
    ]


def make_table(parent, titles: list[str], numeric: list[int]) -> QTableWidget:
    """A read-only table sized to its contents, the first column taking the spare width."""
    table = QTableWidget(0, len(titles), parent)
    table.setHorizontalHeaderLabels(titles)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(64)
    header.setStretchLastSection(False)
    for col in numeric:
        item = table.horizontalHeaderItem(col)
        item.setTextAlignment(RIGHT)
    return table


def _cell(text: str, *, numeric: bool = False, color: QColor | None = None) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setTextAlignment(RIGHT if numeric else LEFT)
    if color is not None:
        cell.setForeground(QBrush(color))
    return cell


def _expiry_text(d: Draft, head: Header) -> tuple[str, QColor | None]:
    try:
        typed = parse_date(d.expiry)
    except ValidationError:  # the field says what is wrong with it
        return d.expiry, RED
    if typed is not None:
        return typed.isoformat(), None
    auto = default_expiry(d, head.date)
    return (auto.isoformat(), GREY) if auto else ("—", GREY)


def line_row(d: Draft, kind: MovementType, head: Header, number: int) -> list[QTableWidgetItem]:
    """The cells of one draft in the lines table."""
    cells: list[QTableWidgetItem] = []
    for key, _ in line_columns(kind):
        error = d.errors.get(key)
        if key == "item":
            cell = _cell(f"{number}. {d.item.sku} — {d.item.name}")
        elif key == "qty":
            q = qty_of(d)
            cell = _cell(qty_text(q) if q is not None else d.qty, numeric=True)
        elif key == "unit":
            cell = _cell(d.pack or d.item.unit, color=None if d.pack else GREY)
        elif key == "unit_cost":
            c = cost_of(d)
            if not takes_cost(kind, d):
                cell = _cell("", numeric=True)
            elif c is not None:
                cell = _cell(cost_text(c), numeric=True)
            else:
                cell = _cell(
                    d.unit_cost or QCoreApplication.translate("PostingDialog", "needed"),
                    numeric=True,
                    color=RED,
                )
        elif key == "batch":
            if d.batch:
                cell = _cell(d.batch)
            elif takes_cost(kind, d):
                cell = _cell(QCoreApplication.translate("PostingDialog", "new"), color=GREY)
            else:
                cell = _cell(d.item.removal.value.upper(), color=GREY)
        elif key == "expiry":
            text, color = _expiry_text(d, head)
            cell = _cell(text, color=color)
        elif key == "location":
            cell = _cell(location_text(d.location or ""))
        elif key == "value":
            v = value_of(d, kind)
            cell = _cell(money_text(v) if v is not None else "", numeric=True)
        else:  # status
            cell = status_cell(d)
        if error and key != "status":
            cell.setForeground(QBrush(RED))
            cell.setToolTip(error)
        cells.append(cell)
    return cells


def status_cell(d: Draft) -> QTableWidgetItem:
    if d.errors:
        return _cell(next(iter(d.errors.values())), color=RED)
    if d.needs_reason:
        if d.override_reason.strip():
            return _cell(
                QCoreApplication.translate("PostingDialog", "ok, reason given"), color=AMBER
            )
        return _cell(QCoreApplication.translate("PostingDialog", "needs a reason"), color=RED)
    p = d.preview
    if p is None:
        return _cell("…", color=GREY)
    if not p.ok:
        return _cell(shortage_text(p), color=RED)
    return _cell(QCoreApplication.translate("PostingDialog", "ok"), color=GREY)


def fill_lines(table: QTableWidget, drafts: list[Draft], kind: MovementType, head: Header):
    table.setRowCount(len(drafts))
    for r, d in enumerate(drafts):
        for c, cell in enumerate(line_row(d, kind, head, r + 1)):
            table.setItem(r, c, cell)


def _date(d: dt.date | None) -> str:
    return d.isoformat() if d else "—"


def _created_row(label: str, d: Draft, kind: MovementType, head: Header) -> list[QTableWidgetItem]:
    """A receipt's or a gain's line: the batch it creates."""
    q, c, v = qty_of(d), cost_of(d), value_of(d, kind)
    exp_text, _ = _expiry_text(d, head)
    loc = d.location if kind == T.RECEIPT else (head.location or "")
    return [
        _cell(label),
        _cell(
            d.batch or QCoreApplication.translate("PostingDialog", "new batch"),
            color=None if d.batch else GREY,
        ),
        _cell(location_text(loc or "")),
        _cell(head.date.isoformat()),
        _cell(exp_text),
        _cell(qty_text(q) if q is not None else "", numeric=True),
        _cell(cost_text(c) if c is not None else "", numeric=True),
        _cell(money_text(v) if v is not None else "", numeric=True),
    ]


def _drawn_row(label: str, draw) -> list[QTableWidgetItem]:
    """A batch an outgoing line draws from (``services.postings`` preview's draw)."""
    color = RED if draw.expired else None
    cost = draw.value / draw.qty if draw.qty else Decimal(0)
    expiry = _date(draw.expiry) + (
        QCoreApplication.translate("PostingDialog", " (expired)") if draw.expired else ""
    )
    return [
        _cell(label),
        _cell(draw.batch, color=color),
        _cell(location_text(draw.location)),
        _cell(_date(draw.received)),
        _cell(expiry, color=color),
        _cell(qty_text(draw.qty), numeric=True),
        _cell(cost_text(cost), numeric=True),
        _cell(money_text(draw.value), numeric=True),
    ]


def preview_rows(
    drafts: list[Draft], kind: MovementType, head: Header
) -> list[tuple[int, list[QTableWidgetItem]]]:
    """(line index, cells) for every batch each previewed line draws or creates; a line that
    cannot draw anything gets one row saying why."""
    rows: list[tuple[int, list[QTableWidgetItem]]] = []
    for n, d in enumerate(drafts):
        label = f"{n + 1}. {d.item.sku} — {d.item.name}"
        p = d.preview
        if d.errors or p is None:
            continue
        if not p.ok and not p.draws:
            rows.append((n, [_cell(label), _cell(shortage_text(p), color=RED)]))
        elif not p.draws:
            rows.append((n, _created_row(label, d, kind, head)))
        else:
            rows += [(n, _drawn_row(label, draw)) for draw in p.draws]
    return rows


def fill_preview(
    table: QTableWidget,
    drafts: list[Draft],
    kind: MovementType,
    head: Header,
    *,
    selected: int,
) -> None:
    """One row per batch drawn (or created) by each line; the selected line in bold."""
    rows = preview_rows(drafts, kind, head)
    table.clearSpans()
    table.setRowCount(len(rows))
    bold = QFont(table.font())
    bold.setBold(True)
    for r, (n, cells) in enumerate(rows):
        for c in range(table.columnCount()):
            cell = cells[c] if c < len(cells) else _cell("")
            if n == selected:
                cell.setFont(bold)
            table.setItem(r, c, cell)
        if len(cells) == 2:  # a problem row spans the rest of the table
            table.setSpan(r, 1, 1, table.columnCount() - 1)
    first = next((r for r, (n, _) in enumerate(rows) if n == selected), None)
    if first is not None:  # the selected line's batches in view
        table.scrollToItem(table.item(first, 0))
