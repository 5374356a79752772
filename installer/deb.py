"""The Linux package: a .deb around the PyInstaller folder.

Why a .deb rather than an AppImage: a shop owner double-clicks it and the software centre
(Ubuntu, Debian, and the Debian-based Chinese desktops — Deepin, UOS, Kylin — whose own app
format it is) installs it: menu entry, icon, and "Open with" for shop files are wired by the
system's own triggers, and it uninstalls from the same place. An AppImage must first be made
executable, adds no menu entry or file association by itself, and needs FUSE 2, which recent
Ubuntu releases no longer install. (It is also buildable offline: dpkg-deb is everywhere.)

Layout:
    /opt/inventory-app/                       the bundle (inventory-app, inventory-app-cli)
    /usr/bin/inventory-app                    -> /opt/inventory-app/inventory-app
    /usr/share/applications/inventory-app.desktop
    /usr/share/icons/hicolor/NxN/apps/inventory-app.png, scalable/apps/inventory-app.svg
Shop files stay in the user's data folder: installing, upgrading or removing never touches them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "inventory-app"
# What Qt's xcb platform plugin and the bundle's libraries need from the system (PyInstaller
# warned they were not bundled); every desktop has most of them already.
DEPENDS = (
    "libc6 (>= 2.31), libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, "
    "libegl1, libgl1, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, "
    "libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0"
)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def control(version: str, arch: str, installed_kb: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {DEPENDS}\n"
        "Maintainer: inventory_app developers <noreply@localhost>\n"
        "Description: Offline inventory manager for small shops\n"
        " Stock, batches with cost and expiry, an exact FIFO/FEFO ledger, stocktakes,\n"
        " turnover analytics and the accountant's monthly Excel pack. One SQLite file\n"
        " per shop, no server, no account. Chinese and English.\n"
        " .\n"
        " 小店库存管理：批次、先进先出成本、盘点、周转分析、月度会计报表。\n"
    )


def stage(bundle: Path, version: str, root: Path) -> Path:
    """Lay out the package tree in ``root`` (emptied first); returns it."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True, copy_function=os.link)  # hard links: quick
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{PACKAGE}/inventory-app", root / "usr" / "bin" / "inventory-app")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "installer" / "inventory-app.desktop", apps / "inventory-app.desktop")
    icons = root / "usr" / "share" / "icons" / "hicolor"
    package_icons = ROOT / "inventory_app" / "resources" / "icons"
    for size in ICON_SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(package_icons / f"inventory-app-{size}.png", folder / "inventory-app.png")
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(
        ROOT / "resources" / "icon" / "inventory-app.svg",
        icons / "scalable" / "apps" / "inventory-app.svg",
    )
    installed_kb = sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (debian / "control").write_text(control(version, arch, installed_kb), encoding="utf-8")
    for path in root.rglob("*"):  # dpkg wants sane modes whatever the umask was
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    return root


def build(bundle: Path, version: str, out: Path, work: Path, *, compression: str = "xz") -> Path:
    """``out``/inventory-app_VERSION_ARCH.deb from the PyInstaller folder ``bundle``.
    ``compression``: xz (the smallest download, ~8 min of one core for 270 MB) or gzip (~4x
    faster, ~25% larger; CI uses it to stay inside its time budget)."""
    root = stage(bundle, version, work / "deb-root")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    (deb,) = out.glob(f"{PACKAGE}_{version}_*.deb")
    return deb


def unpack(deb: Path, dest: Path) -> Path:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True)
    return dest


def layout_problems(root: Path) -> list[str]:
    """What is missing or wrong in an unpacked package."""
    problems = []
    for program in ("inventory-app", "inventory-app-cli"):
        if not os.access(root / "opt" / PACKAGE / program, os.X_OK):
            problems.append(f"/opt/{PACKAGE}/{program} missing or not executable")
    link = root / "usr" / "bin" / "inventory-app"
    if not link.is_symlink() or os.readlink(link) != f"/opt/{PACKAGE}/inventory-app":
        problems.append("/usr/bin/inventory-app is not the link to the program")
    desktop = root / "usr" / "share" / "applications" / "inventory-app.desktop"
    text = desktop.read_text(encoding="utf-8") if desktop.is_file() else ""
    for line in ("Exec=inventory-app %f", "Icon=inventory-app", "MimeType=application/vnd.sqlite3"):
        if line not in text:
            problems.append(f"inventory-app.desktop lacks {line!r}")
    for size in ICON_SIZES:
        if not (root / f"usr/share/icons/hicolor/{size}x{size}/apps/inventory-app.png").is_file():
            problems.append(f"no {size}x{size} icon")
    if shutil.which("desktop-file-validate") and desktop.is_file():
        done = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True
        )
        problems += [f"desktop-file-validate: {line}" for line in done.stdout.splitlines()]
    return problems
