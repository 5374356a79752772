"""Cells made ahead for the long sheets: each distinct value of a column becomes its cell's
XML once (``SheetWriter.cell_xml``, the row number left as a mark), and a row is then a
tuple of lookups, written with ``SheetWriter.put``.

A month's Movements repeat most of their cells (dates, types, SKUs, names, locations,
quantities): a lookup keyed by the value read from the database costs a small part of
converting the value and finding its cell per row. Cells are exactly ``row``'s: they are
made by the same code, and the tests compare the sheets with openpyxl's own cell writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice

from inventory_app.services.export.style import Num
from inventory_app.services.export.writer import SheetWriter

# Cells remembered per column: a month of a 10k-item shop has ~9k SKUs and names and ~17k
# batches in its lines. Bounded, and long cells (notes) not remembered: memory stays a few MB.
_PER_COLUMN = 32768
_LONGEST = 300
NUMBER_END = "</v></c>"

Tick = Callable[[int], None]  # tick(n): n more rows written (may raise ``Cancelled``)


class Column(dict):
    """Value read -> its cell's XML in column ``i`` of a normal row; ``convert`` turns the
    value read into the cell's value (a label, an exact number text...)."""

    __slots__ = ("_make",)

    def __init__(
        self,
        sw: SheetWriter,
        i: int,
        convert: Callable[[object], object] | None = None,
        *,
        whole: bool = False,
    ) -> None:
        super().__init__()
        if convert is None:
            self._make = lambda v: sw.cell_xml(i, v, whole=whole)
        else:
            self._make = lambda v: sw.cell_xml(i, convert(v), whole=whole)

    def __missing__(self, v: object) -> str:
        xml = self._make(v)
        if len(xml) <= _LONGEST and len(self) < _PER_COLUMN:
            self[v] = xml
        return xml


def number_start(sw: SheetWriter, i: int, *, whole: bool = False) -> str:
    """A number cell of column ``i`` up to its digits: start + digits + ``NUMBER_END`` is
    the cell ``cell_xml`` makes for that number (for columns of unique numbers)."""
    xml = sw.cell_xml(i, Num("0"), whole=whole)
    start = xml[: xml.index("<v>") + 3]
    if xml != start + "0" + NUMBER_END:  # the shape of a number cell changed: a bug
        raise ValueError(f"unexpected number cell {xml!r}")
    return start


def put_in_chunks(sw: SheetWriter, rows: Iterable[tuple[str, ...]], tick: Tick, every: int) -> int:
    """Write ``rows`` (tuples of cells, ``SheetWriter.put``) ``every`` at a time, telling
    ``tick(every)`` after each full chunk; returns the data rows written."""
    first = sw.n  # the header's row
    n = 0
    rows = iter(rows)
    while chunk := list(islice(rows, every)):
        n = sw.put(chunk) - first
        if len(chunk) == every:
            tick(every)
    return n
