"""The icon: installer/icons.py renders the SVG master to PNGs, an .ico and an .icns that Qt
reads back, and the desktop app, the .desktop entry and the installers all use it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader

from inventory_app import resources
from inventory_app.ui.launch import app_icon

ROOT = Path(__file__).resolve().parents[1]


def _icons():
    spec = importlib.util.spec_from_file_location("icons", ROOT / "installer" / "icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_renders_every_size_and_both_containers(qapp, tmp_path):
    icons = _icons()
    written = icons.build(package=tmp_path / "pkg", installer=tmp_path / "inst")
    for size in resources.ICON_SIZES:
        reader = QImageReader(str(tmp_path / "pkg" / f"inventory-app-{size}.png"))
        assert reader.size() == QSize(size, size)
    ico = QImageReader(str(tmp_path / "inst" / "inventory-app.ico"))
    assert ico.format() == b"ico" and ico.imageCount() == len(icons.ICO_SIZES)
    icns = QImageReader(str(tmp_path / "inst" / "inventory-app.icns"))
    assert icns.format() == b"icns" and icns.imageCount() == len(icons.ICNS_TYPES)
    assert len(written) == len(resources.ICON_SIZES) + 2


def test_the_rendered_icons_are_committed_and_drawn(qapp):
    """Not blank: the master's blue square and the carton are in the 64 px rendering."""
    from PySide6.QtGui import QImage

    image = QImage(str(resources.path(resources.ICON_PNG.format(size=64))))
    assert image.width() == 64
    colours = {image.pixelColor(x, y).name() for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) > 4
    assert (ROOT / "installer" / "icons" / "inventory-app.ico").stat().st_size > 10_000
    assert (ROOT / "installer" / "icons" / "inventory-app.icns").stat().st_size > 10_000


def test_the_window_icon_has_every_size(qapp):
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert sizes == set(resources.ICON_SIZES)


def test_the_desktop_entry_and_installers_name_the_icon():
    desktop = (ROOT / "installer" / "inventory-app.desktop").read_text(encoding="utf-8")
    assert "\nIcon=inventory-app\n" in desktop
    spec = (ROOT / "installer" / "inventory_app.spec").read_text(encoding="utf-8")
    assert "inventory-app.ico" in spec and "inventory-app.icns" in spec
    iss = (ROOT / "installer" / "inventory_app.iss").read_text(encoding="utf-8")
    assert "SetupIconFile=icons\\inventory-app.ico" in iss
