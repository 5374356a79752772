"""Labels drawn with matplotlib and written as PDF: an A4 sheet of 3 × 8 labels (70 × 37 mm),
or one 40 × 30 mm label a page for a label printer. Each label: the item's name and code, its
lines (batch, expiry, price) and a Code 128 barcode (python-barcode computes the bars; they
are drawn here as rectangles, so the PDF stays vector and prints sharp at any resolution).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inventory_app.charts.fonts import CJK_FAMILY, ensure_fonts
from inventory_app.domain.errors import ValidationError
from inventory_app.services.buying.labels import LAYOUTS, Label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MM = 1 / 25.4  # inches
A4 = (210 * MM, 297 * MM)
SHEET = (3, 8, 70 * MM, 37 * MM)  # columns, rows, label width, label height
SMALL = (40 * MM, 30 * MM)


def code128_modules(data: str) -> str:
    """The bars of ``data`` as Code 128: '1' a dark module, '0' a light one."""
    from barcode import Code128

    return "".join(Code128(data).build())


def _draw(fig: Figure, label: Label, x: float, y: float, w: float, h: float) -> None:
    from matplotlib.patches import Rectangle

    """One label in the box (x, y, w, h) in figure fractions (y at the bottom)."""
    scale = h / (SMALL[1] / fig.get_figheight())  # 1 on a 30 mm tall label
    pad = 0.06 * w
    size = max(5.0, 7.5 * scale)
    name = label.title if len(label.title) <= 22 else label.title[:21] + "…"
    fig.text(x + pad, y + h * 0.93, name, fontsize=size + 1, weight="bold", va="top")
    fig.text(x + pad, y + h * 0.78, label.code, fontsize=size, va="top")
    for n, line in enumerate(label.lines):
        fig.text(x + pad, y + h * (0.66 - 0.11 * n), line, fontsize=size - 0.5, va="top")
    bars = code128_modules(label.barcode)
    quiet = 0.1 * w  # Code 128 wants ten modules of white on each side
    left, width = x + quiet, w - 2 * quiet
    bottom, height = y + h * 0.12, h * 0.22
    module = width / len(bars)
    run = 0
    for n, bit in enumerate(bars + "0"):
        if bit == "1":
            run += 1
        elif run:
            start = left + (n - run) * module
            fig.add_artist(
                Rectangle((start, bottom), run * module, height, transform=fig.transFigure,
                          color="black", lw=0)
            )  # fmt: skip
            run = 0
    # the human-readable line fits the label's width (a GS1 string is some 40 characters;
    # a monospace character with the fallback fonts takes up to 0.7 em)
    points = w * fig.get_figwidth() * 72 * 0.94
    fit = points / (0.7 * max(len(label.barcode_text), 1))
    fig.text(x + w / 2, y + h * 0.02, label.barcode_text, fontsize=min(max(4.0, size - 2.5), fit),
             ha="center", va="bottom", family="monospace")  # fmt: skip


def label_figures(labels: list[Label], layout: str) -> list[Figure]:
    ensure_fonts()  # first: matplotlib loads lean (charts.lean_matplotlib)
    from matplotlib.figure import Figure

    if layout == "40x30":
        pages = []
        for label in labels:
            fig = Figure(figsize=SMALL)
            _draw(fig, label, 0, 0, 1, 1)
            pages.append(fig)
        return pages
    cols, rows, lw, lh = SHEET
    per_page = cols * rows
    left = (A4[0] - cols * lw) / 2
    top = (A4[1] - rows * lh) / 2
    pages = []
    for first in range(0, len(labels), per_page):
        fig = Figure(figsize=A4)
        for n, label in enumerate(labels[first : first + per_page]):
            r, c = divmod(n, cols)
            x = (left + c * lw) / A4[0]
            y = 1 - (top + (r + 1) * lh) / A4[1]
            _draw(fig, label, x, y, lw / A4[0], lh / A4[1])
        pages.append(fig)
    return pages


# TrueType in the PDF (text stays text); the CJK font as the fallback even when something reset
# matplotlib's settings after ``ensure_fonts`` first ran.
_PDF_RC = {"pdf.fonttype": 42, "font.family": ["DejaVu Sans", CJK_FAMILY]}


def write_labels(labels: list[Label], path: str | Path, *, layout: str = "a4") -> Path:
    """The labels as a PDF: A4 sheets of 24, or one 40 × 30 mm label a page."""
    import logging

    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    if layout not in LAYOUTS:
        raise ValidationError("labels.layout", layout=layout, choices=", ".join(LAYOUTS))
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    target = Path(path)
    pages = label_figures(
        labels, layout
    )  # outside the rc_context: ensure_fonts' settings must stay
    try:
        with matplotlib.rc_context(_PDF_RC), PdfPages(target) as pdf:
            for fig in pages:
                pdf.savefig(fig)
    except OSError as exc:
        raise ValidationError("po.export_failed", reason=exc.strerror or str(exc)) from None
    return target


def render_pages(labels: list[Label], *, layout: str = "a4", dpi: int = 300) -> list[bytes]:
    """The pages ``write_labels`` writes, as PNG images at ``dpi`` (for a printer: the app
    paints them on the page; one 40 × 30 mm label, or an A4 sheet, an image)."""
    import io
    import logging

    import matplotlib

    if layout not in LAYOUTS:
        raise ValidationError("labels.layout", layout=layout, choices=", ".join(LAYOUTS))
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    pages = label_figures(labels, layout)
    out = []
    with matplotlib.rc_context({"font.family": _PDF_RC["font.family"]}):
        for fig in pages:
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
            out.append(buf.getvalue())
    return out
