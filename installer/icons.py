"""Render the icon master (resources/icon/inventory-app.svg) to what each platform wants:

- PNGs at 16…512 px as package data (inventory_app/resources/icons/): the window icon, and the
  Linux hicolor theme icons of the .deb;
- installer/icons/inventory-app.ico (Windows: the .exe, the installer, Start menu);
- installer/icons/inventory-app.icns (macOS: the .app).

    python installer/icons.py            # rewrite them all (commit the results)

Qt's own SVG renderer draws the PNGs (no new dependency); the .ico and .icns containers are
written here (PNG-compressed entries, which Windows Vista+ and macOS 10.7+ read).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MASTER = ROOT / "resources" / "icon" / "inventory-app.svg"
PACKAGE_ICONS = ROOT / "inventory_app" / "resources" / "icons"
INSTALLER_ICONS = ROOT / "installer" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # = inventory_app.resources.ICON_SIZES
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns entry types and their pixel sizes (the @2x entries are the larger renderings)
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)  # fmt: skip


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, antialiased, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:  # QPainter wants a GUI application, no window
        render_png.app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (ICONDIR + ICONDIRENTRYs + the images)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: the 'icns' header, then (type, length, PNG) entries."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(svg: Path = MASTER, package: Path = PACKAGE_ICONS, installer: Path = INSTALLER_ICONS):
    """Write every rendering; returns the files written."""
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    pngs = {size: render_png(svg, size) for size in sizes}
    package.mkdir(parents=True, exist_ok=True)
    installer.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        written.append(package / f"inventory-app-{size}.png")
        written[-1].write_bytes(pngs[size])
    written.append(installer / "inventory-app.ico")
    written[-1].write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    written.append(installer / "inventory-app.icns")
    written[-1].write_bytes(icns(pngs))
    return written


if __name__ == "__main__":
    for path in build():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
